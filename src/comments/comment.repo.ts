import type { Kysely, Transaction } from "kysely";
import type { CommentStatus, Database } from "../db/schema.ts";
import type { PublicComment } from "./comment.ts";

type Db = Kysely<Database> | Transaction<Database>;

export async function countVisibleComments(db: Db, articleId: number): Promise<number> {
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("article_id", "=", articleId)
    .where("status", "=", "visible")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type CommentSort = "newest" | "likes";

/** Visible comments, newest first or most liked first. */
export async function listVisibleComments(
  db: Db,
  articleId: number,
  limit: number,
  offset = 0,
  sort: CommentSort = "newest",
): Promise<PublicComment[]> {
  let q = db
    .selectFrom("comments")
    .select(["id", "nickname", "body", "created_at", "likes", "dislikes"])
    .where("article_id", "=", articleId)
    .where("status", "=", "visible");
  if (sort === "likes") q = q.orderBy("likes", "desc");
  const rows = await q
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nickname: r.nickname,
    body: r.body,
    createdAt: r.created_at,
    likes: r.likes,
    dislikes: r.dislikes,
  }));
}

export function findComment(db: Db, id: number) {
  return db.selectFrom("comments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertComment(
  db: Db,
  row: {
    articleId: number;
    nickname: string;
    body: string;
    status: CommentStatus;
    heldReason: string | null;
    passwordHash: string;
    addressHash: string;
    now: number;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("comments")
    .values({
      article_id: row.articleId,
      nickname: row.nickname,
      body: row.body,
      status: row.status,
      held_reason: row.heldReason,
      password_hash: row.passwordHash,
      address_hash: row.addressHash,
      created_at: row.now,
      import_key: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function setCommentStatus(
  db: Db,
  id: number,
  status: CommentStatus,
  extra: { heldReason?: string | null; moderatedAt?: number } = {},
) {
  await db
    .updateTable("comments")
    .set({
      status,
      ...(extra.heldReason !== undefined ? { held_reason: extra.heldReason } : {}),
      ...(extra.moderatedAt !== undefined ? { moderated_at: extra.moderatedAt } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** An active block on this nickname or address, if any. */
export function findActiveBlock(db: Db, nickname: string, addressHash: string, now: number) {
  return db
    .selectFrom("comment_blocks")
    .selectAll()
    .where("until", ">", now)
    .where((eb) =>
      eb.or([
        eb.and([eb("kind", "=", "nickname"), eb("value", "=", nickname.toLowerCase())]),
        eb.and([eb("kind", "=", "address"), eb("value", "=", addressHash)]),
      ]),
    )
    .orderBy("until", "desc")
    .executeTakeFirst();
}

/** The same text from the same address within a window: repeated posting. */
export async function countRecentSameText(
  db: Db,
  addressHash: string,
  body: string,
  since: number,
): Promise<number> {
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("address_hash", "=", addressHash)
    .where("created_at", ">=", since)
    .where("body", "=", body)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

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
