import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, NOW, type TestApp } from "../support/app.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";
import { inner, metaContent, textOf } from "../support/html.ts";

describe("what readers see: summaries, plain-text titles, particles, the home page, person pages", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const photo = await photoDataUri();
    const hour = (h: number) => kst(`2026-03-20 0${h}:00:00`);
    await t.import(
      newsroom(
        [
          article({
            num: 3001,
            title: "x<y 그리고 '<script>' 태그 & 기호",
            publishedAt: hour(9),
            leadImage: { src: photo, caption: "공장" },
            body:
              '<figure><img src="/media/in/body.jpg" alt="클린룸"><figcaption>▲ 공장 내부 클린룸. &lt;태성전자&gt;</figcaption></figure>' +
              "<p>▲ 옛 방식의 사진 설명. &lt;태성전자&gt;</p><h2>소제목은 요약이 아니다</h2>" +
              "<p>태성전자가 생산을 늘린다.</p><p>한도윤 장관이 공장을 찾았다.</p>",
          }),
          // newest of their sections, so each would also lead its home block
          ...Array.from({ length: 12 }, (_, i) =>
            article({
              num: 3030 + i,
              title: `전자 기사 ${i}`,
              publishedAt: kst(`2026-03-20 08:${String(10 + i).padStart(2, "0")}:00`),
            }),
          ),
          article({
            num: 3020,
            title: "금융 기사",
            section: "finance",
            authors: ["lee-ha"],
            publishedAt: hour(1),
          }),
        ],
        {
          site: { name: "한빛경제", dateline: "한빛경제" },
          events: [
            {
              key: "forum",
              title: "포럼",
              startsAt: new Date(NOW + 7 * 24 * 3600_000).toISOString(),
            },
          ],
        },
      ),
    );
  });
  afterAll(() => t.close());

  it("summarises a story from its paragraphs only, everywhere a summary is shown", async () => {
    const page = (await t.app.inject("/article/3001")).body;
    const expected = "태성전자가 생산을 늘린다. 한도윤 장관이 공장을 찾았다.";
    expect(metaContent(page, "description")).toBe(expected);
    expect(metaContent(page, "og:description")).toBe(expected);
    const home = (await t.app.inject("/")).body;
    expect(textOf(inner(home, "article", 'class="top-story"')!)).toContain(expected);
    expect(home).not.toContain("클린룸. &lt;태성전자&gt;");
    const rss = (await t.app.inject("/rss.xml")).body;
    expect(rss).toContain(`<description>${expected}</description>`);
  });

  it("shows a plain-text title as written, escaped, never sanitised", async () => {
    const page = (await t.app.inject("/article/3001")).body;
    expect(inner(page, "h1", 'class="article__title"')).toBe("x&lt;y 그리고 '&lt;script>' 태그 &amp; 기호");
    expect(page).toContain("<title>x&lt;y 그리고 '&lt;script>' 태그 &amp; 기호 - 한빛경제</title>");
    expect(metaContent(page, "og:title")).toBe("x&lt;y 그리고 '&lt;script>' 태그 &amp; 기호");
    expect(page).not.toMatch(/<script>' 태그/);
  });

  it("puts each story once in the home page's main column, the top slot first", async () => {
    const home = (await t.app.inject("/")).body;
    const main = inner(home, "div", 'class="home-main"')!;
    const nums = [...main.matchAll(/href="\/article\/(\d+)"/g)].map((m) => m[1]);
    expect(nums.length).toBeGreaterThan(0);
    expect(new Set(nums).size).toBe(nums.length);
    expect(inner(main, "article", 'class="top-story"')).toContain("/article/3001");
    // the finance story is in the column once (주요 기사 has room for it), so its block is left out
    expect(main).toContain("/article/3020");
    expect(inner(main, "div", 'class="section-blocks"')).not.toContain("/article/3020");
  });

  it("picks 이/가 for the paper's name from the library, not a hard-coded 이", async () => {
    const events = (await t.app.inject("/events")).body;
    expect(metaContent(events, "description")).toBe("한빛경제가 여는 포럼과 세미나");
  });

  it("shows a person's page like a reporter's: profile, count and article cards", async () => {
    const page = (await t.app.inject("/people/han-dy")).body;
    const profile = inner(page, "header", 'class="profile profile--person"')!;
    expect(textOf(profile)).toContain("한도윤");
    expect(textOf(profile)).toContain("산업디지털부 장관");
    expect(textOf(profile)).toContain("관련 기사 1건");
    const list = inner(page, "section", 'aria-labelledby="person-articles"')!;
    expect(list).toContain('class="card card--with-image"');
    expect(list).toContain("/article/3001");
  });
});
