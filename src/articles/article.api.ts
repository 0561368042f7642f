import { toKstIso } from "../lib/kst-time.ts";
import type { SectionTree } from "../sections/section.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import type { ArticleSummary, ImageView } from "../web/public/view-models.ts";
import { type ArticleDetail, shownUpdatedAt } from "./article.ts";

/** The JSON API's article shapes: stable field names, times in KST ISO 8601, absolute URLs. */
function imageJson(siteUrl: string, image: ImageView | null) {
  if (!image) return null;
  return {
    src: absoluteUrl(siteUrl, image.src),
    width: image.width,
    height: image.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
  };
}

function sectionJson(sections: SectionTree, id: number) {
  const s = sections.byId.get(id);
  return s ? { slug: s.slug, name: s.name } : null;
}

export function articleSummaryJson(a: ArticleSummary, sections: SectionTree, siteUrl: string) {
  return {
    num: a.num,
    url: absoluteUrl(siteUrl, paths.article(a.num)),
    title: a.title,
    subtitle: a.subtitle,
    section: sectionJson(sections, a.sectionId),
    // the contract's byline is key, name and email; the profile's 직함 stays on the pages
    byline: a.byline ? { key: a.byline.key, name: a.byline.name, email: a.byline.email } : null,
    publishedAt: toKstIso(a.publishedAt),
    updatedAt: toKstIso(shownUpdatedAt(a.publishedAt, a.updatedAt) ?? a.publishedAt),
    excerpt: a.excerpt,
    leadImage: imageJson(siteUrl, a.leadImage),
    /** the bundle's label names: breaking, exclusive, … */
    labels: a.labels,
    /** 광고·협찬 (신문법 §6③): clients show it with a "광고" label */
    sponsored: a.sponsored,
  };
}

export function articleDetailJson(a: ArticleDetail, sections: SectionTree, siteUrl: string) {
  return {
    num: a.num,
    url: absoluteUrl(siteUrl, paths.article(a.num)),
    title: a.title,
    subtitle: a.subtitle,
    section: sectionJson(sections, a.sectionId),
    authors: a.authors.map((p) => ({ key: p.key, name: p.name, email: p.email })),
    publishedAt: toKstIso(a.publishedAt),
    updatedAt: toKstIso(shownUpdatedAt(a.publishedAt, a.updatedAt) ?? a.publishedAt),
    excerpt: a.excerpt,
    body: a.bodyHtml,
    tags: a.tags,
    leadImage: imageJson(siteUrl, a.leadImage),
    labels: a.labels,
    series: a.series
      ? {
          key: a.series.key,
          title: a.series.title,
          part: a.series.part,
          url: absoluteUrl(siteUrl, paths.series(a.series.key)),
        }
      : null,
    origin: a.origin,
    originSource: a.originSource,
    sponsored: a.sponsored,
  };
}

/** Keyset cursors: opaque to clients, stable while new stories arrive. */
export function encodeCursor(a: { publishedAt: number; id: number }): string {
  return Buffer.from(`${a.publishedAt}.${a.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { publishedAt: number; id: number } | null {
  const m = /^(\d{1,16})\.(\d{1,12})$/.exec(Buffer.from(cursor, "base64url").toString());
  return m ? { publishedAt: Number(m[1]), id: Number(m[2]) } : null;
}
