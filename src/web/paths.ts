/**
 * Every public URL the site links to, built in one place: the shapes are promises to readers and
 * portals (../docs and the contract's URL table), so a page never writes one by hand. Keys are
 * encoded as path segments; Korean keys stay Korean (browsers show them decoded).
 */
export const paths = {
  home: () => "/",
  article: (num: number) => `/article/${num}`,
  /** a section or subsection by its slug path (`industry`, `industry/tech`): slugs are [a-z0-9-] */
  section: (slugPath: string) => `/section/${slugPath}`,
  reporter: (key: string) => `/reporter/${encodeURIComponent(key)}`,
  person: (key: string) => `/people/${encodeURIComponent(key)}`,
  event: (key: string) => `/events/${encodeURIComponent(key)}`,
  eventCancel: (key: string, token: string) =>
    `/events/${encodeURIComponent(key)}/cancel?token=${encodeURIComponent(token)}`,
  media: (relativePath: string) => `/media/${relativePath}`,
  search: () => "/search",
  rss: () => "/rss.xml",
  sectionRss: (slugPath: string) => `/section/${slugPath}/rss.xml`,
  reporterRss: (key: string) => `/reporter/${encodeURIComponent(key)}/rss.xml`,
} as const;

/** An absolute URL on this site (feeds, canonical links, sitemaps); absolute input is kept. */
export function absoluteUrl(siteUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${siteUrl}${pathOrUrl}`;
}
