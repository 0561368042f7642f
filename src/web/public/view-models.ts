import type { ArticleLabel } from "../../db/schema.ts";

/**
 * What the reader's lists and cards show of an article: plain view models, built by repositories
 * (articles/, ranking/) and handed to the public components. No feature owns them, so any feature
 * may produce them and any page may show them.
 */

/** A photo as pages show it: the original plus WebP renditions for srcset. */
export interface ImageView {
  src: string;
  width: number;
  height: number;
  webpSrcset: string;
  /** the original's type and size, for feed enclosures */
  mime: string;
  bytes: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  /** focal point in percent of width and height, where a crop to a set shape centres */
  focus: { x: number; y: number };
}

export interface Byline {
  key: string;
  name: string;
  email: string;
  /** 직함 from the reporter's profile (issue 15 §9); null: "기자" */
  jobTitle: string | null;
}

/** How a byline names its reporter: "박서준 기자", or with a 직함 "박서준 선임기자". */
export function bylineName(b: Pick<Byline, "name" | "jobTitle">): string {
  return `${b.name} ${b.jobTitle?.trim() || "기자"}`;
}

/** What lists (home, sections, most-read, related, API) need of an article. */
export interface ArticleSummary {
  id: number;
  num: number;
  title: string;
  subtitle: string | null;
  sectionId: number;
  publishedAt: number;
  updatedAt: number | null;
  viewCount: number;
  excerpt: string;
  byline: Byline | null;
  leadImage: ImageView | null;
  /** 속보, 단독, …: a badge before the headline on every list, in display order */
  labels: ArticleLabel[];
  /** a 광고·협찬 story: every list shows it with the "광고" label (신문법 §6③: ads apart from articles) */
  sponsored: boolean;
}
