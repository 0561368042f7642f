import { createHash, createHmac, randomInt } from "node:crypto";
import type { EventRow, RegistrationRow, RegistrationStatus } from "../db/schema.ts";
import { type AppError, fail } from "../lib/errors.ts";

/** Limits on what a registrant types (also the form's maxlength). */
export const REGISTRATION_LIMITS = { name: 100, email: 254, organization: 200, phone: 40 } as const;

/** A registrant's address may try this often: enough for a family or an office, not for a script. */
export const REGISTRATION_RATES = {
  perAddressShort: { limit: 10, windowMs: 10 * 60_000 },
  perAddressDay: { limit: 50, windowMs: 24 * 3600_000 },
} as const;

/**
 * What the form tells a registrant before they agree (개인정보 보호법 제15조: what is collected, why,
 * for how long, and that they may refuse). Kept here so the page and the docs say the same thing.
 */
export const CONSENT_NOTICE = {
  items: "이름, 이메일, 소속, 연락처(선택)",
  purpose: "행사 참가 신청 확인, 입장 확인, 행사 관련 안내",
  retention: "행사 종료 후 3개월이 지나면 파기합니다",
  refusal: "동의하지 않으실 수 있으나, 동의하지 않으면 참가 신청을 할 수 없습니다.",
} as const;

export interface RegistrationInput {
  name: string;
  email: string;
  organization: string;
  phone: string;
  consent: boolean;
}

export interface ValidRegistration {
  name: string;
  email: string;
  organization: string | null;
  phone: string | null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;
const clean = (s: string) => s.replace(CONTROL, "").trim();
/** Deliberately plain: one @, a dot in the domain, no spaces. Delivery is the real check. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+\-() ]{7,40}$/;

/** Validates in the order the form asks: name, e-mail, organisation, phone, then consent. */
export function validateRegistration(input: RegistrationInput): ValidRegistration {
  const name = clean(input.name);
  if (!name) throw fail("name_required");
  if (name.length > REGISTRATION_LIMITS.name) throw fail("name_too_long", REGISTRATION_LIMITS.name);
  const email = clean(input.email).toLowerCase();
  if (!email) throw fail("email_required");
  if (email.length > REGISTRATION_LIMITS.email || !EMAIL.test(email)) throw fail("email_invalid");
  const organization = clean(input.organization);
  if (organization.length > REGISTRATION_LIMITS.organization)
    throw fail("organization_too_long", REGISTRATION_LIMITS.organization);
  const phone = clean(input.phone);
  if (phone && !PHONE.test(phone)) throw fail("phone_invalid");
  if (!input.consent) throw fail("consent_required");
  return { name, email, organization: organization || null, phone: phone || null };
}

/** Why a registration cannot be taken now, or null when it can. */
export function registrationRefusal(event: EventRow, now: number): AppError | null {
  if ((event.ends_at ?? event.starts_at) <= now) return fail("event_ended");
  if (!event.registration_open) return fail("registration_closed");
  return null;
}

/** What the registrant's own pages (confirmation, cancel) show: never their e-mail or phone. */
export interface RegistrationSummary {
  name: string;
  status: RegistrationStatus;
  confirmationCode: string;
}

export function registrationSummary(
  row: Pick<RegistrationRow, "name" | "status" | "confirmation_code">,
): RegistrationSummary {
  return { name: row.name, status: row.status, confirmationCode: row.confirmation_code };
}

/** Seats still free; null when the event has no capacity limit. */
export function seatsLeft(capacity: number | null, confirmed: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/** Where a new registrant goes: a seat while one is free, otherwise the waiting list. */
export function initialStatus(capacity: number | null, confirmed: number): RegistrationStatus {
  return capacity === null || confirmed < capacity ? "confirmed" : "waitlisted";
}

/** No 0/O, 1/I/L: the code is read out loud at the door. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A short human confirmation code such as `K7Q-4F2`. */
export function newConfirmationCode(): string {
  let s = "";
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 3)}-${s.slice(3)}`;
}

/** Accepts `k7q4f2`, `K7Q 4F2`, `k7q-4f2` as typed at the door. */
export function normaliseCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return s.length === 6 ? `${s.slice(0, 3)}-${s.slice(3)}` : null;
}

/**
 * A registration's cancel-link token, derived (HMAC with the installation's secret) from what the
 * row keeps, so that the mails sent when the registration later changes (promoted, moved) can carry
 * the same link. Only its hash is stored. The random confirmation code makes every registration's
 * token its own: registering again after cancelling (a new code) gives a new link, and the answer
 * to a repeated registration (a decoy code) never matches the real one.
 */
export function cancelTokenFor(
  secret: Buffer,
  eventId: number,
  email: string,
  createdAt: number,
  confirmationCode: string,
): string {
  return createHmac("sha256", secret)
    .update(`cancel:${eventId}:${email}:${createdAt}:${confirmationCode}`)
    .digest("base64url");
}

export function hashCancelToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: "참가 확정",
  waitlisted: "대기",
  cancelled: "취소",
};
