import type { Kysely, Transaction } from "kysely";
import type { Database, PersonRow } from "../db/schema.ts";

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
export function searchPeople(db: Db, q: string, limit: number): Promise<PersonRow[]> {
  let query = db.selectFrom("people").selectAll();
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

export function parseStringList(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
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
