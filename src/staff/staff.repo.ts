import type { Kysely, Transaction } from "kysely";
import type { Database, StaffRole, StaffRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function findStaffByKey(db: Db, key: string): Promise<StaffRow | undefined> {
  return db.selectFrom("staff").selectAll().where("key", "=", key).executeTakeFirst();
}

/** A staff member as the newsroom's staff list shows them. */
export interface StaffListRow {
  id: number;
  key: string;
  name: string;
  email: string;
  role: StaffRole;
  desk: string | null;
  active: number;
  /** the newest sign-in still on record (sessions are removed when they end), or null */
  last_sign_in: number | null;
}

/** Everyone, the active first, by name; with their last sign-in derived from the sessions kept. */
export function listStaffWithSignIns(db: Db): Promise<StaffListRow[]> {
  const lastSignIn = db
    .selectFrom("sessions")
    .select((eb) => ["staff_id", eb.fn.max("created_at").as("last_sign_in")])
    .groupBy("staff_id")
    .as("l");
  return db
    .selectFrom("staff as s")
    .leftJoin(lastSignIn, "l.staff_id", "s.id")
    .select(["s.id", "s.key", "s.name", "s.email", "s.role", "s.desk", "s.active", "l.last_sign_in"])
    .orderBy("s.active", "desc")
    .orderBy("s.name")
    .orderBy("s.id")
    .execute() as Promise<StaffListRow[]>;
}

export function findStaffById(db: Db, id: number): Promise<StaffRow | undefined> {
  return db.selectFrom("staff").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A staff account as the newsroom's staff pages show it: everything but the password hash. */
export type StaffAccount = Omit<StaffRow, "password_hash" | "photo_media_id" | "job_title" | "bio" | "links">;

export function findStaffAccount(db: Db, id: number): Promise<StaffAccount | undefined> {
  return db
    .selectFrom("staff")
    .select(["id", "key", "name", "email", "role", "desk", "active", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Whoever already has this e-mail, compared without case (sign-in ignores case too). */
export function findStaffByEmailIgnoringCase(
  db: Db,
  email: string,
): Promise<{ id: number; key: string; name: string } | undefined> {
  return db
    .selectFrom("staff")
    .select(["id", "key", "name"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

/** What signing in checks of the account with this e-mail (compared without case). */
export function findSignInAccount(
  db: Db,
  email: string,
): Promise<{ id: number; password_hash: string | null; active: number } | undefined> {
  return db
    .selectFrom("staff")
    .select(["id", "password_hash", "active"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

export async function findPasswordHash(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom("staff").select("password_hash").where("id", "=", id).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function setPasswordHash(db: Db, id: number, hash: string): Promise<void> {
  await db.updateTable("staff").set({ password_hash: hash }).where("id", "=", id).execute();
}

export interface StaffFields {
  name: string;
  email: string;
  role: StaffRole;
  desk: string | null;
  active: boolean;
}

export async function insertStaff(
  db: Db,
  row: StaffFields & { key: string; createdAt: number },
): Promise<number> {
  const inserted = await db
    .insertInto("staff")
    .values({
      key: row.key,
      name: row.name,
      email: row.email,
      role: row.role,
      desk: row.desk,
      active: row.active ? 1 : 0,
      password_hash: null,
      created_at: row.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateStaffFields(db: Db, id: number, fields: StaffFields): Promise<void> {
  await db
    .updateTable("staff")
    .set({
      name: fields.name,
      email: fields.email,
      role: fields.role,
      desk: fields.desk,
      active: fields.active ? 1 : 0,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Locks the rows of the active admins until the transaction ends (a no-op update, which both
 * databases accept; SQLite's write lock already covers the whole file). Two admins demoting each
 * other at the same moment then run one after the other, and the second sees the first's change,
 * so the last admin cannot be lost between a count and an update.
 */
export async function lockActiveAdmins(trx: Transaction<Database>): Promise<void> {
  await trx
    .updateTable("staff")
    .set((eb) => ({ active: eb.ref("active") }))
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom("staff")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The public profile columns of a staff member (issue 15 §9). */
export function findStaffProfile(db: Db, id: number) {
  return db
    .selectFrom("staff as s")
    .leftJoin("media as m", "m.id", "s.photo_media_id")
    .select([
      "s.id",
      "s.key",
      "s.name",
      "s.role",
      "s.photo_media_id",
      "s.job_title",
      "s.bio",
      "s.links",
      "m.path as photo_path",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
}

export async function updateStaffProfile(
  db: Db,
  id: number,
  values: {
    photo_media_id: number | null;
    job_title: string | null;
    bio: string | null;
    links: string | null;
  },
): Promise<void> {
  await db.updateTable("staff").set(values).where("id", "=", id).execute();
}

/** Whether a library photo with this id exists (a profile's photo is picked by its number). */
export async function libraryPhotoExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom("media").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}
