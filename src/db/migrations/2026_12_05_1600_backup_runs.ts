import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * Scheduled backups: one row per scheduled run. `slot` (the interval and the run's number since the
 * epoch) is unique, so of several instances only the one whose insert succeeds makes that backup.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("backup_runs"))
    .addColumn("slot", "varchar(60)", (c) => c.notNull().unique())
    .addColumn("started_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .addColumn("file", "text")
    .addColumn("bytes", "bigint")
    .addColumn("error", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("backup_runs").execute();
}
