import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * 편집판: the desk's layouts of the home page and each top section page, and the layout log that
 * 언론중재법 §15⑧ with 시행령 §11의2 asks a larger internet newspaper to keep for six months (which
 * story stood in which slot, from when until when, placed by hand or filled automatically).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A layout the desk applied (live, then replaced) or set for later (scheduled, then live or cancelled).
  await withId(db, db.schema.createTable("frontpage_layouts"))
    .addColumn("page", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    // JSON: [{slot, position, articleId, until}]
    .addColumn("placements", "text", (c) => c.notNull())
    .addColumn("apply_at", "bigint")
    .addColumn("applied_at", "bigint")
    .addColumn("created_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("frontpage_layouts_by_page")
    .on("frontpage_layouts")
    .columns(["page", "status", "apply_at"])
    .execute();

  // One row per story per slot per stretch of time it was visible there; until_at null while it is.
  await withId(db, db.schema.createTable("frontpage_log"))
    .addColumn("page", "text", (c) => c.notNull())
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("slot_label", "text", (c) => c.notNull())
    .addColumn("article_id", "integer", (c) => c.references("articles.id").onDelete("set null"))
    .addColumn("article_num", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    // 제공 언론사: null for the paper's own story, else where it came from (a wire, a press release)
    .addColumn("source", "text")
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("from_at", "bigint", (c) => c.notNull())
    .addColumn("until_at", "bigint")
    .execute();
  await db.schema
    .createIndex("frontpage_log_open")
    .on("frontpage_log")
    .columns(["page", "until_at"])
    .execute();
  await db.schema.createIndex("frontpage_log_by_time").on("frontpage_log").columns(["from_at"]).execute();

  // One row per page: a writer of the page's log takes this row first, so two instances never log twice.
  await db.schema
    .createTable("frontpage_pages")
    .addColumn("page", "text", (c) => c.primaryKey())
    .addColumn("synced_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("frontpage_pages").execute();
  await db.schema.dropTable("frontpage_log").execute();
  await db.schema.dropTable("frontpage_layouts").execute();
}
