import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { CorrectionRequestsTable, Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A request with its article's number and headline (the queue and the status page show both). */
export async function findCorrectionRequest(db: Db, by: { id: number } | { receipt: string }) {
  let q = db
    .selectFrom("correction_requests as c")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .selectAll("c")
    .select(["a.num as article_num", "a.title as article_title", "a.published_at as article_published_at"]);
  q = "id" in by ? q.where("c.id", "=", by.id) : q.where("c.receipt", "=", by.receipt);
  return q.executeTakeFirst();
}

export type CorrectionRow = NonNullable<Awaited<ReturnType<typeof findCorrectionRequest>>>;

/** Every request, open ones first by their next deadline, then the closed ones newest first. */
export async function listCorrectionRequests(db: Db, limit = 500): Promise<CorrectionRow[]> {
  return db
    .selectFrom("correction_requests as c")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .selectAll("c")
    .select(["a.num as article_num", "a.title as article_title", "a.published_at as article_published_at"])
    .orderBy("c.received_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
}

/** Open requests whose deadline has passed (the newsroom home shows them in red). */
export async function countOverdueCorrections(db: Db, now: number): Promise<number> {
  const row = await db
    .selectFrom("correction_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "received"), eb("answer_due_at", "<=", now)]),
        eb.and([eb("status", "in", ["accepted", "partly_accepted"]), eb("publish_due_at", "<=", now)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCorrectionRequest(
  trx: Db,
  row: Insertable<CorrectionRequestsTable>,
): Promise<number> {
  const r = await trx.insertInto("correction_requests").values(row).returning("id").executeTakeFirstOrThrow();
  return r.id;
}

/** Moves a request from one of `from` to its next state; false when another desk moved it first. */
export async function updateCorrectionRequest(
  trx: Db,
  id: number,
  from: readonly CorrectionRequestsTable["status"][],
  patch: Updateable<CorrectionRequestsTable>,
): Promise<boolean> {
  const r = await trx
    .updateTable("correction_requests")
    .set(patch)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function addCorrectionEvent(
  trx: Db,
  e: { requestId: number; at: number; staffId: number | null; action: string; note: string | null },
): Promise<void> {
  await trx
    .insertInto("correction_events")
    .values({ request_id: e.requestId, at: e.at, staff_id: e.staffId, action: e.action, note: e.note })
    .execute();
}

export async function listCorrectionEvents(db: Db, requestId: number) {
  return db
    .selectFrom("correction_events as e")
    .leftJoin("staff as s", "s.id", "e.staff_id")
    .select(["e.id", "e.at", "e.action", "e.note", "s.name as staff_name"])
    .where("e.request_id", "=", requestId)
    .orderBy("e.at")
    .orderBy("e.id")
    .execute();
}

/** The public article a request names (published and out by now), or undefined. */
export async function findRequestableArticle(db: Db, num: number, now: number) {
  return db
    .selectFrom("articles")
    .select(["id", "num", "title", "published_at"])
    .where("num", "=", num)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .executeTakeFirst();
}
