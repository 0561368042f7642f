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

export interface SpeakerRef {
  key: string;
  name: string;
  role: string | null;
  organization: string | null;
}

export function listSpeakers(db: Db, eventId: number): Promise<SpeakerRef[]> {
  return db
    .selectFrom("event_speakers as es")
    .innerJoin("people as p", "p.id", "es.person_id")
    .select(["p.key", "p.name", "p.role", "p.organization"])
    .where("es.event_id", "=", eventId)
    .orderBy("es.position")
    .execute();
}

/** Coming events first (soonest first), then past ones (latest first). */
export async function listEvents(db: Db, now: number): Promise<{ upcoming: EventRow[]; past: EventRow[] }> {
  const rows = await db.selectFrom("events").selectAll().orderBy("starts_at").limit(500).execute();
  const ended = (e: EventRow) => (e.ends_at ?? e.starts_at) <= now;
  return { upcoming: rows.filter((e) => !ended(e)), past: rows.filter(ended).reverse() };
}
