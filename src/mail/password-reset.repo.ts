import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The active staff member with this e-mail (compared without case, as sign-in does), or null. */
export async function findResettableStaff(
  db: Db,
  email: string,
): Promise<{ id: number; name: string; email: string } | null> {
  const row = await db
    .selectFrom("staff")
    .select(["id", "name", "email"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .where("active", "=", 1)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertPasswordReset(
  db: Db,
  row: { staffId: number; tokenHash: string; now: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({
      staff_id: row.staffId,
      token_hash: row.tokenHash,
      created_at: row.now,
      expires_at: row.expiresAt,
      used_at: null,
    })
    .execute();
}

/** The staff member a live (unused, unexpired) link belongs to, without using it; null otherwise. */
export async function findLiveReset(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ staffId: number } | null> {
  const row = await db
    .selectFrom("password_resets as r")
    .innerJoin("staff as s", "s.id", "r.staff_id")
    .select("r.staff_id")
    .where("r.token_hash", "=", tokenHash)
    .where("r.used_at", "is", null)
    .where("r.expires_at", ">", now)
    .where("s.active", "=", 1)
    .executeTakeFirst();
  return row ? { staffId: row.staff_id } : null;
}

/**
 * Uses a live link, once: one conditional UPDATE, so two submissions racing with the same link
 * cannot both set a password. Returns the staff member's id, or null when the link is not live.
 */
export async function useReset(db: Db, tokenHash: string, now: number): Promise<number | null> {
  const row = await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("staff_id")
    .executeTakeFirst();
  return row ? row.staff_id : null;
}

/** Ends every other link of this staff member (a newer one was sent, or the password was just set). */
export async function retireResetsOf(db: Db, staffId: number, now: number): Promise<void> {
  await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("staff_id", "=", staffId)
    .where("used_at", "is", null)
    .execute();
}

/** Links are worth nothing a day after they expire; the rows go. */
export async function deleteOldResets(db: Db, before: number): Promise<void> {
  await db.deleteFrom("password_resets").where("expires_at", "<", before).execute();
}
