import type { Kysely, Transaction } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { Database, EventRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** What the site-wide banner in every page's frame shows of an event. */
export type BannerEvent = Pick<EventRow, "key" | "title" | "starts_at" | "ends_at" | "venue">;

/** The promoted event that starts soonest and has not ended: the site-wide banner. */
export function findBannerEvent(db: Db, now: number): Promise<BannerEvent | undefined> {
  return db
    .selectFrom("events")
    .select(["key", "title", "starts_at", "ends_at", "venue"])
    .where("promoted", "=", 1)
    .where((eb) => eb(eb.fn.coalesce("ends_at", "starts_at"), ">", now))
    .orderBy("starts_at")
    .limit(1)
    .executeTakeFirst();
}

export function findEventByKey(db: Db, key: string): Promise<EventRow | undefined> {
  return db.selectFrom("events").selectAll().where("key", "=", key).executeTakeFirst();
}

export function findEventById(db: Db, id: number): Promise<EventRow | undefined> {
  return db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Reads the event row locked until the transaction ends (see `Dialect.forUpdate`): capacity rules
 * and edits of the event start here.
 */
export function lockEvent(
  trx: Transaction<Database>,
  dialect: Dialect,
  id: number,
): Promise<EventRow | undefined> {
  return dialect.forUpdate(trx.selectFrom("events").selectAll().where("id", "=", id)).executeTakeFirst();
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

/** Every event, the latest first, for the newsroom's list. */
export function listEventsLatestFirst(db: Db): Promise<EventRow[]> {
  return db.selectFrom("events").selectAll().orderBy("starts_at", "desc").limit(500).execute();
}

/** The ids of the people with these keys (speakers are named by key); unknown keys are left out. */
export async function personIdsByKey(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("people")
    .select(["id", "key"])
    .where("key", "in", [...keys])
    .execute();
  return new Map(rows.map((p) => [p.key, p.id]));
}

/** What the newsroom sets on an event (its key is set once, when it is made). */
export type EventValues = Pick<
  EventRow,
  | "title"
  | "starts_at"
  | "ends_at"
  | "venue"
  | "description_html"
  | "capacity"
  | "registration_open"
  | "promoted"
>;

export async function insertEvent(
  db: Db,
  row: EventValues & { key: string; created_at: number },
): Promise<number> {
  const { id } = await db.insertInto("events").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateEvent(db: Db, id: number, values: EventValues): Promise<void> {
  await db.updateTable("events").set(values).where("id", "=", id).execute();
}

/** Replaces the event's speakers with these people, in this order. */
export async function replaceSpeakers(db: Db, eventId: number, personIds: readonly number[]): Promise<void> {
  await db.deleteFrom("event_speakers").where("event_id", "=", eventId).execute();
  if (personIds.length)
    await db
      .insertInto("event_speakers")
      .values(personIds.map((person_id, position) => ({ event_id: eventId, person_id, position })))
      .execute();
}
