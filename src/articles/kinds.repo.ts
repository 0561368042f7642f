import type { Kysely, Transaction } from "kysely";
import type { ArticleLabel, Database } from "../db/schema.ts";
import { publicStoriesQuery, toArticleSummary } from "../web/public/article-summary.repo.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import { sortLabels } from "./labels.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A story's labels, in display order. */
export async function listLabels(db: Db, articleId: number): Promise<ArticleLabel[]> {
  const rows = await db
    .selectFrom("article_labels")
    .select("label")
    .where("article_id", "=", articleId)
    .execute();
  return sortLabels(rows.map((r) => r.label));
}

export async function replaceLabels(
  db: Db,
  articleId: number,
  labels: readonly ArticleLabel[],
): Promise<void> {
  await db.deleteFrom("article_labels").where("article_id", "=", articleId).execute();
  const unique = [...new Set(labels)];
  if (unique.length) {
    await db
      .insertInto("article_labels")
      .values(unique.map((label) => ({ article_id: articleId, label })))
      .execute();
  }
}

/** What a story is beside its text: video, 연재, 엠바고, the 속보 bar's clearing. */
export async function findKinds(db: Db, articleId: number) {
  return db
    .selectFrom("articles as a")
    .leftJoin("series as s", "s.id", "a.series_id")
    .select([
      "a.video_youtube_id",
      "a.series_id",
      "a.series_part",
      "a.embargo_until",
      "a.breaking_cleared_at",
      "s.key as series_key",
      "s.title as series_title",
    ])
    .where("a.id", "=", articleId)
    .executeTakeFirst();
}

export async function updateKinds(
  db: Db,
  articleId: number,
  values: { video_youtube_id?: string | null; series_id?: number | null; series_part?: number | null },
): Promise<void> {
  await db.updateTable("articles").set(values).where("id", "=", articleId).execute();
}

export async function setEmbargo(db: Db, articleId: number, until: number | null): Promise<void> {
  await db.updateTable("articles").set({ embargo_until: until }).where("id", "=", articleId).execute();
}

export async function clearBreakingBar(db: Db, articleId: number, at: number): Promise<void> {
  await db.updateTable("articles").set({ breaking_cleared_at: at }).where("id", "=", articleId).execute();
}

/** Another story already holding this part number of the series, if any. */
export async function findPartHolder(db: Db, seriesId: number, part: number, exceptArticleId: number) {
  const row = await db
    .selectFrom("articles")
    .select("num")
    .where("series_id", "=", seriesId)
    .where("series_part", "=", part)
    .where("id", "!=", exceptArticleId)
    .executeTakeFirst();
  return row?.num ?? null;
}

// ---- the 속보 bar

export interface BreakingBar {
  num: number;
  title: string;
  /** when the bar comes down by itself (30 minutes after publication) */
  until: number;
}

/**
 * The newest public 속보 story whose bar is still up: published within `windowMs`, not cleared. The
 * frame keeps the answer until `until`, so the bar disappears on time without anyone acting.
 */
export async function findBreakingBar(db: Db, now: number, windowMs: number): Promise<BreakingBar | null> {
  const row = await db
    .selectFrom("articles as a")
    .innerJoin("article_labels as l", (j) =>
      j.onRef("l.article_id", "=", "a.id").on("l.label", "=", "breaking"),
    )
    .select(["a.num", "a.title", "a.published_at"])
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", now)
    .where("a.published_at", ">", now - windowMs)
    .where("a.breaking_cleared_at", "is", null)
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .executeTakeFirst();
  return row ? { num: row.num, title: row.title, until: row.published_at! + windowMs } : null;
}

// ---- takedown

/** Whether the story with this number was taken down (its last status change is a takedown). */
export async function isTakenDown(db: Db, num: number): Promise<boolean> {
  const row = await db
    .selectFrom("articles as a")
    .select(["a.status"])
    .select((eb) =>
      eb
        .selectFrom("article_events as e")
        .select("e.action")
        .whereRef("e.article_id", "=", "a.id")
        .where("e.to_status", "is not", null)
        .where("e.action", "in", ["taken_down", "unpublished", "published", "scheduled", "filed", "returned"])
        .orderBy("e.created_at", "desc")
        .orderBy("e.id", "desc")
        .limit(1)
        .as("last_action"),
    )
    .where("a.num", "=", num)
    .executeTakeFirst();
  return row?.status === "unpublished" && row.last_action === "taken_down";
}

// ---- series

export type SeriesRow = Awaited<ReturnType<typeof listSeries>>[number];

export function listSeries(db: Db) {
  return db
    .selectFrom("series as s")
    .select(["s.id", "s.key", "s.title", "s.description", "s.position", "s.created_at"])
    .select((eb) =>
      eb
        .selectFrom("articles as a")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("a.series_id", "=", "s.id")
        .as("parts"),
    )
    .orderBy("s.position")
    .orderBy("s.id")
    .execute();
}

export function findSeriesByKey(db: Db, key: string) {
  return db.selectFrom("series").selectAll().where("key", "=", key).executeTakeFirst();
}

export function findSeriesById(db: Db, id: number) {
  return db.selectFrom("series").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertSeries(
  db: Db,
  v: { key: string; title: string; description: string | null; position: number; created_at: number },
): Promise<number> {
  const row = await db.insertInto("series").values(v).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSeries(
  db: Db,
  id: number,
  v: { title: string; description: string | null; position: number },
): Promise<void> {
  await db.updateTable("series").set(v).where("id", "=", id).execute();
}

/** The series' public parts, in part order (then publication), with what cards show. */
export async function listPublicParts(
  db: Db,
  seriesId: number,
  now: number,
): Promise<Array<ArticleSummary & { part: number | null }>> {
  const rows = await publicStoriesQuery(db, { now })
    .select("a.series_part")
    .where("a.series_id", "=", seriesId)
    .orderBy("a.series_part")
    .orderBy("a.published_at")
    .orderBy("a.id")
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...toArticleSummary(r), part: r.series_part }));
}

/** The public parts just before and after `part` in the series. */
export async function findNeighbourParts(db: Db, seriesId: number, part: number, now: number) {
  const base = () =>
    db
      .selectFrom("articles")
      .select(["num", "title", "series_part"])
      .where("series_id", "=", seriesId)
      .where("status", "=", "published")
      .where("published_at", "<=", now);
  const [previous, next] = await Promise.all([
    base().where("series_part", "<", part).orderBy("series_part", "desc").limit(1).executeTakeFirst(),
    base().where("series_part", ">", part).orderBy("series_part").limit(1).executeTakeFirst(),
  ]);
  const shape = (r: typeof previous) => (r ? { num: r.num, title: r.title, part: r.series_part! } : null);
  return { previous: shape(previous), next: shape(next) };
}

/** The staff member's name matching a person with a photo: the columnist's picture for 오피니언. */
export async function findColumnistPhotoMediaId(db: Db, name: string): Promise<number | null> {
  const rows = await db
    .selectFrom("people")
    .select("photo_media_id")
    .where("name", "=", name)
    .where("photo_media_id", "is not", null)
    .limit(2)
    .execute();
  // Two people of one name: no guess, no photo.
  return rows.length === 1 ? rows[0]!.photo_media_id : null;
}
