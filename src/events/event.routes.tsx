import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { findEventByKey, listEvents, listSpeakers } from "./event.repo.ts";
import { EventListPage, EventPage } from "./event.view.tsx";

const Params = z.object({ key: z.string().regex(/^[a-z0-9-]{1,100}$/) });

export function registerEventRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/events", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const { upcoming, past } = await listEvents(ctx.db, chrome.now);
    return sendPage(
      reply,
      <EventListPage chrome={chrome} assets={ctx.assets} upcoming={upcoming} past={past} />,
    );
  });

  app.get("/events/:key", async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw notFound("행사");
    const [chrome, event] = await Promise.all([ctx.chrome(), findEventByKey(ctx.db, params.data.key)]);
    if (!event) throw notFound("행사");
    const speakers = await listSpeakers(ctx.db, event.id);
    return sendPage(
      reply,
      <EventPage chrome={chrome} assets={ctx.assets} event={event} speakers={speakers} />,
    );
  });
}
