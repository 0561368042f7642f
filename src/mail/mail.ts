import { escapeHtml } from "../lib/escape-html.ts";

/**
 * What each mail is about. Stored with the row (the admin list shows it) and a promise to nobody
 * outside: add kinds freely.
 */
export type MailKind =
  | "password_reset"
  | "registration_confirmed"
  | "registration_waitlisted"
  | "registration_promoted"
  | "registration_cancelled"
  | "story_returned"
  | "correction_received"
  | "correction_answered";

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  password_reset: "비밀번호 재설정",
  registration_confirmed: "행사 참가 확정",
  registration_waitlisted: "행사 대기 등록",
  registration_promoted: "행사 대기 → 확정",
  registration_cancelled: "행사 신청 취소",
  story_returned: "기사 반려",
  correction_received: "정정·반론 청구 접수",
  correction_answered: "정정·반론 청구 답변",
};

/** Where mails point: the paper's name (site settings) and its public origin (SITE_URL). */
export interface MailSite {
  name: string;
  url: string;
}

/** What a use case that mails needs beyond UseCaseDeps: the public origin its links start with. */
export interface MailContext {
  siteUrl: string;
}

/** A mail as written: every field plain text (escaped into the HTML part here), links absolute. */
export interface MailContent {
  kind: MailKind;
  to: string;
  subject: string;
  /** the first line: `홍길동 님, 안녕하세요.` */
  greeting: string;
  paragraphs: readonly string[];
  /** labelled lines, e.g. [["행사", "AI 포럼"], ["확인 번호", "K7Q-4F2"]] */
  facts?: readonly (readonly [string, string])[];
  /** the one thing to click */
  action?: { label: string; url: string };
  /** lines after the action (what to do if it was not you …) */
  after?: readonly string[];
}

/** A mail ready for the queue: both parts made. */
export interface OutgoingMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Limits of the queue's columns; what a mail says never comes near them, except by a bug. */
export const MAIL_LIMITS = { to: 254, subject: 300 } as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]+/g;

/** One line, no control characters: a subject or a name never carries a line break into a header. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

export function isMailAddress(value: string): boolean {
  return value.length <= MAIL_LIMITS.to && EMAIL.test(value);
}

/**
 * Both parts of a mail from plain text. The HTML part escapes every field (a registrant's name or a
 * desk note is whatever someone typed) and only ever links the action's URL, which the caller built
 * from SITE_URL. Subjects carry the paper's name: `[직지뉴스] 행사 참가가 확정되었습니다`.
 */
export function composeMail(site: MailSite, content: MailContent): OutgoingMail {
  const subject = oneLine(`[${site.name}] ${content.subject}`).slice(0, MAIL_LIMITS.subject);
  const facts = content.facts ?? [];
  const after = content.after ?? [];
  const text = [
    oneLine(content.greeting),
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(facts.length ? [...facts.map(([k, v]) => `${k}: ${oneLine(v)}`), ""] : []),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ""] : []),
    ...after.flatMap((p) => [p, ""]),
    "-- ",
    site.name,
    site.url,
    "",
  ].join("\n");

  const p = (s: string) =>
    `<p style="margin:0 0 16px;line-height:1.6">${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const html = [
    "<!doctype html>",
    '<html lang="ko"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:sans-serif;font-size:16px;color:#111;background:#fff">',
    '<div style="max-width:560px;margin:0 auto">',
    p(oneLine(content.greeting)),
    ...content.paragraphs.map(p),
    facts.length
      ? `<table style="border-collapse:collapse;margin:0 0 16px">${facts
          .map(
            ([k, v]) =>
              `<tr><th style="text-align:left;padding:4px 12px 4px 0;font-weight:600;white-space:nowrap">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(oneLine(v))}</td></tr>`,
          )
          .join("")}</table>`
      : "",
    content.action
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#1a56db;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(content.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#555;word-break:break-all">${escapeHtml(content.action.url)}</p>`
      : "",
    ...after.map(p),
    `<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px"><p style="margin:0;font-size:13px;color:#555">${escapeHtml(site.name)} · <a href="${escapeHtml(site.url)}" style="color:#555">${escapeHtml(site.url)}</a></p>`,
    "</div></body></html>",
  ].join("\n");
  return { kind: content.kind, to: content.to, subject, text, html };
}

/** A mail is tried this many times (about four days with the back-off below) before it is given up. */
export const MAX_MAIL_ATTEMPTS = 25;

/** The first retry after a minute, doubling each time, at most six hours apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/**
 * A refusal that no retry will change: the server said 5xx to this recipient or this message. A
 * server that is away, slow, or refuses our credentials (EAUTH: the operator fixes SMTP_URL) is
 * temporary, so those mails wait and go once it is right.
 */
export function isPermanentFailure(error: unknown): boolean {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  const status = typeof e?.responseCode === "number" ? e.responseCode : 0;
  return (code === "EENVELOPE" || code === "EMESSAGE") && status >= 500 && status < 600;
}

/** What a failed attempt leaves in `last_error`: short, one line, no credentials. */
export function describeFailure(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const parts = [
    typeof e?.code === "string" ? e.code : null,
    typeof e?.responseCode === "number" ? String(e.responseCode) : null,
    typeof e?.message === "string" ? e.message.replace(/\/\/[^@\s]*@/g, "//***@") : String(error),
  ].filter(Boolean);
  return oneLine(parts.join(" ")).slice(0, 500);
}

/** How a queued mail stands, for the admin list. */
export type MailState = "queued" | "sent" | "failed";

export function mailState(row: { sent_at: number | null; failed_at: number | null }): MailState {
  if (row.sent_at !== null) return "sent";
  if (row.failed_at !== null) return "failed";
  return "queued";
}
