import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { addressKey } from "../lib/address-key.ts";
import { AppError, fail } from "../lib/errors.ts";
import { can } from "../staff/staff.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { checkOrigin } from "../web/origin.ts";
import {
  applyTakedown,
  countTakedownsAwaitingDecision,
  dismissRightsRequest,
  endTakedown,
  fileRightsReport,
  findReportableComment,
  loadRightsRequests,
} from "./takedown.service.ts";
import { RIGHTS_FIELDS, type RightsField } from "./takedown.ts";
import { RightsReportPage, RightsReportReceivedPage, RightsRequestsPage } from "./takedown.view.tsx";

/** A 권리침해 신고 carries personal data: never kept by the page cache or any shared cache. */
const PRIVATE = "private, no-store";

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

function commentIdOf(request: FastifyRequest): number {
  const p = IdParams.safeParse(request.params);
  if (!p.success) throw fail("comment_not_found");
  return p.data.id;
}

function sentFields(body: unknown): Partial<Record<RightsField, string>> {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const out: Partial<Record<RightsField, string>> = {};
  for (const f of RIGHTS_FIELDS) if (typeof b[f] === "string") out[f] = (b[f] as string).slice(0, 10_000);
  return out;
}

/** The reader's side of 정보통신망법 §44의2: the 권리침해 신고 form and its JSON twin. */
export function registerRightsReportRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus, limiter: ctx.limiter };

  const reportable = (id: number) => findReportableComment(deps, id);

  app.get("/comments/:id/rights-report", async (request, reply) => {
    const comment = await reportable(commentIdOf(request));
    return sendPage(
      reply,
      <RightsReportPage
        chrome={await ctx.chrome()}
        assets={ctx.assets}
        commentId={comment.id}
        articleNum={comment.article_num}
        values={{}}
        errors={{}}
      />,
      200,
      PRIVATE,
    );
  });

  app.post("/comments/:id/rights-report", async (request, reply) => {
    checkOrigin(ctx, request);
    const comment = await reportable(commentIdOf(request));
    const chrome = await ctx.chrome();
    try {
      await fileRightsReport(deps, comment.id, request.body, await addressKey(ctx.db, request.ip));
      return sendPage(
        reply,
        <RightsReportReceivedPage
          chrome={chrome}
          assets={ctx.assets}
          commentId={comment.id}
          articleNum={comment.article_num}
        />,
        201,
        PRIVATE,
      );
    } catch (error) {
      if (!(error instanceof AppError) || !["invalid_rights_report", "rate_limited"].includes(error.code))
        throw error;
      return sendPage(
        reply,
        <RightsReportPage
          chrome={chrome}
          assets={ctx.assets}
          commentId={comment.id}
          articleNum={comment.article_num}
          values={sentFields(request.body)}
          errors={(error.details?.fields ?? {}) as Partial<Record<RightsField, string>>}
          message={error.message}
        />,
        error.status,
        PRIVATE,
      );
    }
  });

  app.post("/api/v1/comments/:id/rights-reports", async (request, reply) => {
    checkOrigin(ctx, request);
    const id = commentIdOf(request);
    const filed = await fileRightsReport(deps, id, request.body, await addressKey(ctx.db, request.ip));
    return reply
      .status(201)
      .header("cache-control", "no-store")
      .send({ id: filed.id, message: "권리침해 신고가 접수되었습니다." });
  });
}

const DecisionForm = z.object({
  note: z
    .string()
    .max(500)
    .optional()
    .transform((v) => v?.trim() || null),
  days: z.string().max(10).optional(),
});

/** The moderators' side: the list with its reminders, 임시조치, 기각, and the end of a 임시조치. */
export function registerTakedownNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  // A 임시조치 whose period is over waits on a person: moderators are reminded on the newsroom home.
  ctx.newsroomAlerts.push(async (user) => {
    if (!can(user.role, "comments.moderate")) return [];
    const n = await countTakedownsAwaitingDecision(deps);
    if (n === 0) return [];
    return [
      {
        code: "takedowns_expired",
        level: "warning",
        href: "/newsroom/comments/rights",
        message: `임시조치 기간이 끝난 댓글이 ${n}건 있습니다. 복원하거나 삭제해 주세요(그때까지 가려진 채로 남습니다).`,
      },
    ];
  });

  app.get("/newsroom/comments/rights", async (request, reply) => {
    const user = requirePermission(request, "comments.moderate");
    const data = await loadRightsRequests(deps, user);
    return sendPage(
      reply,
      <RightsRequestsPage {...(await pageBase(ctx, request))} {...data} />,
      200,
      "no-store",
    );
  });

  const requestIdOf = (request: FastifyRequest) => {
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw fail("rights_request_not_found");
    return p.data.id;
  };
  const formOf = (request: FastifyRequest) => {
    const f = DecisionForm.safeParse(request.body ?? {});
    if (!f.success) throw fail("invalid_request", "메모는 500자까지 쓸 수 있습니다.");
    return f.data;
  };

  app.post("/newsroom/comments/rights/:id/takedown", async (request, reply) => {
    const user = requirePermission(request, "comments.moderate");
    const id = requestIdOf(request);
    const form = formOf(request);
    await applyTakedown(deps, user, id, form.days, form.note);
    return reply.redirect("/newsroom/comments/rights?notice=takedown_applied", 303);
  });

  app.post("/newsroom/comments/rights/:id/dismiss", async (request, reply) => {
    const user = requirePermission(request, "comments.moderate");
    const id = requestIdOf(request);
    await dismissRightsRequest(deps, user, id, formOf(request).note);
    return reply.redirect("/newsroom/comments/rights?notice=rights_dismissed", 303);
  });

  for (const decision of ["restore", "delete"] as const) {
    app.post(`/newsroom/comments/rights/:id/${decision}`, async (request, reply) => {
      const user = requirePermission(request, "comments.moderate");
      const id = requestIdOf(request);
      await endTakedown(deps, user, id, decision, formOf(request).note);
      return reply.redirect(`/newsroom/comments/rights?notice=takedown_${decision}d`, 303);
    });
  }
}
