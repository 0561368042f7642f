import type { ArticleOrigin, ArticleStatus } from "../db/schema.ts";
import type { ArticleSummary, Byline, ImageView } from "../web/public/view-models.ts";

export interface ArticleDetail extends Omit<ArticleSummary, "byline"> {
  status: ArticleStatus;
  /** where the story came from (신문법 시행령 §2); 광고·협찬 also sets `sponsored` */
  origin: ArticleOrigin;
  /** the agency or source of a wire or press-release story, e.g. 연합뉴스 */
  originSource: string | null;
  bodyHtml: string;
  authors: Byline[];
  tags: string[];
  /** a published correction (바로잡습니다) and when it was made */
  correction: { note: string; at: number } | null;
  /** the body's stored photos by media path, to serve them as responsive pictures */
  bodyImages: ReadonlyMap<string, ImageView>;
  /** 정정·반론·추후보도 published on this story (언론중재법 §15③), newest first, shown at its top */
  notices: ArticleNotice[];
  /** 영상: the checked YouTube id embedded from youtube-nocookie.com */
  videoId: string | null;
  /** the 연재 it is a part of */
  series: { id: number; key: string; title: string; part: number } | null;
}

export type NoticeKind = "correction" | "reply" | "follow-up";

/** The box's title by kind: the law names the three. */
export const NOTICE_LABELS: Record<NoticeKind, string> = {
  correction: "정정보도",
  reply: "반론보도",
  "follow-up": "추후보도",
};

export interface ArticleNotice {
  id: number;
  kind: NoticeKind;
  /** the headline agreed with the requester */
  title: string;
  /** plain text, paragraphs separated by blank lines */
  body: string;
  at: number;
}

export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  "draft",
  "submitted",
  "scheduled",
  "published",
  "unpublished",
];

/** Public pages show an article only once it is published and its time has come. */
export function isPublic(status: ArticleStatus, publishedAt: number | null, now: number): boolean {
  return status === "published" && publishedAt !== null && publishedAt <= now;
}

/** Shown as "수정 …" only when the story changed after it first went out (a minute's grace for typos). */
export function shownUpdatedAt(publishedAt: number, updatedAt: number | null): number | null {
  return updatedAt !== null && updatedAt - publishedAt >= 60_000 ? updatedAt : null;
}

export const PAGE_SIZE = 20;

/** The first ~150 characters of the body's text, cut at a word where possible. */
export function makeExcerpt(bodyText: string, maxChars = 150): string {
  const chars = [...bodyText];
  if (chars.length <= maxChars) return bodyText;
  const cut = chars.slice(0, maxChars).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
