import type { FastifyInstance } from "fastify";
import { filledPageNow } from "../../frontpage/frontpage.service.ts";
import { HOME } from "../../frontpage/frontpage.ts";
import { stale } from "../../lib/invalidation-bus.ts";
import { cachePublicPage, sendPage, type WebContext } from "../context.ts";
import { frontSlotsOf } from "./home.ts";
import { type HomeData, HomePage } from "./home.view.tsx";

export function registerHomeRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const now = chrome.now;
    const [slots, mostRead] = await Promise.all([
      filledPageNow(ctx, chrome.sections, HOME, now),
      ctx.mostRead.list(now),
    ]);
    const data: HomeData = {
      ...frontSlotsOf(slots ?? [], (id) => chrome.sections.byId.get(id)),
      mostRead,
    };
    // Every public story's write announces `home`, and so does every change of the 편집판 (applied,
    // scheduled, a pin that ended: frontpage/frontpage.service.ts); the ranking's order, `most-read`.
    cachePublicPage(reply, chrome, [stale.home, stale.mostRead]);
    return sendPage(reply, <HomePage chrome={chrome} assets={ctx.assets} data={data} />);
  });
}
