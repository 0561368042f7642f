import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/** The newsroom: sessions, sign-in throttling, the desk workflow's history, revisions, media metadata. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sessions")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("cascade"))
    .addColumn("csrf_token", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("user_agent", "varchar(300)")
    .execute();
  await db.schema.createIndex("sessions_staff").on("sessions").column("staff_id").execute();
  await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();

  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("key", "varchar(128)", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("first_failed_at", "bigint", (c) => c.notNull())
    .addColumn("locked_until", "bigint")
    .execute();

  await withId(db, db.schema.createTable("article_events"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("action", "varchar(32)", (c) => c.notNull())
    .addColumn("from_status", "varchar(16)")
    .addColumn("to_status", "varchar(16)")
    .addColumn("note", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("article_events_article")
    .on("article_events")
    .columns(["article_id", "created_at"])
    .execute();

  await withId(db, db.schema.createTable("article_revisions"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("title", "varchar(300)", (c) => c.notNull())
    .addColumn("subtitle", "varchar(500)")
    .addColumn("section_id", "integer")
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("lead_media_id", "integer")
    .addColumn("lead_alt", "varchar(500)")
    .addColumn("lead_caption", "text")
    .addColumn("lead_credit", "varchar(200)")
    .execute();
  await db.schema
    .createIndex("article_revisions_article")
    .on("article_revisions")
    .columns(["article_id", "id"])
    .execute();

  await db.schema.alterTable("articles").addColumn("created_by", "integer").execute();
  await db.schema.alterTable("articles").addColumn("desk_note", "text").execute();
  await db.schema.alterTable("articles").addColumn("correction_note", "text").execute();
  await db.schema.alterTable("articles").addColumn("corrected_at", "bigint").execute();
  await db.schema.alterTable("articles").addColumn("saved_at", "bigint").execute();
  await db.schema.alterTable("articles").addColumn("status_changed_at", "bigint").execute();
  await db.schema
    .createIndex("articles_status_created")
    .on("articles")
    .columns(["status", "created_at"])
    .execute();

  await db.schema.alterTable("media").addColumn("uploaded_by", "integer").execute();
  await db.schema.alterTable("media").addColumn("alt", "varchar(500)").execute();
  await db.schema.alterTable("media").addColumn("caption", "text").execute();
  await db.schema.alterTable("media").addColumn("credit", "varchar(200)").execute();
  await db.schema.alterTable("media").addColumn("original_name", "varchar(300)").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["original_name", "credit", "caption", "alt", "uploaded_by"]) {
    await db.schema.alterTable("media").dropColumn(column).execute();
  }
  await db.schema.dropIndex("articles_status_created").execute();
  for (const column of [
    "status_changed_at",
    "saved_at",
    "corrected_at",
    "correction_note",
    "desk_note",
    "created_by",
  ]) {
    await db.schema.alterTable("articles").dropColumn(column).execute();
  }
  for (const table of ["article_revisions", "article_events", "sign_in_throttle", "sessions"]) {
    await db.schema.dropTable(table).execute();
  }
}
