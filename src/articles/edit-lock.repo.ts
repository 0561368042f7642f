import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { LockHolder } from "./edit-lock.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Who holds the story's lock (fresh or not), with their name and 직함. */
export async function findLock(db: Db, articleId: number): Promise<LockHolder | null> {
  const row = await db
    .selectFrom("article_locks as l")
    .innerJoin("staff as s", "s.id", "l.staff_id")
    .select(["l.staff_id", "s.name", "s.job_title", "l.taken_at", "l.heartbeat_at"])
    .where("l.article_id", "=", articleId)
    .executeTakeFirst();
  return row
    ? {
        staffId: row.staff_id,
        name: row.name,
        jobTitle: row.job_title,
        takenAt: row.taken_at,
        heartbeatAt: row.heartbeat_at,
      }
    : null;
}

/**
 * Takes or renews the lock in one statement, only when it is free, stale (heartbeat before
 * `staleBefore`) or already ours; true when we hold it afterwards. One statement, so two editors
 * opening a story at the same instant cannot both win, on either database.
 */
export async function acquireLock(
  db: Db,
  articleId: number,
  staffId: number,
  now: number,
  staleBefore: number,
): Promise<boolean> {
  const row = await db
    .insertInto("article_locks")
    .values({ article_id: articleId, staff_id: staffId, taken_at: now, heartbeat_at: now })
    .onConflict((oc) =>
      oc
        .column("article_id")
        .doUpdateSet({
          staff_id: staffId,
          // A renewal keeps the time the lock was first taken; taking a stale lock starts anew.
          taken_at: sql<number>`case when article_locks.staff_id = ${staffId} then article_locks.taken_at else ${now} end`,
          heartbeat_at: now,
        })
        .where((eb) =>
          eb.or([
            eb("article_locks.staff_id", "=", staffId),
            eb("article_locks.heartbeat_at", "<", staleBefore),
          ]),
        ),
    )
    .returning("staff_id")
    .executeTakeFirst();
  return row?.staff_id === staffId;
}

/** Takes the lock whoever holds it (a confirmed takeover). */
export async function forceLock(db: Db, articleId: number, staffId: number, now: number): Promise<void> {
  await db
    .insertInto("article_locks")
    .values({ article_id: articleId, staff_id: staffId, taken_at: now, heartbeat_at: now })
    .onConflict((oc) =>
      oc.column("article_id").doUpdateSet({ staff_id: staffId, taken_at: now, heartbeat_at: now }),
    )
    .execute();
}

/** Lets go of the lock if we hold it (leaving the editor). */
export async function releaseLock(db: Db, articleId: number, staffId: number): Promise<void> {
  await db
    .deleteFrom("article_locks")
    .where("article_id", "=", articleId)
    .where("staff_id", "=", staffId)
    .execute();
}
