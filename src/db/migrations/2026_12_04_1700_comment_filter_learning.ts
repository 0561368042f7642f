import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * What the comment filter learns from the paper itself: every moderator's approve / delete / restore as
 * a labelled example (the text as it was judged, who, when), and the models retrained from them
 * (`jikji train-filter`), newest in use.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("comment_filter_examples"))
    .addColumn("comment_id", "integer", (c) => c.references("comments.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("abusive", "smallint", (c) => c.notNull())
    .addColumn("decision", "varchar(16)", (c) => c.notNull())
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("comment_filter_examples_comment")
    .on("comment_filter_examples")
    .columns(["comment_id", "id"])
    .execute();

  await withId(db, db.schema.createTable("comment_filter_models"))
    .addColumn("hash", "varchar(64)", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("comment_filter_models").execute();
  await db.schema.dropTable("comment_filter_examples").execute();
}
