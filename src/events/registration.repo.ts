import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, RegistrationRow, RegistrationStatus } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function countConfirmed(db: Db, eventId: number): Promise<number> {
  return db
    .selectFrom("event_registrations")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "confirmed")
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Confirmed and waiting counts of every event, for the newsroom list. */
export async function countsByEvent(db: Db): Promise<Map<number, { confirmed: number; waitlisted: number }>> {
  const rows = await db
    .selectFrom("event_registrations")
    .select(["event_id", "status", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("status", "in", ["confirmed", "waitlisted"])
    .groupBy(["event_id", "status"])
    .execute();
  const out = new Map<number, { confirmed: number; waitlisted: number }>();
  for (const r of rows) {
    const c = out.get(r.event_id) ?? { confirmed: 0, waitlisted: 0 };
    if (r.status === "confirmed") c.confirmed = Number(r.n);
    else c.waitlisted = Number(r.n);
    out.set(r.event_id, c);
  }
  return out;
}

export function findRegistrationByEmail(db: Db, eventId: number, email: string) {
  return db
    .selectFrom("event_registrations")
    .select(["id", "status"])
    .where("event_id", "=", eventId)
    .where("email", "=", email)
    .executeTakeFirst();
}

export function codeTaken(db: Db, eventId: number, code: string): Promise<boolean> {
  return db
    .selectFrom("event_registrations")
    .select("id")
    .where("event_id", "=", eventId)
    .where("confirmation_code", "=", code)
    .executeTakeFirst()
    .then(Boolean);
}

export function insertRegistration(
  db: Db,
  row: Omit<RegistrationRow, "id" | "checked_in_at" | "updated_at">,
): Promise<{ id: number }> {
  return db
    .insertInto("event_registrations")
    .values({ ...row, checked_in_at: null, updated_at: row.created_at })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Reuses a cancelled registration's row for the same e-mail's new registration. */
export async function replaceRegistration(
  db: Db,
  id: number,
  row: Omit<RegistrationRow, "id" | "checked_in_at" | "updated_at">,
): Promise<void> {
  await db
    .updateTable("event_registrations")
    .set({ ...row, checked_in_at: null, updated_at: row.created_at })
    .where("id", "=", id)
    .where("status", "=", "cancelled")
    .execute();
}

export function findRegistrationByTokenHash(db: Db, eventId: number, hash: string) {
  return db
    .selectFrom("event_registrations")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("cancel_token_hash", "=", hash)
    .executeTakeFirst();
}

export function findRegistration(db: Db, eventId: number, id: number) {
  return db
    .selectFrom("event_registrations")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function setRegistrationStatus(
  db: Db,
  id: number,
  status: RegistrationStatus,
  now: number,
  queuedAt?: number,
): Promise<void> {
  await db
    .updateTable("event_registrations")
    .set({ status, updated_at: now, ...(queuedAt !== undefined ? { queued_at: queuedAt } : {}) })
    .where("id", "=", id)
    .execute();
}

/** The first `n` on the waiting list, in the order they came. */
export function firstWaiting(db: Db, eventId: number, n: number) {
  return db
    .selectFrom("event_registrations")
    .select("id")
    .where("event_id", "=", eventId)
    .where("status", "=", "waitlisted")
    .orderBy("queued_at")
    .orderBy("id")
    .limit(n)
    .execute();
}

/** A registration as the newsroom's lists, check-in and CSV show it (the cancel link's hash stays here). */
export type Registrant = Omit<RegistrationRow, "cancel_token_hash">;

/** Registrations of an event: confirmed, then the waiting list in order, then cancelled. */
export function listRegistrations(db: Db, eventId: number, search?: string): Promise<Registrant[]> {
  let q = db
    .selectFrom("event_registrations")
    .select([
      "id",
      "event_id",
      "name",
      "email",
      "organization",
      "phone",
      "consent_at",
      "status",
      "queued_at",
      "confirmation_code",
      "checked_in_at",
      "created_at",
      "updated_at",
    ])
    .where("event_id", "=", eventId);
  if (search) {
    const like = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`(lower(name) like ${like} escape '\\' or email like ${like} escape '\\' or lower(confirmation_code) like ${like} escape '\\')`,
    );
  }
  return q
    .orderBy(sql`case status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy("queued_at")
    .orderBy("id")
    .limit(5000)
    .execute();
}

export async function markCheckedIn(db: Db, id: number, checkedIn: boolean, now: number): Promise<void> {
  await db
    .updateTable("event_registrations")
    .set({ checked_in_at: checkedIn ? now : null, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** Deletes the registrations of every event that ended (or, without an end, started) before `cutoff`. */
export async function deleteRegistrationsOfEventsEndedBefore(db: Db, cutoff: number): Promise<number> {
  const ended = db
    .selectFrom("events")
    .select("id")
    .where((eb) => eb(eb.fn.coalesce("ends_at", "starts_at"), "<", cutoff));
  const result = await db.deleteFrom("event_registrations").where("event_id", "in", ended).executeTakeFirst();
  return Number(result.numDeletedRows);
}
