import type { Kysely, Transaction } from "kysely";
import type { Database, StaffRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function findStaffByKey(db: Db, key: string): Promise<StaffRow | undefined> {
  return db.selectFrom("staff").selectAll().where("key", "=", key).executeTakeFirst();
}
