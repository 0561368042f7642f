import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import {
  listActiveBlocks,
  listModerationLog,
  listModerationQueue,
  listRecentComments,
  reportReasons,
} from "./comment.repo.ts";
import { blockAuthor, liftBlock, moderateComment } from "./moderation.service.ts";
import { ModerationPage, type ModerationTab } from "./moderation.view.tsx";

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The moderators' queue: held and reported comments, decisions, blocks and the log. */
export function registerModerationRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps = { db: ctx.db, now: ctx.now };

  app.get("/newsroom/comments", async (request, reply) => {
    requirePermission(request, "comments.moderate");
    const q = z
      .object({
        tab: z.enum(["queue", "deleted", "visible"]).default("queue"),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
      })
      .safeParse(request.query);
    if (!q.success) throw new AppError("invalid_request", 400, "목록 조건이 올바르지 않습니다.");
    const { tab, page } = q.data;
    const rows =
      tab === "queue"
        ? await listModerationQueue(ctx.db, 100, (page - 1) * 100)
        : await listRecentComments(ctx.db, tab, 100, (page - 1) * 100);
    const reasons = await reportReasons(
      ctx.db,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => ({
      ...r,
      reports: reasons.filter((x) => x.comment_id === r.id).map((x) => x.reason),
    }));
    const [blocks, log] = await Promise.all([
      listActiveBlocks(ctx.db, ctx.now()),
      listModerationLog(ctx.db, 50),
    ]);
    return sendPage(
      reply,
      <ModerationPage
        {...(await pageBase(ctx, request))}
        tab={tab as ModerationTab}
        items={items}
        blocks={blocks}
        log={log}
      />,
      200,
      "no-store",
    );
  });

  for (const action of ["approve", "delete", "restore"] as const) {
    app.post(`/newsroom/comments/:id/${action}`, async (request, reply) => {
      const user = requirePermission(request, "comments.moderate");
      const p = IdParams.safeParse(request.params);
      if (!p.success) throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
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
    if (!p.success || !form.success)
      throw new AppError("invalid_block", 400, "차단할 대상과 기간을 골라 주세요.");
    await blockAuthor(deps, user, p.data.id, form.data.kind, form.data.days, form.data.reason);
    return reply.redirect("/newsroom/comments?notice=comment_blocked", 303);
  });

  app.post("/newsroom/comments/blocks/:id/lift", async (request, reply) => {
    const user = requirePermission(request, "comments.moderate");
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw new AppError("block_not_found", 404, "해당 차단을 찾을 수 없습니다.");
    await liftBlock(deps, user, p.data.id);
    return reply.redirect("/newsroom/comments?notice=comment_unblocked", 303);
  });
}
