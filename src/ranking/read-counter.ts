import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { ArticleStatus, Database, MostReadPeriod } from "../db/schema.ts";
import { type InvalidationBus, stale } from "../lib/invalidation-bus.ts";
import { listSections } from "../sections/section.repo.ts";
import { buildSectionTree, sectionAndDescendantIds } from "../sections/section.ts";
import { listMostRead } from "./most-read.ts";
import { databaseReadStore, type ReadStore, redisReadStore } from "./read-store.ts";
import { isReadable, PERIOD_MS, rankByScore, windowBuckets } from "./read-window.ts";
import { findArticleForBeacon, mostReadComputedAt, replaceMostRead } from "./reads.repo.ts";
import { AddressCap, type Beacon } from "./reads.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** counting reads and refreshing most-read (tests call flush and refresh directly) */
    reads: ReadCounter;
  }
}

/** Beacons are written at least this often: a crash loses at most this much. */
export const FLUSH_EVERY_MS = 1_000;
/** Most-read is recomputed at least this often (any instance may do it; all serve the same result). */
export const REFRESH_EVERY_MS = 30_000;
/** How long the dedupe table keeps dead rows before a sweep removes them (database store only). */
const SWEEP_EVERY_MS = 10 * 60_000;
/** Beacons held while storage is down; beyond this the oldest are dropped (and logged). */
const MAX_BUFFER = 200_000;
/** A stored ranking keeps at most this many stories per period: every section's list comes from it. */
const MAX_RANKED = 5_000;
/** Article lookups are cached in memory (real time, not the app's clock) for the beacon route. */
const PUBLISHED_TTL_MS = 60_000;
const OTHER_TTL_MS = 5_000;
const MAX_CACHED_ARTICLES = 100_000;

export interface RankedRead {
  articleId: number;
  score: number;
  reads: number;
}

export interface FlushResult {
  /** beacons taken from the buffer */
  beacons: number;
  /** of which counted */
  counted: number;
  ms: number;
}

export interface RefreshResult {
  /** false when another instance refreshed moments ago (timer runs only) */
  refreshed: boolean;
  day: RankedRead[];
  week: RankedRead[];
  ms: number;
}

export interface ReadCounterStats {
  received: number;
  counted: number;
  dropped: number;
  buffered: number;
  flushes: number;
  /** the slowest flush so far, in milliseconds */
  slowestFlushMs: number;
  /** all flushes of beacons together, in milliseconds */
  flushMs: number;
}

interface CachedArticle {
  found: { id: number; status: ArticleStatus; publishedAt: number | null } | null;
  /** performance.now() after which it is looked up again */
  until: number;
}

export interface ReadCounterDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  /** the app's Redis client when REDIS_URL is set: counting and ranking are then shared through it */
  redis: Redis | null;
  /** prefix of every Redis key (default `jikji:`) */
  keyPrefix?: string;
  /** a store of the caller's (tests); by default Redis when given, else the database */
  store?: ReadStore;
  now: () => number;
  log: FastifyBaseLogger;
  /** where a refresh that reorders a shown 인기기사 list announces `most-read` */
  bus?: InvalidationBus;
}

/**
 * Takes beacons without waiting (memory), writes them in batches every second, and refreshes the
 * stored most-read ranking every 30 seconds. The buffer is only a queue: every decision (dedupe,
 * counts, ranking) is made against the shared store, so any number of instances count as one.
 */
export class ReadCounter {
  readonly store: ReadStore;
  private buffer: Beacon[] = [];
  private readonly cap = new AddressCap();
  private readonly articles = new Map<number, CachedArticle>();
  private readonly loading = new Map<number, Promise<CachedArticle>>();
  private flushQueue: Promise<unknown> = Promise.resolve();
  private refreshQueue: Promise<unknown> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private lastSweep = 0;
  private readonly totals: ReadCounterStats = {
    received: 0,
    counted: 0,
    dropped: 0,
    buffered: 0,
    flushes: 0,
    slowestFlushMs: 0,
    flushMs: 0,
  };

  constructor(private readonly deps: ReadCounterDeps) {
    this.store =
      deps.store ??
      (deps.redis
        ? redisReadStore(deps.db, deps.redis, deps.keyPrefix ?? "jikji:")
        : databaseReadStore(deps.db, deps.dialect));
  }

  /** Queues one accepted beacon. Never waits and never fails. */
  record(beacon: Beacon): void {
    this.totals.received++;
    // Only while storage is down for minutes: newer beacons are the ones given up.
    if (this.buffer.length >= MAX_BUFFER) this.totals.dropped++;
    else this.buffer.push(beacon);
  }

  stats(): ReadCounterStats {
    return { ...this.totals, buffered: this.buffer.length };
  }

  /**
   * The public article behind a number, or null (unknown, draft, scheduled, pulled). Answers from
   * memory when it can: a beacon should cost no query. A published story is re-checked after a
   * minute, anything else after five seconds, so a story just published starts counting at once.
   */
  async publishedArticle(num: number): Promise<{ id: number; publishedAt: number } | null> {
    let cached = this.articles.get(num);
    if (!cached || cached.until < performance.now()) cached = await this.loadArticle(num);
    const a = cached.found;
    if (!a || !isReadable(a.status, a.publishedAt, this.deps.now())) return null;
    return { id: a.id, publishedAt: a.publishedAt! };
  }

  private loadArticle(num: number): Promise<CachedArticle> {
    const inFlight = this.loading.get(num);
    if (inFlight) return inFlight;
    const load = findArticleForBeacon(this.deps.db, num)
      .then((found) => {
        const ttl = found?.status === "published" ? PUBLISHED_TTL_MS : OTHER_TTL_MS;
        const entry = { found, until: performance.now() + ttl };
        if (this.articles.size >= MAX_CACHED_ARTICLES) this.articles.clear();
        this.articles.set(num, entry);
        return entry;
      })
      .finally(() => this.loading.delete(num));
    this.loading.set(num, load);
    return load;
  }

  /**
   * Writes everything buffered so far; resolves when it is stored. Flushes run one at a time, so a
   * call made while the timer's flush is running waits for it and then writes what is left.
   */
  flush(): Promise<FlushResult> {
    const run = this.flushQueue.then(() => this.flushNow());
    this.flushQueue = run.catch(() => undefined);
    return run;
  }

  private async flushNow(): Promise<FlushResult> {
    const started = performance.now();
    const batch = this.buffer;
    this.buffer = [];
    let counted = 0;
    if (batch.length > 0) {
      try {
        counted = await this.store.count(batch, (b) => this.cap.allow(b));
      } catch (error) {
        // Put the batch back in front of what arrived meanwhile; whatever of it was stored already
        // will be found counted when it is tried again.
        const back = batch.concat(this.buffer);
        const over = back.length - MAX_BUFFER;
        if (over > 0) this.totals.dropped += over;
        this.buffer = over > 0 ? back.slice(0, MAX_BUFFER) : back;
        throw error;
      }
      this.totals.counted += counted;
    }
    // Reads decided but not yet written (the Redis store writes after deciding): kept until written.
    if (this.store.hasPending()) await this.store.retryPending();
    const ms = performance.now() - started;
    if (batch.length === 0) return { beacons: 0, counted: 0, ms };
    this.totals.flushes++;
    this.totals.slowestFlushMs = Math.max(this.totals.slowestFlushMs, ms);
    this.totals.flushMs += ms;
    return { beacons: batch.length, counted, ms };
  }

  /**
   * Recomputes both rankings (24 hours and 7 days) from the shared counts and stores them. With
   * `ifOlderThanMs` (the timer), it does nothing when the stored ranking is that fresh: with several
   * instances, one refresh per interval is enough.
   */
  refresh(options: { ifOlderThanMs?: number } = {}): Promise<RefreshResult> {
    const run = this.refreshQueue.then(() => this.refreshNow(options.ifOlderThanMs));
    this.refreshQueue = run.catch(() => undefined);
    return run;
  }

  private async refreshNow(ifOlderThanMs: number | undefined): Promise<RefreshResult> {
    const started = performance.now();
    const now = this.deps.now();
    if (ifOlderThanMs !== undefined) {
      const at = await mostReadComputedAt(this.deps.db, "day");
      // A ranking computed "later" than now (clocks of instances differ a little) is fresh too.
      if (at !== null && now - at < ifOlderThanMs) {
        return { refreshed: false, day: [], week: [], ms: performance.now() - started };
      }
    }
    // What the public lists show now (pages were drawn from it), to announce only a real change.
    const shownBefore = await this.shownSignature(now);
    const result: Record<MostReadPeriod, RankedRead[]> = { day: [], week: [] };
    for (const period of ["day", "week"] as const) {
      const scores = await this.store.windowScores(windowBuckets(now, PERIOD_MS[period]), now);
      const ranked = rankByScore(scores)
        .slice(0, MAX_RANKED)
        .map((s) => ({ articleId: s.articleId, score: s.score, reads: Math.round(s.score) }));
      await replaceMostRead(this.deps.db, period, ranked, now);
      result[period] = ranked;
    }
    if (this.deps.bus && shownBefore !== (await this.shownSignature(now))) {
      await this.deps.bus.announce([stale.mostRead]);
    }
    return { refreshed: true, ...result, ms: performance.now() - started };
  }

  /**
   * Pages showing 인기기사 are kept (page cache) until `most-read` is announced; a refresh announces it
   * only when a list the public sees (the site's, or a top section's) changed order or members between
   * before and after it, so a steady ranking purges nothing. Null without a bus (nothing to tell).
   */
  private async shownSignature(now: number): Promise<string | null> {
    if (!this.deps.bus) return null;
    const { db } = this.deps;
    const tree = buildSectionTree(await listSections(db));
    const lists = await Promise.all([
      listMostRead(db, now),
      ...tree.roots.map((root) => listMostRead(db, now, sectionAndDescendantIds(root))),
    ]);
    return lists.map((list) => list.map((a) => a.id).join(",")).join("|");
  }

  /** Starts the timers (the app calls it when ready). */
  start(): void {
    if (this.timers.length) return;
    const { log } = this.deps;
    const flushTimer = setInterval(() => {
      this.flush()
        .then(() => this.maybeSweep())
        .catch((error: unknown) => log.error({ err: error }, "writing reads failed; will retry"));
    }, FLUSH_EVERY_MS);
    // Instances started together should not all refresh at the same moment.
    const refreshTimer = setInterval(
      () => {
        this.refresh({ ifOlderThanMs: REFRESH_EVERY_MS * 0.6 }).catch((error: unknown) =>
          log.error({ err: error }, "refreshing most-read failed"),
        );
      },
      REFRESH_EVERY_MS - Math.floor(Math.random() * 5_000),
    );
    flushTimer.unref();
    refreshTimer.unref();
    this.timers = [flushTimer, refreshTimer];
  }

  private async maybeSweep(): Promise<void> {
    const t = performance.now();
    if (t - this.lastSweep < SWEEP_EVERY_MS) return;
    if (this.lastSweep === 0) {
      // Not on the first tick after boot, when the app is busiest.
      this.lastSweep = t;
      return;
    }
    this.lastSweep = t;
    await this.store.sweep(this.deps.now());
  }

  /** Stops the timers and writes what is buffered (the app calls it on close). */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    try {
      await this.flush();
      if (this.store.hasPending()) await this.store.retryPending();
    } catch (error) {
      this.deps.log.error(
        { err: error, lost: this.buffer.length },
        "reads could not be written before closing",
      );
    }
  }
}
