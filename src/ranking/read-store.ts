import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import { type Bucket, DAY_MS, DEDUPE_MS, HOUR_MS, type Scored } from "./read-window.ts";
import {
  addHourlyReads,
  bumpViewCounts,
  deleteExpiredDedupe,
  filterRankable,
  markFirstReads,
  windowScoresFromDatabase,
} from "./reads.repo.ts";
import {
  type Beacon,
  dedupeRounds,
  type HourlyReads,
  mergeHourly,
  sumHourly,
  sumPerArticle,
} from "./reads.ts";

/**
 * Where reads are decided and counted. Both stores write the durable record to the database (hourly
 * counts and `articles.view_count`), which the newsroom reads and which survives anything. They differ
 * in what several instances must share at the rate beacons arrive:
 *
 * - `databaseReadStore` (no REDIS_URL, one machine): the 24-hour dedupe is a table, and the ranking is
 *   summed from the hourly counts. Dedupe and counts are written in one transaction per flush.
 * - `redisReadStore` (REDIS_URL): the dedupe is a key per (article, visitor) with a 24-hour TTL, and
 *   each hour's reads of rankable stories are a sorted set, so the ranking is one ZUNION.
 */
export interface ReadStore {
  readonly kind: "database" | "redis";
  /**
   * Decides which beacons count (first read by that visitor in 24 hours, then `keep`) and adds them,
   * or leaves them pending (see `retryPending`). When it throws, the caller may retry the whole
   * batch: whatever was already decided is then found counted, so nothing counts twice.
   */
  count(batch: readonly Beacon[], keep: (b: Beacon) => boolean): Promise<number>;
  /** True while counted reads wait to be written (a write failed after the reads were decided). */
  hasPending(): boolean;
  retryPending(): Promise<void>;
  /** Every rankable story with reads in the window, and its score. */
  windowScores(buckets: readonly Bucket[], now: number): Promise<Scored[]>;
  /** Housekeeping: forgets what can no longer matter. */
  sweep(now: number): Promise<void>;
}

/**
 * Beacons per transaction. Each slice's dedupe and counts commit together, so if a later slice fails
 * and the caller retries the whole batch, the committed slices are found already counted: nothing is
 * counted twice. Commits are what cost (every page a slice touches is written again): 4,000 beacons
 * in one transaction took half the time of four of 1,000, so a slice is a busy second's worth.
 */
const DATABASE_SLICE = 5000;

export function databaseReadStore(db: Kysely<Database>, dialect: Dialect): ReadStore {
  return {
    kind: "database",
    async count(batch, keep) {
      let total = 0;
      for (const round of dedupeRounds(batch)) {
        for (let i = 0; i < round.length; i += DATABASE_SLICE) {
          // SQLite runs on the event loop: between slices, requests waiting for it (and for the
          // one connection) get their turn, so a busy second of beacons never stalls a page.
          if (i > 0) await new Promise((resolve) => setImmediate(resolve));
          total += await db.transaction().execute(async (trx) => {
            const counted: Beacon[] = [];
            for (const b of await markFirstReads(trx, dialect, round.slice(i, i + DATABASE_SLICE))) {
              if (keep(b)) counted.push(b);
            }
            const hourly = sumHourly(counted);
            await addHourlyReads(trx, hourly);
            await bumpViewCounts(trx, sumPerArticle(hourly));
            return counted.length;
          });
        }
      }
      return total;
    },
    hasPending: () => false,
    retryPending: async () => {},
    windowScores: (buckets, now) => windowScoresFromDatabase(db, buckets, now),
    async sweep(now) {
      await deleteExpiredDedupe(db, now);
    },
  };
}

/**
 * Decides a chunk of reads atomically. The value stored is when the read counted on the app's clock
 * (not Redis's), so "again after 24 hours" follows the same clock as everything else; the TTL only
 * lets Redis forget. A read earlier than the one stored (another instance flushed later first) does
 * not count.
 */
const FIRST_READS_LUA = `
local window = tonumber(ARGV[1])
local out = {}
for i = 1, #KEYS do
  local at = tonumber(ARGV[i + 1])
  local last = redis.call('GET', KEYS[i])
  if last and at - tonumber(last) < window then
    out[i] = 0
  else
    redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', window)
    out[i] = 1
  end
end
return out
`;

/** Hour sets are kept a little over the longest window (7 days) and the hour it starts in. */
const HOUR_SET_TTL_MS = 7 * DAY_MS + 2 * HOUR_MS;
const LUA_CHUNK = 500;

type RedisWithReads = Redis & {
  jikjiFirstReads(numKeys: number, ...args: (string | number)[]): Promise<number[]>;
};

/** ZUNION … WITHSCORES answers pairs under RESP3 and a flat list under RESP2; both read the same. */
function parseScores(reply: unknown): Scored[] {
  const flat = (reply as unknown[]).flat() as (string | number)[];
  const out: Scored[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    out.push({ articleId: Number(flat[i]), score: Number(flat[i + 1]) });
  }
  return out;
}

/**
 * @param prefix  every key starts with it (`jikji:` in production; tests give each run its own)
 */
export function redisReadStore(db: Kysely<Database>, redisClient: Redis, prefix: string): ReadStore {
  const redis = redisClient as RedisWithReads;
  if (typeof redis.jikjiFirstReads !== "function") {
    redis.defineCommand("jikjiFirstReads", { lua: FIRST_READS_LUA });
  }
  const seenKey = (b: Beacon) => `${prefix}reads:seen:${b.articleId}:${b.visitor}`;
  const hourKey = (hour: number) => `${prefix}reads:hour:${hour}`;
  // Counted but not yet written: to the database, and to the hour sets. Kept apart so a failure of
  // one is retried without counting twice in the other.
  let toDatabase = new Map<string, HourlyReads>();
  let toRedis = new Map<string, HourlyReads>();

  async function firstReads(round: readonly Beacon[]): Promise<Beacon[]> {
    const pipeline = redis.pipeline() as unknown as RedisWithReads & {
      exec(): Promise<[Error | null, unknown][] | null>;
    };
    const parts: Beacon[][] = [];
    for (let i = 0; i < round.length; i += LUA_CHUNK) {
      const part = round.slice(i, i + LUA_CHUNK);
      parts.push(part);
      pipeline.jikjiFirstReads(part.length, ...part.map(seenKey), DEDUPE_MS, ...part.map((b) => b.at));
    }
    const results = (await pipeline.exec()) ?? [];
    const counted: Beacon[] = [];
    parts.forEach((part, i) => {
      const [error, flags] = results[i] ?? [new Error("Redis answered no result for a pipelined command")];
      if (error) throw error;
      (flags as number[]).forEach((flag, j) => {
        if (flag === 1) counted.push(part[j]!);
      });
    });
    return counted;
  }

  async function writeDatabase(): Promise<void> {
    if (toDatabase.size === 0) return;
    const rows = [...toDatabase.values()];
    toDatabase = new Map();
    try {
      await db.transaction().execute(async (trx) => {
        await addHourlyReads(trx, rows);
        await bumpViewCounts(trx, sumPerArticle(rows));
      });
    } catch (error) {
      mergeHourly(toDatabase, rows);
      throw error;
    }
  }

  async function writeRedis(): Promise<void> {
    if (toRedis.size === 0) return;
    const rows = [...toRedis.values()];
    toRedis = new Map();
    try {
      const pipeline = redis.pipeline();
      const hours = new Set<number>();
      for (const r of rows) {
        pipeline.zincrby(hourKey(r.hour), r.reads, String(r.articleId));
        hours.add(r.hour);
      }
      for (const hour of hours) pipeline.pexpire(hourKey(hour), HOUR_SET_TTL_MS);
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    } catch (error) {
      mergeHourly(toRedis, rows);
      throw error;
    }
  }

  async function retryPending(): Promise<void> {
    const outcomes = await Promise.allSettled([writeDatabase(), writeRedis()]);
    const failed = outcomes.find((o) => o.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  return {
    kind: "redis",
    async count(batch, keep) {
      const counted: Beacon[] = [];
      for (const round of dedupeRounds(batch)) {
        for (const b of await firstReads(round)) if (keep(b)) counted.push(b);
      }
      // From here the reads are decided: a failed write is kept and retried, never re-decided.
      const hourly = sumHourly(counted);
      mergeHourly(toDatabase, hourly);
      mergeHourly(
        toRedis,
        hourly.filter((h) => h.rankable),
      );
      return counted.length;
    },
    hasPending: () => toDatabase.size > 0 || toRedis.size > 0,
    retryPending,
    async windowScores(buckets, now) {
      const keys = buckets.map((b) => hourKey(b.hour));
      const reply = await redis.call(
        "ZUNION",
        keys.length,
        ...keys,
        "WEIGHTS",
        ...buckets.map((b) => b.weight),
        "WITHSCORES",
      );
      const scores = parseScores(reply);
      // A story may have been pulled, or grown older than 7 days, since its reads were added.
      const rankable = await filterRankable(
        db,
        scores.map((s) => s.articleId),
        now,
      );
      return scores.filter((s) => rankable.has(s.articleId));
    },
    sweep: async () => {},
  };
}
