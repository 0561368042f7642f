import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { listPublished } from "../articles/article.repo.ts";
import { type ArticleNotice, NOTICE_LABELS } from "../articles/article.ts";
import { noticesByArticle } from "../articles/article-notices.repo.ts";
import { fail, notFound } from "../lib/errors.ts";
import { escapeHtml } from "../lib/escape-html.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { sectionAndDescendantIds } from "../sections/section.ts";
import { findStaffByKey } from "../staff/staff.repo.ts";
import { cachePublicPage, PUBLIC_CACHE, type WebContext } from "../web/context.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import type { Chrome } from "../web/public/chrome.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import { absolutiseUrls } from "./absolute-urls.ts";
import { articlesBetween, bodiesById, publishedMonths, sitemapKeys } from "./feed.repo.ts";
import { FEED_SIZE, type FeedChannel, renderRss } from "./rss.ts";
import { kstMonthBounds, renderIndex, renderNewsSitemap, renderUrlset, robotsTxt } from "./sitemap.ts";

const NEWS_WINDOW_MS = 2 * 24 * 3600_000;
const SlugPart = z.string().regex(/^[a-z0-9-]{1,60}$/);

function sendXml(reply: FastifyReply, body: string, type = "application/xml") {
  return reply.type(`${type}; charset=utf-8`).header("cache-control", PUBLIC_CACHE).send(body);
}

/** The notices as they open an item's full text: plain text, escaped. */
function noticesHtml(notices: ArticleNotice[] | undefined): string {
  return (notices ?? [])
    .map(
      (n) =>
        `<aside class="article-notice"><p><strong>${NOTICE_LABELS[n.kind]}</strong></p><h2>${escapeHtml(n.title)}</h2>${n.body
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join("")}</aside>`,
    )
    .join("");
}

/** The item's description opens with the newest notice's kind and headline. */
function withNoticeExcerpt(a: ArticleSummary, notices: ArticleNotice[] | undefined): ArticleSummary {
  const n = notices?.[0];
  return n ? { ...a, excerpt: `[${NOTICE_LABELS[n.kind]}] ${n.title} ${a.excerpt}` } : a;
}

/** RSS feeds, sitemaps and robots.txt: what portals, aggregators and search engines read. */
export function registerFeedRoutes(app: FastifyInstance, ctx: WebContext): void {
  const abs = (path: string) => absoluteUrl(ctx.config.siteUrl, path);

  /** The full text for feed readers and portals: the lead photo first, every URL absolute. */
  function feedBody(a: ArticleSummary, bodyHtml: string): string {
    const image = a.leadImage;
    const lead = image
      ? `<figure><img src="${escapeHtml(abs(image.src))}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}"/>${
          image.caption || image.credit
            ? `<figcaption>${escapeHtml([image.caption, image.credit ? `<${image.credit}>` : ""].filter(Boolean).join(" "))}</figcaption>`
            : ""
        }</figure>`
      : "";
    return lead + absolutiseUrls(bodyHtml, ctx.config.siteUrl);
  }

  async function feed(reply: FastifyReply, chrome: Chrome, channel: FeedChannel, articles: ArticleSummary[]) {
    const ids = articles.map((a) => a.id);
    const [bodies, notices] = await Promise.all([bodiesById(ctx.db, ids), noticesByArticle(ctx.db, ids)]);
    const items = articles.map((a) => ({
      // a 정정·반론·추후보도 leads the item as it leads the page (언론중재법 §15③)
      article: withNoticeExcerpt(a, notices.get(a.id)),
      url: abs(paths.article(a.num)),
      bodyHtml: noticesHtml(notices.get(a.id)) + feedBody(a, bodies.get(a.id) ?? ""),
      category: chrome.sections.byId.get(a.sectionId)?.name ?? null,
      imageUrl: a.leadImage ? abs(a.leadImage.src) : null,
    }));
    // Any public story's write announces every feed stale.
    cachePublicPage(reply, chrome, [stale.feeds]);
    return sendXml(reply, renderRss(channel, items, chrome.now), "application/rss+xml");
  }

  app.get("/rss.xml", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const articles = await listPublished(ctx.db, { now: chrome.now }, FEED_SIZE);
    const channel = {
      title: chrome.site.name,
      link: abs(paths.home()),
      self: abs(paths.rss()),
      description: `${chrome.site.name} 전체 기사`,
    };
    return feed(reply, chrome, channel, articles);
  });

  const sectionFeed = async (request: { params: unknown }, reply: FastifyReply) => {
    const params = z.object({ slug: SlugPart, sub: SlugPart.optional() }).safeParse(request.params);
    if (!params.success) throw fail("section_not_found");
    const chrome = await ctx.chrome();
    const slug = params.data.sub ? `${params.data.slug}/${params.data.sub}` : params.data.slug;
    const section = chrome.sections.bySlug.get(slug);
    if (!section) throw fail("section_not_found");
    const articles = await listPublished(
      ctx.db,
      { now: chrome.now, sectionIds: sectionAndDescendantIds(section) },
      FEED_SIZE,
    );
    const path = paths.section(section.slug);
    const channel = {
      title: `${chrome.site.name} - ${section.name}`,
      link: abs(path),
      self: abs(paths.sectionRss(section.slug)),
      description: `${chrome.site.name} ${section.name} 기사`,
    };
    return feed(reply, chrome, channel, articles);
  };
  app.get("/section/:slug/rss.xml", sectionFeed);
  app.get("/section/:slug/:sub/rss.xml", sectionFeed);

  app.get("/reporter/:key/rss.xml", async (request, reply) => {
    const params = z.object({ key: z.string().min(1).max(64) }).safeParse(request.params);
    if (!params.success) throw fail("reporter_not_found");
    const [chrome, reporter] = await Promise.all([ctx.chrome(), findStaffByKey(ctx.db, params.data.key)]);
    if (!reporter) throw fail("reporter_not_found");
    const articles = await listPublished(ctx.db, { now: chrome.now, authorStaffId: reporter.id }, FEED_SIZE);
    const path = paths.reporter(reporter.key);
    const channel = {
      title: `${chrome.site.name} - ${reporter.name} 기자`,
      link: abs(path),
      self: abs(paths.reporterRss(reporter.key)),
      description: `${chrome.site.name} ${reporter.name} 기자의 기사`,
    };
    return feed(reply, chrome, channel, articles);
  });

  app.get("/robots.txt", async (_request, reply) => {
    cachePublicPage(reply, { now: ctx.now(), validUntil: null }, []);
    return reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(robotsTxt(ctx.config.siteUrl));
  });

  // The sitemap is always an index: one part for the site's pages and one per month of articles,
  // so no part nears the 50,000-URL limit and an old month's part never changes.
  app.get("/sitemap.xml", async (_request, reply) => {
    const now = ctx.now();
    const months = await publishedMonths(ctx.db, ctx.dialect, now);
    const parts = [
      { loc: abs("/sitemaps/pages.xml"), lastmod: months[0]?.lastModified },
      ...months.map((m) => ({ loc: abs(`/sitemaps/articles-${m.month}.xml`), lastmod: m.lastModified })),
    ];
    cachePublicPage(reply, { now, validUntil: null }, [stale.sitemap]);
    return sendXml(reply, renderIndex(parts));
  });

  app.get("/sitemaps/pages.xml", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const { reporters, events, people } = await sitemapKeys(ctx.db);
    const urls = [
      { loc: abs("/") },
      ...[...chrome.sections.byId.values()].map((s) => ({ loc: abs(paths.section(s.slug)) })),
      ...reporters.map((key) => ({ loc: abs(paths.reporter(key)) })),
      { loc: abs("/events") },
      ...events.map((key) => ({ loc: abs(paths.event(key)) })),
      ...people.map((key) => ({ loc: abs(paths.person(key)) })),
    ];
    // New reporters and people reach this list within the ten minutes every kept page lives.
    cachePublicPage(reply, chrome, [stale.sitemap, stale.events]);
    return sendXml(reply, renderUrlset(urls));
  });

  app.get<{ Params: { month: string } }>("/sitemaps/articles-:month.xml", async (request, reply) => {
    const bounds = kstMonthBounds(request.params.month);
    if (!bounds) throw notFound();
    const rows = await articlesBetween(ctx.db, bounds.start, bounds.end, ctx.now());
    if (rows.length === 0) throw notFound();
    cachePublicPage(reply, { now: ctx.now(), validUntil: null }, [stale.sitemap]);
    return sendXml(
      reply,
      renderUrlset(
        rows.map((r) => ({
          loc: abs(paths.article(r.num)),
          lastmod: r.updated_at ?? r.published_at ?? undefined,
        })),
      ),
    );
  });

  app.get("/news-sitemap.xml", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const articles = await listPublished(
      ctx.db,
      { now: chrome.now, publishedSince: chrome.now - NEWS_WINDOW_MS },
      1000,
    );
    // Stories leave the news sitemap after two days by the clock: redrawn every ten minutes anyway.
    cachePublicPage(reply, chrome, [stale.sitemap]);
    return sendXml(
      reply,
      renderNewsSitemap(
        chrome.site.name,
        articles.map((a) => ({ loc: abs(paths.article(a.num)), title: a.title, publishedAt: a.publishedAt })),
      ),
    );
  });
}
