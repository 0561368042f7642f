import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * Registrations for events (issue 7).
 *
 * - `email` is stored lower-cased; one registration per e-mail per event (unique index), so a second
 *   attempt fails on the database even when two arrive at once.
 * - `queued_at` orders the waiting list (first come, first promoted); ties break on `id`.
 * - `cancel_token_hash` is SHA-256 of the random token in the cancel link: the token itself is never
 *   stored, so a leaked table cannot cancel anyone's seat.
 * - `confirmation_code` is short and human (`K7Q-4F2`), unique per event, for check-in at the door.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("event_registrations"))
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("email", "varchar(254)", (c) => c.notNull())
    .addColumn("organization", "varchar(200)")
    .addColumn("phone", "varchar(40)")
    .addColumn("consent_at", "bigint", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("queued_at", "bigint", (c) => c.notNull())
    .addColumn("confirmation_code", "varchar(16)", (c) => c.notNull())
    .addColumn("cancel_token_hash", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("checked_in_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("event_registrations_event_email")
    .on("event_registrations")
    .columns(["event_id", "email"])
    .unique()
    .execute();
  await db.schema
    .createIndex("event_registrations_event_code")
    .on("event_registrations")
    .columns(["event_id", "confirmation_code"])
    .unique()
    .execute();
  await db.schema
    .createIndex("event_registrations_event_status_queue")
    .on("event_registrations")
    .columns(["event_id", "status", "queued_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("event_registrations").execute();
}
