/**
 * 권리침해 신고 and 임시조치 (정보통신망 이용촉진 및 정보보호 등에 관한 법률 §44의2): the pure rules.
 * Someone whose rights a comment infringes asks for it to be taken down; a moderator either dismisses the
 * request or blocks the comment for at most 30 days (임시조치), tells both parties, and shows readers that
 * the comment is blocked. When the period ends the moderator restores or deletes it; until they do, it
 * stays blocked and is flagged to them.
 */
import type { RightsRequestStatus } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { withParticle } from "../lib/josa.ts";
import { formatKstLong } from "../lib/kst-time.ts";

/** What readers see in place of a comment under 임시조치, on the page and in the JSON API alike. */
export const TAKEDOWN_NOTICE = "권리침해 신고에 따라 임시조치된 댓글입니다";

/** §44의2②: the 임시조치 lasts at most 30 days. */
export const MAX_TAKEDOWN_DAYS = 30;

export const INFRINGED_RIGHTS = {
  defamation: "명예훼손",
  privacy: "사생활 침해",
  portrait: "초상권 침해",
  copyright: "저작권 등 지식재산권 침해",
  other: "그 밖의 권리 침해",
} as const;
export type InfringedRight = keyof typeof INFRINGED_RIGHTS;

export const RIGHTS_STATUS_LABELS: Record<RightsRequestStatus, string> = {
  received: "접수",
  blocked: "임시조치 중",
  dismissed: "기각",
  restored: "복원",
  deleted: "삭제",
};

/** The fields of a 권리침해 신고, as the form and `POST /api/v1/comments/{id}/rights-reports` send them. */
export const RIGHTS_FIELDS = ["name", "contact", "right", "reason"] as const;
export type RightsField = (typeof RIGHTS_FIELDS)[number];

const LIMITS: Record<RightsField, number> = { name: 100, contact: 200, right: 32, reason: 5000 };
const FIELD_NAMES: Record<RightsField, string> = {
  name: "이름",
  contact: "연락처",
  right: "침해된 권리",
  reason: "신고 이유",
};
const REQUIRED: Record<RightsField, string> = {
  name: "이름을 적어 주세요.",
  contact: "연락받을 이메일이나 전화번호를 적어 주세요.",
  right: "어떤 권리를 침해당했는지 골라 주세요.",
  reason: "어떤 내용이 왜 권리를 침해하는지 적어 주세요.",
};

export interface RightsReportInput {
  name: string;
  contact: string;
  right: InfringedRight;
  reason: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()\-.\s]{7,30}$/;

/**
 * Checks every field of a 권리침해 신고; each wrong one gets its own Korean message (the form shows them
 * beside the fields, the API returns them in `details.fields`).
 */
export function validateRightsReport(raw: unknown): RightsReportInput {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const errors: Partial<Record<RightsField, string>> = {};
  const values: Partial<Record<RightsField, string>> = {};
  for (const f of RIGHTS_FIELDS) {
    const v = body[f];
    if (typeof v !== "string" && v !== undefined && v !== null) {
      errors[f] = `${FIELD_NAMES[f]} 값의 형식이 올바르지 않습니다.`;
      continue;
    }
    const text = (v ?? "").replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
    if (!text) errors[f] = REQUIRED[f];
    else if (text.length > LIMITS[f])
      errors[f] =
        `${withParticle(FIELD_NAMES[f], "은/는")} ${LIMITS[f].toLocaleString("ko-KR")}자까지 쓸 수 있습니다.`;
    else values[f] = text;
  }
  if (values.contact && !EMAIL.test(values.contact) && !PHONE.test(values.contact))
    errors.contact = "연락처는 이메일 주소나 전화번호(숫자와 -)로 적어 주세요.";
  if (values.right && !(values.right in INFRINGED_RIGHTS))
    errors.right = "침해된 권리는 목록에서 골라 주세요.";
  const first = RIGHTS_FIELDS.map((f) => errors[f]).find(Boolean);
  if (first) throw fail("invalid_rights_report", first, { fields: errors });
  return {
    name: values.name!,
    contact: values.contact!,
    right: values.right as InfringedRight,
    reason: values.reason!,
  };
}

/** A period of 1 to 30 whole days, or invalid_takedown. */
export function takedownDays(raw: unknown): number {
  const n = typeof raw === "string" && /^\d{1,3}$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_TAKEDOWN_DAYS)
    throw fail("invalid_takedown", "days");
  return n;
}

/** When a 임시조치 of `days` applied at `at` ends: the same time of day, `days` days later. */
export function takedownEnd(at: number, days: number): number {
  return at + days * 24 * 3600_000;
}

/** Whether a 임시조치's period is over and it waits for a moderator to restore or delete the comment. */
export function takedownExpired(until: number | null, now: number): boolean {
  return until !== null && until <= now;
}

/** What the requester is told when the 임시조치 is applied (§44의2②: 신청인에게 알림). */
export function requesterNotice(p: { siteName: string; commentId: number; days: number; until: number }) {
  return `${p.siteName}입니다. 신청하신 권리침해 신고(댓글 #${p.commentId})에 따라 해당 댓글을 ${p.days}일 동안 임시조치(${formatKstLong(p.until)}까지)했습니다. 기간이 끝나면 담당자가 댓글의 복원 또는 삭제를 결정합니다.`;
}

/** What the poster is told (§44의2②: 정보게재자에게 알림), shown where they can see it: by their comment. */
export function posterNotice(p: { siteName: string; commentId: number; days: number; until: number }) {
  return `${p.siteName}입니다. 작성하신 댓글(#${p.commentId})에 대한 권리침해 신고가 접수되어 ${p.days}일 동안 임시조치(${formatKstLong(p.until)}까지)했습니다. 이의가 있으면 기간 안에 신문사에 재게시를 요청할 수 있습니다.`;
}

/** A 권리침해 신고 as moderators see it (a view model, not a row). */
export interface RightsRequestItem {
  id: number;
  commentId: number;
  commentBody: string;
  commentNickname: string;
  commentStatus: string;
  articleNum: number;
  articleTitle: string;
  name: string;
  contact: string;
  right: string;
  reason: string;
  status: RightsRequestStatus;
  receivedAt: number;
  blockDays: number | null;
  blockedAt: number | null;
  blockUntil: number | null;
  /** the period is over and no one has restored or deleted the comment yet */
  expired: boolean;
  requesterNotice: string | null;
  posterNotice: string | null;
  decidedAt: number | null;
  decidedBy: string | null;
  decisionNote: string | null;
}
