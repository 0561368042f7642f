import { createHash } from "node:crypto";
import { formatKstMinute } from "../lib/kst-time.ts";
import type { MailContent } from "./mail.ts";

/** A reset link works for an hour, once. */
export const RESET_LINK_MS = 3600_000;

/**
 * How often a reset may be asked for: per e-mail (so nobody can fill a colleague's inbox) and per
 * client address (so nobody can probe many addresses). Both count every request, whether or not
 * the address belongs to staff, so the limits tell nothing either.
 */
export const RESET_RATES = {
  perEmail: { limit: 3, windowMs: 3600_000 },
  perAddress: { limit: 10, windowMs: 3600_000 },
} as const;

/** Only the hash of a link's token is stored: a leaked database opens no account. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as the link carries it (base64url of 32 random bytes); anything else is not looked up. */
export const RESET_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function resetPath(token: string): string {
  return `/newsroom/reset?token=${encodeURIComponent(token)}`;
}

export function passwordResetMail(input: {
  to: string;
  name: string;
  link: string;
  expiresAt: number;
}): MailContent {
  return {
    kind: "password_reset",
    to: input.to,
    subject: "뉴스룸 비밀번호 재설정 안내",
    greeting: `${input.name} 님, 안녕하세요.`,
    paragraphs: [
      "뉴스룸 비밀번호를 새로 정할 수 있는 링크를 보내 드립니다.",
      `링크는 ${formatKstMinute(input.expiresAt)}까지(1시간) 한 번만 쓸 수 있습니다. 새 비밀번호를 정하면 다른 기기의 로그인은 모두 끝납니다.`,
    ],
    action: { label: "새 비밀번호 정하기", url: input.link },
    after: ["비밀번호 재설정을 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 비밀번호는 바뀌지 않습니다."],
  };
}
