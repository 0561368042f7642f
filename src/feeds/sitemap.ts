import { toKstIso } from "../lib/kst-time.ts";
import { el, escapeXml } from "./xml.ts";

export interface SitemapUrl {
  loc: string;
  lastmod?: number;
}

export function renderUrlset(urls: SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      (u) => `<url>${el("loc", u.loc)}${u.lastmod ? el("lastmod", toKstIso(u.lastmod)) : ""}</url>`,
    ),
    "</urlset>",
  ].join("\n");
}

export function renderIndex(parts: SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map(
      (p) => `<sitemap>${el("loc", p.loc)}${p.lastmod ? el("lastmod", toKstIso(p.lastmod)) : ""}</sitemap>`,
    ),
    "</sitemapindex>",
  ].join("\n");
}

export interface NewsEntry {
  loc: string;
  title: string;
  publishedAt: number;
}

/** Google News sitemap: the paper's stories of the last two days. */
export function renderNewsSitemap(publication: string, entries: NewsEntry[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...entries.map(
      (e) =>
        `<url>${el("loc", e.loc)}<news:news><news:publication>${el("news:name", publication)}${el("news:language", "ko")}</news:publication>${el("news:publication_date", toKstIso(e.publishedAt))}${el("news:title", e.title)}</news:news></url>`,
    ),
    "</urlset>",
  ].join("\n");
}

/** The bounds of a KST month `YYYY-MM` in epoch ms, or null for anything else. */
export function kstMonthBounds(month: string): { start: number; end: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const KST = 9 * 3600_000;
  return { start: Date.UTC(y, mo - 1, 1) - KST, end: Date.UTC(y, mo, 1) - KST };
}

export function robotsTxt(siteUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /newsroom",
    "Disallow: /api/",
    "Disallow: /search",
    "",
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/news-sitemap.xml`,
    "",
  ].join("\n");
}

export { escapeXml };
