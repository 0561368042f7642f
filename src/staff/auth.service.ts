import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { decoyHash, hashPassword, verifyPassword } from "../lib/password.ts";
import { installSecret, keyedHash, randomToken } from "../lib/secrets.ts";
import {
  clearThrottle,
  countSignInFailure,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  extendSession,
  findSession,
  insertSession,
  latestLock,
  type SessionWithUser,
} from "./session.repo.ts";
import { findPasswordHash, findSignInAccount, setPasswordHash } from "./staff.repo.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./staff.ts";

/** A session lasts 12 hours from the last request, and never more than 7 days from sign-in. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** Extend at most every 5 minutes, so a busy editor's clicks are not each a write. */
const EXTEND_EVERY_MS = 5 * 60_000;

/**
 * Failed sign-ins are counted per (e-mail, address): after 5 within 15 minutes that pair is locked for
 * 15 minutes, and from the second failure on each answer waits longer (0.25 s, 0.5 s, 1 s … up to 4 s).
 * So the right password from another address is never refused because someone guessed wrong (bylines
 * print staff e-mails: anyone could otherwise lock the newsroom out). One address is also capped at 30
 * failures over all e-mails (an office shares one). Failures for one e-mail from everywhere only slow
 * further failed answers down, never a right one.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perEmailAndAddress: 5,
  perAddress: 30,
  /** failures of one e-mail, from any address, after which failed answers are slowed */
  emailSlowAfter: 10,
  /** never reached: the e-mail-wide count only slows, it does not lock */
  emailNeverLocks: 1_000_000_000,
} as const;

/** The wait before a failed answer: doubling from the second failure of a pair, at most 4 s. */
export function failureDelayMs(pairFailures: number, emailFailures: number): number {
  const pair = pairFailures >= 2 ? Math.min(4000, 250 * 2 ** (pairFailures - 2)) : 0;
  const email = emailFailures > THROTTLE.emailSlowAfter ? 1000 : 0;
  return Math.max(pair, email);
}

/**
 * Signing in and out and passwords touch nothing public (no page shows who is signed in), so these
 * use cases need no bus.
 */
export interface AuthDeps {
  db: Kysely<Database>;
  now: () => number;
  /** waits before answering a repeated failure; tests may pass a no-op */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function lockedError(until: number, now: number) {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return fail("sign_in_locked", minutes, { retryAfterSeconds: Math.ceil((until - now) / 1000) });
}

async function throttleKeys(db: Kysely<Database>, email: string, address: string) {
  const secret = await installSecret(db, "address_hash");
  const emailKey = keyedHash(secret, `email:${email.trim().toLowerCase()}`).slice(0, 32);
  const addressKey = keyedHash(secret, address).slice(0, 32);
  return { email: `email:${emailKey}`, pair: `pair:${emailKey}:${addressKey}`, address: `ip:${addressKey}` };
}

async function lockedUntil(db: Kysely<Database>, keys: string[], now: number): Promise<number | null> {
  const until = await latestLock(db, keys);
  return until > now ? until : null;
}

/** Counts a failure; returns how many failures the key now has in the window. */
function recordFailure(db: Kysely<Database>, key: string, limit: number, now: number): Promise<number> {
  return countSignInFailure(db, key, { now, limit, windowMs: THROTTLE.windowMs, lockMs: THROTTLE.lockMs });
}

export interface SignInResult {
  token: string;
  session: SessionWithUser;
}

/** Signs a staff member in by e-mail and password; throws sign_in_failed or sign_in_locked. */
export async function signIn(
  deps: AuthDeps,
  input: { email: string; password: string; address: string; userAgent: string | null },
): Promise<SignInResult> {
  const { db } = deps;
  const now = deps.now();
  const keys = await throttleKeys(db, input.email, input.address);
  const locks = [keys.pair, keys.address];
  const locked = await lockedUntil(db, locks, now);
  if (locked) throw lockedError(locked, now);

  const staff = await findSignInAccount(db, input.email);
  const ok = await verifyPassword(staff?.password_hash ?? (await decoyHash()), input.password);
  if (!staff || !ok || staff.active !== 1 || !staff.password_hash) {
    const pairFailures = await recordFailure(db, keys.pair, THROTTLE.perEmailAndAddress, now);
    const emailFailures = await recordFailure(db, keys.email, THROTTLE.emailNeverLocks, now);
    await recordFailure(db, keys.address, THROTTLE.perAddress, now);
    const wait = failureDelayMs(pairFailures, emailFailures);
    if (wait > 0) await (deps.sleep ?? defaultSleep)(wait);
    const nowLocked = await lockedUntil(db, locks, now);
    throw nowLocked ? lockedError(nowLocked, now) : fail("sign_in_failed");
  }

  await clearThrottle(db, keys.pair);
  await deleteExpiredSessions(db, now);
  const token = randomToken();
  await insertSession(db, {
    token,
    staffId: staff.id,
    csrfToken: randomToken(),
    now,
    expiresAt: now + SESSION_IDLE_MS,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  const session = await findSession(db, token, now);
  if (!session) throw fail("sign_in_failed");
  return { token, session };
}

/** The session behind a cookie, extended while in use; null when missing, expired or revoked. */
export async function resumeSession(
  deps: AuthDeps,
  token: string | undefined,
): Promise<SessionWithUser | null> {
  if (!token || token.length > 100) return null;
  const now = deps.now();
  const session = await findSession(deps.db, token, now);
  if (!session) return null;
  if (now - session.lastSeenAt > EXTEND_EVERY_MS) {
    const expiresAt = Math.min(now + SESSION_IDLE_MS, session.createdAt + SESSION_MAX_MS);
    await extendSession(deps.db, session.id, now, expiresAt);
  }
  return session;
}

export async function signOut(deps: AuthDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.db, sessionId);
}

export function checkPasswordRules(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw fail("password_too_short", PASSWORD_MIN_LENGTH);
  if (password.length > PASSWORD_MAX_LENGTH) throw fail("password_too_long", PASSWORD_MAX_LENGTH);
}

/**
 * Sets a password (admin reset, CLI, or the person themself) and signs out their other sessions.
 * Inside a caller's transaction when `deps.db` is one.
 */
export async function setPassword(
  deps: AuthDeps,
  staffId: number,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  checkPasswordRules(password);
  const hash = await hashPassword(password);
  await setPasswordHash(deps.db, staffId, hash);
  await deleteSessionsOf(deps.db, staffId, keepSessionId);
}

/** Changing one's own password needs the current one (403 `wrong_password`, as for comments). */
export async function changeOwnPassword(
  deps: AuthDeps,
  session: SessionWithUser,
  current: string,
  next: string,
): Promise<void> {
  if (!(await verifyPassword(await findPasswordHash(deps.db, session.user.id), current))) {
    throw fail("wrong_password");
  }
  await setPassword(deps, session.user.id, next, session.id);
}
