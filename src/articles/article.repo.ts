import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { toImageView } from "../media/media.ts";
import type { ArticleSummary, Byline } from "../web/public/view-models.ts";
import type { ArticleDetail } from "./article.ts";

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

/** Published articles with first author and lead photo, in one query. */
function summaryQuery(db: Db, f: ListFilter) {
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

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

function toSummary(r: SummaryRow): ArticleSummary {
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
  return rows.map(toSummary);
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
  const [authors, tags, media] = await Promise.all([
    db
      .selectFrom("article_authors as aa")
      .innerJoin("staff as s", "s.id", "aa.staff_id")
      .select(["s.key", "s.name", "s.email"])
      .where("aa.article_id", "=", a.id)
      .orderBy("aa.position")
      .execute(),
    db.selectFrom("article_tags").select("tag").where("article_id", "=", a.id).orderBy("position").execute(),
    a.lead_media_id === null
      ? undefined
      : db.selectFrom("media").selectAll().where("id", "=", a.lead_media_id).executeTakeFirst(),
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
    bodyHtml: a.body_html,
    authors,
    tags: tags.map((t) => t.tag),
    correction: a.correction_note
      ? { note: a.correction_note, at: a.corrected_at ?? a.updated_at ?? a.created_at }
      : null,
    leadImage: media
      ? toImageView(media, { alt: a.lead_alt, caption: a.lead_caption, credit: a.lead_credit })
      : null,
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
  return rows.map(toSummary);
}
