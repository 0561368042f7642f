import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { EventRow } from "../db/schema.ts";
import { attachmentHeader, toCsv } from "../lib/csv.ts";
import { AppError, fail } from "../lib/errors.ts";
import { parseKstLocal, toKstLocal } from "../lib/kst-input.ts";
import { formatKstLong } from "../lib/kst-time.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { MailContext } from "../mail/mail.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import {
  CheckInPage,
  type EventDraft,
  EventFormPage,
  EventsNewsroomPage,
  RegistrationsPage,
} from "./event.newsroom.view.tsx";
import { findEventById, listEventsLatestFirst, listSpeakers } from "./event.repo.ts";
import { type EventInput, saveEvent } from "./event.service.ts";
import { countsByEvent, listRegistrations } from "./registration.repo.ts";
import { checkInRegistration, moveRegistration } from "./registration.service.ts";
import { normaliseCode, STATUS_LABELS } from "./registration.ts";

const Id = z.coerce.number().int().min(1).max(2_147_483_647);
const EventParams = z.object({ id: Id });
const RegParams = z.object({ id: Id, rid: Id });
const MoveForm = z.object({
  to: z.enum(["confirmed", "waitlisted", "cancelled"], { error: "옮길 곳을 다시 골라 주세요." }),
  overbook: z.literal("1").optional(),
});
const KstTime = (message: string) =>
  z.string({ error: message }).transform((v, c) => {
    const ms = parseKstLocal(v);
    if (ms === null) {
      c.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return ms;
  });
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || null);

const EventForm = z.object({
  title: z
    .string({ error: "제목을 적어 주세요." })
    .trim()
    .min(1, "제목을 적어 주세요.")
    .max(300, "제목은 300자까지 쓸 수 있습니다."),
  startsAt: KstTime("시작 시각을 골라 주세요."),
  endsAt: z
    .union([z.literal(""), KstTime("끝나는 시각을 다시 골라 주세요.")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  venue: optionalText(300, "장소는 300자까지 쓸 수 있습니다."),
  description: optionalText(200_000, "소개가 너무 깁니다."),
  capacity: z
    .string()
    .trim()
    .regex(/^(\d{1,7})?$/, "정원은 0 이상의 정수로 적어 주세요.")
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  registrationOpen: z.literal("1").optional(),
  promoted: z.literal("1").optional(),
  speakers: z
    .string()
    .max(2000, "연사가 너무 많습니다.")
    .optional()
    .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean)),
});
const NewEventForm = EventForm.extend({
  key: z
    .string({ error: "주소를 적어 주세요." })
    .trim()
    .regex(/^[a-z0-9-]{1,100}$/, "주소는 영문 소문자, 숫자, -로 100자까지 쓸 수 있습니다."),
});

function toInput(f: z.infer<typeof EventForm>): EventInput {
  return {
    title: f.title,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    venue: f.venue,
    descriptionHtml: f.description,
    capacity: f.capacity,
    registrationOpen: f.registrationOpen === "1",
    promoted: f.promoted === "1",
    speakers: f.speakers,
  };
}

const Query = z.object({ q: z.string().max(100).optional().default("") });

/** Registrations, check-in and CSV export of events. Needs `events.manage` (editors and admins). */
export function registerEventNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: UseCaseDeps & MailContext = {
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    bus: ctx.bus,
    siteUrl: ctx.config.siteUrl,
  };

  async function eventOf(params: unknown): Promise<EventRow> {
    const p = EventParams.safeParse(params);
    if (!p.success) throw fail("event_not_found");
    const event = await findEventById(ctx.db, p.data.id);
    if (!event) throw fail("event_not_found");
    return event;
  }

  app.get("/newsroom/events", async (request, reply) => {
    requirePermission(request, "events.manage");
    const [events, counts] = await Promise.all([listEventsLatestFirst(ctx.db), countsByEvent(ctx.db)]);
    return sendPage(
      reply,
      <EventsNewsroomPage {...(await pageBase(ctx, request))} events={events} counts={counts} />,
      200,
      "no-store",
    );
  });

  async function draftOf(event: EventRow): Promise<EventDraft> {
    const speakers = await listSpeakers(ctx.db, event.id);
    return {
      title: event.title,
      startsAt: toKstLocal(event.starts_at),
      endsAt: event.ends_at === null ? "" : toKstLocal(event.ends_at),
      venue: event.venue ?? "",
      description: event.description_html ?? "",
      capacity: event.capacity === null ? "" : String(event.capacity),
      registrationOpen: event.registration_open ? "1" : "",
      promoted: event.promoted ? "1" : "",
      speakers: speakers.map((s) => s.key).join(", "),
    };
  }

  app.get("/newsroom/events/new", async (request, reply) => {
    requirePermission(request, "events.manage");
    return sendPage(
      reply,
      <EventFormPage {...(await pageBase(ctx, request))} event={null} draft={{ registrationOpen: "1" }} />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/events/:id/edit", async (request, reply) => {
    requirePermission(request, "events.manage");
    const event = await eventOf(request.params);
    return sendPage(
      reply,
      <EventFormPage {...(await pageBase(ctx, request))} event={event} draft={await draftOf(event)} />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/events", async (request, reply) => {
    requirePermission(request, "events.manage");
    try {
      const form = parseForm(NewEventForm, request.body);
      await saveEvent(deps, { key: form.key }, toInput(form));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return sendPage(
        reply,
        <EventFormPage
          {...(await pageBase(ctx, request))}
          event={null}
          draft={sentText(request.body)}
          error={error}
        />,
        error.status,
        "no-store",
      );
    }
    return reply.redirect("/newsroom/events?notice=events_saved", 303);
  });

  app.post("/newsroom/events/:id", async (request, reply) => {
    requirePermission(request, "events.manage");
    const event = await eventOf(request.params);
    try {
      const form = parseForm(EventForm, request.body);
      await saveEvent(deps, { id: event.id }, toInput(form));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return sendPage(
        reply,
        <EventFormPage
          {...(await pageBase(ctx, request))}
          event={event}
          draft={sentText(request.body)}
          error={error}
        />,
        error.status,
        "no-store",
      );
    }
    return reply.redirect("/newsroom/events?notice=events_saved", 303);
  });

  app.get("/newsroom/events/:id/registrations", async (request, reply) => {
    requirePermission(request, "events.manage");
    const event = await eventOf(request.params);
    const registrations = await listRegistrations(ctx.db, event.id);
    return sendPage(
      reply,
      <RegistrationsPage {...(await pageBase(ctx, request))} event={event} registrations={registrations} />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/events/:id/registrations/:rid/move", async (request, reply) => {
    requirePermission(request, "events.manage");
    const p = RegParams.safeParse(request.params);
    if (!p.success) throw fail("registration_not_found");
    const event = await eventOf(request.params);
    try {
      const form = parseForm(MoveForm, request.body);
      await moveRegistration(deps, event.id, p.data.rid, form.to, form.overbook === "1");
    } catch (error) {
      if (!isFormError(error)) throw error;
      const registrations = await listRegistrations(ctx.db, event.id);
      return sendPage(
        reply,
        <RegistrationsPage
          {...(await pageBase(ctx, request))}
          event={event}
          registrations={registrations}
          error={error}
        />,
        error.status,
        "no-store",
      );
    }
    return reply.redirect(`/newsroom/events/${event.id}/registrations?notice=registration_moved`, 303);
  });

  // UTF-8 with a byte-order mark (Excel shows Hangul), formula-looking cells neutralised (lib/csv.ts).
  app.get("/newsroom/events/:id/registrations.csv", async (request, reply) => {
    requirePermission(request, "events.manage");
    const event = await eventOf(request.params);
    const rows = await listRegistrations(ctx.db, event.id);
    const csv = toCsv([
      ["확인 번호", "이름", "이메일", "소속", "연락처", "상태", "신청 시각", "동의 시각", "입장 시각"],
      ...rows.map((r) => [
        r.confirmation_code,
        r.name,
        r.email,
        r.organization,
        r.phone,
        STATUS_LABELS[r.status],
        formatKstLong(r.created_at),
        formatKstLong(r.consent_at),
        r.checked_in_at ? formatKstLong(r.checked_in_at) : "",
      ]),
    ]);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("cache-control", "no-store")
      .header(
        "content-disposition",
        attachmentHeader(`${event.title} 신청자.csv`, `event-${event.id}-registrations.csv`),
      )
      .send(csv);
  });

  app.get("/newsroom/events/:id/checkin", async (request, reply) => {
    requirePermission(request, "events.manage");
    const event = await eventOf(request.params);
    const q = Query.safeParse(request.query);
    const term = q.success ? q.data.q.trim() : "";
    const results = term
      ? await listRegistrations(ctx.db, event.id, normaliseCode(term) ?? term).then((r) => r.slice(0, 50))
      : [];
    return sendPage(
      reply,
      <CheckInPage {...(await pageBase(ctx, request))} event={event} q={term} results={results} />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/events/:id/checkin/:rid", async (request, reply) => {
    requirePermission(request, "events.manage");
    const p = RegParams.safeParse(request.params);
    if (!p.success) throw fail("registration_not_found");
    const event = await eventOf(request.params);
    const q = Query.safeParse(request.body);
    const term = q.success ? q.data.q : "";
    try {
      await checkInRegistration(deps, event.id, p.data.rid, true);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
      const results = await listRegistrations(ctx.db, event.id, term || undefined);
      return sendPage(
        reply,
        <CheckInPage
          {...(await pageBase(ctx, request))}
          event={event}
          q={term}
          results={results.slice(0, 50)}
          error={error}
        />,
        409,
        "no-store",
      );
    }
    return reply.redirect(
      `/newsroom/events/${event.id}/checkin?notice=checked_in&q=${encodeURIComponent(term)}`,
      303,
    );
  });
}
