import { z } from "zod";

/**
 * A staff member's public profile (issue 15 §9): photo, 직함, a short bio and contact links, shown on
 * their reporter page, in bylines and in feeds. Plain text everywhere (escaped where shown); links
 * only http(s) URLs or an e-mail address (made a mailto: link), so no `javascript:` ever reaches a page.
 */
export const JOB_TITLE_MAX = 30;
export const BIO_MAX = 500;
export const LINKS_MAX = 4;
export const LINK_LABEL_MAX = 30;
export const LINK_URL_MAX = 500;

export interface ProfileLink {
  label: string;
  /** https://… , http://… or mailto:… */
  url: string;
}

export interface StaffProfile {
  photoMediaId: number | null;
  jobTitle: string | null;
  bio: string | null;
  links: ProfileLink[];
}

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/;

/** A typed link as stored: a web address as given (http/https only), an e-mail as mailto:, else null. */
export function normaliseLinkUrl(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (EMAIL.test(text)) return `mailto:${text}`;
  if (/^mailto:/i.test(text)) return EMAIL.test(text.slice(7)) ? `mailto:${text.slice(7)}` : null;
  try {
    const url = new URL(text);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (!url.hostname.includes(".")) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** A stored list of links, read defensively (a hand-edited row never breaks a page). */
export function parseLinks(json: string | null): ProfileLink[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (l): l is ProfileLink =>
          typeof l === "object" && l !== null && typeof l.label === "string" && typeof l.url === "string",
      )
      .filter((l) => normaliseLinkUrl(l.url) !== null)
      .slice(0, LINKS_MAX);
  } catch {
    return [];
  }
}

const text = (max: number, message: string) => z.string().max(max, message).optional().default("");

/** The profile form: photo as a library number (#12), 직함, 소개 and up to four 이름 + 주소 pairs. */
export const ProfileForm = z
  .object({
    photo: z
      .string()
      .trim()
      .max(20, "사진 번호는 사진 보관함의 숫자(#12)로 적어 주세요.")
      .optional()
      .default("")
      .refine((v) => /^#?\d{0,9}$/.test(v), "사진 번호는 사진 보관함의 숫자(#12)로 적어 주세요.")
      .transform((v) => (v.replace(/^#/, "") ? Number(v.replace(/^#/, "")) : null)),
    jobTitle: text(JOB_TITLE_MAX, `직함은 ${JOB_TITLE_MAX}자까지 쓸 수 있습니다.`),
    bio: text(BIO_MAX, `소개는 ${BIO_MAX}자까지 쓸 수 있습니다.`),
    ...Object.fromEntries(
      Array.from({ length: LINKS_MAX }, (_, i) => [
        [`linkLabel${i + 1}`, text(LINK_LABEL_MAX, `링크 이름은 ${LINK_LABEL_MAX}자까지 쓸 수 있습니다.`)],
        [`linkUrl${i + 1}`, text(LINK_URL_MAX, `링크 주소는 ${LINK_URL_MAX}자까지 쓸 수 있습니다.`)],
      ]).flat(),
    ),
  })
  .transform((f, ctx): StaffProfile => {
    const fields = f as unknown as Record<string, string>;
    const links: ProfileLink[] = [];
    for (let i = 1; i <= LINKS_MAX; i++) {
      const label = (fields[`linkLabel${i}`] ?? "").trim();
      const raw = (fields[`linkUrl${i}`] ?? "").trim();
      if (!label && !raw) continue;
      const url = normaliseLinkUrl(raw);
      if (!url) {
        ctx.addIssue({
          code: "custom",
          message: `${i}번째 링크 주소가 올바르지 않습니다. https://로 시작하는 주소나 이메일을 적어 주세요.`,
        });
        return z.NEVER;
      }
      if (!label) {
        ctx.addIssue({ code: "custom", message: `${i}번째 링크의 이름을 적어 주세요.` });
        return z.NEVER;
      }
      links.push({ label, url });
    }
    return {
      photoMediaId: f.photo as number | null,
      jobTitle: (f.jobTitle as string).trim() || null,
      bio: (f.bio as string).trim() || null,
      links,
    };
  });
