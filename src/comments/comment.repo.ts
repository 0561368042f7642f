import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
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

/** Visible comments, newest first. */
export async function listVisibleComments(
  db: Db,
  articleId: number,
  limit: number,
  offset = 0,
): Promise<PublicComment[]> {
  const rows = await db
    .selectFrom("comments")
    .select(["id", "nickname", "body", "created_at", "likes", "dislikes"])
    .where("article_id", "=", articleId)
    .where("status", "=", "visible")
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
