import type { StaffRow } from "../../db/schema.ts";
import { paths } from "../paths.ts";
import type { ArticleSummary } from "./view-models.ts";

/**
 * What the public reporter page shows: built from the staff row by `toReporterPage`, and only what
 * the page shows (never the account's role, state or password hash).
 */
export interface ReporterPage {
  key: string;
  name: string;
  desk: string | null;
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
  reporter: Pick<StaffRow, "key" | "name" | "desk" | "email">;
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
    email: r.email,
    href: paths.reporter(r.key),
    feedHref: paths.reporterRss(r.key),
    articles: input.articles,
    page: input.page,
    pages: input.pages,
    total: input.total,
  };
}
