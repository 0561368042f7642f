import { type Kysely, sql } from "kysely";
import { isSqlite } from "./columns.ts";

/**
 * PostgreSQL: every word the indexed stories use, once, with a pg_trgm index. A piece of one word
 * (반도체 in 반도체가) is looked up here among short strings, then found in the stories as those
 * words' lexemes (=반도체가) in `search_grams` through its GIN index, without reading a body again.
 *
 * This table was first added by editing the landed 2026_11_30_1500_create_search_index, which is
 * restored as it first landed; databases that ran the edited version have the table already, hence
 * IF NOT EXISTS. Existing stories get their words on the next `npm run jikji -- reindex`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  await db.schema
    .createTable("search_words")
    .ifNotExists()
    .addColumn("word", "text", (c) => c.primaryKey())
    .execute();
  await sql`CREATE INDEX IF NOT EXISTS search_words_trgm ON search_words USING gin (word gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  await db.schema.dropTable("search_words").ifExists().execute();
}
