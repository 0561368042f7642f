import type { FastifyInstance } from "fastify";
import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { cachePublicPage, sendPage, type WebContext } from "../web/context.ts";
import { EventKeyParams, renderEventPage } from "./event.page.tsx";
import { findEventByKey, listEvents } from "./event.repo.ts";
import { toEventView } from "./event.ts";
import { EventListPage } from "./event.view.tsx";
import { registerRegistrationRoutes } from "./registration.routes.tsx";

export function registerEventRoutes(app: FastifyInstance, ctx: WebContext): void {
  registerRegistrationRoutes(app, ctx);
  app.get("/events", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const { upcoming, past } = await listEvents(ctx.db, chrome.now);
    // Events move from upcoming to past with the clock: redrawn within a minute regardless.
    cachePublicPage(reply, chrome, [stale.events], 60_000);
    return sendPage(
      reply,
      <EventListPage
        chrome={chrome}
        assets={ctx.assets}
        upcoming={upcoming.map(toEventView)}
        past={past.map(toEventView)}
      />,
    );
  });

  app.get("/events/:key", async (request, reply) => {
    const params = EventKeyParams.safeParse(request.params);
    if (!params.success) throw fail("event_not_found");
    const event = await findEventByKey(ctx.db, params.data.key);
    if (!event) throw fail("event_not_found");
    return renderEventPage(ctx, reply, event);
  });
}
