import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import type { WebContext } from "../web/context.ts";
import { checkOrigin } from "../web/origin.ts";
import { addressReader } from "../web/visitor.ts";
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
 * not a known robot, once per visitor (signed `jikji_vid` cookie, or the address without one) and
 * article in 24 hours, and under the per-address cap.
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
    if (isBot(request.headers["user-agent"])) return reply.send();
    // A reader with the site's signed cookie is counted as that visitor. One without (a first visit,
    // most of a paper's readers arriving from a portal or a messenger link) gets the cookie now and
    // this read counts too, as their address: once per address, article and 24 hours, like a visitor.
    const visitor = await ctx.visitors.idOf(request);
    if (!visitor) await ctx.visitors.issue(request, reply);
    ctx.reads.record({
      articleId: article.id,
      publishedAt: article.publishedAt,
      visitor: visitor ? `v:${visitor}` : await addressReader(ctx.db, request.ip),
      at: ctx.now(),
      address: request.ip,
    });
    return reply.send();
  });
}
