import type { FastifyInstance } from "fastify";
import { renderToString } from "preact-render-to-string";
import { stale } from "../lib/invalidation-bus.ts";
import { cachePublicPage, sendPage, type WebContext } from "../web/context.ts";
import { MostReadList } from "../web/public/components.tsx";
import { MostReadPage } from "./most-read.view.tsx";

/**
 * 인기기사 on its own: `/most-read`, the page (24 hours and 7 days), and `/fragments/most-read`, the
 * box article pages fill their sidebar with. Both are kept in the page cache and go stale only when
 * the ranking's order changes (`most-read`) or a shown story does (see MostReadSource.touches).
 */
export function registerMostReadRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/most-read", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const [day, week] = await Promise.all([
      ctx.mostRead.list(chrome.now),
      ctx.mostRead.list(chrome.now, undefined, "week"),
    ]);
    cachePublicPage(reply, chrome, [stale.mostRead]);
    return sendPage(reply, <MostReadPage chrome={chrome} assets={ctx.assets} day={day} week={week} />);
  });

  app.get("/fragments/most-read", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const day = await ctx.mostRead.list(chrome.now);
    cachePublicPage(reply, chrome, [stale.mostRead]);
    return reply
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "public, max-age=60")
      .header("x-robots-tag", "noindex")
      .send(renderToString(<MostReadList articles={day} />));
  });
}
