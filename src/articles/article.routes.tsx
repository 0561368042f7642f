import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { COMMENT_FORM_MESSAGES } from "../comments/comment.ts";
import { fail } from "../lib/errors.ts";
import { sectionAndDescendantIds } from "../sections/section.ts";
import { cachePublicPage, sendPage, type WebContext } from "../web/context.ts";
import { ArticleNum, parseInput } from "../web/validation.ts";
import { articleDetailJson, articleSummaryJson, decodeCursor, encodeCursor } from "./article.api.ts";
import { listPublished } from "./article.repo.ts";
import { articlePageTags, getArticlePage, getPublishedArticle } from "./article.service.ts";
import { ArticlePage } from "./article.view.tsx";

const NumParams = z.object({ num: ArticleNum });
const CommentPageQuery = z.object({
  cpage: z.coerce.number().int().min(1).max(10_000).default(1),
  csort: z.enum(["newest", "likes"]).default("newest"),
  comment: z.enum(["posted", "held"]).optional().catch(undefined),
  comment_error: z.string().max(40).optional(),
});
const ListQuery = z.object({
  section: z
    .string()
    .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
});
const API_CACHE = "public, max-age=30";

function articleNum(params: unknown): number {
  const parsed = NumParams.safeParse(params);
  if (!parsed.success) throw fail("article_not_found");
  return parsed.data.num;
}

export function registerArticleRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/article/:num", async (request, reply) => {
    const num = articleNum(request.params);
    const q = parseInput(CommentPageQuery, request.query, "댓글 페이지 번호가 올바르지 않습니다.");
    const chrome = await ctx.chrome();
    const data = await getArticlePage(ctx.db, chrome.sections, num, chrome.now, q.cpage, q.csort);
    if (!data) throw fail("article_not_found");
    cachePublicPage(reply, chrome, articlePageTags(data));
    const notice = COMMENT_FORM_MESSAGES[q.comment ?? q.comment_error ?? ""] ?? null;
    return sendPage(
      reply,
      <ArticlePage chrome={chrome} assets={ctx.assets} data={data} commentNotice={notice} />,
    );
  });

  app.get("/api/v1/articles", async (request, reply) => {
    const q = parseInput(
      ListQuery,
      request.query,
      "목록 조건이 올바르지 않습니다. (section, limit 1~100, cursor)",
    );
    const chrome = await ctx.chrome();
    let sectionIds: number[] | undefined;
    if (q.section) {
      const section = chrome.sections.bySlug.get(q.section);
      if (!section) throw fail("unknown_section", q.section);
      sectionIds = sectionAndDescendantIds(section);
    }
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (before === null) throw fail("invalid_cursor");
    const rows = await listPublished(ctx.db, { now: chrome.now, sectionIds, before }, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    reply.header("cache-control", API_CACHE);
    return {
      articles: page.map((a) => articleSummaryJson(a, chrome.sections, ctx.config.siteUrl)),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  });

  app.get("/api/v1/articles/:num", async (request, reply) => {
    const num = articleNum(request.params);
    const chrome = await ctx.chrome();
    const article = await getPublishedArticle(ctx.db, num, chrome.now);
    if (!article) throw fail("article_not_found");
    reply.header("cache-control", API_CACHE);
    return { article: articleDetailJson(article, chrome.sections, ctx.config.siteUrl) };
  });
}
