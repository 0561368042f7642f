import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { countHit } from "./rate-limit.repo.ts";

export interface RateDecision {
  allowed: boolean;
  /** when the caller may try again, if refused */
  retryAfterMs: number;
}

/**
 * Fixed-window counters shared by every instance: in Redis when REDIS_URL is set, otherwise in the
 * database. A window is `windowMs` long; `limit` hits are allowed in it.
 */
export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number, now: number): Promise<RateDecision>;
}

/**
 * Counters in the `rate_limits` table, one row per key holding the current window. Each hit is one
 * atomic statement (see `countHit`), so hits racing on several connections or instances are all
 * counted.
 */
export function databaseRateLimiter(db: Kysely<Database>): RateLimiter {
  return {
    async hit(key, limit, windowMs, now) {
      const windowStart = now - (now % windowMs);
      const count = await countHit(db, key, windowStart);
      return count <= limit
        ? { allowed: true, retryAfterMs: 0 }
        : { allowed: false, retryAfterMs: windowStart + windowMs - now };
    },
  };
}

export function redisRateLimiter(redis: Redis, prefix = "jikji:rl:"): RateLimiter {
  return {
    async hit(key, limit, windowMs, now) {
      const windowStart = now - (now % windowMs);
      const k = `${prefix}${key}:${windowStart}`;
      const [[, count]] = (await redis
        .multi()
        .incr(k)
        .pexpire(k, windowMs + 1000)
        .exec()) as [[Error | null, number]];
      return count <= limit
        ? { allowed: true, retryAfterMs: 0 }
        : { allowed: false, retryAfterMs: windowStart + windowMs - now };
    },
  };
}

/**
 * Redis counters while Redis answers, the database's when it does not (down, or slower than the
 * Redis command timeout): a rate limit is never the reason a page or a post hangs or fails. Counts
 * restart in the other store on a switch, which for a short outage is the right trade.
 */
export function fallbackRateLimiter(
  primary: RateLimiter,
  fallback: RateLimiter,
  log: { warn(obj: object, msg: string): void },
): RateLimiter {
  let failing = false;
  return {
    async hit(key, limit, windowMs, now) {
      try {
        const decision = await primary.hit(key, limit, windowMs, now);
        failing = false;
        return decision;
      } catch (err) {
        if (!failing) log.warn({ err }, "rate limits: Redis unavailable, counting in the database");
        failing = true;
        return fallback.hit(key, limit, windowMs, now);
      }
    },
  };
}

/** Checks every rule (so each window counts the attempt) and refuses if any is over. */
export async function checkRates(
  limiter: RateLimiter,
  rules: { key: string; limit: number; windowMs: number }[],
  now: number,
): Promise<RateDecision> {
  let refused: RateDecision = { allowed: true, retryAfterMs: 0 };
  for (const r of rules) {
    const d = await limiter.hit(r.key, r.limit, r.windowMs, now);
    if (!d.allowed && d.retryAfterMs >= refused.retryAfterMs) refused = d;
  }
  return refused;
}

/**
 * Tries the rules in order and stops at the first that refuses, so a refused attempt counts only in
 * the windows it reached: a flood that the narrowest window turns away never fills the wider ones
 * (one client hammering must not close an article's comments for everyone).
 */
export async function checkRatesInOrder(
  limiter: RateLimiter,
  rules: { key: string; limit: number; windowMs: number }[],
  now: number,
): Promise<RateDecision> {
  for (const r of rules) {
    const d = await limiter.hit(r.key, r.limit, r.windowMs, now);
    if (!d.allowed) return d;
  }
  return { allowed: true, retryAfterMs: 0 };
}
