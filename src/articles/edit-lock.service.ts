import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { canEditArticle, type StaffUser } from "../staff/staff.ts";
import { findEditable, recordEvent } from "./desk.repo.ts";
import { acquireLock, findLock, forceLock, releaseLock } from "./edit-lock.repo.ts";
import { holderLabel, isLockFresh, LOCK_LIFETIME_MS, type LockHolder } from "./edit-lock.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type LockState = { held: true; until: number } | { held: false; holder: LockHolder };

async function requireEditable(db: Db, actor: StaffUser, id: number) {
  const article = await findEditable(db, id);
  if (!article) throw fail("article_not_found");
  if (!canEditArticle(actor, { authorIds: article.authors.map((a) => a.id), status: article.status })) {
    throw fail("forbidden", "edit_article");
  }
  return article;
}

/**
 * Takes or renews the soft lock for `actor` (opening the editor, each heartbeat); when someone else
 * holds a fresh one, says who. A lock does not stop anyone reading the story.
 */
export async function holdLock(deps: UseCaseDeps, actor: StaffUser, id: number): Promise<LockState> {
  await requireEditable(deps.db, actor, id);
  return tryLock(deps.db, actor, id, deps.now());
}

async function tryLock(db: Db, actor: StaffUser, id: number, now: number): Promise<LockState> {
  if (await acquireLock(db, id, actor.id, now, now - LOCK_LIFETIME_MS)) {
    return { held: true, until: now + LOCK_LIFETIME_MS };
  }
  const holder = await findLock(db, id);
  // The holder let go between the two statements: try once more rather than report nobody.
  if (!holder) {
    return (await acquireLock(db, id, actor.id, now, now - LOCK_LIFETIME_MS))
      ? { held: true, until: now + LOCK_LIFETIME_MS }
      : { held: false, holder: (await findLock(db, id))! };
  }
  return { held: false, holder };
}

/**
 * A save's check, inside its transaction: refused while someone else holds a fresh lock (they took
 * the story over, or opened it first); otherwise the saver holds the lock from now on.
 */
export async function lockForSave(trx: Transaction<Database>, actor: StaffUser, id: number, now: number) {
  const state = await tryLock(trx, actor, id, now);
  if (!state.held && isLockFresh(state.holder, now)) {
    throw fail("article_locked", holderLabel(state.holder), { holder: holderLabel(state.holder) });
  }
}

/** Takes the story over from whoever holds it, after the editor confirmed; kept in its history. */
export async function takeOverLock(deps: UseCaseDeps, actor: StaffUser, id: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const article = await requireEditable(trx, actor, id);
    const now = deps.now();
    const previous = await findLock(trx, id);
    await forceLock(trx, id, actor.id, now);
    if (previous && previous.staffId !== actor.id && isLockFresh(previous, now)) {
      await recordEvent(trx, {
        articleId: id,
        staffId: actor.id,
        action: "lock_taken_over",
        from: article.status,
        to: article.status,
        note: `${holderLabel(previous)}에게서 넘겨받음`,
        at: now,
      });
    }
  });
}

/** Lets go of the lock when the editor is left (only the holder's own lock). */
export async function letGoOfLock(deps: UseCaseDeps, actor: StaffUser, id: number): Promise<void> {
  await releaseLock(deps.db, id, actor.id);
}
