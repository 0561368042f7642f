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
  /** 인기기사, as a page and as the box article pages load into their sidebar */
  mostRead: () => "/most-read",
  mostReadFragment: () => "/fragments/most-read",
  rss: () => "/rss.xml",
  sectionRss: (slugPath: string) => `/section/${slugPath}/rss.xml`,
  reporterRss: (key: string) => `/reporter/${encodeURIComponent(key)}/rss.xml`,
  /** the six policy pages (contract slugs); `version` reads an earlier one */
  policy: (slug: PolicySlug, version?: number) => `/policy/${slug}${version ? `?version=${version}` : ""}`,
  correctionRequest: (articleNum?: number) =>
    `/corrections/request${articleNum ? `?article=${articleNum}` : ""}`,
  correctionStatus: (receipt: string) => `/corrections/${encodeURIComponent(receipt)}`,
} as const;

/** The policy pages, in the footer's order, with their Korean titles. */
export const POLICY_PAGES = [
  ["terms", "이용약관"],
  ["privacy", "개인정보처리방침"],
  ["youth", "청소년보호정책"],
  ["ethics", "윤리강령"],
  ["copyright", "저작권 정책"],
  ["no-email-harvesting", "이메일무단수집거부"],
] as const;

export type PolicySlug = (typeof POLICY_PAGES)[number][0];

/** An absolute URL on this site (feeds, canonical links, sitemaps); absolute input is kept. */
export function absoluteUrl(siteUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${siteUrl}${pathOrUrl}`;
}
