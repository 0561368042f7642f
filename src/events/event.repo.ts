import type { Kysely, Transaction } from "kysely";
import type { Database, EventRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The promoted event that starts soonest and has not ended: the site-wide banner. */
export function findBannerEvent(db: Db, now: number): Promise<EventRow | undefined> {
  return db
    .selectFrom("events")
    .selectAll()
    .where("promoted", "=", 1)
    .where((eb) => eb(eb.fn.coalesce("ends_at", "starts_at"), ">", now))
    .orderBy("starts_at")
    .limit(1)
    .executeTakeFirst();
}

export function findEventByKey(db: Db, key: string): Promise<EventRow | undefined> {
  return db.selectFrom("events").selectAll().where("key", "=", key).executeTakeFirst();
}
