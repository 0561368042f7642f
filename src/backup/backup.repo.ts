import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";

/**
 * Claims a scheduled run for this instance: true when this insert made the row, false when another
 * instance (or an earlier start of this one) already took the slot.
 */
export async function claimBackupSlot(
  db: Kysely<Database>,
  slot: string,
  at: number,
): Promise<number | null> {
  try {
    const row = await db
      .insertInto("backup_runs")
      .values({ slot, started_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function finishBackupRun(
  db: Kysely<Database>,
  id: number,
  outcome: { finishedAt: number; file: string | null; bytes: number | null; error: string | null },
): Promise<void> {
  await db
    .updateTable("backup_runs")
    .set({ finished_at: outcome.finishedAt, file: outcome.file, bytes: outcome.bytes, error: outcome.error })
    .where("id", "=", id)
    .execute();
}

/** The latest scheduled runs, newest first (for the log and tests). */
export function recentBackupRuns(db: Kysely<Database>, limit = 20) {
  return db
    .selectFrom("backup_runs")
    .selectAll()
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
