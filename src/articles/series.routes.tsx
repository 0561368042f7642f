import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { cachePublicPage, sendPage, type WebContext } from "../web/context.ts";
import { findSeriesByKey, listPublicParts } from "./kinds.repo.ts";
import { SERIES_KEY } from "./labels.ts";
import { SeriesPageView } from "./series.view.tsx";

const Params = z.object({ key: z.string().regex(SERIES_KEY) });

/** `/series/{key}` (the contract's URL): a 연재 and its public parts. */
export function registerSeriesRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/series/:key", async (request, reply) => {
    const p = Params.safeParse(request.params);
    if (!p.success) throw fail("series_not_found");
    const chrome = await ctx.chrome();
    const series = await findSeriesByKey(ctx.db, p.data.key);
    if (!series) throw fail("series_not_found");
    const parts = await listPublicParts(ctx.db, series.id, chrome.now);
    // A part published, edited or pulled announces `series:KEY` (articles/stale.ts); a scheduled or
    // embargoed part appears by the scheduler's publish, which announces it too.
    cachePublicPage(reply, chrome, [stale.series(series.key), ...parts.map((a) => stale.article(a.num))]);
    return sendPage(
      reply,
      <SeriesPageView
        chrome={chrome}
        assets={ctx.assets}
        data={{ key: series.key, title: series.title, description: series.description, parts }}
      />,
    );
  });
}
