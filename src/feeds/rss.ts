import { shownUpdatedAt } from "../articles/article.ts";
import { labelledTitle } from "../articles/labels.ts";
import { toRfc822Kst } from "../lib/kst-time.ts";
import { type ArticleSummary, bylineName } from "../web/public/view-models.ts";
import { el, escapeXml } from "./xml.ts";

export interface FeedChannel {
  title: string;
  /** the page the feed follows */
  link: string;
  /** the feed's own URL */
  self: string;
  description: string;
}

export interface FeedItem {
  article: ArticleSummary;
  url: string;
  bodyHtml: string;
  category: string | null;
  imageUrl: string | null;
}

export const FEED_SIZE = 50;

/** RSS 2.0 with content:encoded (full text), dc:creator (bylines) and the lead photo as an enclosure. */
export function renderRss(channel: FeedChannel, items: FeedItem[], now: number): string {
  const newest = items.reduce(
    (max, i) =>
      Math.max(max, shownUpdatedAt(i.article.publishedAt, i.article.updatedAt) ?? i.article.publishedAt),
    0,
  );
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    el("title", channel.title),
    el("link", channel.link),
    `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
    el("description", channel.description),
    el("language", "ko"),
    el("lastBuildDate", toRfc822Kst(newest || now)),
    el("ttl", 10),
  ];
  for (const { article: a, url, bodyHtml, category, imageUrl } of items) {
    parts.push(
      "<item>",
      // "[단독] …": Korean portals read the label from the feed title, as they do from og:title;
      // 신문법 §6③: a 광고·협찬 story is marked as an ad in every feed reader too.
      el("title", `${a.sponsored ? "[광고] " : ""}${labelledTitle(a.title, a.labels)}`),
      el("link", url),
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      el("description", a.excerpt),
      el("content:encoded", bodyHtml),
      el("dc:creator", a.byline ? bylineName(a.byline) : null),
      el("category", category),
      a.sponsored ? el("category", "광고") : "",
      el("pubDate", toRfc822Kst(a.publishedAt)),
      imageUrl && a.leadImage
        ? `<enclosure url="${escapeXml(imageUrl)}" length="${a.leadImage.bytes}" type="${escapeXml(a.leadImage.mime)}"/>`
        : "",
      "</item>",
    );
  }
  parts.push("</channel>", "</rss>");
  return parts.filter(Boolean).join("\n");
}
