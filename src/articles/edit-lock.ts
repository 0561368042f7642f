import { withParticle } from "../lib/josa.ts";

/**
 * The soft lock on a story being edited (issue 15 §7). Opening the editor takes it; the editor's
 * script renews it with a heartbeat every `LOCK_HEARTBEAT_MS`; a lock whose heartbeat is older than
 * `LOCK_LIFETIME_MS` is free again (a closed laptop, a lost connection), so nobody has to clear it.
 * Another editor may take it over after confirming; the previous holder's next heartbeat or save is
 * then refused, and what they typed stays in their form.
 */
export const LOCK_LIFETIME_MS = 90_000;
export const LOCK_HEARTBEAT_MS = 30_000;

export interface LockHolder {
  staffId: number;
  name: string;
  jobTitle: string | null;
  takenAt: number;
  heartbeatAt: number;
}

/** Whether a lock still holds at `now`. */
export function isLockFresh(lock: Pick<LockHolder, "heartbeatAt">, now: number): boolean {
  return now - lock.heartbeatAt < LOCK_LIFETIME_MS;
}

/** How the newsroom names the holder: "김대철 기자", or with their 직함 "김대철 편집국장". */
export function holderLabel(holder: Pick<LockHolder, "name" | "jobTitle">): string {
  return `${holder.name} ${holder.jobTitle?.trim() || "기자"}`;
}

/** "김대철 기자가 편집 중입니다", the particle chosen by the last syllable (기자가, 편집국장이). */
export function lockMessage(holder: Pick<LockHolder, "name" | "jobTitle">): string {
  return `${withParticle(holderLabel(holder), "이/가")} 편집 중입니다`;
}
