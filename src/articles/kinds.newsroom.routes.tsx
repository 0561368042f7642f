import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError, fail } from "../lib/errors.ts";
import { parseKstLocal } from "../lib/kst-input.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import type { DeskDeps } from "./desk.service.ts";
import { listSeries } from "./kinds.repo.ts";
import {
  clearBreaking,
  createSeries,
  editSeries,
  embargoArticle,
  liftEmbargo,
  setArticleKinds,
  takeDownArticle,
} from "./kinds.service.ts";
import { SeriesAdminPage } from "./kinds.view.tsx";
import { isArticleLabel, parseYouTubeId } from "./labels.ts";

const Id = z.coerce.number().int().min(1).max(2_147_483_647);
const IdParams = z.object({ id: Id });

const KindsForm = z.object({
  labels: z
    .union([z.string().max(20), z.array(z.string().max(20)).max(8)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  video: z.string().max(200, "영상 주소는 200자까지 쓸 수 있습니다.").optional().default(""),
  seriesId: z
    .union([z.literal(""), Id])
    .optional()
    .default(""),
  seriesPart: z
    .union([z.literal(""), z.coerce.number().int().min(1).max(10_000)])
    .optional()
    .default(""),
});

const SeriesForm = z.object({
  key: z.string().max(60, "연재 주소는 60자까지 쓸 수 있습니다.").optional().default(""),
  title: z.string().max(200, "연재 이름은 200자까지 쓸 수 있습니다."),
  description: z.string().max(2000, "연재 설명은 2000자까지 쓸 수 있습니다.").optional().default(""),
  position: z.union([z.literal(""), z.coerce.number().int().min(-1_000_000).max(1_000_000)]).default(""),
});

function idOf(request: FastifyRequest): number {
  const p = IdParams.safeParse(request.params);
  if (!p.success) throw fail("article_not_found");
  return p.data.id;
}

function parseForm<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success)
    throw fail("invalid_form", parsed.error.issues[0]?.message ?? "입력한 값을 확인해 주세요.");
  return parsed.data;
}

/**
 * The newsroom's routes for labels, 연재, 엠바고, 게재 중단 and the 속보 bar. Each checks the role
 * first (the guard has checked the session and CSRF), then validates, then makes one use-case call,
 * which checks again.
 */
export function registerKindsNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: DeskDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };
  const back = (id: number, notice: string) => `/newsroom/articles/${id}/edit?notice=${notice}`;

  app.post("/newsroom/articles/:id/kinds", async (request, reply) => {
    const user = requirePermission(request, "article.create");
    const id = idOf(request);
    const f = parseForm(KindsForm, request.body);
    if (!f.labels.every(isArticleLabel)) throw fail("invalid_labels");
    const videoText = f.video.trim();
    const videoId = videoText ? parseYouTubeId(videoText) : null;
    if (videoText && videoId === null) throw fail("invalid_video");
    await setArticleKinds(deps, user, id, {
      labels: f.labels.filter(isArticleLabel),
      videoId,
      seriesId: f.seriesId === "" ? null : f.seriesId,
      seriesPart: f.seriesPart === "" ? null : f.seriesPart,
    });
    return reply.redirect(back(id, "kinds_saved"), 303);
  });

  app.post("/newsroom/articles/:id/embargo", async (request, reply) => {
    const user = requirePermission(request, "article.publish");
    const id = idOf(request);
    const f = z.object({ until: z.string().max(30) }).safeParse(request.body);
    const until = f.success ? parseKstLocal(f.data.until) : null;
    if (until === null) throw fail("invalid_embargo");
    await embargoArticle(deps, user, id, until);
    return reply.redirect(back(id, "embargoed"), 303);
  });

  app.post("/newsroom/articles/:id/embargo/lift", async (request, reply) => {
    const user = requirePermission(request, "article.publish");
    const id = idOf(request);
    await liftEmbargo(deps, user, id);
    return reply.redirect(back(id, "embargo_lifted"), 303);
  });

  app.post("/newsroom/articles/:id/takedown", async (request, reply) => {
    const user = requirePermission(request, "article.unpublish");
    const id = idOf(request);
    const f = z
      .object({ reason: z.string().max(500, "사유는 500자까지 쓸 수 있습니다.") })
      .safeParse(request.body);
    if (!f.success) throw fail("takedown_reason_required");
    await takeDownArticle(deps, user, id, f.data.reason);
    return reply.redirect(back(id, "taken_down"), 303);
  });

  app.post("/newsroom/articles/:id/breaking/clear", async (request, reply) => {
    const user = requirePermission(request, "article.publish");
    const id = idOf(request);
    await clearBreaking(deps, user, id);
    return reply.redirect(back(id, "breaking_cleared"), 303);
  });

  // ---- 연재 (editors and admins)

  async function seriesPage(
    request: FastifyRequest,
    extra: { error?: string; draft?: Record<string, string> } = {},
  ) {
    return (
      <SeriesAdminPage {...(await pageBase(ctx, request))} series={await listSeries(ctx.db)} {...extra} />
    );
  }

  app.get("/newsroom/series", async (request, reply) => {
    requirePermission(request, "article.view_desk");
    return sendPage(reply, await seriesPage(request), 200, "no-store");
  });

  app.post("/newsroom/series", async (request, reply) => {
    const user = requirePermission(request, "article.view_desk");
    try {
      const f = parseForm(SeriesForm, request.body);
      await createSeries(deps, user, {
        key: f.key,
        title: f.title,
        description: f.description,
        position: f.position === "" ? 0 : f.position,
      });
      return reply.redirect("/newsroom/series?notice=series_saved", 303);
    } catch (error) {
      // A refused form comes back with what was typed in it.
      if (error instanceof AppError && error.status < 500 && error.code !== "forbidden") {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const draft = Object.fromEntries(
          ["key", "title", "description", "position"].map((k) => [
            k,
            typeof body[k] === "string" ? (body[k] as string) : "",
          ]),
        );
        return sendPage(
          reply,
          await seriesPage(request, { error: error.message, draft }),
          error.status,
          "no-store",
        );
      }
      throw error;
    }
  });

  app.post("/newsroom/series/:id", async (request, reply) => {
    const user = requirePermission(request, "article.view_desk");
    const id = idOf(request);
    const f = parseForm(SeriesForm, request.body);
    await editSeries(deps, user, id, {
      title: f.title,
      description: f.description,
      position: f.position === "" ? 0 : f.position,
    });
    return reply.redirect("/newsroom/series?notice=series_saved", 303);
  });
}
