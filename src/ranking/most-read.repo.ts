import type { Kysely, Transaction } from "kysely";
import type { Database, MostReadPeriod } from "../db/schema.ts";
import { toImageView } from "../media/media.ts";
import type { ArticleSummary, Byline } from "../web/public/view-models.ts";
import { MAX_AGE_MS } from "./read-window.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Which public stories a most-read list may show. */
export interface StoryFilter {
  /** the moment that counts as now: scheduled stories stay hidden until their time */
  now: number;
  sectionIds?: readonly number[];
  excludeIds?: readonly number[];
  publishedSince?: number;
}

/**
 * Public stories as the lists show them (first author, lead photo), in one query; the ranking's own,
 * so that most-read depends on nothing of the article pages.
 */
function storyQuery(db: Db, f: StoryFilter) {
  let q = db
    .selectFrom("articles as a")
    .leftJoin("article_authors as aa", (j) => j.onRef("aa.article_id", "=", "a.id").on("aa.position", "=", 0))
    .leftJoin("staff as s", "s.id", "aa.staff_id")
    .leftJoin("media as m", "m.id", "a.lead_media_id")
    .select([
      "a.id",
      "a.num",
      "a.title",
      "a.subtitle",
      "a.section_id",
      "a.published_at",
      "a.updated_at",
      "a.view_count",
      "a.excerpt",
      "a.lead_alt",
      "a.lead_caption",
      "a.lead_credit",
      "s.key as author_key",
      "s.name as author_name",
      "s.email as author_email",
      "m.id as m_id",
      "m.path as m_path",
      "m.mime as m_mime",
      "m.width as m_width",
      "m.height as m_height",
      "m.bytes as m_bytes",
      "m.variants as m_variants",
    ])
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", f.now);
  if (f.sectionIds) q = q.where("a.section_id", "in", f.sectionIds.length ? [...f.sectionIds] : [-1]);
  if (f.excludeIds?.length) q = q.where("a.id", "not in", [...f.excludeIds]);
  if (f.publishedSince !== undefined) q = q.where("a.published_at", ">=", f.publishedSince);
  return q;
}

type StoryRow = Awaited<ReturnType<ReturnType<typeof storyQuery>["execute"]>>[number];

function toStory(r: StoryRow): ArticleSummary {
  const byline: Byline | null =
    r.author_key !== null && r.author_name !== null && r.author_email !== null
      ? { key: r.author_key, name: r.author_name, email: r.author_email }
      : null;
  const leadImage =
    r.m_id !== null
      ? toImageView(
          {
            path: r.m_path!,
            mime: r.m_mime!,
            width: r.m_width!,
            height: r.m_height!,
            bytes: r.m_bytes!,
            variants: r.m_variants!,
          },
          { alt: r.lead_alt, caption: r.lead_caption, credit: r.lead_credit },
        )
      : null;
  return {
    id: r.id,
    num: r.num,
    title: r.title,
    subtitle: r.subtitle,
    sectionId: r.section_id,
    publishedAt: r.published_at!,
    updatedAt: r.updated_at,
    viewCount: r.view_count,
    excerpt: r.excerpt,
    byline,
    leadImage,
  };
}

/**
 * The period's most-read stories in rank order, as the lists show them: public by `now`, at most 7
 * days old, in the sections asked for.
 */
export async function listRanked(
  db: Db,
  f: Pick<StoryFilter, "now" | "sectionIds">,
  period: MostReadPeriod,
  limit: number,
): Promise<ArticleSummary[]> {
  const rows = await storyQuery(db, { ...f, publishedSince: f.now - MAX_AGE_MS })
    .innerJoin("most_read as r", "r.article_id", "a.id")
    .where("r.period", "=", period)
    .orderBy("r.rank")
    .limit(limit)
    .execute();
  return rows.map(toStory);
}

/** Public stories by most stored views (`articles.view_count`; ties: newer first), to fill the list. */
export async function listMostViewed(db: Db, f: StoryFilter, limit: number): Promise<ArticleSummary[]> {
  const rows = await storyQuery(db, f)
    .orderBy("a.view_count", "desc")
    .orderBy("a.published_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toStory);
}
