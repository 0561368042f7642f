import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/** Comments as readers use them: votes, reports, blocks, rate limits, and the moderators' log. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("comments").addColumn("address_hash", "varchar(64)").execute();
  await db.schema.alterTable("comments").addColumn("held_reason", "varchar(32)").execute();
  await db.schema
    .alterTable("comments")
    .addColumn("report_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("comments").addColumn("moderated_at", "bigint").execute();
  await db.schema
    .createIndex("comments_status_created")
    .on("comments")
    .columns(["status", "created_at"])
    .execute();
  await db.schema
    .createIndex("comments_address_created")
    .on("comments")
    .columns(["address_hash", "created_at"])
    .execute();

  await db.schema
    .createTable("comment_votes")
    .addColumn("comment_id", "integer", (c) => c.notNull().references("comments.id").onDelete("cascade"))
    .addColumn("voter", "varchar(64)", (c) => c.notNull())
    .addColumn("value", "smallint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("comment_votes_pk", ["comment_id", "voter"])
    .execute();

  await db.schema
    .createTable("comment_reports")
    .addColumn("comment_id", "integer", (c) => c.notNull().references("comments.id").onDelete("cascade"))
    .addColumn("reporter", "varchar(64)", (c) => c.notNull())
    .addColumn("reason", "varchar(500)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("comment_reports_pk", ["comment_id", "reporter"])
    .execute();

  await withId(db, db.schema.createTable("comment_blocks"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("value", "varchar(128)", (c) => c.notNull())
    .addColumn("reason", "varchar(500)")
    .addColumn("until", "bigint", (c) => c.notNull())
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("comment_blocks_lookup")
    .on("comment_blocks")
    .columns(["kind", "value", "until"])
    .execute();

  await withId(db, db.schema.createTable("moderation_log"))
    .addColumn("comment_id", "integer", (c) => c.references("comments.id").onDelete("set null"))
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("action", "varchar(32)", (c) => c.notNull())
    .addColumn("note", "varchar(500)")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("moderation_log_created").on("moderation_log").column("created_at").execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "varchar(200)", (c) => c.primaryKey())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "rate_limits",
    "moderation_log",
    "comment_blocks",
    "comment_reports",
    "comment_votes",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex("comments_address_created").execute();
  await db.schema.dropIndex("comments_status_created").execute();
  for (const column of ["moderated_at", "report_count", "held_reason", "address_hash"]) {
    await db.schema.alterTable("comments").dropColumn(column).execute();
  }
}
