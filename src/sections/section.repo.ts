import type { Kysely, Transaction } from "kysely";
import type { Database, SectionRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function listSections(db: Db): Promise<SectionRow[]> {
  return db.selectFrom("sections").selectAll().orderBy("position").orderBy("id").execute();
}
