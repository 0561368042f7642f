import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { countPublished, listPublished } from "../articles/article.repo.ts";
import { PAGE_SIZE } from "../articles/article.ts";
import { notFound } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { PageQuery, parseInput } from "../web/validation.ts";
import { ReporterPage } from "./reporter.view.tsx";
import { findStaffByKey } from "./staff.repo.ts";

const Params = z.object({ key: z.string().min(1).max(64) });

export function registerReporterRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/reporter/:key", async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw notFound("기자");
    const { page } = parseInput(PageQuery, request.query, "페이지 번호가 올바르지 않습니다.");
    const [chrome, reporter] = await Promise.all([ctx.chrome(), findStaffByKey(ctx.db, params.data.key)]);
    if (!reporter) throw notFound("기자");
    const filter = { now: chrome.now, authorStaffId: reporter.id };
    const [total, articles] = await Promise.all([
      countPublished(ctx.db, filter),
      listPublished(ctx.db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    ]);
    // Desk staff who never wrote a public story have no public page.
    if (total === 0 && reporter.role !== "reporter") throw notFound("기자");
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw notFound("페이지");
    return sendPage(
      reply,
      <ReporterPage chrome={chrome} assets={ctx.assets} data={{ reporter, articles, page, pages, total }} />,
    );
  });
}
