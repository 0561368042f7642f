import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { can, canEditArticle, type StaffUser } from "../staff/staff.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission, staffOf } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { findEditable, findRevision } from "./desk.repo.ts";
import { approveEditRequest, type DeskDeps, returnEditRequest, savesAsEditRequest } from "./desk.service.ts";
import type { EditorData } from "./desk.view.tsx";
import { findLock } from "./edit-lock.repo.ts";
import { holdLock, letGoOfLock, takeOverLock } from "./edit-lock.service.ts";
import { holderLabel, isLockFresh, LOCK_HEARTBEAT_MS, lockMessage } from "./edit-lock.ts";
import {
  findEditRequest,
  listEditRequestsBy,
  listPendingEditRequests,
  listPendingEditRequestsOf,
} from "./edit-request.repo.ts";
import { EditRequestPage, EditRequestsPage } from "./edit-safety.view.tsx";
import { bodyAsText, type DiffRow, sideBySide } from "./revision-diff.ts";

const Id = z.coerce.number().int().min(1).max(2_147_483_647);
const IdParams = z.object({ id: Id });
const RequestParams = z.object({ id: Id, rid: Id });

/** How long a reporter's home keeps telling them a request was decided. */
const DECIDED_SHOWN_MS = 14 * 86_400_000;

/**
 * What the editor shows about editing safely: the soft lock (taken on opening when `takeLock`), and
 * the 수정 요청s — a reporter's own pending one on their published story, or for the desk every
 * pending one of the story. The caller has checked the viewer may open the story.
 */
export async function editSafetyData(
  ctx: WebContext,
  user: StaffUser,
  id: number,
  options: { takeLock: boolean },
): Promise<Partial<EditorData>> {
  const article = await findEditable(ctx.db, id);
  if (!article) throw fail("article_not_found");
  const requests = await listPendingEditRequestsOf(ctx.db, id);
  if (savesAsEditRequest(user, article)) {
    // A reporter proposing a change does not lock the story: the desk may keep editing it.
    return { requestMode: true, editRequests: requests.filter((r) => r.reporterName === user.name) };
  }
  const editable = canEditArticle(user, {
    authorIds: article.authors.map((a) => a.id),
    status: article.status,
  });
  let lock: EditorData["lock"] = null;
  if (editable) {
    const deps: DeskDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };
    if (options.takeLock) {
      const state = await holdLock(deps, user, id);
      lock = state.held
        ? { held: true, heartbeatMs: LOCK_HEARTBEAT_MS }
        : { held: false, message: lockMessage(state.holder), since: state.holder.takenAt };
    } else {
      const holder = await findLock(ctx.db, id);
      lock =
        holder && holder.staffId !== user.id && isLockFresh(holder, ctx.now())
          ? { held: false, message: lockMessage(holder), since: holder.takenAt }
          : { held: true, heartbeatMs: LOCK_HEARTBEAT_MS };
    }
  }
  return { lock, editRequests: can(user.role, "article.edit_any") ? requests : [] };
}

/** A refused save's diff: the story as now stored (left) against what the editor typed (right). */
export async function conflictRows(
  ctx: WebContext,
  id: number,
  typed: { title?: string; subtitle?: string; body?: string },
): Promise<{ label: string; diff: DiffRow }[]> {
  const article = await findEditable(ctx.db, id);
  if (!article) throw fail("article_not_found");
  return [
    { label: "제목", diff: sideBySide(article.title, typed.title ?? "") },
    { label: "부제", diff: sideBySide(article.subtitle ?? "", typed.subtitle ?? "") },
    { label: "본문", diff: sideBySide(bodyAsText(article.bodyHtml), bodyAsText(typed.body ?? "")) },
  ];
}

/**
 * The newsroom's routes for editing safely (issue 15 §7): the lock's heartbeat, release and
 * takeover, and the desk's 수정 요청 queue with approve / return. Registered by the desk's routes.
 */
export function registerEditSafetyRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: DeskDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };
  const articleId = (params: unknown) => {
    const p = IdParams.safeParse(params);
    if (!p.success) throw fail("article_not_found");
    return p.data.id;
  };
  const requestIds = (params: unknown) => {
    const p = RequestParams.safeParse(params);
    if (!p.success) throw fail("edit_request_not_found");
    return p.data;
  };

  // The editor's script renews the lock every 30 s (JSON; CSRF in the header). 409 when someone
  // else holds it now: the script tells the editor, who keeps their text.
  app.post("/newsroom/api/articles/:id/lock", async (request) => {
    const user = requirePermission(request, "article.create");
    const state = await holdLock(deps, user, articleId(request.params));
    if (!state.held) throw fail("article_locked", holderLabel(state.holder));
    return { held: true, until: state.until, heartbeatMs: LOCK_HEARTBEAT_MS };
  });

  // Leaving the editor lets go (navigator.sendBeacon, a form body with _csrf).
  app.post("/newsroom/api/articles/:id/lock/release", async (request, reply) => {
    const user = requirePermission(request, "article.create");
    await letGoOfLock(deps, user, articleId(request.params));
    return reply.code(204).send();
  });

  app.post("/newsroom/articles/:id/lock/takeover", async (request, reply) => {
    const user = requirePermission(request, "article.create");
    const id = articleId(request.params);
    await takeOverLock(deps, user, id);
    return reply.redirect(`/newsroom/articles/${id}/edit?notice=lock_taken`, 303);
  });

  app.get("/newsroom/edit-requests", async (request, reply) => {
    requirePermission(request, "article.edit_any");
    const rows = await listPendingEditRequests(ctx.db);
    return sendPage(
      reply,
      <EditRequestsPage {...(await pageBase(ctx, request))} rows={rows} />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/articles/:id/requests/:rid", async (request, reply) => {
    const user = staffOf(request);
    const { id, rid } = requestIds(request.params);
    const req = await findEditRequest(ctx.db, rid);
    // The desk sees every request; a reporter only their own.
    if (!req || req.article_id !== id) throw fail("edit_request_not_found");
    if (!can(user.role, "article.edit_any") && req.staff_id !== user.id) throw fail("forbidden");
    const [article, proposed] = await Promise.all([
      findEditable(ctx.db, id),
      findRevision(ctx.db, id, req.revision_id),
    ]);
    if (!article || !proposed) throw fail("edit_request_not_found");
    const rows = [
      { label: "제목", diff: sideBySide(article.title, proposed.title) },
      { label: "부제", diff: sideBySide(article.subtitle ?? "", proposed.subtitle ?? "") },
      { label: "본문", diff: sideBySide(bodyAsText(article.bodyHtml), bodyAsText(proposed.body_html)) },
      {
        label: "태그",
        diff: sideBySide(article.tags.join(", "), (JSON.parse(proposed.tags) as string[]).join(", ")),
      },
    ];
    return sendPage(
      reply,
      <EditRequestPage
        {...(await pageBase(ctx, request))}
        article={article}
        request={{ id: req.id, status: req.status, note: req.note, createdAt: req.created_at }}
        rows={rows}
        canDecide={can(user.role, "article.edit_any") && req.status === "pending"}
      />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/articles/:id/requests/:rid/approve", async (request, reply) => {
    const user = requirePermission(request, "article.edit_any");
    const { id, rid } = requestIds(request.params);
    const req = await findEditRequest(ctx.db, rid);
    if (!req || req.article_id !== id) throw fail("edit_request_not_found");
    await approveEditRequest(deps, user, rid);
    return reply.redirect(`/newsroom/articles/${id}/edit?notice=edit_approved`, 303);
  });

  app.post("/newsroom/articles/:id/requests/:rid/return", async (request, reply) => {
    const user = requirePermission(request, "article.edit_any");
    const { id, rid } = requestIds(request.params);
    const note = z
      .object({ note: z.string().max(2000, "메모는 2000자까지 쓸 수 있습니다.") })
      .safeParse(request.body);
    if (!note.success) throw fail("edit_request_note_required");
    const req = await findEditRequest(ctx.db, rid);
    if (!req || req.article_id !== id) throw fail("edit_request_not_found");
    await returnEditRequest(deps, user, rid, note.data.note);
    return reply.redirect(`/newsroom/articles/${id}/edit?notice=edit_returned`, 303);
  });

  // The newsroom home: the desk sees how many requests wait; a reporter sees theirs and the answers.
  ctx.newsroomAlerts.push(async (user) => {
    if (can(user.role, "article.edit_any")) {
      const pending = await listPendingEditRequests(ctx.db, 100);
      return pending.length
        ? [
            {
              code: "edit_requests_pending",
              level: "warning" as const,
              message: `기자의 수정 요청 ${pending.length}건이 데스크 검토를 기다립니다.`,
              href: "/newsroom/edit-requests",
            },
          ]
        : [];
    }
    if (!can(user.role, "article.edit_own")) return [];
    const mine = await listEditRequestsBy(ctx.db, user.id, ctx.now() - DECIDED_SHOWN_MS);
    return mine.map((r) => ({
      code: `edit_request_${r.id}`,
      level: r.status === "returned" ? ("danger" as const) : ("warning" as const),
      message:
        r.status === "pending"
          ? `수정 요청 검토 중: ${r.articleTitle}`
          : r.status === "approved"
            ? `수정 요청이 반영되었습니다: ${r.articleTitle}`
            : `수정 요청이 반려되었습니다: ${r.articleTitle} — 데스크 메모: ${r.note ?? ""}`,
      href: `/newsroom/articles/${r.articleId}/requests/${r.id}`,
    }));
  });
}
