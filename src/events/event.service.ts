import type { Kysely } from "kysely";
import { type Dialect, isUniqueViolation } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import { AppError, badRequest, notFound } from "../lib/errors.ts";
import { sanitizeBodyHtml } from "../lib/sanitize-html.ts";
import { fillSeats } from "./registration.service.ts";

export interface EventInput {
  title: string;
  startsAt: number;
  endsAt: number | null;
  venue: string | null;
  descriptionHtml: string | null;
  capacity: number | null;
  registrationOpen: boolean;
  promoted: boolean;
  /** people keys, in the order shown */
  speakers: string[];
}

/**
 * Creates (id null, with a key) or edits an event from the newsroom. The description is sanitised
 * like an article body. Raising the capacity promotes from the waiting list at once, in order, in
 * the same transaction that locks the event (as registrations do).
 */
export async function saveEvent(
  deps: { db: Kysely<Database>; dialect: Dialect; now: () => number },
  target: { id: number } | { key: string },
  input: EventInput,
): Promise<number> {
  if (input.endsAt !== null && input.endsAt < input.startsAt)
    throw badRequest("event_ends_before_start", "끝나는 시각이 시작 시각보다 앞설 수 없습니다.");
  const speakers = [...new Set(input.speakers)];
  const now = deps.now();
  const values = {
    title: input.title,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    venue: input.venue,
    description_html: input.descriptionHtml ? sanitizeBodyHtml(input.descriptionHtml) : null,
    capacity: input.capacity,
    registration_open: input.registrationOpen ? 1 : 0,
    promoted: input.promoted ? 1 : 0,
  };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const people = speakers.length
        ? await trx.selectFrom("people").select(["id", "key"]).where("key", "in", speakers).execute()
        : [];
      const ids = new Map(people.map((p) => [p.key, p.id]));
      const unknown = speakers.filter((k) => !ids.has(k));
      if (unknown.length) throw badRequest("unknown_speaker", `없는 인물 키입니다: ${unknown.join(", ")}`);
      let id: number;
      if ("id" in target) {
        const existing = await deps.dialect
          .forUpdate(trx.selectFrom("events").select("id").where("id", "=", target.id))
          .executeTakeFirst();
        if (!existing) throw notFound("행사");
        id = existing.id;
        await trx.updateTable("events").set(values).where("id", "=", id).execute();
      } else {
        ({ id } = await trx
          .insertInto("events")
          .values({ key: target.key, ...values, created_at: now })
          .returning("id")
          .executeTakeFirstOrThrow());
      }
      await trx.deleteFrom("event_speakers").where("event_id", "=", id).execute();
      if (speakers.length)
        await trx
          .insertInto("event_speakers")
          .values(speakers.map((k, position) => ({ event_id: id, person_id: ids.get(k)!, position })))
          .execute();
      const saved = await trx.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      await fillSeats(trx, saved, now);
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("event_key_taken", 409, "이미 쓰고 있는 주소입니다.");
    throw error;
  }
}
