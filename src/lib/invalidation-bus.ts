import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { closeRedis } from "./redis.ts";
import {
  announcementsAfter,
  deleteAnnouncementsBefore,
  latestAnnouncementId,
  logAnnouncement,
} from "./stale-log.repo.ts";

/**
 * What a mutation made stale, as tags. A use case announces them after its transaction commits;
 * whatever keeps a copy of something public (the page cache, the chrome cache) subscribes and drops
 * what carries any of them. The forms (build them with `stale` below, never by hand):
 *
 * - `article:N`        the article page with number N (and its comments)
 * - `section:S`        a section page, by slug path (`industry`, `industry/tech`)
 * - `reporter:K`       a reporter's page, by staff key; article pages carry their reporters' tags
 * - `person:K`         a person's page, by key; article pages carry the tags of the people they link
 * - `event:K`          an event page, by key
 * - `events`           the list of events (`/events`)
 * - `most-read`        whatever shows 인기기사, when the ranking's order changed (ranking refresh)
 * - `home`, `feed:*`, `sitemap`, `search`
 * - `*`                everything (site settings, navigation, a bundle import)
 */
export type StaleTag = string;

export const stale = {
  article: (num: number): StaleTag => `article:${num}`,
  section: (slugPath: string): StaleTag => `section:${slugPath}`,
  reporter: (key: string): StaleTag => `reporter:${key}`,
  person: (key: string): StaleTag => `person:${key}`,
  event: (key: string): StaleTag => `event:${key}`,
  /** a policy page (`/policy/SLUG`, all its versions) */
  policy: (slug: string): StaleTag => `policy:${slug}`,
  /** a 연재's page and every part's previous/next links */
  series: (key: string): StaleTag => `series:${key}`,
  events: "events" as StaleTag,
  mostRead: "most-read" as StaleTag,
  home: "home" as StaleTag,
  feeds: "feed:*" as StaleTag,
  sitemap: "sitemap" as StaleTag,
  search: "search" as StaleTag,
  everything: "*" as StaleTag,
} as const;

export type StaleListener = (tags: readonly StaleTag[]) => void;

/**
 * Carries announcements to every subscriber in this process and, when built on Redis, to every
 * instance. Subscribers must be quick and must not throw (a throwing one is logged and skipped), so
 * one bad subscriber never stops a publish from reaching the others.
 */
export interface InvalidationBus {
  /** Delivers here at once, then to other instances; never throws (a lost broadcast is logged). */
  announce(tags: Iterable<StaleTag>): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: StaleListener): () => void;
  close(): Promise<void>;
}

interface BusLog {
  warn(obj: object, msg: string): void;
}

const silent: BusLog = { warn: () => undefined };

function localSubscribers(log: BusLog) {
  const listeners = new Set<StaleListener>();
  return {
    add(listener: StaleListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    deliver(tags: readonly StaleTag[]) {
      for (const listener of listeners) {
        try {
          listener(tags);
        } catch (err) {
          log.warn({ err, tags }, "invalidation subscriber failed");
        }
      }
    },
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** the app's invalidation bus (tests subscribe to see what a request made stale) */
    bus: InvalidationBus;
  }
}

const distinct = (tags: Iterable<StaleTag>) => [...new Set(tags)];

/** A bus for one process: the CLI without Redis, tests, a single instance. */
export function createLocalBus(log: BusLog = silent): InvalidationBus {
  const subscribers = localSubscribers(log);
  return {
    async announce(tags) {
      const list = distinct(tags);
      if (list.length) subscribers.deliver(list);
    },
    subscribe: (listener) => subscribers.add(listener),
    async close() {},
  };
}

interface Envelope {
  from: string;
  tags: StaleTag[];
}

/**
 * A bus shared by every instance through Redis pub/sub on `channel`. Each instance delivers its own
 * announcements locally at once and ignores their echo; others' arrive within the round trip.
 * Pub/sub keeps nothing: an instance that is down misses announcements, which is why whatever keeps
 * copies also bounds their age (the page cache's own rules, issue "The reader path").
 */
export async function createRedisBus(options: {
  url: string;
  channel: string;
  log?: BusLog;
}): Promise<InvalidationBus> {
  const log = options.log ?? silent;
  const self = randomUUID();
  const subscribers = localSubscribers(log);
  // Without an offline queue a publish while Redis is away fails at once (and is logged) instead of
  // holding the write that announced it; the connection keeps retrying in the background.
  // A Redis that hangs without answering fails the publish after 500 ms the same way.
  const publisher = new Redis(options.url, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
    commandTimeout: 500,
  });
  // A connection in subscriber mode can do nothing else, so listening takes a second one.
  // ioredis's own resubscription on reconnect is off: it sends SUBSCRIBE without handling its
  // failure, so a connection closed before Redis answered it rejected a promise nobody held (an
  // unhandled rejection; a CI run failed on it). The "ready" handler below subscribes instead.
  const listener = new Redis(options.url, { maxRetriesPerRequest: 2, autoResubscribe: false });
  for (const [name, connection] of [
    ["publisher", publisher],
    ["listener", listener],
  ] as const) {
    // One line when a connection goes down and one when it is back, not one per reconnect attempt.
    let down = false;
    connection.on("error", (err) => {
      if (!down) log.warn({ err }, `invalidation bus: Redis ${name} connection lost; retrying`);
      down = true;
    });
    connection.on("ready", () => {
      if (down) {
        log.warn({}, `invalidation bus: Redis ${name} connection back`);
        // Pub/sub kept nothing while we were away: whatever was announced then is lost, so
        // everything kept here is dropped once.
        if (name === "listener") subscribers.deliver([stale.everything]);
      }
      down = false;
    });
  }
  listener.on("message", (channel, message) => {
    if (channel !== options.channel) return;
    try {
      const envelope = JSON.parse(message) as Envelope;
      if (envelope.from !== self && Array.isArray(envelope.tags)) subscribers.deliver(envelope.tags);
    } catch (err) {
      log.warn({ err }, "invalidation bus: unreadable message");
    }
  });
  // Waits for the first connection of each (so nothing announced right after start is lost), but a
  // Redis that is down does not stop the instance from starting: it listens once Redis is back
  // (subscribing again on every reconnection) and meanwhile hears only its own announcements.
  const connected = (connection: Redis, then: () => Promise<unknown> = async () => {}) =>
    new Promise<void>((resolve) => {
      connection.on("ready", () => {
        then().then(
          () => resolve(),
          (err: unknown) => {
            log.warn({ err }, "invalidation bus: could not subscribe");
            resolve();
          },
        );
      });
      connection.once("error", () => resolve());
    });
  await Promise.all([connected(publisher), connected(listener, () => listener.subscribe(options.channel))]);
  return {
    async announce(tags) {
      const list = distinct(tags);
      if (!list.length) return;
      subscribers.deliver(list);
      try {
        await publisher.publish(
          options.channel,
          JSON.stringify({ from: self, tags: list } satisfies Envelope),
        );
      } catch (err) {
        log.warn({ err, tags: list }, "invalidation bus: broadcast failed");
      }
    },
    subscribe: (listener) => subscribers.add(listener),
    async close() {
      // QUIT only where Redis answers, and never waited on longer than a command (a Redis that
      // stopped answering held close() for ever).
      await Promise.all([closeRedis(listener), closeRedis(publisher)]);
    },
  };
}

/** How often an instance without Redis reads what others announced: a purge arrives within this. */
export const DATABASE_BUS_POLL_MS = 500;
/** Ids below the newest seen that are read again: a row committed late (PostgreSQL) is still found. */
const LATE_ROWS = 200;
const KEEP_ANNOUNCEMENTS_MS = 3600_000;
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * A bus shared through the database, for instances (and the CLI) without Redis: an announcement is
 * delivered here at once and written as a row; every instance reads new rows twice a second and
 * delivers the others'. So a bundle imported by the CLI into a running site's database purges the
 * site's pages within a second. Rows are kept an hour.
 */
export async function createDatabaseBus(options: {
  db: Kysely<Database>;
  log?: BusLog;
  pollMs?: number;
}): Promise<InvalidationBus> {
  const { db } = options;
  const log = options.log ?? silent;
  const self = randomUUID();
  const subscribers = localSubscribers(log);
  const seen = new Set<number>();
  let highWater = 0;
  try {
    highWater = await latestAnnouncementId(db);
    for (const row of await announcementsAfter(db, Math.max(0, highWater - LATE_ROWS), LATE_ROWS * 2)) {
      seen.add(row.id);
    }
  } catch (err) {
    log.warn({ err }, "invalidation bus: could not read the database's announcements; will retry");
  }
  let failing = false;
  let lastPrune = Date.now();
  const readNew = async () => {
    const rows = await announcementsAfter(db, Math.max(0, highWater - LATE_ROWS), 1000);
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      if (row.id > highWater) highWater = row.id;
      if (row.origin === self) continue;
      try {
        const tags = JSON.parse(row.tags) as unknown;
        if (Array.isArray(tags)) subscribers.deliver(tags.filter((t): t is string => typeof t === "string"));
      } catch (err) {
        log.warn({ err }, "invalidation bus: unreadable announcement");
      }
    }
    for (const id of seen) if (id <= highWater - LATE_ROWS) seen.delete(id);
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      await deleteAnnouncementsBefore(db, Date.now() - KEEP_ANNOUNCEMENTS_MS);
    }
  };
  let reading: Promise<void> | null = null;
  const poll = () => {
    reading ??= readNew()
      .then(
        () => {
          if (failing) log.warn({}, "invalidation bus: reading announcements again");
          failing = false;
        },
        (err: unknown) => {
          if (!failing) log.warn({ err }, "invalidation bus: could not read announcements; retrying");
          failing = true;
        },
      )
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  const timer = setInterval(poll, options.pollMs ?? DATABASE_BUS_POLL_MS);
  timer.unref();
  return {
    async announce(tags) {
      const list = distinct(tags);
      if (!list.length) return;
      subscribers.deliver(list);
      try {
        await logAnnouncement(db, self, list, Date.now());
      } catch (err) {
        log.warn({ err, tags: list }, "invalidation bus: could not record an announcement");
      }
    },
    subscribe: (listener) => subscribers.add(listener),
    async close() {
      clearInterval(timer);
      await reading;
    },
  };
}

/**
 * The bus a process should use: Redis when configured; otherwise the database when given (so other
 * processes on it hear); otherwise this process alone.
 */
export function createInvalidationBus(options: {
  redisUrl: string | null;
  db?: Kysely<Database>;
  channel?: string;
  log?: BusLog;
}): Promise<InvalidationBus> {
  if (options.redisUrl) {
    return createRedisBus({
      url: options.redisUrl,
      channel: options.channel ?? "jikji:stale",
      log: options.log,
    });
  }
  if (options.db) return createDatabaseBus({ db: options.db, log: options.log });
  return Promise.resolve(createLocalBus(options.log));
}
