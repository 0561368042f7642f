import type { FastifyInstance } from "fastify";
import { listPublished } from "../../articles/article.repo.ts";
import { listMostRead } from "../../ranking/most-read.ts";
import { sectionAndDescendantIds } from "../../sections/section.ts";
import { sendPage, type WebContext } from "../context.ts";
import { arrangeHome, BLOCK_SIZE, LATEST_SIZE } from "./home.ts";
import { type HomeData, HomePage } from "./home.view.tsx";

export function registerHomeRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const now = chrome.now;
    const [recent, mostRead, blocks] = await Promise.all([
      listPublished(ctx.db, { now }, LATEST_SIZE + 10),
      listMostRead(ctx.db, now),
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
    return sendPage(reply, <HomePage chrome={chrome} assets={ctx.assets} data={data} />);
  });
}
