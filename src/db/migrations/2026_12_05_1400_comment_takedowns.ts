import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * 정보통신망법 §44의2: 권리침해 신고 on comments (distinct from readers' ordinary 신고) and the 임시조치
 * a moderator applies on one. While `comments.takedown_at` is set, readers see a notice in place of the
 * comment's text; the request row keeps the period, the decision and the notices sent to both parties.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("comments").addColumn("takedown_at", "bigint").execute();
  await db.schema.alterTable("comments").addColumn("takedown_until", "bigint").execute();

  await withId(db, db.schema.createTable("comment_rights_requests"))
    .addColumn("comment_id", "integer", (c) => c.notNull().references("comments.id").onDelete("cascade"))
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("contact", "varchar(200)", (c) => c.notNull())
    .addColumn("infringed_right", "varchar(32)", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("address_hash", "varchar(128)")
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addColumn("block_days", "integer")
    .addColumn("blocked_at", "bigint")
    .addColumn("block_until", "bigint")
    .addColumn("requester_notice", "text")
    .addColumn("poster_notice", "text")
    .addColumn("decided_at", "bigint")
    .addColumn("decided_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("decision_note", "text")
    .execute();
  await db.schema
    .createIndex("comment_rights_requests_status")
    .on("comment_rights_requests")
    .columns(["status", "block_until"])
    .execute();
  await db.schema
    .createIndex("comment_rights_requests_comment")
    .on("comment_rights_requests")
    .column("comment_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("comment_rights_requests").execute();
  await db.schema.alterTable("comments").dropColumn("takedown_until").execute();
  await db.schema.alterTable("comments").dropColumn("takedown_at").execute();
}
