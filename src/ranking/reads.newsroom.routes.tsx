import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { ArticleNum, parseInput } from "../web/validation.ts";
import { PERIOD_MS, windowBuckets } from "./read-window.ts";
import { findArticleForDesk, listRankedForDesk, readsPerHour } from "./reads.repo.ts";
import { ReadsPage } from "./reads.view.tsx";

const ReadsQuery = z.object({
  period: z.enum(["day", "week"]).default("day"),
  article: ArticleNum.optional(),
});

const RANKING_ROWS = 50;

/** /newsroom/reads: reads per hour (the site's, or one story's) and the stored ranking, for the desk. */
export function registerReadsNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/newsroom/reads", async (request, reply) => {
    requirePermission(request, "article.view_desk");
    const q = parseInput(ReadsQuery, request.query, "기간이나 기사 번호가 올바르지 않습니다.");
    const now = ctx.now();
    const buckets = windowBuckets(now, PERIOD_MS[q.period]);
    const from = buckets[0]!.hour;
    const to = buckets[buckets.length - 1]!.hour;
    const article = q.article === undefined ? null : await findArticleForDesk(ctx.db, q.article);
    if (q.article !== undefined && !article) throw fail("article_not_found");
    const [perHour, ranking] = await Promise.all([
      readsPerHour(ctx.db, from, to, article?.id),
      listRankedForDesk(ctx.db, q.period, now, RANKING_ROWS),
    ]);
    const byHour = new Map(perHour.map((p) => [p.hour, p.reads]));
    return sendPage(
      reply,
      <ReadsPage
        {...(await pageBase(ctx, request))}
        data={{
          period: q.period,
          article: article && {
            num: article.num,
            title: article.title,
            viewCount: article.viewCount,
            status: article.status,
          },
          hours: buckets.map((b) => ({ hour: b.hour, reads: byHour.get(b.hour) ?? 0 })),
          ranking,
          computedAt: ranking[0]?.computedAt ?? null,
        }}
      />,
      200,
      "no-store",
    );
  });
}
