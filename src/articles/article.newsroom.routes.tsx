import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ArticleRevisionRow } from "../db/schema.ts";
import { AppError, fail } from "../lib/errors.ts";
import { parseKstLocal } from "../lib/kst-input.ts";
import type { MailContext } from "../mail/mail.ts";
import { can, canEditArticle } from "../staff/staff.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { collectNewsroomAlerts } from "../web/newsroom/alerts.ts";
import { requirePermission, staffOf } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { findByNum } from "./article.repo.ts";
import { ArticlePage } from "./article.view.tsx";
import { registerArticlePeopleRoutes } from "./article-people.routes.tsx";
import {
  findEditable,
  findRevision,
  listByStatus,
  listDeskQueue,
  listDraftsOf,
  listRevisions,
  sectionNamesById,
} from "./desk.repo.ts";
import {
  type ArticleInput,
  createArticle,
  type DeskDeps,
  fileArticle,
  publishArticle,
  restoreRevision,
  returnArticle,
  saveArticle,
  scheduleArticle,
  unpublishArticle,
} from "./desk.service.ts";
import {
  ArticleListPage,
  DeskHome,
  DiffPage,
  type EditorData,
  EditorPage,
  RevisionsPage,
} from "./desk.view.tsx";
import { loadEditorData } from "./editor.service.ts";
import { bodyAsText, sideBySide } from "./revision-diff.ts";

const optionalInt = z
  .union([z.literal(""), z.coerce.number().int().min(1).max(2_147_483_647)])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

const ArticleForm = z.object({
  title: z.string().max(300, "제목은 300자까지 쓸 수 있습니다."),
  subtitle: z.string().max(500, "부제는 500자까지 쓸 수 있습니다.").optional().default(""),
  sectionId: z.coerce.number({ message: "섹션을 골라 주세요." }).int().min(1),
  body: z.string().max(1_000_000, "본문이 너무 깁니다 (1MB까지).").optional().default(""),
  tags: z.string().max(3000, "태그가 너무 깁니다.").optional().default(""),
  leadMediaId: optionalInt,
  leadAlt: z.string().max(500).optional().default(""),
  leadCaption: z.string().max(2000).optional().default(""),
  leadCredit: z.string().max(200).optional().default(""),
  correctionNote: z.string().max(2000).optional(),
  baseRevisionId: optionalInt,
});
type ArticleFormValues = z.infer<typeof ArticleForm>;

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

function toInput(f: ArticleFormValues): ArticleInput {
  const tags = f.tags
    .split(/[,，]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > 30) throw fail("too_many_tags");
  if (tags.some((t) => t.length > 100)) throw fail("tag_too_long");
  return {
    title: f.title,
    subtitle: f.subtitle || null,
    sectionId: f.sectionId,
    bodyHtml: f.body,
    tags,
    leadMediaId: f.leadMediaId,
    leadAlt: f.leadAlt || null,
    leadCaption: f.leadCaption || null,
    leadCredit: f.leadCredit || null,
  };
}

function articleId(params: unknown): number {
  const p = IdParams.safeParse(params);
  if (!p.success) throw fail("article_not_found");
  return p.data.id;
}

/** The newsroom's article pages: the desk, the list, the editor, the workflow actions, revisions. */
export function registerDeskRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: DeskDeps & MailContext = {
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    bus: ctx.bus,
    siteUrl: ctx.config.siteUrl,
  };
  registerArticlePeopleRoutes(app, ctx);

  const editorData = (id: number | null, extra: Partial<EditorData> = {}) =>
    loadEditorData(ctx.db, id, ctx.now(), extra);

  async function loadEditable(request: FastifyRequest) {
    const user = staffOf(request);
    const id = articleId(request.params);
    const article = await findEditable(ctx.db, id);
    if (!article) throw fail("article_not_found");
    const mayView = can(user.role, "article.edit_any") || article.authors.some((a) => a.id === user.id);
    if (!mayView) throw fail("forbidden", "view_others_draft");
    return { user, article };
  }

  /** Re-renders the editor with what was typed and the error, so a failed save loses nothing. */
  async function editorWithError(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    body: Record<string, unknown>,
    error: AppError,
  ) {
    const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : undefined);
    const sectionId = Number(str("sectionId"));
    const lead = str("leadMediaId");
    const data = await editorData(id, {
      error: error.message,
      draft: {
        title: str("title"),
        subtitle: str("subtitle"),
        body: str("body"),
        tags: str("tags"),
        leadAlt: str("leadAlt"),
        leadCaption: str("leadCaption"),
        leadCredit: str("leadCredit"),
        sectionId: Number.isFinite(sectionId) ? sectionId : undefined,
        leadMediaId: lead ? Number(lead) : null,
      },
    });
    return sendPage(
      reply,
      <EditorPage {...(await pageBase(ctx, request))} data={data} />,
      error.status,
      "no-store",
    );
  }

  function parseForm(
    body: unknown,
  ): ArticleInput & { correctionNote?: string; baseRevisionId: number | null } {
    const parsed = ArticleForm.safeParse(body ?? {});
    if (!parsed.success) {
      throw fail("invalid_article", parsed.error.issues[0]?.message ?? "입력한 값을 확인해 주세요.");
    }
    return {
      ...toInput(parsed.data),
      correctionNote: parsed.data.correctionNote,
      baseRevisionId: parsed.data.baseRevisionId,
    };
  }

  app.get("/newsroom", async (request, reply) => {
    const base = await pageBase(ctx, request);
    const user = base.user;
    const desk = can(user.role, "article.view_desk");
    const [queue, drafts, scheduled, published, filed, alerts] = await Promise.all([
      desk ? listDeskQueue(ctx.db) : null,
      listDraftsOf(ctx.db, user.id),
      desk ? listByStatus(ctx.db, "scheduled", "published_asc", 50) : null,
      listByStatus(ctx.db, "published", "published_desc", 20, 0, desk ? undefined : user.id),
      desk ? [] : listByStatus(ctx.db, "submitted", "saved_desc", 50, 0, user.id),
      collectNewsroomAlerts(ctx.newsroomAlerts, user),
    ]);
    return sendPage(
      reply,
      <DeskHome
        {...base}
        queue={queue}
        drafts={drafts}
        scheduled={scheduled}
        published={published}
        filed={filed}
        alerts={alerts}
      />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/articles", async (request, reply) => {
    const user = requirePermission(request, "article.create");
    const q = z
      .object({
        status: z.enum(["draft", "submitted", "scheduled", "published", "unpublished"]).default("published"),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
      })
      .safeParse(request.query);
    if (!q.success) throw fail("invalid_request", "목록 조건이 올바르지 않습니다.");
    const { status, page } = q.data;
    const order =
      status === "scheduled" ? "published_asc" : status === "published" ? "published_desc" : "saved_desc";
    const mine = can(user.role, "article.edit_any") ? undefined : user.id;
    const rows = await listByStatus(ctx.db, status, order, 51, (page - 1) * 50, mine);
    return sendPage(
      reply,
      <ArticleListPage
        {...(await pageBase(ctx, request))}
        rows={rows.slice(0, 50)}
        status={status}
        page={page}
        hasNext={rows.length > 50}
      />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/articles/new", async (request, reply) => {
    requirePermission(request, "article.create");
    return sendPage(
      reply,
      <EditorPage {...(await pageBase(ctx, request))} data={await editorData(null)} />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/articles", async (request, reply) => {
    const user = requirePermission(request, "article.create");
    try {
      const input = parseForm(request.body);
      const { id } = await createArticle(deps, user, input);
      return reply.redirect(`/newsroom/articles/${id}/edit?notice=saved`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && error.code !== "forbidden") {
        return editorWithError(request, reply, null, request.body as Record<string, unknown>, error);
      }
      throw error;
    }
  });

  app.get("/newsroom/articles/:id/edit", async (request, reply) => {
    const { article } = await loadEditable(request);
    return sendPage(
      reply,
      <EditorPage {...(await pageBase(ctx, request))} data={await editorData(article.id)} />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/articles/:id", async (request, reply) => {
    // Who may see the story is settled before the form is read: a refused save re-renders the editor
    // with the story in it, which only those who may open the editor may see.
    const { user, article } = await loadEditable(request);
    const id = article.id;
    try {
      const input = parseForm(request.body);
      await saveArticle(deps, user, id, input, {
        kind: "save",
        correctionNote: input.correctionNote,
        baseRevisionId: input.baseRevisionId,
      });
      return reply.redirect(
        `/newsroom/articles/${id}/edit?notice=${input.correctionNote?.trim() ? "corrected" : "saved"}`,
        303,
      );
    } catch (error) {
      if (
        error instanceof AppError &&
        error.status < 500 &&
        error.code !== "forbidden" &&
        error.code !== "article_not_found"
      ) {
        return editorWithError(request, reply, id, request.body as Record<string, unknown>, error);
      }
      throw error;
    }
  });

  // Autosave from the editor's script: JSON in, JSON out (the CSRF token travels in a header).
  app.post("/newsroom/api/articles/:id/autosave", async (request) => {
    const { user, article } = await loadEditable(request);
    const id = article.id;
    const input = parseForm(request.body);
    const { revisionId, conflict } = await saveArticle(deps, user, id, input, {
      kind: "autosave",
      baseRevisionId: input.baseRevisionId,
    });
    return { ok: true, revisionId, savedAt: ctx.now(), conflict };
  });

  const action = (
    path: string,
    run: (request: FastifyRequest, id: number) => Promise<unknown>,
    notice: string,
  ) =>
    app.post(`/newsroom/articles/:id/${path}`, async (request, reply) => {
      const id = articleId(request.params);
      await run(request, id);
      return reply.redirect(`/newsroom/articles/${id}/edit?notice=${notice}`, 303);
    });

  action("file", (request, id) => fileArticle(deps, staffOf(request), id), "filed");
  action(
    "return",
    (request, id) => {
      const note = z.object({ note: z.string().max(2000) }).safeParse(request.body);
      if (!note.success) throw fail("note_required");
      return returnArticle(deps, staffOf(request), id, note.data.note);
    },
    "returned",
  );
  action("publish", (request, id) => publishArticle(deps, staffOf(request), id), "published");
  action(
    "schedule",
    (request, id) => {
      const at = z.object({ at: z.string().max(30) }).safeParse(request.body);
      const when = at.success ? parseKstLocal(at.data.at) : null;
      if (when === null) throw fail("invalid_schedule");
      return scheduleArticle(deps, staffOf(request), id, when);
    },
    "scheduled",
  );
  action("unpublish", (request, id) => unpublishArticle(deps, staffOf(request), id), "unpublished");

  app.get("/newsroom/articles/:id/preview", async (request, reply) => {
    const { article } = await loadEditable(request);
    const [chrome, detail] = await Promise.all([ctx.chrome(), findByNum(ctx.db, article.num)]);
    if (!detail) throw fail("article_not_found");
    const section = chrome.sections.byId.get(detail.sectionId);
    const trail = section ? (section.parent ? [section.parent, section] : [section]) : [];
    const shown = { ...detail, publishedAt: article.publishedAt ?? ctx.now() };
    return sendPage(
      reply,
      <ArticlePage
        chrome={chrome}
        assets={ctx.assets}
        preview
        data={{
          article: shown,
          trail,
          related: [],
          comments: [],
          commentCount: 0,
          commentPage: 1,
          commentSort: "newest",
          personKeys: [],
        }}
      />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/articles/:id/revisions", async (request, reply) => {
    const { article } = await loadEditable(request);
    const revisions = await listRevisions(ctx.db, article.id);
    return sendPage(
      reply,
      <RevisionsPage {...(await pageBase(ctx, request))} article={article} revisions={revisions} />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/articles/:id/revisions/diff", async (request, reply) => {
    const { user, article } = await loadEditable(request);
    const q = z
      .object({
        a: z.coerce.number().int().min(1).max(2_147_483_647),
        b: z.coerce.number().int().min(1).max(2_147_483_647),
      })
      .safeParse(request.query);
    if (!q.success) throw fail("invalid_request", "비교할 두 판을 골라 주세요.");
    const [a, b] = await Promise.all([
      findRevision(ctx.db, article.id, q.data.a),
      findRevision(ctx.db, article.id, q.data.b),
    ]);
    if (!a || !b) throw fail("revision_not_found");
    const [older, newer] = a.id <= b.id ? [a, b] : [b, a];
    const sections = await sectionNamesById(ctx.db);
    const field = (label: string, pick: (r: ArticleRevisionRow) => string) => ({
      label,
      diff: sideBySide(pick(older), pick(newer)),
    });
    const rows = [
      field("제목", (r) => r.title),
      field("부제", (r) => r.subtitle ?? ""),
      field("섹션", (r) => (r.section_id === null ? "" : (sections.get(r.section_id) ?? ""))),
      field("본문", (r) => bodyAsText(r.body_html)),
      field("태그", (r) => (JSON.parse(r.tags) as string[]).join(", ")),
      field("사진 설명", (r) => r.lead_caption ?? ""),
      field("사진 출처", (r) => r.lead_credit ?? ""),
    ];
    return sendPage(
      reply,
      <DiffPage
        {...(await pageBase(ctx, request))}
        article={article}
        a={older}
        b={newer}
        rows={rows}
        canRestore={
          can(user.role, "article.edit_any") &&
          canEditArticle(user, { authorIds: article.authors.map((x) => x.id), status: article.status })
        }
      />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/articles/:id/revisions/:rev/restore", async (request, reply) => {
    const id = articleId(request.params);
    const rev = z
      .object({ rev: z.coerce.number().int().min(1).max(2_147_483_647) })
      .safeParse(request.params);
    if (!rev.success) throw fail("revision_not_found");
    await restoreRevision(deps, staffOf(request), id, rev.data.rev);
    return reply.redirect(`/newsroom/articles/${id}/edit?notice=restored`, 303);
  });
}
