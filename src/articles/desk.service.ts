import type { Kysely, Transaction } from "kysely";
import { isUniqueViolation } from "../db/dialect.ts";
import type { ArticleAction, ArticleStatus, Database } from "../db/schema.ts";
import { AppError, fail } from "../lib/errors.ts";
import { htmlToText, paragraphText, sanitizeBodyHtml } from "../lib/sanitize-html.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { MailContext } from "../mail/mail.ts";
import { refreshArticlePeople } from "../people/article-people.service.ts";
import { indexArticles } from "../search/search.repo.ts";
import { can, canEditArticle, type Permission, type StaffUser } from "../staff/staff.ts";
import type { NoticeKind } from "./article.ts";
import { makeExcerpt } from "./article.ts";
import { insertArticleNotice, touchArticle } from "./article-notices.repo.ts";
import { queueStoryReturnedMails } from "./desk.mail.ts";
import {
  type ArticleColumns,
  type EditableArticle,
  findEditable,
  findPublicFootprint,
  findRevision,
  insertArticle,
  insertRevision,
  lastRevision,
  listDueScheduled,
  mediaExists,
  nextArticleNum,
  overwriteRevision,
  recordEvent,
  replaceAuthors,
  replaceTags,
  sectionExists,
  updateArticle,
  updateArticleIfStatus,
} from "./desk.repo.ts";
import { staleTagsOfArticleWrite } from "./stale.ts";
import { type DeskAction, nextStatus } from "./workflow.ts";

/**
 * The newsroom's use cases, one function per action. The newsroom's routes, the scheduler and the CLI
 * all come through here, so the rules (who may, from which status, what is recorded) live in one place.
 * Every function owns its transaction and writes through `writeArticle`, which keeps what is derived
 * from the story (its search index entry, its person links) in step inside that transaction and,
 * after commit, announces the pages it made stale on the bus.
 */
export type DeskDeps = UseCaseDeps;

/** Who acts: a signed-in staff member, or the system (the scheduler, the CLI). */
export type Actor = StaffUser | { system: "scheduler" | "cli" };

const isStaff = (a: Actor): a is StaffUser => !("system" in a);
const actorId = (a: Actor) => (isStaff(a) ? a.id : null);

function ensure(actor: Actor, permission: Permission): void {
  if (isStaff(actor) && !can(actor.role, permission)) throw fail("forbidden");
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

async function loadForUpdate(trx: Transaction<Database>, id: number): Promise<EditableArticle> {
  const article = await findEditable(trx, id);
  if (!article) throw fail("article_not_found");
  return article;
}

/** What a write keeps in step with the story, inside its transaction. */
interface Derived {
  /** recompute person links (the text changed, or the story goes public with today's directory) */
  links: boolean;
}

/**
 * The one way a story is written: `work` changes it inside a transaction; then, in the same
 * transaction, the search index follows the story's new state (indexed when published, removed
 * otherwise) and, when the text changed, its person links; after commit, the pages the change made
 * stale (before and after: a story moved or pulled leaves its old lists too) are announced.
 */
async function writeArticle<T>(
  deps: DeskDeps,
  id: number,
  derived: Derived,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const { result, tags } = await deps.db.transaction().execute(async (trx) => {
    const before = await findPublicFootprint(trx, id);
    const result = await work(trx);
    if (derived.links) await refreshArticlePeople(trx, id);
    await indexArticles(trx, deps.dialect, [id]);
    const after = await findPublicFootprint(trx, id);
    return { result, tags: staleTagsOfArticleWrite(before, after) };
  });
  await deps.bus.announce(tags);
  return result;
}

function assertCanEdit(actor: Actor, article: EditableArticle): void {
  if (!isStaff(actor)) return;
  if (!canEditArticle(actor, { authorIds: article.authors.map((a) => a.id), status: article.status })) {
    throw fail(
      "forbidden",
      article.status === "draft" || article.status === "submitted" ? "others_draft" : "published_desk_only",
    );
  }
}

async function checkReferences(
  db: Kysely<Database> | Transaction<Database>,
  input: ArticleInput,
): Promise<void> {
  if (!(await sectionExists(db, input.sectionId))) throw fail("unknown_section");
  if (input.leadMediaId !== null && !(await mediaExists(db, input.leadMediaId))) throw fail("unknown_media");
}

/**
 * Clean input as stored: title, subtitle and tags are plain text kept as written (escaped wherever
 * they are shown), the body sanitised, the summary made from its paragraphs only.
 */
function normalise(input: ArticleInput) {
  const body = sanitizeBodyHtml(input.bodyHtml);
  const title = input.title.trim();
  if (!title) throw fail("title_required");
  return {
    title,
    subtitle: input.subtitle?.trim() || null,
    section_id: input.sectionId,
    body_html: body,
    excerpt: makeExcerpt(paragraphText(body)),
    lead_media_id: input.leadMediaId,
    lead_alt: input.leadAlt?.trim() || null,
    lead_caption: input.leadCaption?.trim() || null,
    lead_credit: input.leadCredit?.trim() || null,
    tags: [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))],
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
    await overwriteRevision(trx, last.id, { ...values, created_at: now });
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
  await insertRevision(trx, {
    article_id: articleId,
    staff_id: actorId(actor),
    kind,
    created_at: now,
    ...values,
  });
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
        const id = await insertArticle(trx, {
          num,
          ...columns,
          status: "draft",
          published_at: null,
          updated_at: null,
          created_at: now,
          saved_at: now,
          status_changed_at: now,
          created_by: actor.id,
        });
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
        // A draft is public nowhere, so nothing is announced; its links are ready for the editor.
        await refreshArticlePeople(trx, id);
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
  return writeArticle(deps, id, { links: true }, async (trx) => {
    const article = await loadForUpdate(trx, id);
    assertCanEdit(actor, article);
    if (correction) {
      ensure(actor, "article.correct");
      if (article.status !== "published") throw fail("invalid_transition", "correction_needs_published");
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
    // A published story's autosave is kept only as a revision, pending until someone presses 저장:
    // half-written edits never reach readers, and the editor reopens on them.
    if (isPublic && options.kind === "autosave") {
      await keepRevision(trx, id, actor, "autosave", v, now);
      const pending = await lastRevision(trx, id);
      return { revisionId: pending?.id ?? null, conflict };
    }
    await updateArticle(trx, id, {
      ...columns,
      saved_at: now,
      ...(isPublic && options.kind === "save" ? { updated_at: now } : {}),
      ...(correction ? { correction_note: correction, corrected_at: now } : {}),
    });
    await replaceTags(trx, id, tags);
    await keepRevision(trx, id, actor, options.kind, v, now);
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
    return { revisionId: after?.id ?? null, conflict };
  });
}

async function transition(
  deps: DeskDeps,
  actor: Actor,
  id: number,
  action: DeskAction,
  event: ArticleAction,
  apply: (article: EditableArticle, now: number) => ArticleColumns,
  note: string | null = null,
  derived: Derived = { links: false },
  /** more work in the same transaction once the status changed (the returned-story mail) */
  alsoInTransaction?: (trx: Transaction<Database>, article: EditableArticle, now: number) => Promise<void>,
): Promise<{ from: ArticleStatus; to: ArticleStatus }> {
  const now = deps.now();
  return writeArticle(deps, id, derived, async (trx) => {
    const article = await loadForUpdate(trx, id);
    const to = nextStatus(action, article.status);
    const changed = await updateArticleIfStatus(trx, id, article.status, {
      ...apply(article, now),
      status: to,
      status_changed_at: now,
    });
    // Someone else changed the status between our read and this write (another desk, the scheduler).
    if (!changed) {
      throw fail("invalid_transition", "changed_meanwhile");
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
    if (alsoInTransaction) await alsoInTransaction(trx, article, now);
    return { from: article.status, to };
  });
}

/** 송고: the reporter hands the story to the desk. */
export async function fileArticle(deps: DeskDeps, actor: StaffUser, id: number) {
  ensure(actor, "article.file");
  const article = await findEditable(deps.db, id);
  if (!article) throw fail("article_not_found");
  assertCanEdit(actor, article);
  return transition(deps, actor, id, "file", "filed", () => ({ desk_note: null }));
}

/**
 * The desk sends a filed story back to its reporter with a note; the reporters on the byline are
 * mailed the note in the same transaction.
 */
export async function returnArticle(
  deps: DeskDeps & MailContext,
  actor: StaffUser,
  id: number,
  note: string,
) {
  ensure(actor, "article.return");
  const text = note.trim();
  if (!text) throw fail("note_required");
  return transition(
    deps,
    actor,
    id,
    "return",
    "returned",
    () => ({ desk_note: text }),
    text,
    { links: false },
    (trx, article, now) =>
      queueStoryReturnedMails(trx, {
        now,
        siteUrl: deps.siteUrl,
        articleId: id,
        title: article.title,
        note: text,
        desk: actor,
      }),
  );
}

function requirePublishable(article: EditableArticle): void {
  if (!article.title.trim()) throw fail("title_required");
  if (!htmlToText(article.bodyHtml).trim()) throw fail("body_required");
}

/**
 * Publishes now. Used by the desk, by the scheduler when a scheduled story's time comes, and by the
 * CLI. A story published before (then pulled) keeps its first publication time and gets a 수정 time.
 */
export async function publishArticle(deps: DeskDeps, actor: Actor, id: number) {
  ensure(actor, "article.publish");
  // The directory may have grown since the last save: the published story links what it knows now.
  return transition(
    deps,
    actor,
    id,
    "publish",
    "published",
    (article, now) => {
      requirePublishable(article);
      if (article.status === "scheduled")
        return { published_at: Math.min(article.publishedAt ?? now, now), desk_note: null };
      return article.publishedAt === null || article.status !== "unpublished"
        ? { published_at: now, updated_at: null, desk_note: null }
        : { updated_at: now, desk_note: null };
    },
    null,
    { links: true },
  );
}

/** Schedules publication at `at` (must be in the future); the scheduler publishes it then. */
export async function scheduleArticle(deps: DeskDeps, actor: StaffUser, id: number, at: number) {
  ensure(actor, "article.publish");
  if (!Number.isFinite(at) || at <= deps.now()) {
    throw fail("schedule_in_past");
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
  if (!rev) throw fail("revision_not_found");
  const article = await findEditable(deps.db, id);
  if (!article) throw fail("article_not_found");
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
  await writeArticle(deps, id, { links: true }, async (trx) => {
    const { tags, ...columns } = v;
    await updateArticle(trx, id, {
      ...columns,
      saved_at: now,
      ...(article.status === "published" ? { updated_at: now } : {}),
    });
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

/**
 * Publishes a 정정·반론·추후보도 at the top of a published story (언론중재법 §15③: the same place, the
 * same effect) and moves its 수정 time, through `writeArticle`, so the article page, feeds, sitemaps
 * and lists are announced stale in the same step. Returns the notice's id.
 */
export async function publishArticleNotice(
  deps: DeskDeps,
  actor: StaffUser,
  articleId: number,
  notice: { kind: NoticeKind; title: string; body: string },
): Promise<number> {
  ensure(actor, "article.correct");
  return writeArticle(deps, articleId, { links: false }, async (trx) => {
    const article = await loadForUpdate(trx, articleId);
    if (article.status !== "published") throw fail("notice_article_not_public");
    const now = deps.now();
    const id = await insertArticleNotice(trx, {
      article_id: articleId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      published_at: now,
      published_by: actor.id,
    });
    await touchArticle(trx, articleId, now);
    return id;
  });
}
