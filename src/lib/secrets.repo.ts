import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Stores `value` under `key` in `site_settings` unless a value is there already, and returns the
 * value that is stored. Racing callers all get the first one written (the insert does nothing on
 * conflict), so every instance agrees on it.
 */
export async function keepFirstSetting(db: Db, key: string, value: string): Promise<string> {
  await db
    .insertInto("site_settings")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("site_settings")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  return row.value;
}
