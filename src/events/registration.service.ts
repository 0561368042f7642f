import type { Kysely, Transaction } from "kysely";
import type { Database, EventRow, RegistrationRow, RegistrationStatus } from "../db/schema.ts";
import { addressKey } from "../lib/address-key.ts";
import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { checkRates, type RateLimiter } from "../lib/rate-limit.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { MailContext } from "../mail/mail.ts";
import { findEventByKey, lockEvent } from "./event.repo.ts";
import { type RegistrationMailer, registrationMailer } from "./registration.mail.ts";
import {
  codeTaken,
  countConfirmed,
  findRegistration,
  findRegistrationByEmail,
  findRegistrationByTokenHash,
  firstWaiting,
  insertRegistration,
  markCheckedIn,
  replaceRegistration,
  setRegistrationStatus,
} from "./registration.repo.ts";
import {
  hashCancelToken,
  initialStatus,
  newConfirmationCode,
  REGISTRATION_RATES,
  type RegistrationInput,
  registrationRefusal,
  validateRegistration,
} from "./registration.ts";

/**
 * Registrations change only the counts on the event's own page (seats left), so each use case that
 * changes them announces `stale.event(key)` after its transaction commits.
 */
export interface RegistrationDeps extends UseCaseDeps, MailContext {
  limiter: RateLimiter;
}

/** What the use cases that change registrations need: they mail the registrants (SITE_URL for links). */
export type RegistrationMailDeps = UseCaseDeps & MailContext;

/**
 * Promotes from the waiting list, in order, while seats are free, and queues each promoted
 * registrant's mail. Runs inside the caller's transaction.
 */
export async function fillSeats(
  trx: Transaction<Database>,
  event: EventRow,
  now: number,
  mailer: RegistrationMailer,
): Promise<number> {
  if (event.capacity === null) return 0;
  const free = event.capacity - (await countConfirmed(trx, event.id));
  if (free <= 0) return 0;
  const waiting = await firstWaiting(trx, event.id, free);
  for (const w of waiting) {
    await setRegistrationStatus(trx, w.id, "confirmed", now);
    const promoted = await findRegistration(trx, event.id, w.id);
    if (promoted) await mailer.queue(trx, now, event, promoted, "promoted");
  }
  return waiting.length;
}

export interface NewRegistration {
  event: EventRow;
  status: RegistrationStatus;
  confirmationCode: string;
  /** the only copy of the secret: it travels in the cancel link and is stored hashed */
  cancelToken: string;
}

/**
 * Takes a registration: a seat while the capacity allows, otherwise a place on the waiting list.
 * The event row is locked and confirmed seats counted inside one transaction, so concurrent
 * registrations never exceed the capacity.
 */
export async function registerForEvent(
  deps: RegistrationDeps,
  eventKey: string,
  input: RegistrationInput & { address: string },
): Promise<NewRegistration> {
  const now = deps.now();
  const event = await findEventByKey(deps.db, eventKey);
  if (!event) throw fail("event_not_found");
  const refusal = registrationRefusal(event, now);
  if (refusal) throw refusal;
  const valid = validateRegistration(input);

  const address = await addressKey(deps.db, input.address);
  const rate = await checkRates(
    deps.limiter,
    [
      { key: `register:addr:short:${address}`, ...REGISTRATION_RATES.perAddressShort },
      { key: `register:addr:day:${address}`, ...REGISTRATION_RATES.perAddressDay },
    ],
    now,
  );
  if (!rate.allowed) {
    throw fail(
      "rate_limited",
      { what: "신청이", retryAfterMs: rate.retryAfterMs },
      { retryAfterSeconds: Math.max(1, Math.ceil(rate.retryAfterMs / 1000)) },
    );
  }

  const mailer = await registrationMailer(deps.db, deps.siteUrl);
  let registered: NewRegistration;
  try {
    registered = await deps.db.transaction().execute(async (trx) => {
      const locked = await lockEvent(trx, deps.dialect, event.id);
      if (!locked) throw fail("event_not_found");
      const closed = registrationRefusal(locked, now);
      if (closed) throw closed;
      const existing = await findRegistrationByEmail(trx, locked.id, valid.email);
      if (existing && existing.status !== "cancelled") {
        // Already registered: the same answer as a new registration (what it would get, a code and
        // a link of the same form), so the form tells no one who registered, and nothing is taken
        // from the registrant. Nothing is stored; their own confirmation stays theirs alone.
        const status = initialStatus(locked.capacity, await countConfirmed(trx, locked.id));
        const decoyCode = newConfirmationCode();
        return {
          event: locked,
          status,
          confirmationCode: decoyCode,
          cancelToken: mailer.tokenFor(locked.id, valid.email, now, decoyCode),
          unchanged: true,
        };
      }
      let code = newConfirmationCode();
      while (await codeTaken(trx, locked.id, code)) code = newConfirmationCode();
      const status = initialStatus(locked.capacity, await countConfirmed(trx, locked.id));
      const cancelToken = mailer.tokenFor(locked.id, valid.email, now, code);
      const row = {
        event_id: locked.id,
        ...valid,
        consent_at: now,
        status,
        queued_at: now,
        confirmation_code: code,
        cancel_token_hash: hashCancelToken(cancelToken),
        created_at: now,
      };
      // Someone who cancelled may register again: their old row is replaced (new code, new link,
      // the end of the queue), so the e-mail stays unique per event.
      if (existing) await replaceRegistration(trx, existing.id, row);
      else await insertRegistration(trx, row);
      const saved = await findRegistrationByTokenHash(trx, locked.id, row.cancel_token_hash);
      if (saved) await mailer.queue(trx, now, locked, saved, status);
      return { event: locked, status, confirmationCode: code, cancelToken };
    });
  } catch (error) {
    // The unique index is the last word on duplicates (the check above answers the common case):
    // a registration racing another with the same e-mail gets the same answer as above.
    if (!deps.dialect.isUniqueViolation(error)) throw error;
    const code = newConfirmationCode();
    return {
      event,
      status: "confirmed",
      confirmationCode: code,
      cancelToken: mailer.tokenFor(event.id, valid.email, now, code),
    };
  }
  if ("unchanged" in registered) {
    const { unchanged: _, ...answer } = registered as NewRegistration & { unchanged: true };
    return answer;
  }
  await deps.bus.announce([stale.event(registered.event.key)]);
  return registered;
}

/** The registration a cancel link points at, or a 404. */
export async function registrationByToken(
  db: Kysely<Database>,
  eventKey: string,
  token: string,
): Promise<{ event: EventRow; registration: RegistrationRow }> {
  const event = await findEventByKey(db, eventKey);
  if (!event || !token) throw fail("registration_not_found");
  const registration = await findRegistrationByTokenHash(db, event.id, hashCancelToken(token));
  if (!registration) throw fail("registration_not_found");
  return { event, registration };
}

/**
 * Cancels through the secret link. When a confirmed attendee cancels, the first on the waiting
 * list moves up in the same transaction. Cancelling twice is harmless.
 */
export async function cancelRegistration(
  deps: RegistrationMailDeps,
  eventKey: string,
  token: string,
): Promise<{ event: EventRow; registration: RegistrationRow; promoted: number }> {
  const { event, registration } = await registrationByToken(deps.db, eventKey, token);
  if (registration.status === "cancelled") return { event, registration, promoted: 0 };
  const now = deps.now();
  const mailer = await registrationMailer(deps.db, deps.siteUrl);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const locked = await lockEvent(trx, deps.dialect, event.id);
    if (!locked) throw fail("event_not_found");
    const current = await findRegistration(trx, event.id, registration.id);
    if (!current || current.status === "cancelled") return { changed: false, promoted: 0 };
    await setRegistrationStatus(trx, current.id, "cancelled", now);
    await mailer.queue(trx, now, locked, current, "cancelled");
    const promoted = current.status === "confirmed" ? await fillSeats(trx, locked, now, mailer) : 0;
    return { changed: true, promoted };
  });
  if (outcome.changed) await deps.bus.announce([stale.event(event.key)]);
  return { event, registration: { ...registration, status: "cancelled" }, promoted: outcome.promoted };
}

/**
 * An editor moves a registrant between the confirmed list and the waiting list. Confirming past the
 * capacity is refused (409 `event_full`) unless the editor ticks 정원 초과 허용 (`overbook`): a
 * deliberate overbooking for a speaker's guest or a sponsor is the editor's call, never an accident.
 * Moving someone to the waiting list puts them at its end and does not promote anyone: the editor
 * freed the seat on purpose.
 */
export async function moveRegistration(
  deps: RegistrationMailDeps,
  eventId: number,
  registrationId: number,
  to: "confirmed" | "waitlisted" | "cancelled",
  overbook: boolean,
): Promise<void> {
  const now = deps.now();
  const mailer = await registrationMailer(deps.db, deps.siteUrl);
  const moved = await deps.db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, deps.dialect, eventId);
    if (!event) throw fail("event_not_found");
    const reg = await findRegistration(trx, eventId, registrationId);
    if (!reg) throw fail("registration_not_found");
    if (reg.status === to) return null;
    if (
      to === "confirmed" &&
      !overbook &&
      event.capacity !== null &&
      (await countConfirmed(trx, eventId)) >= event.capacity
    ) {
      throw fail("event_full");
    }
    await setRegistrationStatus(trx, reg.id, to, now, to === "waitlisted" ? now : undefined);
    // The registrant hears of the editor's move: off the waiting list is a promotion.
    const notice = to === "confirmed" ? (reg.status === "waitlisted" ? "promoted" : "confirmed") : to;
    await mailer.queue(trx, now, event, reg, notice);
    return event;
  });
  if (moved) await deps.bus.announce([stale.event(moved.key)]);
}

/** Marks a confirmed registrant as arrived (or not): nothing public shows it, so nothing is announced. */
export async function checkInRegistration(
  deps: Pick<UseCaseDeps, "db" | "now">,
  eventId: number,
  registrationId: number,
  checkedIn: boolean,
): Promise<RegistrationRow> {
  const reg = await findRegistration(deps.db, eventId, registrationId);
  if (!reg) throw fail("registration_not_found");
  if (checkedIn && reg.status !== "confirmed") throw fail("not_confirmed");
  await markCheckedIn(deps.db, reg.id, checkedIn, deps.now());
  return reg;
}
