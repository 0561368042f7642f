import { type CompiledQuery, type Kysely, sql, type Transaction } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { ArticleStatus, Database, MostReadPeriod } from "../db/schema.ts";
import { type Bucket, DEDUPE_MS, MAX_AGE_MS, type Scored } from "./read-window.ts";
import type { Beacon, HourlyReads } from "./reads.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Rows per statement: SQLite allows 32,766 bound values and PostgreSQL 65,535; large batches are
 * written in chunks well under both, which also keeps each statement's plan small.
 */
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What the beacon route needs to know about an article number. */
export async function findArticleForBeacon(
  db: Db,
  num: number,
): Promise<{ id: number; status: ArticleStatus; publishedAt: number | null } | null> {
  const row = await db
    .selectFrom("articles")
    .select(["id", "status", "published_at"])
    .where("num", "=", num)
    .executeTakeFirst();
  return row ? { id: row.id, status: row.status, publishedAt: row.published_at } : null;
}

function firstReadsQuery(db: Db, rows: number) {
  return db
    .insertInto("article_read_dedupe")
    .values(Array.from({ length: rows }, () => ({ article_id: 0, visitor: "", counted_at: 0 })))
    .onConflict((oc) =>
      oc
        .columns(["article_id", "visitor"])
        .doUpdateSet((eb) => ({ counted_at: eb.ref("excluded.counted_at") }))
        .where("article_read_dedupe.counted_at", "<=", sql<number>`excluded.counted_at - ${DEDUPE_MS}`),
    )
    .returning(["article_id", "visitor"]);
}

type FirstReadsRow = { article_id: number; visitor: string };

/**
 * The dedupe upsert compiled once per size and dialect. It runs for every beacon at up to thousands a
 * second, and compiling a 500-row insert costs Kysely more than SQLite takes to run it. Sizes are 500
 * and powers of two below it, so at most ten shapes are ever kept.
 */
const compiledFirstReads = new Map<string, CompiledQuery<FirstReadsRow>>();
const FIRST_READS_CHUNK = 500;

function compiledFor(db: Db, dialect: Dialect, rows: number): CompiledQuery<FirstReadsRow> {
  const key = `${dialect.name}:${rows}`;
  let compiled = compiledFirstReads.get(key);
  if (!compiled) {
    compiled = firstReadsQuery(db, rows).compile() as CompiledQuery<FirstReadsRow>;
    // The values come first, in row order, then the window: the shape parameters are bound in below.
    if (compiled.parameters.length !== rows * 3 + 1 || compiled.parameters[rows * 3] !== DEDUPE_MS) {
      throw new Error("unexpected shape of the compiled dedupe upsert");
    }
    compiledFirstReads.set(key, compiled);
  }
  return compiled;
}

/** Chunk sizes for `n` rows: as many 500s as fit, then powers of two. */
function firstReadsChunks(n: number): number[] {
  const sizes: number[] = [];
  let left = n;
  while (left >= FIRST_READS_CHUNK) {
    sizes.push(FIRST_READS_CHUNK);
    left -= FIRST_READS_CHUNK;
  }
  for (let size = 256; size >= 1; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/**
 * Marks each (article, visitor) of the round as read now and returns the beacons that count: those
 * never counted, or last counted 24 hours or more before. One statement per chunk: an upsert that
 * only updates when the old count has expired, returning the rows it inserted or updated. The round
 * must hold each (article, visitor) once; it is written in key order, which keeps the index's pages
 * that one flush touches together.
 */
export async function markFirstReads(
  trx: Transaction<Database>,
  dialect: Dialect,
  round: readonly Beacon[],
): Promise<Beacon[]> {
  const sorted = [...round].sort((x, y) => x.articleId - y.articleId || (x.visitor < y.visitor ? -1 : 1));
  const counted: Beacon[] = [];
  let from = 0;
  for (const size of firstReadsChunks(sorted.length)) {
    const chunk = sorted.slice(from, from + size);
    from += size;
    const template = compiledFor(trx, dialect, size);
    const parameters: unknown[] = [];
    for (const b of chunk) parameters.push(b.articleId, b.visitor, b.at);
    parameters.push(DEDUPE_MS);
    const { rows } = await trx.executeQuery<FirstReadsRow>({ ...template, parameters });
    if (rows.length === chunk.length) {
      counted.push(...chunk);
      continue;
    }
    const hit = new Set(rows.map((r) => `${r.article_id}\u0000${r.visitor}`));
    for (const b of chunk) if (hit.has(`${b.articleId}\u0000${b.visitor}`)) counted.push(b);
  }
  return counted;
}

/** Forgets dedupe rows that can no longer stop a read from counting. */
export async function deleteExpiredDedupe(db: Db, now: number): Promise<number> {
  const r = await db
    .deleteFrom("article_read_dedupe")
    .where("counted_at", "<=", now - DEDUPE_MS)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Adds reads to the hourly counts (insert, or add to the hour's row). */
export async function addHourlyReads(db: Db, rows: readonly HourlyReads[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto("article_reads_hourly")
      .values(chunk.map((r) => ({ article_id: r.articleId, hour: r.hour, reads: r.reads })))
      .onConflict((oc) =>
        oc
          .columns(["article_id", "hour"])
          .doUpdateSet((eb) => ({ reads: eb("article_reads_hourly.reads", "+", eb.ref("excluded.reads")) })),
      )
      .execute();
  }
}

/**
 * Adds to `articles.view_count`. Articles are grouped by how much they gain, so a batch is a handful
 * of `UPDATE … WHERE id IN (…)` statements rather than one per article.
 */
export async function bumpViewCounts(db: Db, perArticle: ReadonlyMap<number, number>): Promise<void> {
  const byGain = new Map<number, number[]>();
  for (const [id, n] of perArticle) {
    const ids = byGain.get(n);
    if (ids) ids.push(id);
    else byGain.set(n, [id]);
  }
  for (const [gain, ids] of byGain) {
    for (const chunk of chunks(ids)) {
      await db
        .updateTable("articles")
        .set((eb) => ({ view_count: eb("view_count", "+", gain) }))
        .where("id", "in", chunk)
        .execute();
    }
  }
}

/**
 * Every rankable story's score over a window: published, public by `now`, at most 7 days old, with
 * reads in the window's hours (the oldest hour weighted). The join starts from the recent stories
 * (index on status, published_at) and reads their hours through the primary key, so old stories'
 * reads, however many, cost nothing.
 */
export async function windowScoresFromDatabase(
  db: Db,
  buckets: readonly Bucket[],
  now: number,
): Promise<Scored[]> {
  const first = buckets[0]!;
  const last = buckets[buckets.length - 1]!;
  const rows = await db
    .selectFrom("articles as a")
    .innerJoin("article_reads_hourly as r", "r.article_id", "a.id")
    .select((eb) => [
      "a.id",
      eb.fn.sum<number>("r.reads").as("total"),
      sql<number>`sum(case when ${sql.ref("r.hour")} = ${first.hour} then ${sql.ref("r.reads")} else 0 end)`.as(
        "oldest",
      ),
    ])
    .where("a.status", "=", "published")
    // 광고·협찬 stories never enter 인기기사 (신문법 §6③: ads kept apart from articles).
    .where("a.origin", "!=", "sponsored")
    .where("a.published_at", ">=", now - MAX_AGE_MS)
    .where("a.published_at", "<=", now)
    .where("r.hour", ">=", first.hour)
    .where("r.hour", "<=", last.hour)
    .groupBy("a.id")
    .execute();
  return rows.map((r) => {
    const total = Number(r.total);
    const oldest = Number(r.oldest);
    return { articleId: r.id, score: total - oldest + oldest * first.weight };
  });
}

/**
 * Of the given articles, those that may be ranked at `now`: published, public, at most 7 days old,
 * not 광고·협찬.
 */
export async function filterRankable(db: Db, ids: readonly number[], now: number): Promise<Set<number>> {
  const out = new Set<number>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom("articles")
      .select("id")
      .where("id", "in", chunk)
      .where("status", "=", "published")
      .where("origin", "!=", "sponsored")
      .where("published_at", ">=", now - MAX_AGE_MS)
      .where("published_at", "<=", now)
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** When the period's ranking was last computed; null if never. */
export async function mostReadComputedAt(db: Db, period: MostReadPeriod): Promise<number | null> {
  const row = await db
    .selectFrom("most_read")
    .select("computed_at")
    .where("period", "=", period)
    .where("rank", "=", 1)
    .executeTakeFirst();
  return row ? row.computed_at : null;
}

/**
 * Replaces the period's ranking. Rows are written by rank in ascending order, so two instances
 * replacing it at once queue behind each other on rank 1 (PostgreSQL row locks; SQLite has one
 * writer) and the later one's ranking wins whole; nothing half-and-half is ever read.
 */
export async function replaceMostRead(
  db: Kysely<Database>,
  period: MostReadPeriod,
  ranked: readonly { articleId: number; reads: number }[],
  computedAt: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const rows = ranked.map((r, i) => ({
      period,
      rank: i + 1,
      article_id: r.articleId,
      reads: r.reads,
      computed_at: computedAt,
    }));
    for (const chunk of chunks(rows)) {
      await trx
        .insertInto("most_read")
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(["period", "rank"]).doUpdateSet((eb) => ({
            article_id: eb.ref("excluded.article_id"),
            reads: eb.ref("excluded.reads"),
            computed_at: eb.ref("excluded.computed_at"),
          })),
        )
        .execute();
    }
    await trx.deleteFrom("most_read").where("period", "=", period).where("rank", ">", rows.length).execute();
  });
}

// ------------------------------------------------------------------------------------------------
// The newsroom's reads page
// ------------------------------------------------------------------------------------------------

export interface RankedRow {
  rank: number;
  reads: number;
  computedAt: number;
  num: number;
  title: string;
  sectionName: string;
  publishedAt: number;
  viewCount: number;
}

/** The stored ranking with what the desk wants beside each story. */
export async function listRankedForDesk(
  db: Db,
  period: MostReadPeriod,
  now: number,
  limit: number,
): Promise<RankedRow[]> {
  const rows = await db
    .selectFrom("most_read as r")
    .innerJoin("articles as a", "a.id", "r.article_id")
    .innerJoin("sections as s", "s.id", "a.section_id")
    .select([
      "r.rank",
      "r.reads",
      "r.computed_at",
      "a.num",
      "a.title",
      "s.name as section_name",
      "a.published_at",
      "a.view_count",
    ])
    .where("r.period", "=", period)
    .where("a.status", "=", "published")
    .where("a.origin", "!=", "sponsored")
    .where("a.published_at", "<=", now)
    .where("a.published_at", ">=", now - MAX_AGE_MS)
    .orderBy("r.rank")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    rank: r.rank,
    reads: r.reads,
    computedAt: r.computed_at,
    num: r.num,
    title: r.title,
    sectionName: r.section_name,
    publishedAt: r.published_at!,
    viewCount: r.view_count,
  }));
}

/** Reads per hour from `fromHour` to `toHour` (inclusive), of one article or of all; hours without reads are absent. */
export async function readsPerHour(
  db: Db,
  fromHour: number,
  toHour: number,
  articleId?: number,
): Promise<{ hour: number; reads: number }[]> {
  let q = db
    .selectFrom("article_reads_hourly")
    .select((eb) => ["hour", eb.fn.sum<number>("reads").as("reads")])
    .where("hour", ">=", fromHour)
    .where("hour", "<=", toHour);
  if (articleId !== undefined) q = q.where("article_id", "=", articleId);
  const rows = await q.groupBy("hour").orderBy("hour").execute();
  return rows.map((r) => ({ hour: Number(r.hour), reads: Number(r.reads) }));
}

/** An article as the reads page shows it, by its public number. */
export async function findArticleForDesk(
  db: Db,
  num: number,
): Promise<{
  id: number;
  num: number;
  title: string;
  status: ArticleStatus;
  publishedAt: number | null;
  viewCount: number;
} | null> {
  const row = await db
    .selectFrom("articles")
    .select(["id", "num", "title", "status", "published_at", "view_count"])
    .where("num", "=", num)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        num: row.num,
        title: row.title,
        status: row.status,
        publishedAt: row.published_at,
        viewCount: row.view_count,
      }
    : null;
}
