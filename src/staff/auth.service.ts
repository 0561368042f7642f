import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import { installSecret, keyedHash, randomToken } from "../lib/secrets.ts";
import { decoyHash, hashPassword, verifyPassword } from "./password.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  extendSession,
  findSession,
  insertSession,
  type SessionWithUser,
} from "./session.repo.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./staff.ts";

/** A session lasts 12 hours from the last request, and never more than 7 days from sign-in. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** Extend at most every 5 minutes, so a busy editor's clicks are not each a write. */
const EXTEND_EVERY_MS = 5 * 60_000;

/**
 * Failed sign-ins: after 5 for one e-mail (or 30 from one address, since a newsroom shares its
 * office's address) within 15 minutes, sign-in is locked for 15 minutes. From the third failure on,
 * each answer is also slowed down.
 */
export const THROTTLE = { windowMs: 15 * 60_000, lockMs: 15 * 60_000, perEmail: 5, perAddress: 30 } as const;

export interface AuthDeps {
  db: Kysely<Database>;
  now: () => number;
  /** waits before answering a repeated failure; tests may pass a no-op */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const signInFailed = () =>
  new AppError("sign_in_failed", 401, "이메일 또는 비밀번호가 올바르지 않습니다.");

function lockedError(until: number, now: number) {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return new AppError(
    "sign_in_locked",
    429,
    `로그인 시도가 너무 많습니다. ${minutes}분 뒤에 다시 시도해 주세요.`,
    {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    },
  );
}

async function throttleKeys(db: Kysely<Database>, email: string, address: string) {
  const secret = await installSecret(db, "address_hash");
  return { email: `email:${email.toLowerCase()}`, address: `ip:${keyedHash(secret, address)}` };
}

async function lockedUntil(db: Kysely<Database>, keys: string[], now: number): Promise<number | null> {
  const rows = await db
    .selectFrom("sign_in_throttle")
    .select("locked_until")
    .where("key", "in", keys)
    .execute();
  const until = Math.max(0, ...rows.map((r) => r.locked_until ?? 0));
  return until > now ? until : null;
}

/** Counts a failure; returns how many failures the e-mail now has in the window. */
async function recordFailure(db: Kysely<Database>, key: string, limit: number, now: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("sign_in_throttle")
      .selectAll()
      .where("key", "=", key)
      .executeTakeFirst();
    const fresh = !row || now - row.first_failed_at > THROTTLE.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const values = {
      failures,
      first_failed_at: fresh ? now : row.first_failed_at,
      locked_until: failures >= limit ? now + THROTTLE.lockMs : (row?.locked_until ?? null),
    };
    await trx
      .insertInto("sign_in_throttle")
      .values({ key, ...values })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .execute();
    return failures;
  });
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
  const locked = await lockedUntil(db, [keys.email, keys.address], now);
  if (locked) throw lockedError(locked, now);

  const staff = await db
    .selectFrom("staff")
    .select(["id", "password_hash", "active"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email.toLowerCase()))
    .executeTakeFirst();
  const ok = await verifyPassword(staff?.password_hash ?? (await decoyHash()), input.password);
  if (!staff || !ok || staff.active !== 1 || !staff.password_hash) {
    const failures = await recordFailure(db, keys.email, THROTTLE.perEmail, now);
    await recordFailure(db, keys.address, THROTTLE.perAddress, now);
    if (failures >= 3) await (deps.sleep ?? defaultSleep)(Math.min(2000, 400 * (failures - 2)));
    const nowLocked = await lockedUntil(db, [keys.email, keys.address], now);
    throw nowLocked ? lockedError(nowLocked, now) : signInFailed();
  }

  await db.deleteFrom("sign_in_throttle").where("key", "=", keys.email).execute();
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
  if (!session) throw signInFailed();
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
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError("password_too_short", 400, `비밀번호는 ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError("password_too_long", 400, `비밀번호는 ${PASSWORD_MAX_LENGTH}자까지 쓸 수 있습니다.`);
  }
}

/** Sets a password (admin reset, CLI, or the person themself) and signs out their other sessions. */
export async function setPassword(
  deps: AuthDeps,
  staffId: number,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  checkPasswordRules(password);
  const hash = await hashPassword(password);
  await deps.db.updateTable("staff").set({ password_hash: hash }).where("id", "=", staffId).execute();
  await deleteSessionsOf(deps.db, staffId, keepSessionId);
}

/** Changing one's own password needs the current one. */
export async function changeOwnPassword(
  deps: AuthDeps,
  session: SessionWithUser,
  current: string,
  next: string,
): Promise<void> {
  const row = await deps.db
    .selectFrom("staff")
    .select("password_hash")
    .where("id", "=", session.user.id)
    .executeTakeFirst();
  if (!(await verifyPassword(row?.password_hash ?? null, current))) {
    throw new AppError("password_wrong", 400, "현재 비밀번호가 올바르지 않습니다.");
  }
  await setPassword(deps, session.user.id, next, session.id);
}
