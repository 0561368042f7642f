import { createHash } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { StaffUser } from "./staff.ts";

type Db = Kysely<Database> | Transaction<Database>;

export const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");

export interface SessionWithUser {
  id: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  user: StaffUser;
}

export async function insertSession(
  db: Db,
  row: {
    token: string;
    staffId: number;
    csrfToken: string;
    now: number;
    expiresAt: number;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: tokenId(row.token),
      staff_id: row.staffId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
      user_agent: row.userAgent,
    })
    .execute();
}

/** The live session for a cookie token with its active staff member, or null. */
export async function findSession(db: Db, token: string, now: number): Promise<SessionWithUser | null> {
  const r = await db
    .selectFrom("sessions as s")
    .innerJoin("staff as u", "u.id", "s.staff_id")
    .select([
      "s.id",
      "s.csrf_token",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "u.id as user_id",
      "u.key",
      "u.name",
      "u.email",
      "u.role",
      "u.desk",
    ])
    .where("s.id", "=", tokenId(token))
    .where("s.expires_at", ">", now)
    .where("u.active", "=", 1)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    user: { id: r.user_id, key: r.key, name: r.name, email: r.email, role: r.role, desk: r.desk },
  };
}

export async function extendSession(db: Db, id: string, now: number, expiresAt: number): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Signs a person out everywhere (password changed, account deactivated). */
export async function deleteSessionsOf(db: Db, staffId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("staff_id", "=", staffId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}

/** Failed sign-ins counted under one key (an e-mail, or a keyed hash of an address). */
export interface SignInThrottle {
  failures: number;
  first_failed_at: number;
  locked_until: number | null;
}

/** The latest lock among these keys (0 when none is locked). */
export async function latestLock(db: Db, keys: readonly string[]): Promise<number> {
  const rows = await db
    .selectFrom("sign_in_throttle")
    .select("locked_until")
    .where("key", "in", [...keys])
    .execute();
  return Math.max(0, ...rows.map((r) => r.locked_until ?? 0));
}

/**
 * Counts one failed sign-in under `key` and returns how many the key now has in its window, in one
 * statement, so that failures guessed in parallel are all counted (a read, then a write of a count
 * computed here, let racing guesses overwrite each other's count). A window older than `windowMs`
 * starts again at 1; reaching `limit` locks the key until `now + lockMs`. Every SET expression reads
 * the row as it was, on both databases, so the lock repeats the window's rule.
 */
export async function countSignInFailure(
  db: Db,
  key: string,
  rule: { now: number; windowMs: number; lockMs: number; limit: number },
): Promise<number> {
  const { now, windowMs, lockMs, limit } = rule;
  const expired = sql<boolean>`${now} - sign_in_throttle.first_failed_at > ${windowMs}`;
  const row = await db
    .insertInto("sign_in_throttle")
    .values({ key, failures: 1, first_failed_at: now, locked_until: limit <= 1 ? now + lockMs : null })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`CASE WHEN ${expired} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
        first_failed_at: sql<number>`CASE WHEN ${expired} THEN ${now} ELSE sign_in_throttle.first_failed_at END`,
        locked_until: sql<number | null>`CASE
          WHEN (CASE WHEN ${expired} THEN 1 ELSE sign_in_throttle.failures + 1 END) >= ${limit} THEN ${now + lockMs}
          ELSE sign_in_throttle.locked_until END`,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom("sign_in_throttle").where("key", "=", key).execute();
}
