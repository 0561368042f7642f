import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * Outgoing mail and staff password resets. Every mail is a row of `mail_queue` written in the same
 * transaction as the change that causes it; a worker on each instance claims due rows one at a time
 * (a conditional update on `claimed_until`, so two instances never send one row) and delivers them
 * over SMTP or into `DATA_DIR/outbox`, retrying with back-off. `password_resets` keeps only a hash of
 * each reset link's token.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("mail_queue"))
    .addColumn("kind", "varchar(40)", (c) => c.notNull())
    .addColumn("to_address", "varchar(254)", (c) => c.notNull())
    .addColumn("subject", "varchar(300)", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("claimed_until", "bigint")
    .addColumn("sent_at", "bigint")
    .addColumn("failed_at", "bigint")
    .addColumn("last_error", "varchar(500)")
    .addColumn("outbox_file", "varchar(200)")
    .execute();
  await db.schema
    .createIndex("mail_queue_due")
    .on("mail_queue")
    .columns(["sent_at", "failed_at", "next_attempt_at"])
    .execute();

  await withId(db, db.schema.createTable("password_resets"))
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("cascade"))
    .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();
  await db.schema.createIndex("password_resets_staff").on("password_resets").column("staff_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_resets").execute();
  await db.schema.dropTable("mail_queue").execute();
}
