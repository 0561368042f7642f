import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import type { WebContext } from "../web/context.ts";
import { checkOrigin } from "../web/origin.ts";
import { setVisitorCookie, visitorIdOf } from "../web/visitor.ts";
import { isBot } from "./bots.ts";

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
  // A beacon is a few bytes; anything bigger is refused before it is read.
  app.post("/api/v1/views", { bodyLimit: 1024 }, async (request, reply) => {
    checkOrigin(ctx, request);
    const parsed = ViewBody.safeParse(bodyOf(request));
    if (!parsed.success) throw fail("invalid_request", "기사 번호(article)가 필요합니다.");
    const article = await ctx.reads.publishedArticle(parsed.data.article);
    if (!article) throw fail("article_not_found");

    reply.status(204).header("cache-control", "no-store");
    const visitor = visitorIdOf(request);
    if (!visitor) {
      // Not counted: a reader is recognised by a cookie we gave them before. Their next read counts.
      setVisitorCookie(request, reply);
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
