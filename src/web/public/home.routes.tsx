import type { FastifyInstance } from "fastify";
import { listPublished } from "../../articles/article.repo.ts";
import { stale } from "../../lib/invalidation-bus.ts";
import { sectionAndDescendantIds } from "../../sections/section.ts";
import { cachePublicPage, sendPage, type WebContext } from "../context.ts";
import { arrangeHome, BLOCK_SIZE, LATEST_SIZE } from "./home.ts";
import { type HomeData, HomePage } from "./home.view.tsx";

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
            // spares for the stories already shown above the blocks
            BLOCK_SIZE + LATEST_SIZE + 1,
          ),
        })),
      ),
    ]);
    const data: HomeData = { ...arrangeHome(recent, blocks), mostRead };
    // Every public story's write announces `home`; the ranking's order, `most-read`.
    cachePublicPage(reply, chrome, [stale.home, stale.mostRead]);
    return sendPage(reply, <HomePage chrome={chrome} assets={ctx.assets} data={data} />);
  });
}
