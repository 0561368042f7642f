import type { Kysely, Transaction } from "kysely";
import type { Database, RightsRequestStatus } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export async function insertRightsRequest(
  db: Db,
  r: {
    commentId: number;
    name: string;
    contact: string;
    right: string;
    reason: string;
    addressHash: string | null;
    at: number;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("comment_rights_requests")
    .values({
      comment_id: r.commentId,
      name: r.name,
      contact: r.contact,
      infringed_right: r.right,
      reason: r.reason,
      address_hash: r.addressHash,
      status: "received",
      received_at: r.at,
      block_days: null,
      blocked_at: null,
      block_until: null,
      requester_notice: null,
      poster_notice: null,
      decided_at: null,
      decided_by: null,
      decision_note: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

function requestQuery(db: Db) {
  return db
    .selectFrom("comment_rights_requests as r")
    .innerJoin("comments as c", "c.id", "r.comment_id")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .leftJoin("staff as s", "s.id", "r.decided_by")
    .selectAll("r")
    .select([
      "c.body as comment_body",
      "c.nickname as comment_nickname",
      "c.status as comment_status",
      "a.num as article_num",
      "a.title as article_title",
      "s.name as decided_by_name",
    ]);
}

export type RightsRequestRow = NonNullable<Awaited<ReturnType<typeof findRightsRequest>>>;

export function findRightsRequest(db: Db, id: number) {
  return requestQuery(db).where("r.id", "=", id).executeTakeFirst();
}

/**
 * Requests waiting for a moderator first (received, then 임시조치 whose period is over, then those
 * still running), then the closed ones, newest first.
 */
export function listRightsRequests(db: Db, open: boolean, limit: number) {
  const q = requestQuery(db).where("r.status", open ? "in" : "not in", ["received", "blocked"]);
  return (open ? q.orderBy("r.status", "desc").orderBy("r.block_until").orderBy("r.received_at") : q)
    .orderBy("r.id", "desc")
    .limit(limit)
    .execute();
}

/** 임시조치 whose period has ended without a decision (on comments not deleted meanwhile). */
export async function countExpiredTakedowns(db: Db, now: number): Promise<number> {
  const row = await db
    .selectFrom("comment_rights_requests as r")
    .innerJoin("comments as c", "c.id", "r.comment_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("r.status", "=", "blocked")
    .where("r.block_until", "<=", now)
    .where("c.status", "!=", "deleted")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Moves a request from one status to the next with the given fields; false when it was not in `from`
 * any more (another moderator got there first).
 */
export async function moveRightsRequest(
  db: Db,
  id: number,
  from: RightsRequestStatus,
  set: {
    status: RightsRequestStatus;
    blockDays?: number;
    blockedAt?: number;
    blockUntil?: number;
    requesterNotice?: string;
    posterNotice?: string;
    decidedAt: number;
    decidedBy: number;
    decisionNote?: string | null;
  },
): Promise<boolean> {
  const res = await db
    .updateTable("comment_rights_requests")
    .set({
      status: set.status,
      ...(set.blockDays !== undefined ? { block_days: set.blockDays } : {}),
      ...(set.blockedAt !== undefined ? { blocked_at: set.blockedAt } : {}),
      ...(set.blockUntil !== undefined ? { block_until: set.blockUntil } : {}),
      ...(set.requesterNotice !== undefined ? { requester_notice: set.requesterNotice } : {}),
      ...(set.posterNotice !== undefined ? { poster_notice: set.posterNotice } : {}),
      ...(set.decisionNote !== undefined ? { decision_note: set.decisionNote } : {}),
      decided_at: set.decidedAt,
      decided_by: set.decidedBy,
    })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Puts a comment under 임시조치 until `until`, or (null, null) lifts it. */
export async function setCommentTakedown(
  db: Db,
  commentId: number,
  at: number | null,
  until: number | null,
): Promise<void> {
  await db
    .updateTable("comments")
    .set({ takedown_at: at, takedown_until: until })
    .where("id", "=", commentId)
    .execute();
}
