import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { addressKey } from "../lib/address-key.ts";
import { fail } from "../lib/errors.ts";
import { hashPassword } from "../lib/password.ts";
import { checkRates, type RateLimiter } from "../lib/rate-limit.ts";
import { randomToken } from "../lib/secrets.ts";
import { checkPasswordRules } from "../staff/auth.service.ts";
import { deleteSessionsOf } from "../staff/session.repo.ts";
import { setPasswordHash } from "../staff/staff.repo.ts";
import { mailSite, queueMail } from "./mail.service.ts";
import { isMailAddress } from "./mail.ts";
import {
  deleteOldResets,
  findLiveReset,
  findResettableStaff,
  insertPasswordReset,
  retireResetsOf,
  useReset,
} from "./password-reset.repo.ts";
import {
  hashResetToken,
  passwordResetMail,
  RESET_LINK_MS,
  RESET_RATES,
  RESET_TOKEN,
  resetPath,
} from "./password-reset.ts";

/** Password resets touch nothing public, so they need no bus. */
export interface PasswordResetDeps {
  db: Kysely<Database>;
  now: () => number;
  limiter: RateLimiter;
  /** SITE_URL: the link's origin */
  siteUrl: string;
}

/**
 * Someone asks for a reset link for `email`. The answer is the same whether or not the address is
 * a staff member's: both pass the same rate limits (429 for both alike) and return nothing; only
 * when an active staff member has the address is a link made and its mail queued, in one
 * transaction. An earlier link of theirs stops working: only the newest is live.
 */
export async function requestPasswordReset(
  deps: PasswordResetDeps,
  input: { email: string; address: string },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  if (!email) throw fail("email_required");
  if (!isMailAddress(email)) throw fail("email_invalid");
  const now = deps.now();
  const rate = await checkRates(
    deps.limiter,
    [
      { key: `reset:addr:${await addressKey(deps.db, input.address)}`, ...RESET_RATES.perAddress },
      { key: `reset:email:${await addressKey(deps.db, `email:${email}`)}`, ...RESET_RATES.perEmail },
    ],
    now,
  );
  if (!rate.allowed) {
    throw fail(
      "rate_limited",
      { what: "재설정 요청이", retryAfterMs: rate.retryAfterMs },
      { retryAfterSeconds: Math.max(1, Math.ceil(rate.retryAfterMs / 1000)) },
    );
  }
  const staff = await findResettableStaff(deps.db, email);
  if (!staff) return;
  const token = randomToken(32);
  const expiresAt = now + RESET_LINK_MS;
  await deps.db.transaction().execute(async (trx) => {
    await deleteOldResets(trx, now - 24 * 3600_000);
    await retireResetsOf(trx, staff.id, now);
    await insertPasswordReset(trx, { staffId: staff.id, tokenHash: hashResetToken(token), now, expiresAt });
    await queueMail(
      trx,
      now,
      await mailSite(trx, deps.siteUrl),
      passwordResetMail({
        to: staff.email,
        name: staff.name,
        link: `${deps.siteUrl}${resetPath(token)}`,
        expiresAt,
      }),
    );
  });
}

/** Whether a link is live (for the form it opens); 400 `reset_link_invalid` otherwise. */
export async function checkResetLink(
  deps: Pick<PasswordResetDeps, "db" | "now">,
  token: string,
): Promise<void> {
  if (!RESET_TOKEN.test(token) || !(await findLiveReset(deps.db, hashResetToken(token), deps.now()))) {
    throw fail("reset_link_invalid");
  }
}

/**
 * Sets a new password through a live link, under the same rules as everywhere (length; argon2id),
 * uses the link up and signs the staff member out of every session, all in one transaction: a
 * second use of the link, or one racing it, finds it used.
 */
export async function completePasswordReset(
  deps: Pick<PasswordResetDeps, "db" | "now">,
  input: { token: string; password: string; confirm: string },
): Promise<void> {
  await checkResetLink(deps, input.token);
  if (input.password !== input.confirm) throw fail("passwords_differ");
  checkPasswordRules(input.password);
  // Hashed before the transaction: argon2 takes tens of milliseconds, a write lock should not.
  const hash = await hashPassword(input.password);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const staffId = await useReset(trx, hashResetToken(input.token), now);
    if (staffId === null) throw fail("reset_link_invalid");
    await setPasswordHash(trx, staffId, hash);
    await deleteSessionsOf(trx, staffId);
    await retireResetsOf(trx, staffId, now);
  });
}
