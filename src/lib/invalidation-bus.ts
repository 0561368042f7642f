import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

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
  events: "events" as StaleTag,
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
  const listener = new Redis(options.url, { maxRetriesPerRequest: 2 });
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
      if (down) log.warn({}, `invalidation bus: Redis ${name} connection back`);
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
      // QUIT waits for Redis to answer; a connection that is away is simply dropped.
      const end = (connection: Redis) =>
        connection.status === "ready"
          ? connection.quit().catch(() => connection.disconnect())
          : connection.disconnect();
      await Promise.allSettled([end(listener), end(publisher)]);
    },
  };
}

/** The bus a process should use: Redis when configured, otherwise this process alone. */
export function createInvalidationBus(options: {
  redisUrl: string | null;
  channel?: string;
  log?: BusLog;
}): Promise<InvalidationBus> {
  return options.redisUrl
    ? createRedisBus({ url: options.redisUrl, channel: options.channel ?? "jikji:stale", log: options.log })
    : Promise.resolve(createLocalBus(options.log));
}
