import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { EventRow } from "../db/schema.ts";
import { notFound } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { findEventByKey, listEvents, listSpeakers } from "./event.repo.ts";
import { EventListPage, EventPage } from "./event.view.tsx";
import { countConfirmed } from "./registration.repo.ts";
import { registerRegistrationRoutes } from "./registration.routes.tsx";
import { registrationRefusal, seatsLeft } from "./registration.ts";
import type { RegistrationBoxProps } from "./registration.view.tsx";

export const Params = z.object({ key: z.string().regex(/^[a-z0-9-]{1,100}$/) });

/**
 * The event page with its registration box; a refused form post renders it again with the message
 * and what was typed (never a redirect carrying personal data in the URL). Seats change with every
 * registration, so the page is not kept in shared caches.
 */
export async function renderEventPage(
  ctx: WebContext,
  reply: FastifyReply,
  event: EventRow,
  extra: Pick<RegistrationBoxProps, "error" | "draft"> = {},
  status = 200,
) {
  const [chrome, speakers, confirmed] = await Promise.all([
    ctx.chrome(),
    listSpeakers(ctx.db, event.id),
    countConfirmed(ctx.db, event.id),
  ]);
  const registration: RegistrationBoxProps = {
    closedMessage: registrationRefusal(event, chrome.now)?.message ?? null,
    seatsLeft: seatsLeft(event.capacity, confirmed),
    ...extra,
  };
  return sendPage(
    reply,
    <EventPage
      chrome={chrome}
      assets={ctx.assets}
      event={event}
      speakers={speakers}
      registration={registration}
    />,
    status,
    "no-cache",
  );
}

export function registerEventRoutes(app: FastifyInstance, ctx: WebContext): void {
  registerRegistrationRoutes(app, ctx);
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
    const event = await findEventByKey(ctx.db, params.data.key);
    if (!event) throw notFound("행사");
    return renderEventPage(ctx, reply, event);
  });
}
