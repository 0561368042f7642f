import type { Kysely, Transaction } from "kysely";
import { isUniqueViolation } from "../db/dialect.ts";
import type { ArticleAction, ArticleStatus, Database } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import { htmlToText, sanitizeBodyHtml, stripTags } from "../lib/sanitize-html.ts";
import { refreshArticlePeople } from "../people/article-people.service.ts";
import { can, canEditArticle, type Permission, type StaffUser } from "../staff/staff.ts";
import { makeExcerpt } from "./article.ts";
import {
  type EditableArticle,
  findEditable,
  findRevision,
  lastRevision,
  listDueScheduled,
  nextArticleNum,
  recordEvent,
  replaceAuthors,
  replaceTags,
} from "./desk.repo.ts";
import { type DeskAction, nextStatus } from "./workflow.ts";

/**
 * The newsroom's use cases, one function per action. The newsroom's routes, the scheduler and the CLI
 * all come through here, so the rules (who may, from which status, what is recorded) live in one place.
 * Every function owns its transaction.
 */
export interface DeskDeps {
  db: Kysely<Database>;
  now: () => number;
  /** called after a change that readers can see (publish, unpublish, edit of a public story) */
  onPublicChange?: (articleId: number) => void | Promise<void>;
}

/** Who acts: a signed-in staff member, or the system (the scheduler, the CLI). */
export type Actor = StaffUser | { system: "scheduler" | "cli" };

const isStaff = (a: Actor): a is StaffUser => !("system" in a);
const actorId = (a: Actor) => (isStaff(a) ? a.id : null);

function ensure(actor: Actor, permission: Permission): void {
  if (isStaff(actor) && !can(actor.role, permission))
    throw new AppError("forbidden", 403, "이 작업을 할 권한이 없습니다.");
}

export interface ArticleInput {
  title: string;
  subtitle: string | null;
  sectionId: number;
  bodyHtml: string;
  tags: string[];
  leadMediaId: number | null;
  leadAlt: string | null;
  leadCaption: string | null;
  leadCredit: string | null;
}

const notFoundArticle = () => new AppError("article_not_found", 404, "기사를 찾을 수 없습니다.");

async function loadForUpdate(trx: Transaction<Database>, id: number): Promise<EditableArticle> {
  const article = await findEditable(trx, id);
  if (!article) throw notFoundArticle();
  return article;
}

function assertCanEdit(actor: Actor, article: EditableArticle): void {
  if (!isStaff(actor)) return;
  if (!canEditArticle(actor, { authorIds: article.authors.map((a) => a.id), status: article.status })) {
    throw new AppError(
      "forbidden",
      403,
      article.status === "draft" || article.status === "submitted"
        ? "다른 사람의 기사는 고칠 수 없습니다."
        : "발행된 기사는 데스크만 고칠 수 있습니다.",
    );
  }
}

async function checkReferences(
  db: Kysely<Database> | Transaction<Database>,
  input: ArticleInput,
): Promise<void> {
  const section = await db
    .selectFrom("sections")
    .select("id")
    .where("id", "=", input.sectionId)
    .executeTakeFirst();
  if (!section) throw new AppError("unknown_section", 400, "섹션을 골라 주세요.");
  if (input.leadMediaId !== null) {
    const media = await db
      .selectFrom("media")
      .select("id")
      .where("id", "=", input.leadMediaId)
      .executeTakeFirst();
    if (!media) throw new AppError("unknown_media", 400, "대표 사진을 찾을 수 없습니다. 다시 골라 주세요.");
  }
}

/** Clean input as stored: markup-free title, sanitised body, trimmed tags. */
function normalise(input: ArticleInput) {
  const body = sanitizeBodyHtml(input.bodyHtml);
  const title = stripTags(input.title).trim();
  if (!title) throw new AppError("title_required", 400, "제목을 입력해 주세요.");
  return {
    title,
    subtitle: input.subtitle ? stripTags(input.subtitle).trim() || null : null,
    section_id: input.sectionId,
    body_html: body,
    excerpt: makeExcerpt(htmlToText(body)),
    lead_media_id: input.leadMediaId,
    lead_alt: input.leadAlt?.trim() || null,
    lead_caption: input.leadCaption?.trim() || null,
    lead_credit: input.leadCredit?.trim() || null,
    tags: [...new Set(input.tags.map((t) => stripTags(t).trim()).filter(Boolean))],
  };
}

type Normalised = ReturnType<typeof normalise>;

/** Keeps a revision of every save; autosaves by the same person within 10 minutes fold into one. */
async function keepRevision(
  trx: Transaction<Database>,
  articleId: number,
  actor: Actor,
  kind: "save" | "autosave" | "restore",
  v: Normalised,
  now: number,
): Promise<void> {
  const values = {
    title: v.title,
    subtitle: v.subtitle,
    section_id: v.section_id,
    body_html: v.body_html,
    tags: JSON.stringify(v.tags),
    lead_media_id: v.lead_media_id,
    lead_alt: v.lead_alt,
    lead_caption: v.lead_caption,
    lead_credit: v.lead_credit,
  };
  const last = await lastRevision(trx, articleId);
  if (
    kind === "autosave" &&
    last?.kind === "autosave" &&
    last.staff_id === actorId(actor) &&
    now - last.created_at < 10 * 60_000
  ) {
    await trx
      .updateTable("article_revisions")
      .set({ ...values, created_at: now })
      .where("id", "=", last.id)
      .execute();
    return;
  }
  const unchanged =
    last &&
    last.title === values.title &&
    last.subtitle === values.subtitle &&
    last.section_id === values.section_id &&
    last.body_html === values.body_html &&
    last.tags === values.tags &&
    last.lead_media_id === values.lead_media_id &&
    last.lead_caption === values.lead_caption &&
    last.lead_credit === values.lead_credit &&
    last.lead_alt === values.lead_alt;
  if (unchanged && kind === "autosave") return;
  await trx
    .insertInto("article_revisions")
    .values({ article_id: articleId, staff_id: actorId(actor), kind, created_at: now, ...values })
    .execute();
}

/** A new draft by the signed-in reporter or editor; it takes the next free article number. */
export async function createArticle(
  deps: DeskDeps,
  actor: StaffUser,
  input: ArticleInput,
): Promise<{ id: number; num: number }> {
  ensure(actor, "article.create");
  const v = normalise(input);
  const now = deps.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        await checkReferences(trx, input);
        const num = await nextArticleNum(trx);
        const { tags, ...columns } = v;
        const { id } = await trx
          .insertInto("articles")
          .values({
            num,
            ...columns,
            status: "draft",
            published_at: null,
            updated_at: null,
            created_at: now,
            saved_at: now,
            status_changed_at: now,
            created_by: actor.id,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await replaceAuthors(trx, id, [actor.id]);
        await replaceTags(trx, id, tags);
        await keepRevision(trx, id, actor, "save", v, now);
        await recordEvent(trx, {
          articleId: id,
          staffId: actor.id,
          action: "created",
          from: null,
          to: "draft",
          at: now,
        });
        return { id, num };
      });
    } catch (error) {
      // Two desks creating at the same instant may pick the same number; the second simply tries again.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

export interface SaveOptions {
  kind: "save" | "autosave";
  /** a correction to a published story: shown to readers as 바로잡습니다 */
  correctionNote?: string | null;
  /** the revision the editor started from; a newer one means someone else saved meanwhile */
  baseRevisionId?: number | null;
}

/** Saves the text. A published story edited later gets a public 수정 time (and, for a correction, its note). */
export async function saveArticle(
  deps: DeskDeps,
  actor: StaffUser,
  id: number,
  input: ArticleInput,
  options: SaveOptions,
): Promise<{ revisionId: number | null; conflict: boolean }> {
  const v = normalise(input);
  const now = deps.now();
  const correction = options.correctionNote?.trim() || null;
  const result = await deps.db.transaction().execute(async (trx) => {
    const article = await loadForUpdate(trx, id);
    assertCanEdit(actor, article);
    if (correction) {
      ensure(actor, "article.correct");
      if (article.status !== "published")
        throw new AppError("invalid_transition", 409, "정정은 발행된 기사에만 할 수 있습니다.");
    }
    await checkReferences(trx, input);
    const before = await lastRevision(trx, id);
    const conflict =
      options.baseRevisionId != null &&
      before != null &&
      before.id !== options.baseRevisionId &&
      before.staff_id !== actor.id;
    const { tags, ...columns } = v;
    const isPublic = article.status === "published";
    await trx
      .updateTable("articles")
      .set({
        ...columns,
        saved_at: now,
        ...(isPublic && options.kind === "save" ? { updated_at: now } : {}),
        ...(correction ? { correction_note: correction, corrected_at: now } : {}),
      })
      .where("id", "=", id)
      .execute();
    await replaceTags(trx, id, tags);
    await keepRevision(trx, id, actor, options.kind, v, now);
    // Person links are data kept beside the body (issue 4): recomputed with every save.
    await refreshArticlePeople(trx, id);
    if (options.kind === "save") {
      await recordEvent(trx, {
        articleId: id,
        staffId: actor.id,
        action: correction ? "corrected" : "saved",
        from: article.status,
        to: article.status,
        note: correction,
        at: now,
      });
    }
    const after = await lastRevision(trx, id);
    return { revisionId: after?.id ?? null, conflict, isPublic };
  });
  if (result.isPublic) await deps.onPublicChange?.(id);
  return { revisionId: result.revisionId, conflict: result.conflict };
}

async function transition(
  deps: DeskDeps,
  actor: Actor,
  id: number,
  action: DeskAction,
  event: ArticleAction,
  apply: (article: EditableArticle, now: number) => Record<string, unknown>,
  note: string | null = null,
): Promise<{ from: ArticleStatus; to: ArticleStatus }> {
  const now = deps.now();
  const out = await deps.db.transaction().execute(async (trx) => {
    const article = await loadForUpdate(trx, id);
    const to = nextStatus(action, article.status);
    const res = await trx
      .updateTable("articles")
      .set({ ...apply(article, now), status: to, status_changed_at: now })
      .where("id", "=", id)
      .where("status", "=", article.status)
      .executeTakeFirst();
    // Someone else changed the status between our read and this write (another desk, the scheduler).
    if (Number(res.numUpdatedRows) === 0) {
      throw new AppError(
        "invalid_transition",
        409,
        "그사이 다른 사람이 기사 상태를 바꿨습니다. 화면을 새로 고쳐 주세요.",
      );
    }
    await recordEvent(trx, {
      articleId: id,
      staffId: actorId(actor),
      action: event,
      from: article.status,
      to,
      note,
      at: now,
    });
    return { from: article.status, to };
  });
  if (out.from === "published" || out.to === "published") await deps.onPublicChange?.(id);
  return out;
}

/** 송고: the reporter hands the story to the desk. */
export async function fileArticle(deps: DeskDeps, actor: StaffUser, id: number) {
  ensure(actor, "article.file");
  const article = await findEditable(deps.db, id);
  if (!article) throw notFoundArticle();
  assertCanEdit(actor, article);
  return transition(deps, actor, id, "file", "filed", () => ({ desk_note: null }));
}

/** The desk sends a filed story back to its reporter with a note. */
export async function returnArticle(deps: DeskDeps, actor: StaffUser, id: number, note: string) {
  ensure(actor, "article.return");
  const text = note.trim();
  if (!text) throw new AppError("note_required", 400, "돌려보내는 이유를 적어 주세요.");
  return transition(deps, actor, id, "return", "returned", () => ({ desk_note: text }), text);
}

function requirePublishable(article: EditableArticle): void {
  if (!article.title.trim())
    throw new AppError("title_required", 400, "제목이 없는 기사는 발행할 수 없습니다.");
  if (!htmlToText(article.bodyHtml).trim())
    throw new AppError("body_required", 400, "본문이 없는 기사는 발행할 수 없습니다.");
}

/**
 * Publishes now. Used by the desk, by the scheduler when a scheduled story's time comes, and by the
 * CLI. A story published before (then pulled) keeps its first publication time and gets a 수정 time.
 */
export async function publishArticle(deps: DeskDeps, actor: Actor, id: number) {
  ensure(actor, "article.publish");
  const published = await transition(deps, actor, id, "publish", "published", (article, now) => {
    requirePublishable(article);
    if (article.status === "scheduled")
      return { published_at: Math.min(article.publishedAt ?? now, now), desk_note: null };
    return article.publishedAt === null || article.status !== "unpublished"
      ? { published_at: now, updated_at: null, desk_note: null }
      : { updated_at: now, desk_note: null };
  });
  // The directory may have grown since the last save; the published story links what it knows now.
  await refreshArticlePeople(deps.db, id);
  return published;
}

/** Schedules publication at `at` (must be in the future); the scheduler publishes it then. */
export async function scheduleArticle(deps: DeskDeps, actor: StaffUser, id: number, at: number) {
  ensure(actor, "article.publish");
  if (!Number.isFinite(at) || at <= deps.now()) {
    throw new AppError("schedule_in_past", 400, "예약 시각은 지금보다 뒤여야 합니다.");
  }
  return transition(deps, actor, id, "schedule", "scheduled", (article) => {
    requirePublishable(article);
    return { published_at: at, desk_note: null };
  });
}

/** Takes a story off the site (it stays in the newsroom, with its history). */
export async function unpublishArticle(deps: DeskDeps, actor: Actor, id: number) {
  ensure(actor, "article.unpublish");
  return transition(deps, actor, id, "unpublish", "unpublished", () => ({}));
}

/** Makes an old revision the current text again, as a new revision (nothing is lost). */
export async function restoreRevision(deps: DeskDeps, actor: StaffUser, id: number, revisionId: number) {
  ensure(actor, "article.edit_any");
  const rev = await findRevision(deps.db, id, revisionId);
  if (!rev) throw new AppError("revision_not_found", 404, "해당 판을 찾을 수 없습니다.");
  const article = await findEditable(deps.db, id);
  if (!article) throw notFoundArticle();
  const input: ArticleInput = {
    title: rev.title,
    subtitle: rev.subtitle,
    sectionId: rev.section_id ?? article.sectionId,
    bodyHtml: rev.body_html,
    tags: JSON.parse(rev.tags) as string[],
    leadMediaId: rev.lead_media_id,
    leadAlt: rev.lead_alt,
    leadCaption: rev.lead_caption,
    leadCredit: rev.lead_credit,
  };
  const v = normalise(input);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const { tags, ...columns } = v;
    await trx
      .updateTable("articles")
      .set({ ...columns, saved_at: now, ...(article.status === "published" ? { updated_at: now } : {}) })
      .where("id", "=", id)
      .execute();
    await replaceTags(trx, id, tags);
    await keepRevision(trx, id, actor, "restore", v, now);
    await recordEvent(trx, {
      articleId: id,
      staffId: actor.id,
      action: "restored",
      from: article.status,
      to: article.status,
      note: `#${revisionId}`,
      at: now,
    });
  });
  if (article.status === "published") await deps.onPublicChange?.(id);
}

/** Publishes every scheduled story whose time has come; safe to run on many instances at once. */
export async function publishDueArticles(deps: DeskDeps): Promise<number[]> {
  const due = await listDueScheduled(deps.db, deps.now());
  const published: number[] = [];
  for (const id of due) {
    try {
      await publishArticle(deps, { system: "scheduler" }, id);
      published.push(id);
    } catch (error) {
      // Another instance got there first, or the desk changed it meanwhile: nothing to do.
      if (!(error instanceof AppError && error.code === "invalid_transition")) throw error;
    }
  }
  return published;
}
