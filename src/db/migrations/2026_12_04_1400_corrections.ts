import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * 언론중재법 §14–§16: requests for a 정정·반론·추후보도, every step taken on them, and the notices
 * published at the top of an article when one is accepted (the article owns its notices).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("article_notices"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("title", "varchar(300)", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("published_at", "bigint", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("article_notices_article").on("article_notices").column("article_id").execute();

  await withId(db, db.schema.createTable("correction_requests"))
    .addColumn("receipt", "varchar(32)", (c) => c.notNull().unique())
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("email", "varchar(254)", (c) => c.notNull())
    .addColumn("phone", "varchar(50)")
    .addColumn("relation", "varchar(500)")
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("proposal", "text", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("late", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addColumn("answer_due_at", "bigint", (c) => c.notNull())
    .addColumn("answered_at", "bigint")
    .addColumn("refusal_ground", "varchar(32)")
    .addColumn("answer_note", "text")
    .addColumn("publish_due_at", "bigint")
    .addColumn("published_at", "bigint")
    .addColumn("notice_id", "integer", (c) => c.references("article_notices.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("correction_requests_status")
    .on("correction_requests")
    .column("status")
    .execute();

  await withId(db, db.schema.createTable("correction_events"))
    .addColumn("request_id", "integer", (c) =>
      c.notNull().references("correction_requests.id").onDelete("cascade"),
    )
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("action", "varchar(32)", (c) => c.notNull())
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("correction_events_request")
    .on("correction_events")
    .column("request_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("correction_events").execute();
  await db.schema.dropTable("correction_requests").execute();
  await db.schema.dropTable("article_notices").execute();
}
