import { type Kysely, type RawBuilder, SqliteAdapter, sql, type Transaction } from "kysely";
import type { DialectName } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import {
  framedGrams,
  fts5Phrase,
  gramProbe,
  isLongPattern,
  likeContains,
  type SearchSort,
  sortKeyAt,
} from "./search.ts";

/**
 * The search index's SQL where SQLite and PostgreSQL differ: the text index itself (one FTS5 table
 * on SQLite; pg_trgm and array GIN indexes on PostgreSQL; see the migration
 * 2026_12_01_0900_create_search_index) and the query that matches against it. Everything else about
 * search speaks plain Kysely in search.repo.ts.
 */

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Which database a Kysely instance talks to. The bundle import hands the index a transaction and
 * nothing else, so the index asks the connection rather than growing every caller's arguments.
 */
export function dialectOf(db: Db): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? "sqlite" : "postgres";
}

/** What the text index keeps of one published article. */
export interface IndexedDocument {
  sortKey: number;
  articleId: number;
  sectionId: number;
  publishedAt: number;
  title: string;
  subtitle: string;
  /** the authors' names */
  byline: string;
  /** plain text of the body */
  body: string;
  /** initial consonants of the title, nothing else: ㅎㅇㅌㅈㅈㄱ */
  titleChoseong: string;
  /** 1–2 character grams (search.ts textGrams): of the title and subtitle; of the byline and body */
  headGrams: string[];
  bodyGrams: string[];
  /** 1–2 consonant grams of the title's consonants */
  choseongGrams: string[];
}

/**
 * One word of a query, as alternatives any one of which makes an article match: substrings of 3+
 * characters, grams of 1–2 characters, or the title's initial consonants.
 */
export interface MatchGroup {
  long: string[];
  short: string[];
  choseong: string | null;
}

export interface MatchQuery {
  /** every group must match */
  groups: MatchGroup[];
  now: number;
  /** [from, to) in epoch milliseconds */
  from: number | null;
  to: number | null;
  sectionIds: number[] | null;
  /**
   * recent: newest first. relevance: stories with every word in the title or subtitle (or the
   * title's consonants) first, then the rest, each newest first.
   */
  sort: SearchSort;
  limit: number;
  offset: number;
}

export interface MatchResult {
  total: number;
  /** article ids of the requested page, in order */
  ids: number[];
}

export interface SearchIndexSql {
  /** Adds articles to the text index; their search_documents and search_texts rows exist already. */
  insert(trx: Transaction<Database>, docs: readonly IndexedDocument[]): Promise<void>;
  /** Empties the text index before a rebuild (removing search_documents rows clears the rest). */
  clear(trx: Transaction<Database>): Promise<void>;
  /** Tidies the index after a rebuild: merges FTS5 segments, refreshes planner statistics. */
  optimize(db: Kysely<Database>): Promise<void>;
  match(db: Db, q: MatchQuery): Promise<MatchResult>;
}

const idList = (list: readonly number[]) =>
  sql.join(
    list.map((n) => sql.lit(Math.trunc(n))),
    sql`, `,
  );

// ------------------------------------------------------------------------------------------------
// SQLite: one FTS5 trigram table, rowid = sort key
// ------------------------------------------------------------------------------------------------

type Scope = "all" | "head";

const JAMO_OR_SPACE = /[\u3131-\u318e\s]/u;

/**
 * Whether a pattern can be looked for in every column at once. FTS5 finds a plain phrase by its
 * doclists alone but must read positions to honour a column filter, which costs two or three times
 * as much for a common word. Leaving the filter out changes nothing when the pattern cannot match the
 * columns it would let in: a gram probe (" 금리") found in a text column means the word holds the gram
 * anyway, and 3+ letters in a row never occur in the framed grams; only initial consonants (the
 * consonant columns) and patterns with spaces (framed grams) need the columns named.
 */
const anyColumn = (pattern: string) => !JAMO_OR_SPACE.test(pattern);

/** A group as an FTS5 expression: its alternatives OR-ed, each one quoted phrase. */
function fts5Group(g: MatchGroup, scope: Scope): string | null {
  const texts = scope === "all" ? "{title subtitle byline body}" : "{title subtitle}";
  const grams = scope === "all" ? "{head_grams body_grams}" : "head_grams";
  const parts = [
    ...g.long.map((p) => (scope === "all" && anyColumn(p) ? "" : `${texts} : `) + fts5Phrase(p)),
    ...g.short.map((p) => (scope === "all" && anyColumn(p) ? "" : `${grams} : `) + fts5Phrase(gramProbe(p))),
  ];
  if (g.choseong) {
    parts.push(
      isLongPattern(g.choseong)
        ? `title_choseong : ${fts5Phrase(g.choseong)}`
        : `choseong_grams : ${fts5Phrase(gramProbe(g.choseong))}`,
    );
  }
  return parts.length ? `(${parts.join(" OR ")})` : null;
}

function fts5Query(groups: readonly MatchGroup[], scope: Scope): string | null {
  const parts = groups.map((g) => fts5Group(g, scope));
  return parts.every((p) => p !== null) ? parts.join(" AND ") : null;
}

/**
 * Counts or pages an FTS5 expression. Without a section filter FTS5 answers alone: the date range
 * and "public by now" are a rowid range and newest first is its rowids backwards, so a page of a word
 * in every story costs no more than a rare one. A section filter joins the documents by key.
 */
function fts5Where(q: MatchQuery, expr: string) {
  const upper = Math.min(sortKeyAt(q.now + 1), q.to === null ? Number.POSITIVE_INFINITY : sortKeyAt(q.to));
  const where = [sql`search_fts MATCH ${expr}`, sql`search_fts.rowid < ${upper}`];
  if (q.from !== null) where.push(sql`search_fts.rowid >= ${sortKeyAt(q.from)}`);
  if (q.sectionIds)
    where.push(sql`d.section_id IN (${q.sectionIds.length ? idList(q.sectionIds) : sql`NULL`})`);
  return sql.join(where, sql` AND `);
}

const FTS_WITH_DOCUMENTS = sql`search_fts JOIN search_documents d ON d.sort_key = search_fts.rowid`;

async function fts5Count(db: Db, q: MatchQuery, expr: string): Promise<number> {
  const from = q.sectionIds ? FTS_WITH_DOCUMENTS : sql`search_fts`;
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM ${from} WHERE ${fts5Where(q, expr)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function fts5Page(
  db: Db,
  q: MatchQuery,
  expr: string,
  limit: number,
  offset: number,
): Promise<number[]> {
  if (limit <= 0) return [];
  const { rows } = await sql<{ id: number }>`SELECT d.article_id AS id FROM ${FTS_WITH_DOCUMENTS}
    WHERE ${fts5Where(q, expr)} ORDER BY search_fts.rowid DESC LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows.map((r) => r.id);
}

const sqliteIndex: SearchIndexSql = {
  async insert(trx, docs) {
    if (!docs.length) return;
    await sql`INSERT INTO search_fts (rowid, title, subtitle, byline, body, title_choseong, head_grams,
      body_grams, choseong_grams) VALUES ${sql.join(
        docs.map(
          (d) => sql`(${d.sortKey}, ${d.title}, ${d.subtitle}, ${d.byline}, ${d.body}, ${d.titleChoseong},
            ${framedGrams(d.headGrams)}, ${framedGrams(d.bodyGrams)}, ${framedGrams(d.choseongGrams)})`,
        ),
      )}`.execute(trx);
  },

  async clear(trx) {
    await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(trx);
  },

  async optimize(db) {
    await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
    await sql`ANALYZE search_documents`.execute(db);
  },

  async match(db, q) {
    const all = fts5Query(q.groups, "all");
    if (all === null) return { total: 0, ids: [] };
    // Relevance has a first tier only when every group can match in the title or subtitle.
    const head = q.sort === "relevance" ? fts5Query(q.groups, "head") : null;
    if (head === null) {
      const [total, ids] = await Promise.all([
        fts5Count(db, q, all),
        fts5Page(db, q, all, q.limit, q.offset),
      ]);
      return { total, ids };
    }
    const [total, inHead] = await Promise.all([fts5Count(db, q, all), fts5Count(db, q, head)]);
    const first = q.offset < inHead ? await fts5Page(db, q, head, q.limit, q.offset) : [];
    // The rest only when the title matches do not fill the page, which for a common word is rare.
    const rest =
      first.length < q.limit && total > inHead
        ? await fts5Page(
            db,
            q,
            `(${all}) NOT (${head})`,
            q.limit - first.length,
            Math.max(0, q.offset - inHead),
          )
        : [];
    return { total, ids: [...first, ...rest] };
  },
};

// ------------------------------------------------------------------------------------------------
// PostgreSQL: pg_trgm for 3+ characters, a GIN-indexed tsvector of grams for the rest
// ------------------------------------------------------------------------------------------------

/** Lexeme marks: a gram of the title or subtitle, a gram of the title's consonants. */
const HEAD_MARK = "^";
const CHOSEONG_MARK = "#";

/** A story's lexemes: its grams, its title and subtitle's grams marked ^, its consonant grams marked #. */
function tokensOf(d: IndexedDocument): string[] {
  return [
    ...new Set([...d.headGrams, ...d.bodyGrams]),
    ...d.headGrams.map((g) => HEAD_MARK + g),
    ...d.choseongGrams.map((c) => CHOSEONG_MARK + c),
  ];
}

/** One lexeme as a tsquery, quoted by PostgreSQL itself so that no gram is ever read as query syntax. */
const hasToken = (token: string) => sql`g.tokens @@ quote_literal(${token})::tsquery`;
const anyOf = (parts: RawBuilder<unknown>[]) => sql`(${sql.join(parts, sql` OR `)})`;

function pgGroup(g: MatchGroup, scope: Scope): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [];
  for (const p of g.long) {
    const like = likeContains(p);
    parts.push(sql`x.title ILIKE ${like}`, sql`x.subtitle ILIKE ${like}`);
    if (scope === "all") parts.push(sql`x.byline ILIKE ${like}`, sql`x.body ILIKE ${like}`);
  }
  for (const p of g.short) parts.push(hasToken(scope === "all" ? p : HEAD_MARK + p));
  if (g.choseong) {
    parts.push(
      isLongPattern(g.choseong)
        ? sql`x.title_choseong LIKE ${likeContains(g.choseong)}`
        : hasToken(CHOSEONG_MARK + g.choseong),
    );
  }
  return parts.length ? anyOf(parts) : null;
}

function pgQuery(groups: readonly MatchGroup[], scope: Scope): RawBuilder<unknown> | null {
  const parts = groups.map((g) => pgGroup(g, scope));
  return parts.every((p) => p !== null)
    ? sql`(${sql.join(parts as RawBuilder<unknown>[], sql` AND `)})`
    : null;
}

const postgresIndex: SearchIndexSql = {
  async insert(trx, docs) {
    if (!docs.length) return;
    await sql`INSERT INTO search_grams (article_id, sort_key, section_id, published_at, tokens) VALUES ${sql.join(
      docs.map(
        (d) =>
          sql`(${d.articleId}, ${d.sortKey}, ${d.sectionId}, ${d.publishedAt}, array_to_tsvector(${tokensOf(d)}::text[]))`,
      ),
    )}`.execute(trx);
  },

  async clear() {
    // search_texts and search_grams go with their search_documents rows (ON DELETE CASCADE).
  },

  async optimize(db) {
    await sql`ANALYZE search_documents, search_texts, search_grams, search_people`.execute(db);
  },

  async match(db, q) {
    const all = pgQuery(q.groups, "all");
    if (all === null) return { total: 0, ids: [] };
    const head = q.sort === "relevance" ? pgQuery(q.groups, "head") : null;
    const texts = q.groups.some((g) => g.long.length || (g.choseong && isLongPattern(g.choseong)));
    const from = texts
      ? sql`search_grams g JOIN search_texts x ON x.article_id = g.article_id`
      : sql`search_grams g`;
    const filters: RawBuilder<unknown>[] = [sql`g.published_at <= ${q.now}`];
    if (q.from !== null) filters.push(sql`g.published_at >= ${q.from}`);
    if (q.to !== null) filters.push(sql`g.published_at < ${q.to}`);
    if (q.sectionIds)
      filters.push(sql`g.section_id IN (${q.sectionIds.length ? idList(q.sectionIds) : sql`NULL`})`);
    const where = (condition: RawBuilder<unknown>) => sql.join([...filters, condition], sql` AND `);
    const count = async (trx: Db, condition: RawBuilder<unknown>) => {
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM ${from} WHERE ${where(condition)}`.execute(trx);
      return Number(rows[0]?.n ?? 0);
    };
    const page = async (trx: Db, condition: RawBuilder<unknown>, limit: number, offset: number) => {
      if (limit <= 0) return [];
      const { rows } = await sql<{
        id: number;
      }>`SELECT g.article_id AS id FROM ${from} WHERE ${where(condition)}
        ORDER BY g.sort_key DESC LIMIT ${limit} OFFSET ${offset}`.execute(trx);
      return rows.map((r) => r.id);
    };
    const run = async (trx: Db): Promise<MatchResult> => {
      // The planner prices a tsvector test as cheap and, for a gram in most stories, would read
      // every row, fetching each row's lexemes from TOAST: seconds. The GIN index answers exactly
      // and needs no row's lexemes, so sequential scans are ruled out for this transaction.
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      if (head === null) {
        const [total, ids] = await Promise.all([count(trx, all), page(trx, all, q.limit, q.offset)]);
        return { total, ids };
      }
      const [total, inHead] = await Promise.all([count(trx, all), count(trx, sql`${all} AND ${head}`)]);
      const first = q.offset < inHead ? await page(trx, sql`${all} AND ${head}`, q.limit, q.offset) : [];
      const rest =
        first.length < q.limit && total > inHead
          ? await page(
              trx,
              sql`${all} AND NOT ${head}`,
              q.limit - first.length,
              Math.max(0, q.offset - inHead),
            )
          : [];
      return { total, ids: [...first, ...rest] };
    };
    return db.isTransaction ? run(db) : db.transaction().execute(run);
  },
};

export function searchIndexSql(dialect: DialectName): SearchIndexSql {
  return dialect === "sqlite" ? sqliteIndex : postgresIndex;
}
