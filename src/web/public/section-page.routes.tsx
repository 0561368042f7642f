import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { countPublished, listPublished } from "../../articles/article.repo.ts";
import { PAGE_SIZE } from "../../articles/article.ts";
import { filledPageNow } from "../../frontpage/frontpage.service.ts";
import { sectionPage } from "../../frontpage/frontpage.ts";
import { fail, notFound } from "../../lib/errors.ts";
import { stale } from "../../lib/invalidation-bus.ts";
import { sectionAndDescendantIds } from "../../sections/section.ts";
import { cachePublicPage, sendPage, type WebContext } from "../context.ts";
import { PageQuery, parseInput } from "../validation.ts";
import { frontSlotsOf, idsShown } from "./home.ts";
import { toSectionPage } from "./section-page.ts";
import { SectionPageView } from "./section-page.view.tsx";

const SlugPart = z.string().regex(/^[a-z0-9-]{1,60}$/);
const Params = z.object({ slug: SlugPart, sub: SlugPart.optional() });

/** A section's page: its newest stories (a top section's include its subsections'), and its most-read. */
export function registerSectionPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const handler = async (
    request: { params: unknown; query: unknown },
    reply: Parameters<typeof sendPage>[0],
  ) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw fail("section_not_found");
    const { page } = parseInput(PageQuery, request.query, "페이지 번호가 올바르지 않습니다.");
    const chrome = await ctx.chrome();
    const slug = params.data.sub ? `${params.data.slug}/${params.data.sub}` : params.data.slug;
    const section = chrome.sections.bySlug.get(slug);
    if (!section) throw fail("section_not_found");
    const sectionIds = sectionAndDescendantIds(section);
    // A top section's page opens with its 편집판 (톱, 서브톱, 포토); the list below leaves those out,
    // on every page of it, so a story appears once.
    const slots = section.parent
      ? null
      : await filledPageNow(ctx, chrome.sections, sectionPage(section.slug), chrome.now);
    const lead = slots ? frontSlotsOf(slots, () => undefined) : null;
    const shown = lead ? idsShown(lead) : [];
    const ownShown = lead
      ? [lead.top, ...lead.subtop, ...lead.photos].filter((a) => a && sectionIds.includes(a.sectionId)).length
      : 0;
    const filter = { now: chrome.now, sectionIds, excludeIds: shown };
    const [count, articles, mostRead] = await Promise.all([
      countPublished(ctx.db, { now: chrome.now, sectionIds }),
      listPublished(ctx.db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
      ctx.mostRead.list(chrome.now, sectionAndDescendantIds(section.parent ?? section)),
    ]);
    const total = count - ownShown;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw notFound();
    // A story's write announces its section and the section's parent.
    cachePublicPage(reply, chrome, [stale.section(section.slug), stale.mostRead]);
    return sendPage(
      reply,
      <SectionPageView
        chrome={chrome}
        assets={ctx.assets}
        data={toSectionPage({
          section,
          articles,
          page,
          pages,
          total,
          mostRead,
          lead: lead && page === 1 ? { top: lead.top, subtop: lead.subtop, photos: lead.photos } : null,
        })}
      />,
    );
  };
  app.get("/section/:slug", handler);
  app.get("/section/:slug/:sub", handler);
}
