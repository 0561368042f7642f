import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { EventRow } from "../db/schema.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { cachePublicPage, sendPage, type WebContext } from "../web/context.ts";
import { listSpeakers } from "./event.repo.ts";
import { toEventView } from "./event.ts";
import { EventPage } from "./event.view.tsx";
import { countConfirmed } from "./registration.repo.ts";
import { registrationRefusal, seatsLeft } from "./registration.ts";
import type { RegistrationBoxProps } from "./registration.view.tsx";

/**
 * The event page, shared by the event routes (showing it) and the registration routes (showing it
 * again after a refused form post): kept apart from both so neither route file imports the other.
 */
export const EventKeyParams = z.object({ key: z.string().regex(/^[a-z0-9-]{1,100}$/) });

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
  // Seats change with every registration (announced as the event's tag); whether registration is
  // open changes with the clock, so the kept page is redrawn within a minute regardless.
  cachePublicPage(reply, chrome, [stale.event(event.key)], 60_000);
  return sendPage(
    reply,
    <EventPage
      chrome={chrome}
      assets={ctx.assets}
      event={toEventView(event)}
      speakers={speakers}
      registration={registration}
    />,
    status,
    "no-cache",
  );
}
