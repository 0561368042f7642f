import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import {
  framedGrams,
  fts5Phrase,
  gramProbe,
  isLongPattern,
  isOneWord,
  likeContains,
  type SearchSort,
  sortKeyAt,
  textWords,
} from "../search/search.ts";
import type { Database } from "./schema.ts";

/**
 * The search index's SQL where SQLite and PostgreSQL differ, reached through the `Dialect` object
 * (db/dialect.ts `searchIndex`): the text index itself (one FTS5 table
 * on SQLite; pg_trgm and array GIN indexes on PostgreSQL; see the migration
 * 2026_11_30_1500_create_search_index) and the query that matches against it. Everything else about
 * search speaks plain Kysely in search.repo.ts.
 */

type Db = Kysely<Database> | Transaction<Database>;

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

export const sqliteSearchIndex: SearchIndexSql = {
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

/** Lexeme marks: a gram of the title or subtitle, a gram of the title's consonants, a word. */
const HEAD_MARK = "^";
const CHOSEONG_MARK = "#";
const WORD_MARK = "=";
/** A one-word pattern found in more words than this is looked for in the texts instead. */
const WORDS_LIMIT = 2000;

/** A story's lexemes: grams, title and subtitle grams marked ^, consonant grams marked #, words marked =. */
function tokensOf(d: IndexedDocument): string[] {
  return [
    ...new Set([...d.headGrams, ...d.bodyGrams]),
    ...d.headGrams.map((g) => HEAD_MARK + g),
    ...d.choseongGrams.map((c) => CHOSEONG_MARK + c),
    ...wordsOf(d).map((w) => WORD_MARK + w),
  ];
}

const wordsOf = (d: IndexedDocument) => textWords(`${d.title} ${d.subtitle} ${d.byline} ${d.body}`);

/**
 * Lexemes as a tsquery matching any of them. Each is quoted by PostgreSQL itself (quote_literal), so
 * no gram or word is ever read as query syntax.
 */
const hasAnyToken = (tokens: readonly string[]) =>
  sql`g.tokens @@ array_to_string(ARRAY(SELECT quote_literal(t) FROM unnest(${[...tokens]}::text[]) t), ' | ')::tsquery`;

/** A condition, and whether it needs the story's texts (search_texts x) joined. */
interface PgCondition {
  sql: RawBuilder<unknown>;
  texts: boolean;
}

function combine(parts: readonly PgCondition[], op: "AND" | "OR"): PgCondition {
  return {
    sql: sql`(${sql.join(
      parts.map((p) => p.sql),
      op === "AND" ? sql` AND ` : sql` OR `,
    )})`,
    texts: parts.some((p) => p.texts),
  };
}

/** What a one-word pattern's lookup in the word list found: the words, or too many to list. */
type WordHits = Map<string, string[] | "too many">;

function pgGroup(g: MatchGroup, scope: Scope, words: WordHits): PgCondition | null {
  const parts: PgCondition[] = [];
  for (const p of g.long) {
    const like = likeContains(p);
    const found = words.get(p);
    if (scope === "head") {
      parts.push({ sql: sql`(x.title ILIKE ${like} OR x.subtitle ILIKE ${like})`, texts: true });
    } else if (Array.isArray(found)) {
      parts.push({
        sql: found.length ? hasAnyToken(found.map((w) => WORD_MARK + w)) : sql`FALSE`,
        texts: false,
      });
    } else {
      parts.push({
        sql: sql`(x.title ILIKE ${like} OR x.subtitle ILIKE ${like} OR x.byline ILIKE ${like} OR x.body ILIKE ${like})`,
        texts: true,
      });
    }
  }
  if (g.short.length) {
    parts.push({ sql: hasAnyToken(g.short.map((p) => (scope === "all" ? p : HEAD_MARK + p))), texts: false });
  }
  if (g.choseong) {
    parts.push(
      isLongPattern(g.choseong)
        ? { sql: sql`x.title_choseong LIKE ${likeContains(g.choseong)}`, texts: true }
        : { sql: hasAnyToken([CHOSEONG_MARK + g.choseong]), texts: false },
    );
  }
  return parts.length ? combine(parts, "OR") : null;
}

function pgQuery(groups: readonly MatchGroup[], scope: Scope, words: WordHits): PgCondition | null {
  const parts = groups.map((g) => pgGroup(g, scope, words));
  return parts.every((p) => p !== null) ? combine(parts as PgCondition[], "AND") : null;
}

/** Looks each one-word pattern up in the word list: which words hold it (pg_trgm over short strings). */
async function lookUpWords(trx: Db, groups: readonly MatchGroup[]): Promise<WordHits> {
  const hits: WordHits = new Map();
  for (const p of new Set(groups.flatMap((g) => g.long.filter(isOneWord)))) {
    const { rows } = await sql<{ word: string }>`SELECT word FROM search_words
      WHERE word LIKE ${likeContains(p)} ESCAPE '\\' LIMIT ${WORDS_LIMIT + 1}`.execute(trx);
    hits.set(p, rows.length > WORDS_LIMIT ? "too many" : rows.map((r) => r.word));
  }
  return hits;
}

export const postgresSearchIndex: SearchIndexSql = {
  async insert(trx, docs) {
    if (!docs.length) return;
    await sql`INSERT INTO search_grams (article_id, sort_key, section_id, published_at, tokens) VALUES ${sql.join(
      docs.map(
        (d) =>
          sql`(${d.articleId}, ${d.sortKey}, ${d.sectionId}, ${d.publishedAt}, array_to_tsvector(${tokensOf(d)}::text[]))`,
      ),
    )}`.execute(trx);
    const words = [...new Set(docs.flatMap(wordsOf))];
    await sql`INSERT INTO search_words (word) SELECT unnest(${words}::text[]) ON CONFLICT DO NOTHING`.execute(
      trx,
    );
  },

  async clear(trx) {
    // search_texts and search_grams go with their search_documents rows (ON DELETE CASCADE); the
    // word list is only ever added to, so a rebuild is when it loses the words no story uses.
    await sql`DELETE FROM search_words`.execute(trx);
  },

  async optimize(db) {
    await sql`ANALYZE search_documents, search_texts, search_grams, search_words, search_people`.execute(db);
  },

  async match(db, q) {
    const run = async (trx: Db): Promise<MatchResult> => {
      // The planner prices a tsvector test as cheap and, for a gram in most stories, would read
      // every row, fetching each row's lexemes from TOAST: seconds. The GIN index answers exactly
      // and needs no row's lexemes, so sequential scans are ruled out for this transaction.
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const words = await lookUpWords(trx, q.groups);
      const all = pgQuery(q.groups, "all", words);
      if (all === null) return { total: 0, ids: [] };
      const head = q.sort === "relevance" ? pgQuery(q.groups, "head", words) : null;
      const filters: RawBuilder<unknown>[] = [sql`g.published_at <= ${q.now}`];
      if (q.from !== null) filters.push(sql`g.published_at >= ${q.from}`);
      if (q.to !== null) filters.push(sql`g.published_at < ${q.to}`);
      if (q.sectionIds) {
        filters.push(sql`g.section_id IN (${q.sectionIds.length ? idList(q.sectionIds) : sql`NULL`})`);
      }
      const select = (c: PgCondition) => {
        const from = c.texts
          ? sql`search_grams g JOIN search_texts x ON x.article_id = g.article_id`
          : sql`search_grams g`;
        return sql`FROM ${from} WHERE ${sql.join([...filters, c.sql], sql` AND `)}`;
      };
      const count = async (c: PgCondition) => {
        const { rows } = await sql<{ n: number }>`SELECT count(*) AS n ${select(c)}`.execute(trx);
        return Number(rows[0]?.n ?? 0);
      };
      const page = async (c: PgCondition, limit: number, offset: number) => {
        if (limit <= 0) return [];
        const { rows } = await sql<{ id: number }>`SELECT g.article_id AS id ${select(c)}
          ORDER BY g.sort_key DESC LIMIT ${limit} OFFSET ${offset}`.execute(trx);
        return rows.map((r) => r.id);
      };
      if (head === null) {
        const [total, ids] = await Promise.all([count(all), page(all, q.limit, q.offset)]);
        return { total, ids };
      }
      const inHead = combine([all, head], "AND");
      const [total, headCount] = await Promise.all([count(all), count(inHead)]);
      const first = q.offset < headCount ? await page(inHead, q.limit, q.offset) : [];
      const rest =
        first.length < q.limit && total > headCount
          ? await page(
              { sql: sql`${all.sql} AND NOT ${head.sql}`, texts: all.texts || head.texts },
              q.limit - first.length,
              Math.max(0, q.offset - headCount),
            )
          : [];
      return { total, ids: [...first, ...rest] };
    };
    return db.isTransaction ? run(db) : db.transaction().execute(run);
  },
};
