import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { bodyMediaPaths } from "../media/body-images.ts";
import { toImageView } from "../media/media.ts";
import { publicStoriesQuery, toArticleSummary } from "../web/public/article-summary.repo.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import type { ArticleDetail } from "./article.ts";
import { listArticleNotices } from "./article-notices.repo.ts";
import { findKinds, listLabels } from "./kinds.repo.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface ListFilter {
  /** the moment that counts as now: scheduled stories stay hidden until their time */
  now: number;
  sectionIds?: readonly number[];
  authorStaffId?: number;
  excludeIds?: readonly number[];
  publishedSince?: number;
  /** keyset cursor: strictly older than (publishedAt, id) */
  before?: { publishedAt: number; id: number };
}

/** Published articles with first author and lead photo, in one query, with the lists' filters. */
function summaryQuery(db: Db, f: ListFilter) {
  let q = publicStoriesQuery(db, f);
  if (f.authorStaffId !== undefined) {
    const staffId = f.authorStaffId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("article_authors as x")
          .select("x.article_id")
          .whereRef("x.article_id", "=", "a.id")
          .where("x.staff_id", "=", staffId),
      ),
    );
  }
  if (f.before) {
    const { publishedAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([
        eb("a.published_at", "<", publishedAt),
        eb.and([eb("a.published_at", "=", publishedAt), eb("a.id", "<", id)]),
      ]),
    );
  }
  return q;
}

/** Newest first. */
export async function listPublished(
  db: Db,
  f: ListFilter,
  limit: number,
  offset = 0,
): Promise<ArticleSummary[]> {
  const rows = await summaryQuery(db, f)
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toArticleSummary);
}

export async function countPublished(db: Db, f: ListFilter): Promise<number> {
  let q = db
    .selectFrom("articles as a")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", f.now);
  if (f.sectionIds) q = q.where("a.section_id", "in", f.sectionIds.length ? [...f.sectionIds] : [-1]);
  if (f.authorStaffId !== undefined) {
    const staffId = f.authorStaffId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("article_authors as x")
          .select("x.article_id")
          .whereRef("x.article_id", "=", "a.id")
          .where("x.staff_id", "=", staffId),
      ),
    );
  }
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One article by its public number, whatever its status; null when there is none. */
export async function findByNum(db: Db, num: number): Promise<ArticleDetail | null> {
  const a = await db.selectFrom("articles").selectAll().where("num", "=", num).executeTakeFirst();
  if (!a) return null;
  const bodyPaths = bodyMediaPaths(a.body_html);
  const [authors, tags, media, bodyMedia, notices, labels, kinds] = await Promise.all([
    db
      .selectFrom("article_authors as aa")
      .innerJoin("staff as s", "s.id", "aa.staff_id")
      .select(["s.key", "s.name", "s.email", "s.job_title as jobTitle"])
      .where("aa.article_id", "=", a.id)
      .orderBy("aa.position")
      .execute(),
    db.selectFrom("article_tags").select("tag").where("article_id", "=", a.id).orderBy("position").execute(),
    a.lead_media_id === null
      ? undefined
      : db.selectFrom("media").selectAll().where("id", "=", a.lead_media_id).executeTakeFirst(),
    bodyPaths.length
      ? db.selectFrom("media").selectAll().where("path", "in", bodyPaths).execute()
      : Promise.resolve([]),
    listArticleNotices(db, a.id),
    listLabels(db, a.id),
    findKinds(db, a.id),
  ]);
  return {
    id: a.id,
    num: a.num,
    title: a.title,
    subtitle: a.subtitle,
    sectionId: a.section_id,
    status: a.status,
    publishedAt: a.published_at ?? a.created_at,
    updatedAt: a.updated_at,
    viewCount: a.view_count,
    excerpt: a.excerpt,
    origin: a.origin,
    originSource: a.origin_source,
    sponsored: a.origin === "sponsored",
    bodyHtml: a.body_html,
    authors,
    tags: tags.map((t) => t.tag),
    correction: a.correction_note
      ? { note: a.correction_note, at: a.corrected_at ?? a.updated_at ?? a.created_at }
      : null,
    notices,
    labels,
    videoId: kinds?.video_youtube_id ?? null,
    series:
      kinds?.series_id != null && kinds.series_key != null && kinds.series_part != null
        ? { id: kinds.series_id, key: kinds.series_key, title: kinds.series_title!, part: kinds.series_part }
        : null,
    leadImage: media
      ? toImageView(media, { alt: a.lead_alt, caption: a.lead_caption, credit: a.lead_credit })
      : null,
    bodyImages: new Map(
      bodyMedia.map((m) => [m.path, toImageView(m, { alt: m.alt, caption: null, credit: null })]),
    ),
  };
}

/** Published articles sharing a tag with the given one, newest first. */
export async function listSharingTags(
  db: Db,
  articleId: number,
  tags: readonly string[],
  now: number,
  limit: number,
): Promise<ArticleSummary[]> {
  if (tags.length === 0) return [];
  const rows = await summaryQuery(db, { now, excludeIds: [articleId] })
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("article_tags as t")
          .select("t.article_id")
          .whereRef("t.article_id", "=", "a.id")
          .where("t.tag", "in", [...tags]),
      ),
    )
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
}

/** A batch of stories' bodies and summaries, by id after `afterId`, for recomputing summaries. */
export function listBodiesAfter(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom("articles")
    .select(["id", "body_html", "excerpt"])
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function updateExcerpt(db: Db, id: number, excerpt: string): Promise<void> {
  await db.updateTable("articles").set({ excerpt }).where("id", "=", id).execute();
}
