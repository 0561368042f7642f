import { type StaleTag, stale } from "../lib/invalidation-bus.ts";
import type { PublicFootprint } from "./desk.repo.ts";

/** What the 속보 bar could show of this side of a write: its number and headline, or nothing. */
function barShows(f: PublicFootprint | null): string | null {
  return f && f.status === "published" && f.breaking ? `${f.num}\n${f.title}` : null;
}

/**
 * The pages a write to one story made stale, from what the story showed before and shows after.
 * A story readers could see on either side touches its own page, the lists it is on (home, its
 * sections and their parents, feeds, sitemaps, search) and the pages of its reporters and of the
 * people it links, on both sides (a story moved to another section leaves the old one's page too).
 * A story readers could see on neither side (a draft saved, filed, returned) touches nothing public.
 */
export function staleTagsOfArticleWrite(
  before: PublicFootprint | null,
  after: PublicFootprint | null,
): StaleTag[] {
  const sides = [before, after].filter((f): f is PublicFootprint => f !== null && f.status === "published");
  if (!sides.length) return [];
  return [
    ...new Set([
      ...sides.map((f) => stale.article(f.num)),
      stale.home,
      stale.feeds,
      stale.sitemap,
      stale.search,
      ...sides.flatMap((f) => f.sectionSlugs.map(stale.section)),
      ...sides.flatMap((f) => f.reporterKeys.map(stale.reporter)),
      ...sides.flatMap((f) => f.personKeys.map(stale.person)),
      ...sides.flatMap((f) => (f.seriesKey ? [stale.series(f.seriesKey)] : [])),
      // The 속보 bar is in every page's frame: a public 속보 story that appears, goes or is retitled
      // redraws them all (an autosave or an edit of its body does not).
      ...(barShows(before) !== barShows(after) ? [stale.everything] : []),
    ]),
  ];
}
