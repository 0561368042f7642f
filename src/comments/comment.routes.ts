import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError, fail } from "../lib/errors.ts";
import { toKstIso } from "../lib/kst-time.ts";
import type { WebContext } from "../web/context.ts";
import { checkOrigin } from "../web/origin.ts";
import { paths } from "../web/paths.ts";
import { ArticleNum } from "../web/validation.ts";
import { addressReader } from "../web/visitor.ts";
import { abuseFilterFor } from "./abuse-filter.service.ts";
import {
  type CommentDeps,
  deleteOwnComment,
  listArticleComments,
  postComment,
  reportComment,
  voteComment,
} from "./comment.service.ts";

const NumParams = z.object({ num: ArticleNum });
const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const NewCommentBody = z.object({
  nickname: z.string().max(200).default(""),
  password: z.string().max(200).default(""),
  body: z.string().max(20_000).default(""),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw fail("invalid_request");
  return r.data;
}

function commentJson(c: {
  id: number;
  nickname: string;
  body: string;
  createdAt: number;
  likes: number;
  dislikes: number;
  takenDown?: boolean;
}) {
  return {
    id: c.id,
    nickname: c.nickname,
    body: c.body,
    createdAt: toKstIso(c.createdAt),
    likes: c.likes,
    dislikes: c.dislikes,
    // 임시조치: `body` is then the notice (정보통신망법 §44의2), never the comment's text
    takenDown: c.takenDown ?? false,
  };
}

/** Codes a no-JavaScript form post is redirected back with (never free text in a URL). */
const FORM_ERRORS = new Set([
  "comment_empty",
  "comment_too_long",
  "nickname_required",
  "nickname_too_long",
  "password_too_short",
  "password_too_long",
  "comment_blocked",
  "rate_limited",
]);

export function registerCommentRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: CommentDeps = {
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    bus: ctx.bus,
    limiter: ctx.limiter,
    abuseFilter: abuseFilterFor(ctx.db, (error) =>
      app.log.error({ err: error }, "comment filter model unreadable"),
    ),
  };

  app.get("/api/v1/articles/:num/comments", async (request, reply) => {
    const p = NumParams.safeParse(request.params);
    if (!p.success) throw fail("article_not_found");
    const q = z
      .object({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        sort: z.enum(["newest", "likes"]).default("newest"),
      })
      .safeParse(request.query);
    if (!q.success)
      throw fail("invalid_request", "page는 1 이상의 숫자, sort는 newest 또는 likes여야 합니다.");
    const { total, comments } = await listArticleComments(deps, p.data.num, q.data.page, q.data.sort);
    reply.header("cache-control", "no-cache");
    return { total, page: q.data.page, sort: q.data.sort, comments: comments.map(commentJson) };
  });

  app.post("/api/v1/articles/:num/comments", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = NumParams.safeParse(request.params);
    if (!p.success) throw fail("article_not_found");
    const body = parse(NewCommentBody, request.body);
    try {
      const c = await postComment(deps, { articleNum: p.data.num, ...body, address: request.ip });
      return reply
        .status(201)
        .header("cache-control", "no-store")
        .send({
          comment: { ...commentJson(c), status: c.status },
          ...(c.status === "held" ? { message: "관리자가 확인한 뒤 게시됩니다." } : {}),
        });
    } catch (error) {
      if (error instanceof AppError && error.code === "rate_limited")
        reply.header("retry-after", String(error.details?.retryAfterSeconds ?? 15));
      throw error;
    }
  });

  // The same, for a browser without JavaScript: a form post answered with a redirect back.
  app.post("/article/:num/comments", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = NumParams.safeParse(request.params);
    if (!p.success) throw fail("article_not_found");
    const body = parse(NewCommentBody, request.body);
    const back = paths.article(p.data.num);
    try {
      const c = await postComment(deps, { articleNum: p.data.num, ...body, address: request.ip });
      return reply.redirect(`${back}?comment=${c.status === "held" ? "held" : "posted"}#comments`, 303);
    } catch (error) {
      if (error instanceof AppError && FORM_ERRORS.has(error.code)) {
        return reply.redirect(`${back}?comment_error=${error.code}#comments`, 303);
      }
      throw error;
    }
  });

  app.delete("/api/v1/comments/:id", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw fail("comment_not_found");
    const { password } = parse(z.object({ password: z.string().max(200) }), request.body);
    await deleteOwnComment(deps, p.data.id, password, request.ip);
    return reply.status(204).send();
  });

  app.post("/api/v1/comments/:id/reports", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw fail("comment_not_found");
    const { reason } = parse(z.object({ reason: z.string().max(2000).default("") }), request.body);
    // A report is an address's: cookies cost nothing to make, so three reports from one address
    // (whatever cookies they carry) are one report.
    const reporter = await addressReader(ctx.db, request.ip);
    await reportComment(deps, p.data.id, reporter, reason);
    return reply.status(202).send({ ok: true, message: "신고가 접수되었습니다." });
  });

  app.post("/api/v1/comments/:id/votes", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw fail("comment_not_found");
    const { value } = parse(z.object({ value: z.enum(["like", "dislike"]) }), request.body);
    // A vote is the signed visitor's, or (no valid cookie) the address's; either way also capped per
    // address, since anyone can collect fresh signed cookies.
    let visitor = await ctx.visitors.idOf(request);
    const voter = visitor ? `v:${visitor}` : await addressReader(ctx.db, request.ip);
    const counts = await voteComment(deps, p.data.id, voter, value === "like" ? 1 : -1, {
      address: await addressReader(ctx.db, request.ip),
    });
    if (!visitor) visitor = await ctx.visitors.issue(request, reply);
    return reply.header("cache-control", "no-store").send(counts);
  });
}
