import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { countPublished, listPublished } from "../../articles/article.repo.ts";
import { PAGE_SIZE } from "../../articles/article.ts";
import { fail, notFound } from "../../lib/errors.ts";
import { stale } from "../../lib/invalidation-bus.ts";
import { findMediaById } from "../../media/media.repo.ts";
import { findStaffByKey } from "../../staff/staff.repo.ts";
import { cachePublicPage, sendPage, type WebContext } from "../context.ts";
import { PageQuery, parseInput } from "../validation.ts";
import { toReporterPage } from "./reporter-page.ts";
import { ReporterPageView } from "./reporter-page.view.tsx";

const Params = z.object({ key: z.string().min(1).max(64) });

/** A reporter's page: their published stories, newest first. */
export function registerReporterPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/reporter/:key", async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw fail("reporter_not_found");
    const { page } = parseInput(PageQuery, request.query, "페이지 번호가 올바르지 않습니다.");
    const [chrome, reporter] = await Promise.all([ctx.chrome(), findStaffByKey(ctx.db, params.data.key)]);
    if (!reporter) throw fail("reporter_not_found");
    const filter = { now: chrome.now, authorStaffId: reporter.id };
    const [total, articles] = await Promise.all([
      countPublished(ctx.db, filter),
      listPublished(ctx.db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    ]);
    // Desk staff who never wrote a public story have no public page.
    if (total === 0 && reporter.role !== "reporter") throw fail("reporter_not_found");
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const photo =
      reporter.photo_media_id === null ? null : await findMediaById(ctx.db, reporter.photo_media_id);
    if (page > pages) throw notFound();
    cachePublicPage(reply, chrome, [stale.reporter(reporter.key)]);
    return sendPage(
      reply,
      <ReporterPageView
        chrome={chrome}
        assets={ctx.assets}
        data={toReporterPage({ reporter, photo, articles, page, pages, total })}
      />,
    );
  });
}
