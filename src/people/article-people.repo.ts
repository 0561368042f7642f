import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { parseStringList } from "../lib/json-list.ts";
import { publicStoriesQuery, toArticleSummary } from "../web/public/article-summary.repo.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import type { DirectoryPerson } from "./name-matcher.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type ArticlePersonRow = {
  article_id: number;
  person_id: number;
  start: number;
  length: number;
  spelling: string;
  source: "auto" | "editor";
  removed: number;
};

/** A cheap fingerprint of the directory: changes whenever a person is added, edited or removed. */
export async function directoryVersion(db: Db): Promise<string> {
  const r = await db
    .selectFrom("people")
    .select((eb) => [
      eb.fn.countAll<number | string>().as("n"),
      eb.fn.max("updated_at").as("at"),
      eb.fn.max("id").as("id"),
    ])
    .executeTakeFirstOrThrow();
  return `${r.n}:${r.at ?? 0}:${r.id ?? 0}`;
}

/** Every person, shaped for the matcher. */
export async function loadDirectory(db: Db): Promise<DirectoryPerson[]> {
  const rows = await db
    .selectFrom("people")
    .select(["id", "key", "name", "aliases", "role", "organization", "context_words"])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    aliases: parseStringList(r.aliases),
    role: r.role,
    organization: r.organization,
    contextWords: parseStringList(r.context_words),
  }));
}

/** What the matcher reads of an article: its body as stored and its section's names. */
export function findArticleForLinks(
  db: Db,
  articleId: number,
): Promise<
  { id: number; num: number; body_html: string; section_name: string; section_slug: string } | undefined
> {
  return db
    .selectFrom("articles as a")
    .innerJoin("sections as s", "s.id", "a.section_id")
    .select(["a.id", "a.num", "a.body_html", "s.name as section_name", "s.slug as section_slug"])
    .where("a.id", "=", articleId)
    .executeTakeFirst();
}

export function listArticlePeople(db: Db, articleId: number): Promise<ArticlePersonRow[]> {
  return db
    .selectFrom("article_people")
    .selectAll()
    .where("article_id", "=", articleId)
    .orderBy("start")
    .execute() as Promise<ArticlePersonRow[]>;
}

/** The links to draw in a body: not removed, with the person's key. */
export function listBodyLinks(
  db: Db,
  articleId: number,
): Promise<{ start: number; length: number; spelling: string; key: string }[]> {
  return db
    .selectFrom("article_people as ap")
    .innerJoin("people as p", "p.id", "ap.person_id")
    .select(["ap.start", "ap.length", "ap.spelling", "p.key"])
    .where("ap.article_id", "=", articleId)
    .where("ap.removed", "=", 0)
    .orderBy("ap.start")
    .execute();
}

export async function replaceArticlePeople(
  trx: Db,
  articleId: number,
  rows: Omit<ArticlePersonRow, "article_id">[],
): Promise<void> {
  await trx.deleteFrom("article_people").where("article_id", "=", articleId).execute();
  if (rows.length) {
    await trx
      .insertInto("article_people")
      .values(rows.map((r) => ({ ...r, article_id: articleId })))
      .execute();
  }
}

/** Marks one person's link in an article removed by an editor; false when there was none. */
export async function markArticlePersonRemoved(
  db: Db,
  articleId: number,
  personId: number,
): Promise<boolean> {
  const r = await db
    .updateTable("article_people")
    .set({ removed: 1 })
    .where("article_id", "=", articleId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Moves `fromId`'s links in articles to `toId` (a merge); where both are linked from one article,
 * `toId`'s link stays and `fromId`'s goes.
 */
export async function moveArticleLinks(db: Db, fromId: number, toId: number): Promise<void> {
  const both = (
    await db.selectFrom("article_people").select("article_id").where("person_id", "=", toId).execute()
  ).map((r) => r.article_id);
  if (both.length) {
    await db
      .deleteFrom("article_people")
      .where("person_id", "=", fromId)
      .where("article_id", "in", both)
      .execute();
  }
  await db.updateTable("article_people").set({ person_id: toId }).where("person_id", "=", fromId).execute();
}

/** Published articles that link a person, newest first. */
/** A page of the public stories that mention the person, newest first, as the lists' cards show them. */
export async function listArticlesMentioning(
  db: Db,
  personId: number,
  now: number,
  limit: number,
  offset: number,
): Promise<ArticleSummary[]> {
  const rows = await publicStoriesQuery(db, { now })
    .innerJoin("article_people as ap", "ap.article_id", "a.id")
    .where("ap.person_id", "=", personId)
    .where("ap.removed", "=", 0)
    .orderBy("a.published_at", "desc")
    .orderBy("a.num", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toArticleSummary);
}

export async function countArticlesMentioning(db: Db, personId: number, now: number): Promise<number> {
  const r = await db
    .selectFrom("article_people as ap")
    .innerJoin("articles as a", "a.id", "ap.article_id")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("ap.person_id", "=", personId)
    .where("ap.removed", "=", 0)
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", now)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The bodies of the most recently published stories: the corpus the common-word check samples. */
export async function recentPublishedBodies(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("articles")
    .select("body_html")
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.body_html);
}
