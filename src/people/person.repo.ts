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
