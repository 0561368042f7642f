import { type Kysely, sql, type Transaction } from "kysely";
import { ARTICLE_LABELS, labelBit, labelsFromBits } from "../../articles/labels.ts";
import type { Database } from "../../db/schema.ts";
import { toImageView } from "../../media/media.ts";
import type { ArticleSummary, Byline } from "./view-models.ts";

export { labelsFromBits };

type Db = Kysely<Database> | Transaction<Database>;

/** Which public stories a list may show. */
export interface StoryFilter {
  /** the moment that counts as now: scheduled stories stay hidden until their time */
  now: number;
  sectionIds?: readonly number[];
  excludeIds?: readonly number[];
  publishedSince?: number;
}

/**
 * A story's labels as one number, a bit per label: `sum()` of distinct bits is portable (SQLite and
 * PostgreSQL alike), where aggregating strings is not. The primary key makes each bit count once.
 * Reads `a.id`: the query must name its articles `a`. Other story lists (search results) select it
 * too and read it back with `labelsFromBits`, exported here with it.
 */
export const labelBits = sql<number | string | null>`(select sum(case lb.label ${sql.join(
  ARTICLE_LABELS.map((l) => sql`when ${sql.lit(l)} then ${sql.lit(labelBit(l))}`),
  sql` `,
)} else 0 end) from article_labels lb where lb.article_id = a.id)`;

/**
 * Public stories as every list shows them (home, sections, reporters, related, most-read): the first
 * author as byline and the lead photo, in one query. Callers add their own conditions and order; it
 * lives with the view model it fills, so the features that list stories share it without importing
 * each other.
 */
export function publicStoriesQuery(db: Db, f: StoryFilter) {
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
      "a.origin",
      "s.key as author_key",
      "s.name as author_name",
      "s.email as author_email",
      "s.job_title as author_job_title",
      "m.id as m_id",
      "m.path as m_path",
      "m.mime as m_mime",
      "m.width as m_width",
      "m.height as m_height",
      "m.bytes as m_bytes",
      "m.variants as m_variants",
      "m.focus_x as m_focus_x",
      "m.focus_y as m_focus_y",
      labelBits.as("label_bits"),
    ])
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", f.now);
  if (f.sectionIds) q = q.where("a.section_id", "in", f.sectionIds.length ? [...f.sectionIds] : [-1]);
  if (f.excludeIds?.length) q = q.where("a.id", "not in", [...f.excludeIds]);
  if (f.publishedSince !== undefined) q = q.where("a.published_at", ">=", f.publishedSince);
  return q;
}

type StoryRow = Awaited<ReturnType<ReturnType<typeof publicStoriesQuery>["execute"]>>[number];

/** A row of `publicStoriesQuery` as the lists' view model. */
export function toArticleSummary(r: StoryRow): ArticleSummary {
  const byline: Byline | null =
    r.author_key !== null && r.author_name !== null && r.author_email !== null
      ? { key: r.author_key, name: r.author_name, email: r.author_email, jobTitle: r.author_job_title }
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
            focus_x: r.m_focus_x,
            focus_y: r.m_focus_y,
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
    labels: labelsFromBits(r.label_bits),
    sponsored: r.origin === "sponsored",
  };
}
