import type { Kysely, Transaction } from "kysely";
import { addressKey } from "../comments/comment.service.ts";
import { type Dialect, isUniqueViolation } from "../db/dialect.ts";
import type { Database, EventRow, RegistrationRow, RegistrationStatus } from "../db/schema.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { checkRates, type RateLimiter } from "../lib/rate-limit.ts";
import { randomToken } from "../lib/secrets.ts";
import { findEventByKey } from "./event.repo.ts";
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

export interface RegistrationDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  now: () => number;
  limiter: RateLimiter;
}

const alreadyRegistered = () =>
  new AppError("already_registered", 409, "이 이메일로 이미 신청했습니다. 받은 확인 번호를 확인해 주세요.");

const eventNotFound = () => new AppError("event_not_found", 404, "행사를 찾을 수 없습니다.");

/** Reads the event row locked for this transaction (see `forUpdate`): capacity rules start here. */
function lockEvent(deps: RegistrationDeps, trx: Transaction<Database>, eventId: number) {
  return deps.dialect
    .forUpdate(trx.selectFrom("events").selectAll().where("id", "=", eventId))
    .executeTakeFirst();
}

/** Promotes from the waiting list, in order, while seats are free. Runs inside the caller's transaction. */
export async function fillSeats(trx: Transaction<Database>, event: EventRow, now: number): Promise<number> {
  if (event.capacity === null) return 0;
  const free = event.capacity - (await countConfirmed(trx, event.id));
  if (free <= 0) return 0;
  const waiting = await firstWaiting(trx, event.id, free);
  for (const w of waiting) await setRegistrationStatus(trx, w.id, "confirmed", now);
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
  if (!event) throw eventNotFound();
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
    const seconds = Math.max(1, Math.ceil(rate.retryAfterMs / 1000));
    throw new AppError("rate_limited", 429, `신청이 너무 잦습니다. ${seconds}초 뒤에 다시 시도해 주세요.`, {
      retryAfterSeconds: seconds,
    });
  }

  const cancelToken = randomToken(24);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const locked = await lockEvent(deps, trx, event.id);
      if (!locked) throw eventNotFound();
      const closed = registrationRefusal(locked, now);
      if (closed) throw closed;
      const existing = await findRegistrationByEmail(trx, locked.id, valid.email);
      if (existing && existing.status !== "cancelled") throw alreadyRegistered();
      let code = newConfirmationCode();
      while (await codeTaken(trx, locked.id, code)) code = newConfirmationCode();
      const status = initialStatus(locked.capacity, await countConfirmed(trx, locked.id));
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
      return { event: locked, status, confirmationCode: code, cancelToken };
    });
  } catch (error) {
    // The unique index is the last word on duplicates (the check above answers the common case).
    if (isUniqueViolation(error)) throw alreadyRegistered();
    throw error;
  }
}

/** The registration a cancel link points at, or a 404. */
export async function registrationByToken(
  db: Kysely<Database>,
  eventKey: string,
  token: string,
): Promise<{ event: EventRow; registration: RegistrationRow }> {
  const event = await findEventByKey(db, eventKey);
  if (!event || !token) throw notFound("신청");
  const registration = await findRegistrationByTokenHash(db, event.id, hashCancelToken(token));
  if (!registration) throw notFound("신청");
  return { event, registration };
}

/**
 * Cancels through the secret link. When a confirmed attendee cancels, the first on the waiting
 * list moves up in the same transaction. Cancelling twice is harmless.
 */
export async function cancelRegistration(
  deps: RegistrationDeps,
  eventKey: string,
  token: string,
): Promise<{ event: EventRow; registration: RegistrationRow; promoted: number }> {
  const { event, registration } = await registrationByToken(deps.db, eventKey, token);
  if (registration.status === "cancelled") return { event, registration, promoted: 0 };
  const now = deps.now();
  const promoted = await deps.db.transaction().execute(async (trx) => {
    const locked = await lockEvent(deps, trx, event.id);
    if (!locked) throw eventNotFound();
    const current = await findRegistration(trx, event.id, registration.id);
    if (!current || current.status === "cancelled") return 0;
    await setRegistrationStatus(trx, current.id, "cancelled", now);
    return current.status === "confirmed" ? fillSeats(trx, locked, now) : 0;
  });
  return { event, registration: { ...registration, status: "cancelled" }, promoted };
}

/**
 * An editor moves a registrant between the confirmed list and the waiting list. Confirming past the
 * capacity is refused (409 `event_full`) unless the editor ticks 정원 초과 허용 (`overbook`): a
 * deliberate overbooking for a speaker's guest or a sponsor is the editor's call, never an accident.
 * Moving someone to the waiting list puts them at its end and does not promote anyone: the editor
 * freed the seat on purpose.
 */
export async function moveRegistration(
  deps: Pick<RegistrationDeps, "db" | "dialect" | "now">,
  eventId: number,
  registrationId: number,
  to: "confirmed" | "waitlisted" | "cancelled",
  overbook: boolean,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const event = await deps.dialect
      .forUpdate(trx.selectFrom("events").selectAll().where("id", "=", eventId))
      .executeTakeFirst();
    if (!event) throw eventNotFound();
    const reg = await findRegistration(trx, eventId, registrationId);
    if (!reg) throw notFound("신청");
    if (reg.status === to) return;
    if (
      to === "confirmed" &&
      !overbook &&
      event.capacity !== null &&
      (await countConfirmed(trx, eventId)) >= event.capacity
    ) {
      throw new AppError(
        "event_full",
        409,
        "정원이 찼습니다. 정원을 넘겨 확정하려면 ‘정원 초과 허용’을 선택하세요.",
      );
    }
    await setRegistrationStatus(trx, reg.id, to, now, to === "waitlisted" ? now : undefined);
  });
}

export async function checkInRegistration(
  deps: Pick<RegistrationDeps, "db" | "now">,
  eventId: number,
  registrationId: number,
  checkedIn: boolean,
): Promise<RegistrationRow> {
  const reg = await findRegistration(deps.db, eventId, registrationId);
  if (!reg) throw notFound("신청");
  if (checkedIn && reg.status !== "confirmed")
    throw new AppError("not_confirmed", 409, "참가가 확정된 사람만 입장 확인할 수 있습니다.");
  await markCheckedIn(deps.db, reg.id, checkedIn, deps.now());
  return reg;
}
