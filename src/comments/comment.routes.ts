import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { COMMENTS_PER_PAGE, getPublishedArticle } from "../articles/article.service.ts";
import { AppError } from "../lib/errors.ts";
import { toKstIso } from "../lib/kst-time.ts";
import { randomToken } from "../lib/secrets.ts";
import type { WebContext } from "../web/context.ts";
import { ArticleNum } from "../web/validation.ts";
import { countVisibleComments, listVisibleComments } from "./comment.repo.ts";
import { addressKey, deleteOwnComment, postComment, reportComment, voteComment } from "./comment.service.ts";
import { maskNickname } from "./comment.ts";

export const VISITOR_COOKIE = "jikji_vid";

const NumParams = z.object({ num: ArticleNum });
const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const NewCommentBody = z.object({
  nickname: z.string().max(200).default(""),
  password: z.string().max(200).default(""),
  body: z.string().max(20_000).default(""),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw new AppError("invalid_request", 400, "요청 형식이 올바르지 않습니다.");
  return r.data;
}

/** Public writes come from our own pages: a request that names another origin is refused. */
export function checkOrigin(ctx: WebContext, request: FastifyRequest) {
  const origin = request.headers.origin;
  if (
    origin &&
    origin !== new URL(ctx.config.siteUrl).origin &&
    origin !== `${request.protocol}://${request.host}`
  ) {
    throw new AppError("forbidden_origin", 403, "다른 사이트에서 보낸 요청은 처리할 수 없습니다.");
  }
}

/** The reader's first-party visitor id (votes and reports count once per visitor); set when missing. */
function visitorOf(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[VISITOR_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return `v:${existing}`;
  const id = randomToken(16);
  reply.setCookie(VISITOR_COOKIE, id, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    maxAge: 365 * 24 * 3600,
    secure: request.protocol === "https",
  });
  return `v:${id}`;
}

function commentJson(c: {
  id: number;
  nickname: string;
  body: string;
  createdAt: number;
  likes: number;
  dislikes: number;
}) {
  return {
    id: c.id,
    nickname: c.nickname,
    body: c.body,
    createdAt: toKstIso(c.createdAt),
    likes: c.likes,
    dislikes: c.dislikes,
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
  const deps = { db: ctx.db, now: ctx.now, limiter: ctx.limiter };

  app.get("/api/v1/articles/:num/comments", async (request, reply) => {
    const p = NumParams.safeParse(request.params);
    if (!p.success) throw new AppError("article_not_found", 404, "기사를 찾을 수 없습니다.");
    const q = z
      .object({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        sort: z.enum(["newest", "likes"]).default("newest"),
      })
      .safeParse(request.query);
    if (!q.success)
      throw new AppError(
        "invalid_request",
        400,
        "page는 1 이상의 숫자, sort는 newest 또는 likes여야 합니다.",
      );
    const article = await getPublishedArticle(ctx.db, p.data.num, ctx.now());
    if (!article) throw new AppError("article_not_found", 404, "기사를 찾을 수 없습니다.");
    const [total, comments] = await Promise.all([
      countVisibleComments(ctx.db, article.id),
      listVisibleComments(
        ctx.db,
        article.id,
        COMMENTS_PER_PAGE,
        (q.data.page - 1) * COMMENTS_PER_PAGE,
        q.data.sort,
      ),
    ]);
    reply.header("cache-control", "no-cache");
    return {
      total,
      page: q.data.page,
      sort: q.data.sort,
      comments: comments.map((c) => commentJson({ ...c, nickname: maskNickname(c.nickname) })),
    };
  });

  app.post("/api/v1/articles/:num/comments", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = NumParams.safeParse(request.params);
    if (!p.success) throw new AppError("article_not_found", 404, "기사를 찾을 수 없습니다.");
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
    if (!p.success) throw new AppError("not_found", 404, "기사를 찾을 수 없습니다.");
    const body = parse(NewCommentBody, request.body);
    try {
      const c = await postComment(deps, { articleNum: p.data.num, ...body, address: request.ip });
      return reply.redirect(
        `/article/${p.data.num}?comment=${c.status === "held" ? "held" : "posted"}#comments`,
        303,
      );
    } catch (error) {
      if (error instanceof AppError && FORM_ERRORS.has(error.code)) {
        return reply.redirect(`/article/${p.data.num}?comment_error=${error.code}#comments`, 303);
      }
      throw error;
    }
  });

  app.delete("/api/v1/comments/:id", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
    const { password } = parse(z.object({ password: z.string().max(200) }), request.body);
    await deleteOwnComment(deps, p.data.id, password, request.ip);
    return reply.status(204).send();
  });

  app.post("/api/v1/comments/:id/reports", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
    const { reason } = parse(z.object({ reason: z.string().max(2000).default("") }), request.body);
    // A reader is their visitor id; without the cookie, their address. Either way, one report each.
    const reporter = request.cookies[VISITOR_COOKIE]
      ? visitorOf(request, reply)
      : `a:${await addressKey(ctx.db, request.ip)}`;
    await reportComment(deps, p.data.id, reporter, reason);
    return reply.status(202).send({ ok: true, message: "신고가 접수되었습니다." });
  });

  app.post("/api/v1/comments/:id/votes", async (request, reply) => {
    checkOrigin(ctx, request);
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
    const { value } = parse(z.object({ value: z.enum(["like", "dislike"]) }), request.body);
    const voter = visitorOf(request, reply);
    const counts = await voteComment(deps, p.data.id, voter, value === "like" ? 1 : -1);
    return reply.header("cache-control", "no-store").send(counts);
  });
}
