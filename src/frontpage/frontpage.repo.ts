import type { Kysely, Transaction } from "kysely";
import type { Database, FrontpageLayoutsTable } from "../db/schema.ts";
import { publicStoriesQuery, toArticleSummary } from "../web/public/article-summary.repo.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import type { LogLine, PageKey, Placement } from "./frontpage.ts";

type Db = Kysely<Database> | Transaction<Database>;

function parsePlacements(json: string): Placement[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (p): p is Placement =>
        typeof p === "object" &&
        p !== null &&
        typeof p.slot === "string" &&
        Number.isInteger(p.position) &&
        Number.isInteger(p.articleId) &&
        (p.until === null || typeof p.until === "number"),
    );
  } catch {
    return [];
  }
}

export interface StoredLayout {
  id: number;
  page: PageKey;
  status: FrontpageLayoutsTable["status"];
  placements: Placement[];
  applyAt: number | null;
  appliedAt: number | null;
  createdAt: number;
  createdBy: string | null;
}

const layoutColumns = [
  "l.id",
  "l.page",
  "l.status",
  "l.placements",
  "l.apply_at",
  "l.applied_at",
  "l.created_at",
  "s.name as created_by_name",
] as const;

function layoutQuery(db: Db) {
  return db
    .selectFrom("frontpage_layouts as l")
    .leftJoin("staff as s", "s.id", "l.created_by")
    .select([...layoutColumns]);
}

function toStored(r: Awaited<ReturnType<ReturnType<typeof layoutQuery>["execute"]>>[number]): StoredLayout {
  return {
    id: r.id,
    page: r.page,
    status: r.status,
    placements: parsePlacements(r.placements),
    applyAt: r.apply_at,
    appliedAt: r.applied_at,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
  };
}

/** The layout in force on a page (the last applied), or null when the desk never applied one. */
export async function findLiveLayout(db: Db, page: PageKey): Promise<StoredLayout | null> {
  const row = await layoutQuery(db)
    .where("l.page", "=", page)
    .where("l.status", "=", "live")
    .orderBy("l.applied_at", "desc")
    .orderBy("l.id", "desc")
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function listScheduledLayouts(db: Db, page: PageKey): Promise<StoredLayout[]> {
  const rows = await layoutQuery(db)
    .where("l.page", "=", page)
    .where("l.status", "=", "scheduled")
    .orderBy("l.apply_at")
    .execute();
  return rows.map(toStored);
}

export async function insertLayout(
  db: Db,
  row: {
    page: PageKey;
    status: "live" | "scheduled";
    placements: readonly Placement[];
    applyAt: number | null;
    appliedAt: number | null;
    createdBy: number | null;
    createdAt: number;
  },
): Promise<number> {
  const inserted = await db
    .insertInto("frontpage_layouts")
    .values({
      page: row.page,
      status: row.status,
      placements: JSON.stringify(row.placements),
      apply_at: row.applyAt,
      applied_at: row.appliedAt,
      created_by: row.createdBy,
      created_at: row.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Every live layout of the page but `keepId` becomes replaced. */
export async function replaceLiveLayouts(db: Db, page: PageKey, keepId: number): Promise<void> {
  await db
    .updateTable("frontpage_layouts")
    .set({ status: "replaced" })
    .where("page", "=", page)
    .where("status", "=", "live")
    .where("id", "!=", keepId)
    .execute();
}

/** Scheduled layouts whose time has come, oldest first (any page). */
export async function listDueLayouts(db: Db, now: number) {
  return db
    .selectFrom("frontpage_layouts")
    .select(["id", "page", "apply_at"])
    .where("status", "=", "scheduled")
    .where("apply_at", "<=", now)
    .orderBy("apply_at")
    .orderBy("id")
    .execute();
}

/**
 * Turns a scheduled layout live, only if it is still scheduled: two instances' schedulers (or a
 * cancel at the same moment) cannot both act on it. True when this call did it.
 */
export async function goLive(db: Db, id: number, at: number): Promise<boolean> {
  const r = await db
    .updateTable("frontpage_layouts")
    .set({ status: "live", applied_at: at })
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function cancelScheduled(db: Db, id: number, page: PageKey): Promise<boolean> {
  const r = await db
    .updateTable("frontpage_layouts")
    .set({ status: "cancelled" })
    .where("id", "=", id)
    .where("page", "=", page)
    .where("status", "=", "scheduled")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Public stories by id (a story no longer public is simply missing). */
export async function publicStoriesById(
  db: Db,
  ids: readonly number[],
  now: number,
): Promise<Map<number, ArticleSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await publicStoriesQuery(db, { now })
    .where("a.id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toArticleSummary(r)]));
}

/** The newest public stories of some sections (null: all), optionally only those with a lead photo. */
export async function newestStories(
  db: Db,
  f: { now: number; sectionIds: readonly number[] | null; withPhoto?: boolean },
  limit: number,
): Promise<ArticleSummary[]> {
  let q = publicStoriesQuery(db, { now: f.now, ...(f.sectionIds ? { sectionIds: f.sectionIds } : {}) });
  if (f.withPhoto) q = q.where("a.lead_media_id", "is not", null);
  const rows = await q.orderBy("a.published_at", "desc").orderBy("a.id", "desc").limit(limit).execute();
  return rows.map(toArticleSummary);
}

/** Public articles' ids by their numbers (published, and their time has come). */
export async function publicIdsByNum(db: Db, nums: readonly number[], now: number) {
  if (nums.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom("articles")
    .select(["id", "num"])
    .where("num", "in", [...new Set(nums)])
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .execute();
  return new Map(rows.map((r) => [r.num, r.id]));
}

// ---- the layout log

/**
 * Takes the page's row for the rest of the transaction (PostgreSQL locks it; SQLite writes are
 * serialised anyway), so two instances comparing the page with its log at once write it once.
 */
export async function lockPage(trx: Transaction<Database>, page: PageKey, now: number): Promise<void> {
  await trx
    .insertInto("frontpage_pages")
    .values({ page, synced_at: now })
    .onConflict((oc) => oc.column("page").doUpdateSet({ synced_at: now }))
    .execute();
}

export function openLogLines(db: Db, page: PageKey) {
  return db
    .selectFrom("frontpage_log")
    .select(["id", "slot", "position", "article_id", "title", "mode"])
    .where("page", "=", page)
    .where("until_at", "is", null)
    .execute();
}

export async function closeLogLines(db: Db, ids: readonly number[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("frontpage_log")
    .set({ until_at: at })
    .where("id", "in", [...ids])
    .where("until_at", "is", null)
    .execute();
}

/** Where stories came from when not the paper's own (제공 언론사 in the log), by id. */
export async function sourcesOf(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("articles")
    .select(["id", "origin", "origin_source"])
    .where("id", "in", [...new Set(ids)])
    .where("origin", "!=", "own")
    .execute();
  return new Map(rows.map((r) => [r.id, r.origin_source?.trim() || r.origin]));
}

export async function insertLogLines(
  db: Db,
  page: PageKey,
  lines: readonly LogLine[],
  at: number,
): Promise<void> {
  if (lines.length === 0) return;
  const sources = await sourcesOf(
    db,
    lines.map((l) => l.articleId),
  );
  await db
    .insertInto("frontpage_log")
    .values(
      lines.map((l) => ({
        page,
        slot: l.slot,
        position: l.position,
        slot_label: l.slotLabel,
        article_id: l.articleId,
        article_num: l.articleNum,
        title: l.title,
        source: sources.get(l.articleId) ?? null,
        mode: l.mode,
        from_at: at,
        until_at: null,
      })),
    )
    .execute();
}

export interface LogFilter {
  page: PageKey | null;
  /** lines visible at some moment in [from, to) */
  from: number;
  to: number;
}

/** Log lines that stood on the page at some moment of the window, newest first. */
export function listLog(db: Db, f: LogFilter, limit: number, offset = 0) {
  let q = db
    .selectFrom("frontpage_log")
    .select([
      "id",
      "page",
      "slot",
      "position",
      "slot_label",
      "article_num",
      "title",
      "source",
      "mode",
      "from_at",
      "until_at",
    ])
    .where("from_at", "<", f.to)
    .where((eb) => eb.or([eb("until_at", "is", null), eb("until_at", ">", f.from)]));
  if (f.page) q = q.where("page", "=", f.page);
  return q.orderBy("from_at", "desc").orderBy("id", "desc").limit(limit).offset(offset).execute();
}

/** Deletes lines that ended before `before`; never an open one. */
export async function pruneLog(db: Db, before: number): Promise<number> {
  const r = await db
    .deleteFrom("frontpage_log")
    .where("until_at", "is not", null)
    .where("until_at", "<", before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Stories the desk may place, newest first, for the layout form's picker. */
export function listPlaceable(db: Db, now: number, limit: number) {
  return db
    .selectFrom("articles as a")
    .leftJoin("sections as s", "s.id", "a.section_id")
    .select(["a.id", "a.num", "a.title", "a.published_at", "a.lead_media_id", "s.name as section_name"])
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", now)
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}
