import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError, fail } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { checkOrigin } from "../web/origin.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import { EventKeyParams, renderEventPage } from "./event.page.tsx";
import { findEventByKey } from "./event.repo.ts";
import { toEventView } from "./event.ts";
import {
  cancelRegistration,
  type RegistrationDeps,
  registerForEvent,
  registrationByToken,
} from "./registration.service.ts";
import { registrationSummary } from "./registration.ts";
import { CancelPage, RegisteredPage } from "./registration.view.tsx";

const Body = z.object({
  name: z.string().max(1000).default(""),
  email: z.string().max(1000).default(""),
  organization: z
    .string()
    .max(1000)
    .nullish()
    .transform((v) => v ?? ""),
  phone: z
    .string()
    .max(1000)
    .nullish()
    .transform((v) => v ?? ""),
  // JSON sends true; the form's checkbox sends "1" (or "on"), and nothing when unticked
  consent: z.union([z.boolean(), z.string().max(10)]).optional(),
});

const Token = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

const consented = (v: boolean | string | undefined) => v === true || v === "1" || v === "on" || v === "true";

function parseBody(input: unknown) {
  const r = Body.safeParse(input ?? {});
  if (!r.success) throw fail("invalid_request");
  return { ...r.data, consent: consented(r.data.consent) };
}

function eventKey(params: unknown): string {
  const p = EventKeyParams.safeParse(params);
  if (!p.success) throw fail("event_not_found");
  return p.data.key;
}

/** Codes a form post shows on the event page, in place (anything else is an error page). */
const FORM_ERRORS = new Set([
  "name_required",
  "name_too_long",
  "email_required",
  "email_invalid",
  "organization_too_long",
  "phone_invalid",
  "consent_required",
  "already_registered",
  "registration_closed",
  "event_ended",
  "rate_limited",
]);

export function registerRegistrationRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: RegistrationDeps = {
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    bus: ctx.bus,
    limiter: ctx.limiter,
    siteUrl: ctx.config.siteUrl,
  };

  app.post("/api/v1/events/:key/registrations", async (request, reply) => {
    checkOrigin(ctx, request);
    const key = eventKey(request.params);
    const body = parseBody(request.body);
    try {
      const r = await registerForEvent(deps, key, { ...body, address: request.ip });
      return reply
        .status(201)
        .header("cache-control", "no-store")
        .send({
          status: r.status,
          confirmationCode: r.confirmationCode,
          cancelUrl: absoluteUrl(ctx.config.siteUrl, paths.eventCancel(key, r.cancelToken)),
        });
    } catch (error) {
      if (error instanceof AppError && error.code === "rate_limited")
        reply.header("retry-after", String(error.details?.retryAfterSeconds ?? 60));
      throw error;
    }
  });

  // The same for the page's form (no JavaScript needed): 303 to the confirmation, or the page again.
  app.post("/events/:key/registrations", async (request, reply) => {
    checkOrigin(ctx, request);
    const key = eventKey(request.params);
    const body = parseBody(request.body);
    try {
      const r = await registerForEvent(deps, key, { ...body, address: request.ip });
      return reply.redirect(`${paths.event(key)}/registered?token=${encodeURIComponent(r.cancelToken)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error;
      const event = await findEventByKey(ctx.db, key);
      if (!event) throw fail("event_not_found");
      const { consent: _consent, ...draft } = body;
      return renderEventPage(ctx, reply, event, { error, draft }, error.status);
    }
  });

  // The confirmation page: found by the registrant's secret token, so only they see their number.
  app.get("/events/:key/registered", async (request, reply) => {
    const key = eventKey(request.params);
    const q = Token.safeParse(request.query);
    if (!q.success) throw fail("registration_not_found");
    const { event, registration } = await registrationByToken(ctx.db, key, q.data.token);
    return sendPage(
      reply,
      <RegisteredPage
        chrome={await ctx.chrome()}
        assets={ctx.assets}
        event={toEventView(event)}
        registration={registrationSummary(registration)}
        cancelUrl={paths.eventCancel(key, q.data.token)}
      />,
      200,
      "no-store",
    );
  });

  app.get("/events/:key/cancel", async (request, reply) => {
    const key = eventKey(request.params);
    const q = Token.safeParse(request.query);
    if (!q.success) throw fail("registration_not_found");
    const { event, registration } = await registrationByToken(ctx.db, key, q.data.token);
    return sendPage(
      reply,
      <CancelPage
        chrome={await ctx.chrome()}
        assets={ctx.assets}
        event={toEventView(event)}
        registration={registrationSummary(registration)}
        token={q.data.token}
        done={false}
      />,
      200,
      "no-store",
    );
  });

  app.post("/events/:key/cancel", async (request, reply) => {
    checkOrigin(ctx, request);
    const key = eventKey(request.params);
    const b = Token.safeParse(request.body ?? {});
    if (!b.success) throw fail("registration_not_found");
    const { event, registration } = await cancelRegistration(deps, key, b.data.token);
    return sendPage(
      reply,
      <CancelPage
        chrome={await ctx.chrome()}
        assets={ctx.assets}
        event={toEventView(event)}
        registration={registrationSummary(registration)}
        token={b.data.token}
        done
      />,
      200,
      "no-store",
    );
  });
}
