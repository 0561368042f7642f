import { countsAgain, hourStart, isRankable } from "./read-window.ts";

/** One reader's beacon, as the route accepted it: a published story, a visitor, a moment. */
export interface Beacon {
  articleId: number;
  /** the story's publication time, so the flush knows whether it is young enough to rank */
  publishedAt: number;
  /** the jikji_vid cookie */
  visitor: string;
  /** when the beacon arrived (the app's clock) */
  at: number;
  /** the client's address (X-Forwarded-For only with TRUST_PROXY=1), for the per-address cap */
  address: string;
}

/** Reads to add to one article's hour. */
export interface HourlyReads {
  articleId: number;
  hour: number;
  reads: number;
  /** young enough to rank (at the time of the reads) */
  rankable: boolean;
}

/**
 * Splits a batch into rounds in which each (article, visitor) appears once, dropping beacons that are
 * repeats within the batch itself. Storage then decides each round in one statement (PostgreSQL
 * refuses an upsert that touches the same row twice). Normally there is one round; a second appears
 * only when a batch spans 24 hours (a long outage, or a test moving its clock).
 */
export function dedupeRounds(batch: readonly Beacon[]): Beacon[][] {
  const sorted = [...batch].sort((a, b) => a.at - b.at);
  const lastKept = new Map<string, number>();
  const rounds: Beacon[][] = [];
  const roundOf = new Map<string, number>();
  for (const b of sorted) {
    const key = `${b.articleId}\u0000${b.visitor}`;
    const last = lastKept.get(key);
    if (!countsAgain(last ?? null, b.at)) continue;
    lastKept.set(key, b.at);
    const round = last === undefined ? 0 : roundOf.get(key)! + 1;
    roundOf.set(key, round);
    const list = rounds[round];
    if (list) list.push(b);
    else rounds[round] = [b];
  }
  return rounds;
}

/** Counted beacons summed per article and hour. */
export function sumHourly(counted: readonly Beacon[]): HourlyReads[] {
  const byKey = new Map<string, HourlyReads>();
  for (const b of counted) {
    const hour = hourStart(b.at);
    const key = `${b.articleId}:${hour}`;
    const row = byKey.get(key);
    if (row) row.reads += 1;
    else
      byKey.set(key, { articleId: b.articleId, hour, reads: 1, rankable: isRankable(b.publishedAt, b.at) });
  }
  return [...byKey.values()];
}

/** Adds `more` into `into` (pending writes waiting for a retry). */
export function mergeHourly(into: Map<string, HourlyReads>, more: readonly HourlyReads[]): void {
  for (const r of more) {
    const key = `${r.articleId}:${r.hour}`;
    const row = into.get(key);
    if (row) row.reads += r.reads;
    else into.set(key, { ...r });
  }
}

/** Total reads per article, for `articles.view_count`. */
export function sumPerArticle(rows: readonly HourlyReads[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) out.set(r.articleId, (out.get(r.articleId) ?? 0) + r.reads);
  return out;
}

/**
 * Reads counted per article from one address in one hour, at most this many. A script that makes up
 * a fresh cookie for every request is then worth this much an hour, while a newsroom, a school or a
 * mobile carrier's shared address still counts its readers.
 */
export const READS_PER_ADDRESS_HOUR = 100;

/**
 * The per-address cap. It is kept in each instance's memory: it is a guard against abuse, not a
 * figure anyone reads, and it need not be exact (with N instances a script gets at most N times the
 * cap). It forgets everything each hour.
 */
export class AddressCap {
  private hour = -1;
  private counts = new Map<string, number>();
  constructor(private readonly perHour = READS_PER_ADDRESS_HOUR) {}

  /** Whether this counted read may be kept; counts it if so. */
  allow(b: Beacon): boolean {
    const hour = hourStart(b.at);
    if (hour !== this.hour || this.counts.size > 500_000) {
      this.hour = hour;
      this.counts.clear();
    }
    const key = `${b.articleId}\u0000${b.address}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    if (n > this.perHour) return false;
    this.counts.set(key, n);
    return true;
  }
}
