import { absoluteUrl } from "../web/paths.ts";

const URL_ATTRIBUTE = /\s(href|src)="(\/[^"]*)"|\ssrcset="([^"]*)"/g;

/**
 * Rewrites the site-relative URLs of a sanitised HTML fragment (`href="/article/…"`,
 * `src="/media/…"`, srcset candidates) to absolute ones: a feed is read away from the site, where a
 * relative URL points nowhere. Sanitised HTML always double-quotes its attributes. `//host` URLs are
 * left alone (the sanitiser refuses them anyway).
 */
export function absolutiseUrls(html: string, siteUrl: string): string {
  // attributes only: inside tags, never text that happens to read href="/…"
  return html.replace(/<[a-z][^>]*>/gi, (tag) => absolutiseTag(tag, siteUrl));
}

function absolutiseTag(tag: string, siteUrl: string): string {
  return tag.replace(URL_ATTRIBUTE, (whole, name: string | undefined, path: string | undefined, srcset) => {
    if (name && path !== undefined) {
      return path.startsWith("//") ? whole : ` ${name}="${absoluteUrl(siteUrl, path)}"`;
    }
    const candidates = String(srcset)
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => (c.startsWith("/") && !c.startsWith("//") ? `${siteUrl}${c}` : c));
    return ` srcset="${candidates.join(", ")}"`;
  });
}
