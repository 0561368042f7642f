import type { Kysely, Transaction } from "kysely";
import type { CommentStatus, Database } from "../db/schema.ts";
import { type PublicComment, toPublicComment } from "./comment.ts";

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
    .select(["id", "nickname", "body", "created_at", "likes", "dislikes", "takedown_at"])
    .where("article_id", "=", articleId)
    .where("status", "=", "visible");
  if (sort === "likes") q = q.orderBy("likes", "desc");
  const rows = await q
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toPublicComment);
}

/**
 * The article with this number if readers may see it: published, and its publication time come
 * (drafts, scheduled and pulled stories have no comments). Only what comments need of it.
 */
export function findPublicArticle(db: Db, num: number, now: number) {
  return db
    .selectFrom("articles")
    .select(["id", "num"])
    .where("num", "=", num)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .executeTakeFirst();
}

/** A comment with its article's number (what it makes stale when it changes). */
export function findComment(db: Db, id: number) {
  return db
    .selectFrom("comments as c")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .selectAll("c")
    .select("a.num as article_num")
    .where("c.id", "=", id)
    .executeTakeFirst();
}

export type CommentWithArticle = NonNullable<Awaited<ReturnType<typeof findComment>>>;

/** The vote counts of a comment. */
export function findVoteCounts(db: Db, id: number) {
  return db.selectFrom("comments").select(["likes", "dislikes"]).where("id", "=", id).executeTakeFirst();
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

/**
 * Records one reader's report of a comment; false when this reader had reported it already (one
 * report per reader, kept by the table's key).
 */
export async function insertReport(
  db: Db,
  r: { commentId: number; reporter: string; reason: string; at: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto("comment_reports")
    .values({ comment_id: r.commentId, reporter: r.reporter, reason: r.reason, created_at: r.at })
    .onConflict((oc) => oc.columns(["comment_id", "reporter"]).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Adds one to a comment's report count in one statement (racing reports each count) and returns the
 * comment as it now is. The row stays locked until the caller's transaction ends.
 */
export function incrementReportCount(db: Db, id: number) {
  return db
    .updateTable("comments")
    .set((eb) => ({ report_count: eb("report_count", "+", 1) }))
    .where("id", "=", id)
    .returning(["report_count", "status", "moderated_at"])
    .executeTakeFirstOrThrow();
}

/** Forgets a comment's reports: an approved comment starts afresh. */
export async function clearReports(db: Db, id: number): Promise<void> {
  await db.deleteFrom("comment_reports").where("comment_id", "=", id).execute();
  await db.updateTable("comments").set({ report_count: 0 }).where("id", "=", id).execute();
}

/**
 * Records one reader's 공감 (+1) or 비공감 (-1) and adds it to the comment's counts. A second vote by
 * the same reader on the same comment violates the votes table's key: the caller tells it by the
 * dialect and rolls back.
 */
export async function insertVote(
  db: Db,
  v: { commentId: number; voter: string; value: 1 | -1; at: number },
): Promise<void> {
  await db
    .insertInto("comment_votes")
    .values({ comment_id: v.commentId, voter: v.voter, value: v.value, created_at: v.at })
    .execute();
  await db
    .updateTable("comments")
    .set((eb) => (v.value === 1 ? { likes: eb("likes", "+", 1) } : { dislikes: eb("dislikes", "+", 1) }))
    .where("id", "=", v.commentId)
    .execute();
}
