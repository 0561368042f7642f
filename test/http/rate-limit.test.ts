import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { databaseRateLimiter, type RateLimiter, redisRateLimiter } from "../../src/lib/rate-limit.ts";
import { countSignInFailure } from "../../src/staff/session.repo.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { deleteRedisKeys, TEST_REDIS_URL } from "../support/instances.ts";

/**
 * The rate limiters count every hit even when hits race: on PostgreSQL the pool has 4 connections
 * (and a second handle plays a second instance), so the statements truly run at once; on SQLite they
 * queue for the one writer. Redis is the shared one at TEST_REDIS_URL, under a prefix of this run's.
 */
const REDIS_URL = TEST_REDIS_URL;
const LIMIT = 20;
const WINDOW = 60_000;
// Mid-window, so that the window's end is well defined: 2026-03-20 12:00:30 KST.
const NOW = Date.parse("2026-03-20T12:00:30+09:00");

const hitMany = (limiter: RateLimiter, key: string, hits: number, now = NOW) =>
  Promise.all(Array.from({ length: hits }, () => limiter.hit(key, LIMIT, WINDOW, now)));

/**
 * The cases every limiter must pass. `limiters()` gives one or more limiters sharing the counters;
 * the hits go round them. Keys start with `scope`, so that cases run twice on one store stay apart.
 */
function limiterCases(scope: string, limiters: () => RateLimiter[]) {
  const hitAll = (key: string, hits: number, now = NOW) => {
    const ls = limiters();
    return Promise.all(
      Array.from({ length: hits }, (_, i) => ls[i % ls.length]!.hit(`${scope}:${key}`, LIMIT, WINDOW, now)),
    );
  };

  it("lets exactly the limit through when 200 hits race", async () => {
    const decisions = await hitAll("race", 200);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(LIMIT);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(200 - LIMIT);
    // Refused until the window (a whole minute) ends: 30 seconds from NOW.
    for (const d of refused) expect(d.retryAfterMs).toBe(30_000);
  });

  it("starts afresh when the window rolls over, racing hits included", async () => {
    const first = await hitAll("roll", LIMIT + 5);
    expect(first.filter((d) => d.allowed)).toHaveLength(LIMIT);
    // The last millisecond of the window is still in it.
    const last = await hitAll("roll", 1, NOW + 29_999);
    expect(last[0]).toEqual({ allowed: false, retryAfterMs: 1 });
    const next = await hitAll("roll", 200, NOW + 30_000);
    expect(next.filter((d) => d.allowed)).toHaveLength(LIMIT);
    // A window later than the next one: the count is not carried over either.
    const later = await hitAll("roll", 1, NOW + 5 * WINDOW);
    expect(later[0]).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it("counts each key on its own", async () => {
    await hitAll("full", LIMIT + 1);
    expect((await hitAll("full", 1))[0]!.allowed).toBe(false);
    expect((await hitAll("empty", 1))[0]!.allowed).toBe(true);
  });
}

describe("the database rate limiter", () => {
  let database: TestDatabase;
  let second: DatabaseHandle;
  let one: RateLimiter;
  let two: RateLimiter;

  beforeAll(async () => {
    database = await createTestDatabase();
    second = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, poolSize: 4 });
    one = databaseRateLimiter(database.db);
    two = databaseRateLimiter(second.db);
  });
  afterAll(async () => {
    await second?.close();
    await database?.destroy();
  });

  describe("one instance", () => {
    limiterCases("one", () => [one]);
  });

  describe("two instances sharing the database", () => {
    limiterCases("two", () => [one, two]);
  });

  it("keeps one row per key, holding the current window's count", async () => {
    await hitMany(one, "row", 7);
    await hitMany(one, "row", 3, NOW + WINDOW);
    const rows = await database.db.selectFrom("rate_limits").selectAll().where("key", "=", "row").execute();
    expect(rows).toEqual([{ key: "row", window_start: NOW - 30_000 + WINDOW, count: 3 }]);
  });
});

describe("the Redis rate limiter", () => {
  const prefix = `jikji-test-${process.pid}-${randomBytes(4).toString("hex")}:rl:`;
  let redis: Redis;
  let other: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    other = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  });
  afterAll(async () => {
    if (redis) await deleteRedisKeys(redis, prefix);
    await Promise.allSettled([redis?.quit(), other?.quit()]);
  });

  describe("two instances sharing Redis", () => {
    limiterCases("two", () => [redisRateLimiter(redis, prefix), redisRateLimiter(other, prefix)]);
  });

  it("lets its keys expire after their window", async () => {
    await redisRateLimiter(redis, prefix).hit("ttl", LIMIT, WINDOW, NOW);
    const ttl = await redis.pttl(`${prefix}ttl:${NOW - 30_000}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW + 1000);
  });
});

describe("failed sign-ins counted under racing guesses", () => {
  let database: TestDatabase;
  const rule = { now: NOW, windowMs: 15 * 60_000, lockMs: 15 * 60_000, limit: 5 };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it("counts every one of 50 parallel failures and locks at the limit", async () => {
    const counts = await Promise.all(
      Array.from({ length: 50 }, () => countSignInFailure(database.db, "email:race@test.example.kr", rule)),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const row = await database.db
      .selectFrom("sign_in_throttle")
      .selectAll()
      .where("key", "=", "email:race@test.example.kr")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ failures: 50, first_failed_at: NOW, locked_until: NOW + rule.lockMs });
  });

  it("starts a new window after the old one, unlocked until the limit again", async () => {
    const key = "email:window@test.example.kr";
    for (let i = 0; i < 4; i++) await countSignInFailure(database.db, key, rule);
    const later = { ...rule, now: NOW + rule.windowMs + 1 };
    expect(await countSignInFailure(database.db, key, later)).toBe(1);
    const row = await database.db
      .selectFrom("sign_in_throttle")
      .selectAll()
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ failures: 1, first_failed_at: later.now, locked_until: null });
  });
});
