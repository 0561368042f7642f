import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { getPublishedArticle } from "../../articles/article.service.ts";
import { fail, notFound } from "../../lib/errors.ts";
import { findPersonByNum } from "../../people/person.repo.ts";
import type { WebContext } from "../context.ts";
import { paths } from "../paths.ts";
import { ArticleNum } from "../validation.ts";

const LegacyQuery = z.object({ command: z.literal("article_view"), num: ArticleNum });

/**
 * The old system's URLs, `/BP?command=article_view&num=N`, answer 301 to where the thing lives now.
 * Articles and person profiles shared one number space there, and do here.
 */
export function registerLegacyRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/BP", async (request, reply) => {
    const q = LegacyQuery.safeParse(request.query);
    if (!q.success) throw notFound();
    const num = q.data.num;
    const article = await getPublishedArticle(ctx.db, num, ctx.now());
    if (article) return reply.redirect(paths.article(num), 301);
    const person = await findPersonByNum(ctx.db, num);
    if (person) return reply.redirect(paths.person(person.key), 301);
    throw fail("article_not_found");
  });
}
