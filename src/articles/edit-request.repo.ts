import type { Kysely, Transaction } from "kysely";
import type { Database, EditRequestStatus } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function findEditRequest(db: Db, id: number) {
  return db.selectFrom("article_edit_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Points the reporter's pending request on this story at a new revision, or opens one; returns its
 * id. One pending request per reporter and story: saving again refines the same request.
 */
export async function upsertPendingEditRequest(
  trx: Transaction<Database>,
  r: { articleId: number; staffId: number; revisionId: number; at: number },
): Promise<number> {
  const pending = await trx
    .selectFrom("article_edit_requests")
    .select("id")
    .where("article_id", "=", r.articleId)
    .where("staff_id", "=", r.staffId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (pending) {
    await trx
      .updateTable("article_edit_requests")
      .set({ revision_id: r.revisionId, created_at: r.at })
      .where("id", "=", pending.id)
      .execute();
    return pending.id;
  }
  const { id } = await trx
    .insertInto("article_edit_requests")
    .values({
      article_id: r.articleId,
      staff_id: r.staffId,
      revision_id: r.revisionId,
      status: "pending",
      created_at: r.at,
      decided_by: null,
      decided_at: null,
      note: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Decides a request only while it is pending (two desks cannot both decide it); false otherwise. */
export async function decideEditRequest(
  trx: Transaction<Database>,
  id: number,
  status: Exclude<EditRequestStatus, "pending">,
  by: number,
  at: number,
  note: string | null,
): Promise<boolean> {
  const res = await trx
    .updateTable("article_edit_requests")
    .set({ status, decided_by: by, decided_at: at, note })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export interface EditRequestRow {
  id: number;
  articleId: number;
  articleTitle: string;
  revisionId: number;
  proposedTitle: string;
  status: EditRequestStatus;
  reporterName: string | null;
  createdAt: number;
  decidedAt: number | null;
  deciderName: string | null;
  note: string | null;
}

function requestQuery(db: Db) {
  return db
    .selectFrom("article_edit_requests as r")
    .innerJoin("articles as a", "a.id", "r.article_id")
    .innerJoin("article_revisions as v", "v.id", "r.revision_id")
    .leftJoin("staff as s", "s.id", "r.staff_id")
    .leftJoin("staff as d", "d.id", "r.decided_by")
    .select([
      "r.id",
      "r.article_id",
      "a.title as article_title",
      "r.revision_id",
      "v.title as proposed_title",
      "r.status",
      "s.name as reporter_name",
      "r.created_at",
      "r.decided_at",
      "d.name as decider_name",
      "r.note",
    ]);
}

type RequestQueryRow = Awaited<ReturnType<ReturnType<typeof requestQuery>["execute"]>>[number];
const toRow = (r: RequestQueryRow): EditRequestRow => ({
  id: r.id,
  articleId: r.article_id,
  articleTitle: r.article_title,
  revisionId: r.revision_id,
  proposedTitle: r.proposed_title,
  status: r.status,
  reporterName: r.reporter_name,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  deciderName: r.decider_name,
  note: r.note,
});

/** Requests waiting for the desk, the oldest first. */
export async function listPendingEditRequests(db: Db, limit = 100): Promise<EditRequestRow[]> {
  const rows = await requestQuery(db)
    .where("r.status", "=", "pending")
    .orderBy("r.created_at")
    .orderBy("r.id")
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

/** A story's pending requests (its editor shows them to the desk). */
export async function listPendingEditRequestsOf(db: Db, articleId: number): Promise<EditRequestRow[]> {
  const rows = await requestQuery(db)
    .where("r.article_id", "=", articleId)
    .where("r.status", "=", "pending")
    .orderBy("r.id")
    .execute();
  return rows.map(toRow);
}

/** A reporter's requests, pending or decided since `since`, the newest first (their newsroom home). */
export async function listEditRequestsBy(
  db: Db,
  staffId: number,
  since: number,
  limit = 30,
): Promise<EditRequestRow[]> {
  const rows = await requestQuery(db)
    .where("r.staff_id", "=", staffId)
    .where((eb) => eb.or([eb("r.status", "=", "pending"), eb("r.decided_at", ">=", since)]))
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toRow);
}
