import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
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

export function findThrottle(db: Db, key: string): Promise<SignInThrottle | undefined> {
  return db
    .selectFrom("sign_in_throttle")
    .select(["failures", "first_failed_at", "locked_until"])
    .where("key", "=", key)
    .executeTakeFirst();
}

export async function saveThrottle(db: Db, key: string, values: SignInThrottle): Promise<void> {
  await db
    .insertInto("sign_in_throttle")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom("sign_in_throttle").where("key", "=", key).execute();
}
