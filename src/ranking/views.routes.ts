import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { VISITOR_COOKIE } from "../comments/comment.routes.ts";
import { AppError } from "../lib/errors.ts";
import { randomToken } from "../lib/secrets.ts";
import type { WebContext } from "../web/context.ts";
import { isBot } from "./bots.ts";
import { VISITOR_ID } from "./reads.ts";

/** `{article: num}`; the number may come as a string (a form or a hand-written script). */
const ViewBody = z.object({
  article: z.union([
    z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    z
      .string()
      .regex(/^[1-9]\d{0,15}$/)
      .transform(Number),
  ]),
});

const VISITOR_MAX_AGE_S = 365 * 24 * 3600;

/** `navigator.sendBeacon` sends text/plain; fetch sends JSON. Both carry the same JSON. */
function bodyOf(request: FastifyRequest): unknown {
  if (typeof request.body !== "string") return request.body ?? {};
  try {
    return JSON.parse(request.body);
  } catch {
    return {};
  }
}

/**
 * `POST /api/v1/views`: the article page's script reports a read (see site.js: after 5 seconds of the
 * page being visible). Answered at once with 204; the read is counted in the next flush, if it counts:
 * the visitor must carry the `jikji_vid` cookie (a first request gets it, and the next read counts),
 * must not be a known robot, and counts once per article in 24 hours.
 */
export function registerViewRoutes(app: FastifyInstance, ctx: WebContext): void {
  const siteOrigin = new URL(ctx.config.siteUrl).origin;

  // A beacon is a few bytes; anything bigger is refused before it is read.
  app.post("/api/v1/views", { bodyLimit: 1024 }, async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && origin !== siteOrigin && origin !== `${request.protocol}://${request.host}`) {
      throw new AppError("forbidden_origin", 403, "다른 사이트에서 보낸 요청은 처리할 수 없습니다.");
    }
    const parsed = ViewBody.safeParse(bodyOf(request));
    if (!parsed.success) throw new AppError("invalid_request", 400, "기사 번호(article)가 필요합니다.");
    const article = await ctx.reads.publishedArticle(parsed.data.article);
    if (!article) throw new AppError("article_not_found", 404, "기사를 찾을 수 없습니다.");

    reply.status(204).header("cache-control", "no-store");
    const visitor = request.cookies[VISITOR_COOKIE];
    if (!visitor || !VISITOR_ID.test(visitor)) {
      // Not counted: a reader is recognised by a cookie we gave them before. Their next read counts.
      reply.setCookie(VISITOR_COOKIE, randomToken(16), {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        maxAge: VISITOR_MAX_AGE_S,
        secure: request.protocol === "https",
      });
      return reply.send();
    }
    if (isBot(request.headers["user-agent"])) return reply.send();
    ctx.reads.record({
      articleId: article.id,
      publishedAt: article.publishedAt,
      visitor,
      at: ctx.now(),
      address: request.ip,
    });
    return reply.send();
  });
}
