import type { FastifyInstance } from "fastify";
import { listPublished } from "../../articles/article.repo.ts";
import { stale } from "../../lib/invalidation-bus.ts";
import { sectionAndDescendantIds } from "../../sections/section.ts";
import { cachePublicPage, sendPage, type WebContext } from "../context.ts";
import { type HomeData, HomePage } from "./home.view.tsx";
import type { ArticleSummary } from "./view-models.ts";

const LATEST_SIZE = 10;
const BLOCK_SIZE = 4;

export function registerHomeRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const now = chrome.now;
    const [recent, mostRead, blocks] = await Promise.all([
      listPublished(ctx.db, { now }, LATEST_SIZE + 10),
      ctx.mostRead.list(now),
      Promise.all(
        chrome.sections.roots.map(async (section) => ({
          section,
          articles: await listPublished(
            ctx.db,
            { now, sectionIds: sectionAndDescendantIds(section) },
            BLOCK_SIZE,
          ),
        })),
      ),
    ]);
    // The top story is the newest one with a photo; the rest of the newest follow it.
    const top: ArticleSummary | null = recent.find((a) => a.leadImage) ?? recent[0] ?? null;
    const data: HomeData = {
      top,
      latest: recent.filter((a) => a !== top).slice(0, LATEST_SIZE),
      sectionBlocks: blocks.filter((b) => b.articles.length > 0),
      mostRead,
    };
    // Every public story's write announces `home`; the ranking's order, `most-read`.
    cachePublicPage(reply, chrome, [stale.home, stale.mostRead]);
    return sendPage(reply, <HomePage chrome={chrome} assets={ctx.assets} data={data} />);
  });
}
