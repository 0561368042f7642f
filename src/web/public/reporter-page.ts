import type { MediaRow, StaffRow } from "../../db/schema.ts";
import { toImageView } from "../../media/media.ts";
import { type ProfileLink, parseLinks } from "../../staff/profile.ts";
import { paths } from "../paths.ts";
import type { ArticleSummary, ImageView } from "./view-models.ts";

/**
 * What the public reporter page shows: built from the staff row by `toReporterPage`, and only what
 * the page shows (never the account's role, state or password hash).
 */
export interface ReporterPage {
  key: string;
  name: string;
  desk: string | null;
  /** the profile (issue 15 §9): 직함 (null: 기자), a short bio, public links, a library photo */
  jobTitle: string | null;
  bio: string | null;
  links: ProfileLink[];
  photo: ImageView | null;
  /** shown as a mailto link and in the page's JSON-LD */
  email: string;
  /** the page's own path (page 1), also its canonical address */
  href: string;
  feedHref: string;
  articles: ArticleSummary[];
  page: number;
  pages: number;
  total: number;
}

export function toReporterPage(input: {
  reporter: Pick<StaffRow, "key" | "name" | "desk" | "email"> &
    Partial<Pick<StaffRow, "job_title" | "bio" | "links">>;
  photo?: MediaRow | null;
  articles: ArticleSummary[];
  page: number;
  pages: number;
  total: number;
}): ReporterPage {
  const { reporter: r } = input;
  return {
    key: r.key,
    name: r.name,
    desk: r.desk,
    jobTitle: r.job_title?.trim() || null,
    bio: r.bio?.trim() || null,
    links: parseLinks(r.links ?? null),
    photo: input.photo
      ? toImageView(input.photo, { alt: `${r.name} 사진`, caption: null, credit: null })
      : null,
    email: r.email,
    href: paths.reporter(r.key),
    feedHref: paths.reporterRss(r.key),
    articles: input.articles,
    page: input.page,
    pages: input.pages,
    total: input.total,
  };
}
