import type { Kysely, Transaction } from "kysely";
import type { ArticleOrigin, ArticleStatus, Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The new articles of a period for the own-reporting rule: published (and still public) with their
 * publication time in [start, end), by then already out. One row each, only what the count needs.
 */
export async function listPublications(
  db: Db,
  start: number,
  end: number,
  now: number,
): Promise<{ publishedAt: number; origin: ArticleOrigin }[]> {
  const rows = await db
    .selectFrom("articles")
    .select(["published_at", "origin"])
    .where("status", "=", "published")
    .where("published_at", ">=", start)
    .where("published_at", "<", end)
    .where("published_at", "<=", now)
    .execute();
  return rows.map((r) => ({ publishedAt: r.published_at!, origin: r.origin }));
}

/** New articles of a period by reporter and origin (a story with two reporters counts for each). */
export function countByReporter(db: Db, start: number, end: number, now: number) {
  return db
    .selectFrom("articles as a")
    .innerJoin("article_authors as aa", "aa.article_id", "a.id")
    .innerJoin("staff as s", "s.id", "aa.staff_id")
    .select((eb) => ["s.key", "s.name", "a.origin", eb.fn.countAll<number>().as("n")])
    .where("a.status", "=", "published")
    .where("a.published_at", ">=", start)
    .where("a.published_at", "<", end)
    .where("a.published_at", "<=", now)
    .groupBy(["s.key", "s.name", "a.origin"])
    .execute();
}

/** New articles of a period by section (with its parent's name) and origin. */
export function countBySection(db: Db, start: number, end: number, now: number) {
  return db
    .selectFrom("articles as a")
    .innerJoin("sections as s", "s.id", "a.section_id")
    .leftJoin("sections as p", "p.id", "s.parent_id")
    .select((eb) => [
      "s.slug",
      "s.name",
      "p.name as parent_name",
      "a.origin",
      eb.fn.countAll<number>().as("n"),
    ])
    .where("a.status", "=", "published")
    .where("a.published_at", ">=", start)
    .where("a.published_at", "<", end)
    .where("a.published_at", "<=", now)
    .groupBy(["s.slug", "s.name", "p.name", "a.origin"])
    .execute();
}

export interface ArticleListingRow {
  id: number;
  num: number;
  title: string;
  status: ArticleStatus;
  origin: ArticleOrigin;
  originSource: string | null;
  publishedAt: number;
  updatedAt: number | null;
  section: string;
  authors: string[];
}

/**
 * Every article published in [start, end) (taken down since included, with its status), oldest
 * first, with its section and reporters: the CSV for portal partnership reviews.
 */
export async function listArticlesPublishedBetween(
  db: Db,
  start: number,
  end: number,
  limit: number,
): Promise<ArticleListingRow[]> {
  const rows = await db
    .selectFrom("articles as a")
    .innerJoin("sections as s", "s.id", "a.section_id")
    .leftJoin("sections as p", "p.id", "s.parent_id")
    .select([
      "a.id",
      "a.num",
      "a.title",
      "a.status",
      "a.origin",
      "a.origin_source",
      "a.published_at",
      "a.updated_at",
      "s.name as section_name",
      "p.name as parent_name",
    ])
    .where("a.status", "in", ["published", "unpublished"])
    .where("a.published_at", ">=", start)
    .where("a.published_at", "<", end)
    .orderBy("a.published_at")
    .orderBy("a.id")
    .limit(limit)
    .execute();
  const authors = new Map<number, string[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const names = await db
      .selectFrom("article_authors as aa")
      .innerJoin("staff as st", "st.id", "aa.staff_id")
      .select(["aa.article_id", "st.name"])
      .where("aa.article_id", "in", ids)
      .orderBy("aa.article_id")
      .orderBy("aa.position")
      .execute();
    for (const n of names) authors.set(n.article_id, [...(authors.get(n.article_id) ?? []), n.name]);
  }
  return rows.map((r) => ({
    id: r.id,
    num: r.num,
    title: r.title,
    status: r.status,
    origin: r.origin,
    originSource: r.origin_source,
    publishedAt: r.published_at!,
    updatedAt: r.updated_at,
    section: r.parent_name ? `${r.parent_name} › ${r.section_name}` : r.section_name,
    authors: authors.get(r.id) ?? [],
  }));
}
