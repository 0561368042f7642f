import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { collectNewsroomAlerts } from "../web/newsroom/alerts.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { abuseFilterFor } from "./abuse-filter.service.ts";
import { blockAuthor, liftBlock, loadModerationPage, moderateComment } from "./moderation.service.ts";
import { ModerationPage } from "./moderation.view.tsx";

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The moderators' queue: held and reported comments, decisions, blocks and the log. */
export function registerModerationRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps = {
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    bus: ctx.bus,
    abuseFilter: abuseFilterFor(ctx.db, (error) =>
      app.log.error({ err: error }, "comment filter model unreadable"),
    ),
  };

  app.get("/newsroom/comments", async (request, reply) => {
    requirePermission(request, "comments.moderate");
    const q = z
      .object({
        tab: z.enum(["queue", "deleted", "visible"]).default("queue"),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
      })
      .safeParse(request.query);
    if (!q.success) throw fail("invalid_request", "목록 조건이 올바르지 않습니다.");
    const { tab, page } = q.data;
    const base = await pageBase(ctx, request);
    // The moderator's landing page: what the newsroom home would warn them of shows here too.
    const [data, alerts] = await Promise.all([
      loadModerationPage(deps, tab, page),
      collectNewsroomAlerts(ctx.newsroomAlerts, base.user),
    ]);
    return sendPage(reply, <ModerationPage {...base} tab={tab} {...data} alerts={alerts} />, 200, "no-store");
  });

  for (const action of ["approve", "delete", "restore"] as const) {
    app.post(`/newsroom/comments/:id/${action}`, async (request, reply) => {
      const user = requirePermission(request, "comments.moderate");
      const p = IdParams.safeParse(request.params);
      if (!p.success) throw fail("comment_not_found");
      await moderateComment(deps, user, p.data.id, action);
      return reply.redirect(`/newsroom/comments?notice=comment_${action}d`, 303);
    });
  }

  app.post("/newsroom/comments/:id/block", async (request, reply) => {
    const user = requirePermission(request, "comments.moderate");
    const p = IdParams.safeParse(request.params);
    const form = z
      .object({
        kind: z.enum(["nickname", "address"]),
        days: z.coerce.number().int(),
        reason: z.string().max(500).default(""),
      })
      .safeParse(request.body);
    if (!p.success || !form.success) throw fail("invalid_block", "target_and_days");
    await blockAuthor(deps, user, p.data.id, form.data.kind, form.data.days, form.data.reason);
    return reply.redirect("/newsroom/comments?notice=comment_blocked", 303);
  });

  app.post("/newsroom/comments/blocks/:id/lift", async (request, reply) => {
    const user = requirePermission(request, "comments.moderate");
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw fail("block_not_found");
    await liftBlock(deps, user, p.data.id);
    return reply.redirect("/newsroom/comments?notice=comment_unblocked", 303);
  });
}
