import { randomInt } from "node:crypto";
import type { CorrectionStatus } from "../db/schema.ts";

/**
 * 정정·반론·추후보도 requests, as 언론중재법 §14–§17의2 describes them:
 * - §14: within 3 months of learning of the report and 6 months of its publication (추후보도: 3 months
 *   after the acquittal or dismissal); later requests are still taken into the queue, flagged;
 * - §15②: the paper answers within 3 days of receiving the request;
 * - §15③: an accepted request is published within 7 days of the answer, in the same place;
 * - §15④: the grounds on which it may refuse.
 * Days are calendar days in Korea (Asia/Seoul); as 민법 §157 counts them, the day of receipt is not
 * counted, so a deadline of N days ends at midnight KST after the Nth following day.
 */
export type CorrectionKind = "correction" | "reply" | "follow-up";

export const CORRECTION_KINDS: readonly CorrectionKind[] = ["correction", "reply", "follow-up"];

export const KIND_LABELS: Record<CorrectionKind, string> = {
  correction: "정정보도",
  reply: "반론보도",
  "follow-up": "추후보도",
};

export const STATUS_LABELS: Record<CorrectionStatus, string> = {
  received: "접수(답변 대기)",
  accepted: "수용(게재 대기)",
  partly_accepted: "일부 수용(게재 대기)",
  refused: "거부",
  withdrawn: "취하",
  published: "게재 완료",
};

/** §15④: the grounds on which a request may be refused, in the law's order (our wording). */
export const REFUSAL_GROUNDS = {
  no_interest: "청구인에게 청구할 정당한 이익이 없음 (제15조제4항제1호)",
  clearly_false: "청구 내용이 명백히 사실과 반대됨 (제2호)",
  clearly_unlawful: "청구 내용이 명백히 위법함 (제3호)",
  advertising: "상업적 광고만을 목적으로 한 청구 (제4호)",
  public_proceedings: "공개회의·공개재판 절차의 사실보도에 관한 청구 (제5호)",
} as const;

export type RefusalGround = keyof typeof REFUSAL_GROUNDS;

export const ANSWER_DAYS = 3;
export const PUBLISH_DAYS = 7;
const DAY = 24 * 3600_000;
const KST = 9 * 3600_000;

/** The instant a deadline of `days` calendar days from `from` ends: midnight KST after the last day. */
export function deadlineAfter(from: number, days: number): number {
  const kstDayStart = Math.floor((from + KST) / DAY) * DAY - KST;
  return kstDayStart + (days + 1) * DAY;
}

/** The last day a deadline allows, as YYYY-MM-DD in KST (what people are told). */
export function lastDayOf(deadline: number): string {
  return new Date(deadline - 1 + KST).toISOString().slice(0, 10);
}

/** Adds calendar months in KST (31 March + 6 months = 30 September, the month's last day). */
function addMonthsKst(at: number, months: number): number {
  const d = new Date(at + KST);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) - KST;
}

/**
 * Past §14's window for a 정정·반론보도: more than 6 months after publication (the 3 months from
 * learning of it are the requester's to show, so the queue flags only what the dates prove). A
 * 추후보도 runs from the acquittal, which the paper cannot know: never flagged here.
 */
export function isLate(kind: CorrectionKind, publishedAt: number, receivedAt: number): boolean {
  if (kind === "follow-up") return false;
  return receivedAt >= deadlineAfter(addMonthsKst(publishedAt, 6), 0);
}

/** What is due next, and by when: an answer, a publication, or nothing. */
export function nextDeadline(r: {
  status: CorrectionStatus;
  answerDueAt: number;
  publishDueAt: number | null;
}): { what: "answer" | "publish"; at: number } | null {
  if (r.status === "received") return { what: "answer", at: r.answerDueAt };
  if ((r.status === "accepted" || r.status === "partly_accepted") && r.publishDueAt !== null) {
    return { what: "publish", at: r.publishDueAt };
  }
  return null;
}

const RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A receipt code a person can read out on the phone: 12 characters without 0/O or 1/I, in groups. */
export function newReceipt(): string {
  let s = "";
  for (let i = 0; i < 12; i++) s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export const RECEIPT_PATTERN = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/** "1234", "/article/1234", "https://site/article/1234?x" → 1234; anything else null. */
export function articleNumFrom(input: string): number | null {
  const v = input.trim();
  const m = /^(\d{1,12})$/.exec(v) ?? /\/article\/(\d{1,12})(?:[/?#]|$)/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
