import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, SITE_URL, type TestApp } from "../support/app.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["item", "url", "sitemap"].includes(name),
});

async function getXml(t: TestApp, path: string) {
  const res = await t.app.inject(path);
  expect(res.statusCode, path).toBe(200);
  expect(XMLValidator.validate(res.body), path).toBe(true);
  return { res, doc: parser.parse(res.body) };
}

describe("feeds, sitemaps and robots.txt", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const photo = await photoDataUri();
    const list = [
      article({
        num: 9001,
        title: 'R&D <투자> "두 배로"',
        publishedAt: kst("2026-03-20 09:05:30"),
        leadImage: { src: photo, caption: "공장" },
        body: '<p>본문 &amp; <a href="/article/9002">내용</a>\u0001</p><figure><img src="/media/in/body.jpg" alt="공장 안"><figcaption>▲ 공장 안</figcaption></figure>',
      }),
      article({
        num: 9002,
        title: "금융 기사",
        section: "finance",
        authors: ["lee-ha"],
        publishedAt: kst("2026-03-19 18:00:00"),
      }),
      article({ num: 9003, title: "2월 기사", publishedAt: kst("2026-02-28 23:30:00") }),
      article({ num: 9004, title: "1월 말 자정 직후", publishedAt: kst("2026-02-01 00:10:00") }),
      article({
        num: 9005,
        title: "예약 기사",
        status: "scheduled",
        publishedAt: kst("2026-03-22 09:00:00"),
      }),
      article({ num: 9006, title: "초안", status: "draft", publishedAt: undefined }),
    ];
    for (let i = 0; i < 55; i++)
      list.push(
        article({
          num: 9100 + i,
          title: `오래된 기사 ${i}`,
          publishedAt: kst(`2025-12-${String((i % 28) + 1).padStart(2, "0")} 10:00:00`),
        }),
      );
    await t.import(newsroom(list));
  });
  afterAll(() => t.close());

  it("serves the site's RSS 2.0 feed: 50 newest, escaped titles, KST RFC 822 dates, enclosure", async () => {
    const { res, doc } = await getXml(t, "/rss.xml");
    expect(res.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const channel = doc.rss.channel;
    expect(doc.rss["@version"]).toBe("2.0");
    expect(channel.title).toBe("테스트경제");
    expect(channel.item).toHaveLength(50);
    const first = channel.item[0];
    expect(first.title).toBe('R&D <투자> "두 배로"');
    expect(res.body).toContain("<title>R&amp;D &lt;투자&gt; &quot;두 배로&quot;</title>");
    expect(first.link).toBe(`${SITE_URL}/article/9001`);
    expect(first.pubDate).toBe("Fri, 20 Mar 2026 09:05:30 +0900");
    expect(first["dc:creator"]).toBe("박서준 기자");
    expect(first.category).toBe("전자·전기·정보통신");
    expect(first.enclosure["@type"]).toBe("image/jpeg");
    expect(Number(first.enclosure["@length"])).toBeGreaterThan(1000);
    expect(first.enclosure["@url"]).toMatch(new RegExp(`^${SITE_URL}/media/`));
    // full text with the lead photo first and every URL absolute, as feed readers and portals need
    const encoded: string = first["content:encoded"];
    expect(encoded).toMatch(
      new RegExp(
        `^<figure><img src="${SITE_URL}/media/[^"]+\\.jpg" alt="공장" width="640" height="400"/><figcaption>공장</figcaption></figure>`,
      ),
    );
    expect(encoded).toContain(
      `<p>본문 &amp; <a href="${SITE_URL}/article/9002">내용</a></p><figure><img src="${SITE_URL}/media/in/body.jpg" alt="공장 안" /><figcaption>▲ 공장 안</figcaption></figure>`,
    );
    expect(encoded).not.toMatch(/(href|src)="\//);
    // the summary is the paragraphs' text only, never the caption
    expect(first.description).toBe("본문 & 내용");
    const titles = channel.item.map((i: { title: string }) => i.title);
    expect(titles).not.toContain("예약 기사");
    expect(titles).not.toContain("초안");
  });

  it("serves section and reporter feeds", async () => {
    const section = (await getXml(t, "/section/finance/rss.xml")).doc.rss.channel;
    expect(section.title).toBe("테스트경제 - 금융");
    expect(section.item.map((i: { title: string }) => i.title)).toEqual(["금융 기사"]);
    const sub = (await getXml(t, "/section/industry/electronics/rss.xml")).doc.rss.channel;
    expect(sub.item[0].title).toBe('R&D <투자> "두 배로"');
    const reporter = (await getXml(t, "/reporter/lee-ha/rss.xml")).doc.rss.channel;
    expect(reporter.item.map((i: { title: string }) => i.title)).toEqual(["금융 기사"]);
    expect((await t.app.inject("/section/nope/rss.xml")).statusCode).toBe(404);
    expect((await t.app.inject("/reporter/nobody/rss.xml")).statusCode).toBe(404);
  });

  it("serves a sitemap index with a part per KST month", async () => {
    const { doc } = await getXml(t, "/sitemap.xml");
    const locs = doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(locs).toEqual([
      `${SITE_URL}/sitemaps/pages.xml`,
      `${SITE_URL}/sitemaps/articles-2026-03.xml`,
      `${SITE_URL}/sitemaps/articles-2026-02.xml`,
      `${SITE_URL}/sitemaps/articles-2025-12.xml`,
    ]);
    const feb = (await getXml(t, "/sitemaps/articles-2026-02.xml")).doc.urlset.url.map(
      (u: { loc: string }) => u.loc,
    );
    // 2026-02-01 00:10 KST is 2026-01-31 in UTC, and still a February story here.
    expect(feb).toEqual([`${SITE_URL}/article/9003`, `${SITE_URL}/article/9004`]);
    const pages = (await getXml(t, "/sitemaps/pages.xml")).doc.urlset.url.map((u: { loc: string }) => u.loc);
    expect(pages).toContain(`${SITE_URL}/section/industry/electronics`);
    expect(pages).toContain(`${SITE_URL}/reporter/lee-ha`);
    expect(pages).not.toContain(`${SITE_URL}/reporter/choi-desk`);
    expect((await t.app.inject("/sitemaps/articles-2026-13.xml")).statusCode).toBe(404);
    expect((await t.app.inject("/sitemaps/articles-2020-01.xml")).statusCode).toBe(404);
  });

  it("serves a Google News sitemap of the last two days", async () => {
    const { doc } = await getXml(t, "/news-sitemap.xml");
    const urls = doc.urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual([
      `${SITE_URL}/article/9001`,
      `${SITE_URL}/article/9002`,
    ]);
    expect(urls[0]["news:news"]["news:publication"]["news:name"]).toBe("테스트경제");
    expect(urls[0]["news:news"]["news:publication_date"]).toBe("2026-03-20T09:05:30+09:00");
    expect(urls[0]["news:news"]["news:title"]).toBe('R&D <투자> "두 배로"');
  });

  it("serves robots.txt naming the sitemaps", async () => {
    const res = await t.app.inject("/robots.txt");
    expect(res.body).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    expect(res.body).toContain(`Sitemap: ${SITE_URL}/news-sitemap.xml`);
    expect(res.body).toContain("Disallow: /newsroom");
  });
});
