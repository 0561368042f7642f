import { type SectionNode, sectionTrail } from "../../sections/section.ts";
import { paths } from "../paths.ts";
import type { ArticleSummary } from "./view-models.ts";

export interface SectionLink {
  id: number;
  name: string;
  href: string;
  /** the page being shown */
  current: boolean;
}

/** What the public section page shows: built from the section tree by `toSectionPage`. */
export interface SectionPage {
  id: number;
  name: string;
  /** the page's own path (page 1), also its canonical address */
  href: string;
  feedHref: string;
  /** the top section it belongs to (itself for a top section): its menu and its most-read */
  rootName: string;
  /** root → this subsection, for a subsection's breadcrumb; empty on a top section */
  trail: SectionLink[];
  /** 전체 (the top section) then its subsections; empty when it has none */
  subnav: SectionLink[];
  articles: ArticleSummary[];
  page: number;
  pages: number;
  total: number;
  mostRead: ArticleSummary[];
  /** a top section's 편집판 on its first page: 톱, 서브톱, 포토 */
  lead: { top: ArticleSummary | null; subtop: ArticleSummary[]; photos: ArticleSummary[] } | null;
}

export function toSectionPage(input: {
  section: SectionNode;
  articles: ArticleSummary[];
  page: number;
  pages: number;
  total: number;
  mostRead: ArticleSummary[];
  lead?: SectionPage["lead"];
}): SectionPage {
  const { section } = input;
  const root = section.parent ?? section;
  const link = (s: SectionNode, name = s.name): SectionLink => ({
    id: s.id,
    name,
    href: paths.section(s.slug),
    current: s.id === section.id,
  });
  return {
    id: section.id,
    name: section.name,
    href: paths.section(section.slug),
    feedHref: paths.sectionRss(section.slug),
    rootName: root.name,
    trail: section.parent ? sectionTrail(section).map((s) => link(s)) : [],
    subnav: root.children.length ? [link(root, "전체"), ...root.children.map((c) => link(c))] : [],
    articles: input.articles,
    page: input.page,
    pages: input.pages,
    total: input.total,
    mostRead: input.mostRead,
    lead: input.lead ?? null,
  };
}
