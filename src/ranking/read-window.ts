import type { ArticleStatus, MostReadPeriod } from "../db/schema.ts";

/**
 * The time rules of counting and ranking, pure so they can be tested to the millisecond.
 *
 * Reads are stored per article and hour. A window ("the last 24 hours") rarely starts on an hour, so
 * its oldest hour is only partly inside; it is weighted by that part. The ranking then slides smoothly
 * instead of dropping a whole hour of reads at once when the clock passes the hour.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** A visitor's read of an article counts once in this long. */
export const DEDUPE_MS = DAY_MS;

/** Only stories at most this old are ranked by reads (older ones may still fill the list). */
export const MAX_AGE_MS = 7 * DAY_MS;

/** A read counts only for a story readers can see: published, and its publication time has come. */
export function isReadable(status: ArticleStatus, publishedAt: number | null, now: number): boolean {
  return status === "published" && publishedAt !== null && publishedAt <= now;
}

export const PERIOD_MS: Record<MostReadPeriod, number> = { day: DAY_MS, week: 7 * DAY_MS };

/** The epoch millisecond the hour containing `ms` starts at (UTC; KST hours start at the same moments). */
export function hourStart(ms: number): number {
  return ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

export interface Bucket {
  hour: number;
  /** how much of the hour's reads belong to the window: 1, or less for the oldest hour */
  weight: number;
}

/**
 * The hours that make up the window of `lengthMs` ending at `now`, oldest first: the hour the window
 * starts in (weighted by the part of it inside), every hour after it, and the current hour (whose
 * reads are all at or before `now`). So there are `lengthMs / HOUR_MS + 1` of them.
 */
export function windowBuckets(now: number, lengthMs: number): Bucket[] {
  const start = now - lengthMs;
  const first = hourStart(start);
  const last = hourStart(now);
  const buckets: Bucket[] = [];
  for (let hour = first; hour <= last; hour += HOUR_MS) {
    buckets.push({ hour, weight: hour === first ? (first + HOUR_MS - start) / HOUR_MS : 1 });
  }
  return buckets;
}

/**
 * A window's score from per-hour reads: the sum over its buckets, the oldest weighted. `reads(hour)`
 * gives an article's reads in that hour.
 */
export function windowScore(buckets: readonly Bucket[], reads: (hour: number) => number): number {
  let score = 0;
  for (const b of buckets) score += reads(b.hour) * b.weight;
  return score;
}

/** Whether a read at `at` counts again after one counted at `lastCounted` (null: never counted). */
export function countsAgain(lastCounted: number | null, at: number): boolean {
  return lastCounted === null || at - lastCounted >= DEDUPE_MS;
}

/** Whether a story published at `publishedAt` may be ranked by its reads at `now`. */
export function isRankable(publishedAt: number, now: number): boolean {
  return publishedAt <= now && now - publishedAt <= MAX_AGE_MS;
}

export interface Scored {
  articleId: number;
  score: number;
}

/** Most reads first; ties go to the newer story (higher id), so every instance orders them alike. */
export function rankByScore<T extends Scored>(items: T[]): T[] {
  return items.filter((i) => i.score > 0).sort((a, b) => b.score - a.score || b.articleId - a.articleId);
}
