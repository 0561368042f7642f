import type { Kysely, Transaction } from "kysely";
import type { ArticleNoticesTable, Database } from "../db/schema.ts";
import type { ArticleNotice } from "./article.ts";

type Db = Kysely<Database> | Transaction<Database>;

const toNotice = (r: {
  id: number;
  kind: ArticleNoticesTable["kind"];
  title: string;
  body: string;
  published_at: number;
}): ArticleNotice => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  at: r.published_at,
});

/** The notices at the top of one article, newest first. */
export async function listArticleNotices(db: Db, articleId: number): Promise<ArticleNotice[]> {
  const rows = await db
    .selectFrom("article_notices")
    .select(["id", "kind", "title", "body", "published_at"])
    .where("article_id", "=", articleId)
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toNotice);
}

/** The notices of several articles (feeds), by article id, newest first. */
export async function noticesByArticle(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, ArticleNotice[]>> {
  const out = new Map<number, ArticleNotice[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("article_notices")
    .select(["id", "article_id", "kind", "title", "body", "published_at"])
    .where("article_id", "in", [...ids])
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push(toNotice(r));
    out.set(r.article_id, list);
  }
  return out;
}

export async function insertArticleNotice(trx: Db, row: Omit<ArticleNoticesTable, "id">): Promise<number> {
  const r = await trx.insertInto("article_notices").values(row).returning("id").executeTakeFirstOrThrow();
  return r.id;
}

/** A public change to the story: its 수정 time moves (신문법 §21 asks for the 수정 date to be shown). */
export async function touchArticle(trx: Db, articleId: number, at: number): Promise<void> {
  await trx.updateTable("articles").set({ updated_at: at }).where("id", "=", articleId).execute();
}
