import type { Kysely, Transaction } from "kysely";
import type { Database, PersonRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function findPersonByNum(db: Db, num: number): Promise<PersonRow | undefined> {
  return db.selectFrom("people").selectAll().where("num", "=", num).executeTakeFirst();
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
