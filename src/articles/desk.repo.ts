import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type {
  ArticleAction,
  ArticleOrigin,
  ArticleRevisionsTable,
  ArticleStatus,
  ArticlesTable,
  Database,
} from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A story as the newsroom edits it. */
export interface EditableArticle {
  id: number;
  num: number;
  title: string;
  subtitle: string | null;
  sectionId: number;
  status: ArticleStatus;
  bodyHtml: string;
  tags: string[];
  leadMediaId: number | null;
  leadAlt: string | null;
  leadCaption: string | null;
  leadCredit: string | null;
  origin: ArticleOrigin;
  originSource: string | null;
  publishedAt: number | null;
  updatedAt: number | null;
  savedAt: number | null;
  createdAt: number;
  createdBy: number | null;
  deskNote: string | null;
  correctionNote: string | null;
  /** 엠바고: not public before this time (UTC ms), whatever the desk presses */
  embargoUntil: number | null;
  authors: { id: number; key: string; name: string }[];
}

export async function findEditable(db: Db, id: number): Promise<EditableArticle | null> {
  const a = await db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
  if (!a) return null;
  const [authors, tags] = await Promise.all([
    db
      .selectFrom("article_authors as aa")
      .innerJoin("staff as s", "s.id", "aa.staff_id")
      .select(["s.id", "s.key", "s.name"])
      .where("aa.article_id", "=", id)
      .orderBy("aa.position")
      .execute(),
    db.selectFrom("article_tags").select("tag").where("article_id", "=", id).orderBy("position").execute(),
  ]);
  return {
    id: a.id,
    num: a.num,
    title: a.title,
    subtitle: a.subtitle,
    sectionId: a.section_id,
    status: a.status,
    bodyHtml: a.body_html,
    tags: tags.map((t) => t.tag),
    leadMediaId: a.lead_media_id,
    leadAlt: a.lead_alt,
    leadCaption: a.lead_caption,
    leadCredit: a.lead_credit,
    origin: a.origin,
    originSource: a.origin_source,
    publishedAt: a.published_at,
    updatedAt: a.updated_at,
    savedAt: a.saved_at,
    createdAt: a.created_at,
    createdBy: a.created_by,
    deskNote: a.desk_note,
    correctionNote: a.correction_note,
    embargoUntil: a.embargo_until,
    authors,
  };
}

export async function findIdByNum(db: Db, num: number): Promise<number | null> {
  const row = await db.selectFrom("articles").select("id").where("num", "=", num).executeTakeFirst();
  return row?.id ?? null;
}

/** Article and person numbers share one space (old /BP URLs); a new story takes the next free one. */
export async function nextArticleNum(db: Db): Promise<number> {
  const [a, p] = await Promise.all([
    db
      .selectFrom("articles")
      .select((eb) => eb.fn.max("num").as("n"))
      .executeTakeFirst(),
    db
      .selectFrom("people")
      .select((eb) => eb.fn.max("num").as("n"))
      .executeTakeFirst(),
  ]);
  return Math.max(Number(a?.n ?? 0), Number(p?.n ?? 0)) + 1;
}

export async function replaceAuthors(db: Db, articleId: number, staffIds: readonly number[]): Promise<void> {
  await db.deleteFrom("article_authors").where("article_id", "=", articleId).execute();
  if (staffIds.length) {
    await db
      .insertInto("article_authors")
      .values(
        [...new Set(staffIds)].map((staff_id, position) => ({ article_id: articleId, staff_id, position })),
      )
      .execute();
  }
}

export async function replaceTags(db: Db, articleId: number, tags: readonly string[]): Promise<void> {
  await db.deleteFrom("article_tags").where("article_id", "=", articleId).execute();
  const unique = [...new Set(tags)];
  if (unique.length) {
    await db
      .insertInto("article_tags")
      .values(unique.map((tag, position) => ({ article_id: articleId, tag, position })))
      .execute();
  }
}

export async function recordEvent(
  db: Db,
  e: {
    articleId: number;
    staffId: number | null;
    action: ArticleAction;
    from: ArticleStatus | null;
    to: ArticleStatus | null;
    note?: string | null;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto("article_events")
    .values({
      article_id: e.articleId,
      staff_id: e.staffId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      note: e.note ?? null,
      created_at: e.at,
    })
    .execute();
}

export function listEvents(db: Db, articleId: number) {
  return db
    .selectFrom("article_events as e")
    .leftJoin("staff as s", "s.id", "e.staff_id")
    .select([
      "e.id",
      "e.action",
      "e.from_status",
      "e.to_status",
      "e.note",
      "e.created_at",
      "s.name as staff_name",
    ])
    .where("e.article_id", "=", articleId)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .limit(200)
    .execute();
}

export function listRevisions(db: Db, articleId: number) {
  return db
    .selectFrom("article_revisions as r")
    .leftJoin("staff as s", "s.id", "r.staff_id")
    .select(["r.id", "r.kind", "r.created_at", "r.title", "s.name as staff_name"])
    .where("r.article_id", "=", articleId)
    .orderBy("r.id", "desc")
    .limit(500)
    .execute();
}

export function findRevision(db: Db, articleId: number, revisionId: number) {
  return db
    .selectFrom("article_revisions")
    .selectAll()
    .where("article_id", "=", articleId)
    .where("id", "=", revisionId)
    .executeTakeFirst();
}

/**
 * The newest revision of the story's own text: a 수정 요청 (`kind = 'request'`) is a proposal, not a
 * version, so it is never the base of the next save nor the one autosaves fold into.
 */
export function lastRevision(db: Db, articleId: number) {
  return db
    .selectFrom("article_revisions")
    .selectAll()
    .where("article_id", "=", articleId)
    .where("kind", "!=", "request")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export interface DeskRow {
  id: number;
  num: number;
  title: string;
  status: ArticleStatus;
  sectionName: string | null;
  authorNames: string;
  publishedAt: number | null;
  savedAt: number | null;
  statusChangedAt: number | null;
  deskNote: string | null;
  /** 엠바고: shown as such, with its KST time */
  embargoUntil: number | null;
}

/** The columns of a story table (`DeskRow`), for any choice of stories (`where`) and order. */
export function deskQuery(db: Db) {
  return db
    .selectFrom("articles as a")
    .leftJoin("sections as sec", "sec.id", "a.section_id")
    .leftJoin("article_authors as aa", (j) => j.onRef("aa.article_id", "=", "a.id").on("aa.position", "=", 0))
    .leftJoin("staff as s", "s.id", "aa.staff_id")
    .select([
      "a.id",
      "a.num",
      "a.title",
      "a.status",
      "sec.name as section_name",
      "s.name as author_name",
      "a.published_at",
      "a.saved_at",
      "a.status_changed_at",
      "a.desk_note",
      "a.embargo_until",
    ]);
}

type DeskQueryRow = Awaited<ReturnType<ReturnType<typeof deskQuery>["execute"]>>[number];
export const toDeskRow = (r: DeskQueryRow): DeskRow => ({
  id: r.id,
  num: r.num,
  title: r.title,
  status: r.status,
  sectionName: r.section_name,
  authorNames: r.author_name ?? "",
  publishedAt: r.published_at,
  savedAt: r.saved_at,
  statusChangedAt: r.status_changed_at,
  deskNote: r.desk_note,
  embargoUntil: r.embargo_until,
});

/** 데스크 대기열: filed stories, the longest-waiting first. */
export async function listDeskQueue(db: Db, limit = 100): Promise<DeskRow[]> {
  const rows = await deskQuery(db)
    .where("a.status", "=", "submitted")
    .orderBy("a.status_changed_at")
    .orderBy("a.id")
    .limit(limit)
    .execute();
  return rows.map(toDeskRow);
}

/** A staff member's own drafts (returned ones included), most recently saved first. */
export async function listDraftsOf(db: Db, staffId: number, limit = 50): Promise<DeskRow[]> {
  const rows = await deskQuery(db)
    .where("a.status", "=", "draft")
    .where((eb) =>
      eb.or([
        eb("a.created_by", "=", staffId),
        eb.exists(
          eb
            .selectFrom("article_authors as x")
            .select("x.article_id")
            .whereRef("x.article_id", "=", "a.id")
            .where("x.staff_id", "=", staffId),
        ),
      ]),
    )
    .orderBy("a.saved_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toDeskRow);
}

export async function listByStatus(
  db: Db,
  status: ArticleStatus,
  order: "published_asc" | "published_desc" | "saved_desc",
  limit: number,
  offset = 0,
  authorId?: number,
): Promise<DeskRow[]> {
  let q = deskQuery(db).where("a.status", "=", status);
  if (authorId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("article_authors as x")
          .select("x.article_id")
          .whereRef("x.article_id", "=", "a.id")
          .where("x.staff_id", "=", authorId),
      ),
    );
  }
  q =
    order === "published_asc"
      ? q.orderBy("a.published_at", "asc")
      : order === "published_desc"
        ? q.orderBy("a.published_at", "desc")
        : q.orderBy("a.saved_at", "desc");
  const rows = await q.orderBy("a.id", "desc").limit(limit).offset(offset).execute();
  return rows.map(toDeskRow);
}

/** Scheduled stories whose time has come. */
export async function listDueScheduled(db: Db, now: number): Promise<number[]> {
  const rows = await db
    .selectFrom("articles")
    .select("id")
    .where("status", "=", "scheduled")
    .where("published_at", "<=", now)
    .orderBy("published_at")
    .limit(500)
    .execute();
  return rows.map((r) => r.id);
}

/** When the longest-overdue scheduled story fell due, or null when none waits (scheduler lag). */
export async function oldestDueScheduledAt(db: Db, now: number): Promise<number | null> {
  const row = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.min("published_at").as("due"))
    .where("status", "=", "scheduled")
    .where("published_at", "<=", now)
    .executeTakeFirst();
  return row?.due == null ? null : Number(row.due);
}

/** Whether a section with this id exists (the editor's section field). */
export async function sectionExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom("sections").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** Whether a photo with this id exists in the library (the editor's lead photo). */
export async function mediaExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom("media").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

export type ArticleColumns = Omit<Updateable<ArticlesTable>, "id" | "num">;

/** Inserts a new story and returns its id. */
export async function insertArticle(
  trx: Transaction<Database>,
  values: Insertable<ArticlesTable>,
): Promise<number> {
  const { id } = await trx.insertInto("articles").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateArticle(
  trx: Transaction<Database>,
  id: number,
  values: ArticleColumns,
): Promise<void> {
  await trx.updateTable("articles").set(values).where("id", "=", id).execute();
}

/**
 * Changes a story's columns only while it still has the status the caller read, so two desks, the
 * scheduler or several instances cannot both act; false when someone else changed it meanwhile.
 */
export async function updateArticleIfStatus(
  trx: Transaction<Database>,
  id: number,
  current: ArticleStatus,
  values: ArticleColumns,
): Promise<boolean> {
  const res = await trx
    .updateTable("articles")
    .set(values)
    .where("id", "=", id)
    .where("status", "=", current)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export type RevisionValues = Omit<
  Insertable<ArticleRevisionsTable>,
  "id" | "article_id" | "staff_id" | "kind" | "created_at"
>;

export async function insertRevision(
  trx: Transaction<Database>,
  revision: Insertable<ArticleRevisionsTable>,
): Promise<void> {
  await trx.insertInto("article_revisions").values(revision).execute();
}

export async function insertRevisionReturningId(
  trx: Transaction<Database>,
  revision: Insertable<ArticleRevisionsTable>,
): Promise<number> {
  const { id } = await trx
    .insertInto("article_revisions")
    .values(revision)
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A staff member's name (who saved the newer version, in a refused save's message). */
export async function staffNameOf(db: Db, staffId: number): Promise<string | undefined> {
  const row = await db.selectFrom("staff").select("name").where("id", "=", staffId).executeTakeFirst();
  return row?.name;
}

/** Folds an autosave into the revision before it (same person, within minutes). */
export async function overwriteRevision(
  trx: Transaction<Database>,
  revisionId: number,
  values: RevisionValues & { created_at: number },
): Promise<void> {
  await trx.updateTable("article_revisions").set(values).where("id", "=", revisionId).execute();
}

/**
 * What of a story shows on public pages other than its own: its number, whether readers can see it,
 * its section and parent section (slug paths), its reporters' keys and the keys of the people it
 * links. Read before and after a write, it says which pages the write made stale.
 */
export interface PublicFootprint {
  num: number;
  status: ArticleStatus;
  sectionSlugs: string[];
  reporterKeys: string[];
  personKeys: string[];
  /** the 연재 it is a part of: its page and its parts' previous/next links show this story */
  seriesKey: string | null;
  /** a 속보 story: the site-wide bar (in every page's frame) may show it, with this headline */
  breaking: boolean;
  title: string;
}

export async function findPublicFootprint(db: Db, id: number): Promise<PublicFootprint | null> {
  const article = await db
    .selectFrom("articles as a")
    .innerJoin("sections as s", "s.id", "a.section_id")
    .leftJoin("sections as p", "p.id", "s.parent_id")
    .leftJoin("series as sr", "sr.id", "a.series_id")
    .select([
      "a.num",
      "a.status",
      "a.title",
      "s.slug as section_slug",
      "p.slug as parent_slug",
      "sr.key as series_key",
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("article_labels as l")
            .select("l.article_id")
            .whereRef("l.article_id", "=", "a.id")
            .where("l.label", "=", "breaking"),
        )
        .as("breaking"),
    )
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!article) return null;
  const [reporters, people] = await Promise.all([
    db
      .selectFrom("article_authors as aa")
      .innerJoin("staff as s", "s.id", "aa.staff_id")
      .select("s.key")
      .where("aa.article_id", "=", id)
      .execute(),
    db
      .selectFrom("article_people as ap")
      .innerJoin("people as p", "p.id", "ap.person_id")
      .select("p.key")
      .where("ap.article_id", "=", id)
      .where("ap.removed", "=", 0)
      .execute(),
  ]);
  return {
    num: article.num,
    status: article.status,
    sectionSlugs: [article.section_slug, ...(article.parent_slug ? [article.parent_slug] : [])],
    reporterKeys: reporters.map((r) => r.key),
    personKeys: people.map((p) => p.key),
    seriesKey: article.series_key,
    breaking: Boolean(article.breaking),
    title: article.title,
  };
}

/** Every section, in menu order, for the editor's section field. */
export function listSectionsForEditor(db: Db) {
  return db.selectFrom("sections").selectAll().orderBy("position").orderBy("id").execute();
}

/** Section names by id (the revision diff shows names, not ids). */
export async function sectionNamesById(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom("sections").select(["id", "name"]).execute();
  return new Map(rows.map((s) => [s.id, s.name]));
}

const EDITOR_MEDIA_COLUMNS = ["id", "path", "original_name", "caption", "width", "height"] as const;

/** The newest photos of the library, for the editor's lead-photo picker. */
export function listEditorMedia(db: Db, limit: number) {
  return db.selectFrom("media").select(EDITOR_MEDIA_COLUMNS).orderBy("id", "desc").limit(limit).execute();
}

export function findEditorMedia(db: Db, id: number) {
  return db.selectFrom("media").select(EDITOR_MEDIA_COLUMNS).where("id", "=", id).executeTakeFirst();
}
