import { type Kysely, sql } from "kysely";
import { isSqlite } from "./columns.ts";

/**
 * The search index (src/search). Both databases keep:
 * - `search_documents`: the searchable (published) articles, keyed by `sort_key`, a unique number
 *   that orders them newest first (publication millisecond × 2048 + a slot), with their section;
 * - `search_texts`: the plain text the index was built from (title, subtitle, byline, body, the
 *   title's initial consonants), for snippets;
 * - `search_people`: people's spellings and their initial consonants.
 *
 * The index itself is each database's own:
 * - SQLite: `search_fts`, one contentless FTS5 table with the trigram tokenizer whose rowid is the
 *   sort key, so that "newest first" and date ranges are rowid ranges FTS5 walks by itself. Besides
 *   the texts it holds each article's 1–2 character grams as space-framed words (" 금리 "), which
 *   the trigram tokenizer indexes too: every query, short words included, is one MATCH. A trigger
 *   removes an article's FTS row whenever its document row goes, whatever deletes it.
 * - PostgreSQL: pg_trgm GIN indexes on `search_texts` for 3+ characters (Hangul gets trigrams only
 *   in a database with a UTF-8 LC_CTYPE), and `search_grams`, one narrow row per story whose grams
 *   are the lexemes of a GIN-indexed tsvector.
 *
 * The index is filled by the app (grams and consonants are computed in TypeScript), so a database
 * that already has articles gets an empty index here: run `npm run jikji -- reindex` once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = isSqlite(db);
  await db.schema
    .createTable("search_documents")
    // On SQLite, INTEGER PRIMARY KEY is the rowid: looking a document up by key is one B-tree probe.
    .addColumn("sort_key", sqlite ? "integer" : "bigint", (c) => c.primaryKey().notNull())
    .addColumn("article_id", "integer", (c) =>
      c.notNull().unique().references("articles.id").onDelete("cascade"),
    )
    .addColumn("section_id", "integer", (c) => c.notNull())
    .addColumn("published_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("search_documents_section")
    .on("search_documents")
    .columns(["section_id", "sort_key"])
    .execute();

  await db.schema
    .createTable("search_texts")
    .addColumn("article_id", "integer", (c) =>
      c.primaryKey().notNull().references("search_documents.article_id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("subtitle", "text", (c) => c.notNull())
    .addColumn("byline", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("title_choseong", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("search_people")
    .addColumn("person_id", "integer", (c) =>
      c.primaryKey().notNull().references("people.id").onDelete("cascade"),
    )
    // JSON array of the name and aliases as written
    .addColumn("spellings", "text", (c) => c.notNull())
    // "\n"-separated, "\n" at both ends: each spelling lower-cased without spaces
    .addColumn("spelling_keys", "text", (c) => c.notNull())
    // "\n"-separated, "\n" at both ends: each spelling's initial consonants
    .addColumn("choseong", "text", (c) => c.notNull())
    .execute();

  if (sqlite) {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      title, subtitle, byline, body, title_choseong, head_grams, body_grams, choseong_grams,
      content = '', contentless_delete = 1, tokenize = 'trigram')`.execute(db);
    await sql`CREATE TRIGGER search_documents_fts_delete AFTER DELETE ON search_documents BEGIN
      DELETE FROM search_fts WHERE rowid = old.sort_key;
    END`.execute(db);
    return;
  }

  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  for (const column of ["title", "subtitle", "byline", "body", "title_choseong"]) {
    await sql`CREATE INDEX ${sql.id(`search_texts_${column}_trgm`)} ON search_texts
      USING gin (${sql.id(column)} gin_trgm_ops)`.execute(db);
  }
  // One narrow row per story: what filters and sorts need, and its grams as the lexemes of one
  // tsvector (금리 for a gram, ^금리 for a gram of the title or subtitle, #ㄱㄹ for the title's
  // consonants). Stored out of line, the tsvector leaves rows of a few dozen bytes, so counting the
  // stories a GIN lookup found visits few pages and never reads the lexemes again.
  await db.schema
    .createTable("search_grams")
    .addColumn("article_id", "integer", (c) =>
      c.primaryKey().notNull().references("search_documents.article_id").onDelete("cascade"),
    )
    .addColumn("sort_key", "bigint", (c) => c.notNull())
    .addColumn("section_id", "integer", (c) => c.notNull())
    .addColumn("published_at", "bigint", (c) => c.notNull())
    .addColumn("tokens", sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`ALTER TABLE search_grams ALTER COLUMN tokens SET STORAGE EXTERNAL`.execute(db);
  await sql`CREATE INDEX search_grams_tokens ON search_grams USING gin (tokens)`.execute(db);
  await db.schema.createIndex("search_grams_sort").on("search_grams").column("sort_key").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await sql`DROP TABLE search_fts`.execute(db);
  else await db.schema.dropTable("search_grams").execute();
  await db.schema.dropTable("search_people").execute();
  await db.schema.dropTable("search_texts").execute();
  await db.schema.dropTable("search_documents").execute();
}
