import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { Database, PeopleTable, PersonRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A person by their old profile number, following the numbers of people merged into them. */
export async function findPersonByNum(db: Db, num: number): Promise<PersonRow | undefined> {
  const direct = await db.selectFrom("people").selectAll().where("num", "=", num).executeTakeFirst();
  if (direct) return direct;
  return db
    .selectFrom("person_redirects as r")
    .innerJoin("people as p", "p.id", "r.person_id")
    .selectAll("p")
    .where("r.num", "=", num)
    .executeTakeFirst();
}

export function findPersonById(db: Db, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The directory in the newsroom: by name, alias, key or organisation; everyone when `q` is empty. */
export function searchPeople(
  db: Db,
  q: string,
  limit: number,
  /** only these people (the directory's "needs evidence" filter); an empty list finds nobody */
  onlyIds?: readonly number[],
): Promise<PersonRow[]> {
  let query = db.selectFrom("people").selectAll();
  if (onlyIds) {
    if (onlyIds.length === 0) return Promise.resolve([]);
    query = query.where("id", "in", [...onlyIds]);
  }
  const term = q.trim();
  if (term) {
    // Wildcards are dropped rather than escaped: SQLite and PostgreSQL escape LIKE differently.
    const like = `%${term.replace(/[%_\\]/g, "")}%`;
    query = query.where((eb) =>
      eb.or([
        eb("name", "like", like),
        eb("aliases", "like", like),
        eb("key", "like", like),
        eb("organization", "like", like),
      ]),
    );
  }
  return query.orderBy("name").orderBy("id").limit(limit).execute();
}

export function findPersonByKey(db: Db, key: string): Promise<PersonRow | undefined> {
  return db.selectFrom("people").selectAll().where("key", "=", key).executeTakeFirst();
}

/** Events where the person speaks, newest first. */
export function listSpeakerEvents(db: Db, personId: number): Promise<{ key: string; title: string }[]> {
  return db
    .selectFrom("event_speakers as es")
    .innerJoin("events as e", "e.id", "es.event_id")
    .select(["e.key", "e.title"])
    .where("es.person_id", "=", personId)
    .orderBy("e.starts_at", "desc")
    .execute();
}

/**
 * True when an old profile number is already taken: by an article (the old site shared one number
 * space), or as the redirect of a person merged into someone other than `exceptId`.
 */
export async function isPersonNumInUse(db: Db, num: number, exceptId: number | null): Promise<boolean> {
  const article = await db.selectFrom("articles").select("id").where("num", "=", num).executeTakeFirst();
  if (article) return true;
  const redirect = await db
    .selectFrom("person_redirects")
    .select("person_id")
    .where("num", "=", num)
    .executeTakeFirst();
  return redirect !== undefined && redirect.person_id !== exceptId;
}

export type PersonValues = Omit<Insertable<PeopleTable>, "id" | "created_at">;

export async function insertPerson(trx: Db, values: PersonValues & { created_at: number }): Promise<number> {
  const { id } = await trx.insertInto("people").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updatePerson(
  trx: Db,
  id: number,
  values: Omit<Updateable<PeopleTable>, "id" | "created_at">,
): Promise<void> {
  await trx.updateTable("people").set(values).where("id", "=", id).execute();
}

export async function deletePerson(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom("people").where("id", "=", id).execute();
}

/**
 * Moves `fromId`'s event appearances to `toId`; where both speak at one event, `toId`'s stays and
 * `fromId`'s goes.
 */
export async function moveEventAppearances(trx: Db, fromId: number, toId: number): Promise<void> {
  const both = (
    await trx.selectFrom("event_speakers").select("event_id").where("person_id", "=", toId).execute()
  ).map((r) => r.event_id);
  if (both.length) {
    await trx
      .deleteFrom("event_speakers")
      .where("person_id", "=", fromId)
      .where("event_id", "in", both)
      .execute();
  }
  await trx.updateTable("event_speakers").set({ person_id: toId }).where("person_id", "=", fromId).execute();
}

/** Points the old numbers that led to `fromId` at `toId` (before `fromId` is deleted, which drops them). */
export async function moveRedirects(trx: Db, fromId: number, toId: number): Promise<void> {
  await trx
    .updateTable("person_redirects")
    .set({ person_id: toId })
    .where("person_id", "=", fromId)
    .execute();
}

/** Sends an old profile number to a person. */
export async function addRedirect(trx: Db, num: number, personId: number): Promise<void> {
  await trx.insertInto("person_redirects").values({ num, person_id: personId }).execute();
}
