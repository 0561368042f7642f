import type { EventRow } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { type StaleTag, stale } from "../lib/invalidation-bus.ts";
import { sanitizeBodyHtml } from "../lib/sanitize-html.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { MailContext } from "../mail/mail.ts";
import {
  type EventValues,
  findEventById,
  insertEvent,
  listSpeakers,
  lockEvent,
  personIdsByKey,
  replaceSpeakers,
  updateEvent,
} from "./event.repo.ts";
import { registrationMailer } from "./registration.mail.ts";
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

interface SavedEvent {
  before: EventRow | null;
  after: EventRow;
  /** the speakers' people keys, before and after the save (person pages list their events) */
  speakerKeys: readonly string[];
}

/**
 * What an event's save made stale: its page and its speakers' pages always; the banner (in every
 * page's frame) when the event is or was promoted; otherwise the lists that name it (home, the
 * sitemap).
 */
function staleTagsOfEventSave({ before, after, speakerKeys }: SavedEvent): StaleTag[] {
  const banner = before?.promoted === 1 || after.promoted === 1;
  return [
    stale.event(after.key),
    stale.events,
    ...speakerKeys.map(stale.person),
    ...(banner ? [stale.everything] : [stale.home, stale.sitemap]),
  ];
}

/**
 * Creates (id null, with a key) or edits an event from the newsroom. The description is sanitised
 * like an article body. Raising the capacity promotes from the waiting list at once, in order, in
 * the same transaction that locks the event (as registrations do). After commit, announces what the
 * change made stale.
 */
export async function saveEvent(
  deps: UseCaseDeps & MailContext,
  target: { id: number } | { key: string },
  input: EventInput,
): Promise<number> {
  if (input.endsAt !== null && input.endsAt < input.startsAt) throw fail("event_ends_before_start");
  const speakers = [...new Set(input.speakers)];
  const now = deps.now();
  const values: EventValues = {
    title: input.title,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    venue: input.venue,
    description_html: input.descriptionHtml ? sanitizeBodyHtml(input.descriptionHtml) : null,
    capacity: input.capacity,
    registration_open: input.registrationOpen ? 1 : 0,
    promoted: input.promoted ? 1 : 0,
  };
  const mailer = await registrationMailer(deps.db, deps.siteUrl);
  let saved: SavedEvent;
  try {
    saved = await deps.db.transaction().execute(async (trx) => {
      const ids = await personIdsByKey(trx, speakers);
      const unknown = speakers.filter((k) => !ids.has(k));
      if (unknown.length) throw fail("unknown_speaker", unknown.join(", "));
      let id: number;
      let before: EventRow | null = null;
      let formerSpeakers: string[] = [];
      if ("id" in target) {
        before = (await lockEvent(trx, deps.dialect, target.id)) ?? null;
        if (!before) throw fail("event_not_found");
        id = before.id;
        formerSpeakers = (await listSpeakers(trx, id)).map((s) => s.key);
        await updateEvent(trx, id, values);
      } else {
        id = await insertEvent(trx, { key: target.key, ...values, created_at: now });
      }
      await replaceSpeakers(
        trx,
        id,
        speakers.map((k) => ids.get(k)!),
      );
      const after = await findEventById(trx, id);
      if (!after) throw fail("event_not_found");
      await fillSeats(trx, after, now, mailer);
      return { before, after, speakerKeys: [...new Set([...formerSpeakers, ...speakers])] };
    });
  } catch (error) {
    if (deps.dialect.isUniqueViolation(error)) throw fail("event_key_taken");
    throw error;
  }
  await deps.bus.announce(staleTagsOfEventSave(saved));
  return saved.after.id;
}
