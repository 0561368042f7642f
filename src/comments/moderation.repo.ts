import type { Kysely, Transaction } from "kysely";
import type { CommentStatus, Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export async function logModeration(
  db: Db,
  e: { commentId: number | null; staffId: number | null; action: string; note?: string | null; at: number },
) {
  await db
    .insertInto("moderation_log")
    .values({
      comment_id: e.commentId,
      staff_id: e.staffId,
      action: e.action,
      note: e.note ?? null,
      created_at: e.at,
    })
    .execute();
}

/** Comments with their article's number and title, as moderators see them. */
function moderationQuery(db: Db) {
  return db
    .selectFrom("comments as c")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .select([
      "c.id",
      "c.nickname",
      "c.body",
      "c.status",
      "c.held_reason",
      "c.report_count",
      "c.created_at",
      "c.address_hash",
      "a.num as article_num",
      "a.title as article_title",
    ]);
}

/** Held and reported comments for moderators, with their article; oldest waiting first. */
export function listModerationQueue(db: Db, limit: number, offset: number) {
  return moderationQuery(db)
    .where((eb) =>
      eb.or([
        eb("c.status", "=", "held"),
        eb.and([eb("c.status", "=", "visible"), eb("c.report_count", ">", 0)]),
      ]),
    )
    .orderBy("c.created_at")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Comments in one status, newest first. */
export function listRecentComments(db: Db, status: CommentStatus, limit: number, offset: number) {
  return moderationQuery(db)
    .where("c.status", "=", status)
    .orderBy("c.created_at", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

export function reportReasons(db: Db, commentIds: number[]) {
  if (commentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("comment_reports")
    .select(["comment_id", "reason"])
    .where("comment_id", "in", commentIds)
    .orderBy("created_at")
    .execute();
}

export function listModerationLog(db: Db, limit: number) {
  return db
    .selectFrom("moderation_log as l")
    .leftJoin("staff as s", "s.id", "l.staff_id")
    .select(["l.id", "l.comment_id", "l.action", "l.note", "l.created_at", "s.name as staff_name"])
    .orderBy("l.id", "desc")
    .limit(limit)
    .execute();
}

export function listActiveBlocks(db: Db, now: number) {
  return db
    .selectFrom("comment_blocks as b")
    .leftJoin("staff as s", "s.id", "b.staff_id")
    .select(["b.id", "b.kind", "b.value", "b.reason", "b.until", "b.created_at", "s.name as staff_name"])
    .where("b.until", ">", now)
    .orderBy("b.created_at", "desc")
    .execute();
}

/** Blocks a nickname (lower-cased) or an address hash until `until`. */
export async function insertBlock(
  db: Db,
  b: {
    kind: "nickname" | "address";
    value: string;
    reason: string | null;
    until: number;
    staffId: number;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto("comment_blocks")
    .values({
      kind: b.kind,
      value: b.value,
      reason: b.reason,
      until: b.until,
      staff_id: b.staffId,
      created_at: b.at,
    })
    .execute();
}

/** Ends an active block now; false when there is no such block or it has ended already. */
export async function endBlock(db: Db, id: number, now: number): Promise<boolean> {
  const res = await db
    .updateTable("comment_blocks")
    .set({ until: now })
    .where("id", "=", id)
    .where("until", ">", now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
