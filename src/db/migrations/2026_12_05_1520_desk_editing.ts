import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * Editing safely and reporters' profiles (issue 15, parts 7 and 9):
 * - `article_locks`: one soft lock per story, who holds it and their last heartbeat; a lock whose
 *   heartbeat stopped is free again (the rule lives in the app, not here).
 * - `article_edit_requests`: a reporter's 수정 요청 to their published story, pointing at the revision
 *   that carries the proposed text (`article_revisions.kind = 'request'`), with the desk's answer.
 * - `staff`: a profile for the public pages: photo (a library photo), 직함, a short bio, contact links
 *   (JSON list).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("article_locks")
    .addColumn("article_id", "integer", (c) =>
      c.primaryKey().notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("cascade"))
    .addColumn("taken_at", "bigint", (c) => c.notNull())
    .addColumn("heartbeat_at", "bigint", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("article_edit_requests"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("revision_id", "integer", (c) =>
      c.notNull().references("article_revisions.id").onDelete("cascade"),
    )
    .addColumn("staff_id", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("decided_at", "bigint")
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("article_edit_requests_by_status")
    .on("article_edit_requests")
    .columns(["status", "created_at"])
    .execute();
  await db.schema
    .createIndex("article_edit_requests_by_article")
    .on("article_edit_requests")
    .columns(["article_id", "status"])
    .execute();

  await db.schema.alterTable("staff").addColumn("photo_media_id", "integer").execute();
  await db.schema.alterTable("staff").addColumn("job_title", "text").execute();
  await db.schema.alterTable("staff").addColumn("bio", "text").execute();
  await db.schema.alterTable("staff").addColumn("links", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["links", "bio", "job_title", "photo_media_id"]) {
    await db.schema.alterTable("staff").dropColumn(column).execute();
  }
  await db.schema.dropTable("article_edit_requests").execute();
  await db.schema.dropTable("article_locks").execute();
}
