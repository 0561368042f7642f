import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, SITE_URL, type TestApp } from "../support/app.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";
import { inner, ldOfType, metaContent, textOf } from "../support/html.ts";

describe("article page", () => {
  let t: TestApp;
  let html: string;

  beforeAll(async () => {
    t = await createTestApp();
    const photo = await photoDataUri();
    await t.import(
      newsroom(
        [
          article({
            num: 337001,
            title:
              '노바AI <a href="https://old.example/BP?num=1" class="human_link">리버스</a> 방한 "AI칩 협력"',
            subtitle: "한도윤 장관과 면담",
            authors: ["park-sj", "lee-ha"],
            publishedAt: kst("2026-03-12 14:05:30"),
            updatedAt: kst("2026-03-12 16:20:05"),
            body: '<p>노바AI의 최고경영자가 방한했다.</p><p>둘째 <strong>문단</strong><script>alert(1)</script><img src="https://img.example.kr/x.jpg" onerror="alert(2)"></p>',
            leadImage: {
              src: photo,
              alt: "악수하는 두 사람",
              caption: "리버스 CEO가 장관과 악수하고 있다.",
              credit: "테스트경제",
            },
            tags: ["AI반도체"],
            views: 500,
          }),
          article({ num: 337002, title: "같은 태그의 다른 기사", tags: ["AI반도체"], views: 900 }),
          article({
            num: 337003,
            title: "아직 예약된 기사",
            status: "scheduled",
            publishedAt: kst("2026-03-21 09:00:00"),
          }),
          article({ num: 337004, title: "초안", status: "draft", publishedAt: undefined }),
        ],
        {
          comments: [
            {
              article: 337001,
              nickname: "독자1234",
              body: "좋은 기사 <b>감사</b>합니다",
              createdAt: kst("2026-03-12 15:00:00"),
            },
            {
              article: 337001,
              nickname: "숨김독자",
              body: "숨긴 댓글",
              createdAt: kst("2026-03-12 15:10:00"),
              status: "hidden",
            },
          ],
        },
      ),
    );
    const res = await t.app.inject("/article/337001");
    expect(res.statusCode).toBe(200);
    html = res.body;
  });
  afterAll(() => t.close());

  it("shows the breadcrumb section > subsection, both linked", () => {
    const crumb = inner(html, "nav", 'class="breadcrumb"')!;
    expect(crumb).toContain('href="/section/industry"');
    expect(crumb).toContain('href="/section/industry/electronics"');
    expect(textOf(crumb)).toBe("기업과산업 전자·전기·정보통신");
  });

  it("keeps markup out of the headline and every plain-text place", () => {
    const title = '노바AI 리버스 방한 "AI칩 협력"';
    expect(textOf(inner(html, "h1")!)).toBe(title);
    expect(inner(html, "h1")).not.toContain("<a");
    expect(inner(html, "title")).toBe("노바AI 리버스 방한 &quot;AI칩 협력&quot; - 테스트경제");
    expect(metaContent(html, "og:title")).toBe("노바AI 리버스 방한 &quot;AI칩 협력&quot;");
    expect(metaContent(html, "twitter:title")).toBe("노바AI 리버스 방한 &quot;AI칩 협력&quot;");
    const ld = ldOfType(html, "NewsArticle")!;
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.headline).toBe(title);
    expect(html).not.toContain("human_link");
  });

  it("shows the byline with reporter links, mailto and KST times", () => {
    const byline = inner(html, "div", 'class="article__byline"')!;
    expect(byline).toContain('href="/reporter/park-sj"');
    expect(byline).toContain('href="mailto:sjpark@test.example.kr"');
    expect(byline).toContain('href="/reporter/lee-ha"');
    expect(textOf(byline)).toContain("입력 2026-03-12 14:05:30");
    expect(textOf(byline)).toContain("수정 2026-03-12 16:20:05");
    expect(metaContent(html, "article:published_time")).toBe("2026-03-12T14:05:30+09:00");
  });

  it("has the text-size buttons, the share bar and print", () => {
    expect(html).toContain('data-font="up"');
    expect(html).toContain('data-font="down"');
    const url = encodeURIComponent(`${SITE_URL}/article/337001`);
    expect(html).toContain(`https://www.facebook.com/sharer/sharer.php?u=${url}`);
    expect(html).toContain(`https://twitter.com/intent/tweet?url=${url}`);
    expect(html).toContain(`https://share.naver.com/web/shareView?url=${url}`);
    expect(html).toContain(`https://story.kakao.com/share?url=${url}`);
    expect(html).toContain('data-share="kakaotalk"');
    expect(html).toContain('href="https://www.youtube.com/@test-economy"');
    expect(html).toContain(`data-share="copy" data-url="${SITE_URL}/article/337001"`);
    expect(html).toContain('data-share="print"');
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/print\.css\?v=[0-9a-f]+" media="print"/);
  });

  it("shows the lead photo with ▲ caption <credit> and responsive renditions", () => {
    const figure = inner(html, "figure", 'class="article__lead"')!;
    expect(textOf(figure)).toBe("▲ 리버스 CEO가 장관과 악수하고 있다. <테스트경제>");
    expect(figure).toMatch(
      /<source type="image\/webp" srcset="\/media\/[0-9a-f]{2}\/[0-9a-f]{64}-480\.webp 480w, /,
    );
    expect(figure).toContain('alt="악수하는 두 사람"');
    expect(figure).toContain('width="640" height="400"');
  });

  it("opens the body with the dateline and closes it with the sign-off; the body is sanitised", () => {
    const body = inner(html, "div", 'class="article__body"')!;
    expect(body.startsWith('<p><span class="dateline">[테스트경제]</span> 노바AI의')).toBe(true);
    expect(body).not.toContain("<script");
    expect(body).not.toContain("onerror");
    expect(body).toContain("<strong>문단</strong>");
    expect(textOf(inner(html, "p", 'class="article__signoff"')!)).toBe("박서준 기자 · 이하은 기자");
  });

  it("lists most-read (title and reporter) and related stories, never unpublished ones", async () => {
    // The page holds a box the site script fills from the shared fragment, linking to the full list.
    const slot = inner(html, "section", 'class="most-read"')!;
    expect(html).toContain('data-fragment="/fragments/most-read"');
    expect(textOf(slot)).toBe("인기기사 인기기사 보기");
    expect(slot).toContain('href="/most-read"');
    const fragment = await t.app.inject("/fragments/most-read");
    expect(fragment.statusCode).toBe(200);
    expect(fragment.headers["x-robots-tag"]).toBe("noindex");
    const mostRead = inner(fragment.body, "section", 'class="most-read"')!;
    expect(textOf(mostRead)).toContain("인기기사");
    const page = await t.app.inject("/most-read");
    expect(page.statusCode).toBe(200);
    expect(textOf(inner(page.body, "section", 'aria-labelledby="most-read-day"')!)).toContain(
      "같은 태그의 다른 기사",
    );
    const items = [...mostRead.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    // ranked by views: 900 before 500; each line is the title and the reporter
    expect(items.map((i) => textOf(inner(i, "span", 'class="most-read__title"')!))).toEqual([
      "같은 태그의 다른 기사",
      '노바AI 리버스 방한 "AI칩 협력"',
    ]);
    expect(textOf(inner(items[0]!, "span", 'class="most-read__author"')!)).toBe("박서준 기자");
    const related = inner(html, "section", 'class="related"')!;
    expect(textOf(related)).toContain("같은 태그의 다른 기사");
    expect(html).not.toContain("아직 예약된 기사");
    expect(html).not.toContain("초안");
  });

  it("shows the comment section: count, visible comments escaped and masked, the form and the rules", () => {
    const comments = inner(html, "section", 'class="comments"')!;
    expect(textOf(comments)).toContain("댓글 (1)");
    expect(comments).toContain("좋은 기사 &lt;b>감사&lt;/b>합니다");
    expect(comments).toContain("독자1*");
    expect(comments).not.toContain("숨긴 댓글");
    for (const label of ["닉네임", "비밀번호", "댓글"]) expect(comments).toContain(`<span>${label}</span>`);
    expect(textOf(comments)).toContain("현재 0 byte / 최대 400byte");
    expect(textOf(comments)).toContain("한글 200자(400byte)까지 입력할 수 있습니다.");
  });

  it("emits canonical, Open Graph, Twitter card and NewsArticle JSON-LD", () => {
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}/article/337001"/>`);
    expect(metaContent(html, "og:type")).toBe("article");
    expect(metaContent(html, "og:url")).toBe(`${SITE_URL}/article/337001`);
    expect(metaContent(html, "og:image")).toMatch(new RegExp(`^${SITE_URL}/media/`));
    expect(metaContent(html, "twitter:card")).toBe("summary_large_image");
    const ld = ldOfType(html, "NewsArticle") as unknown as {
      datePublished: string;
      dateModified: string;
      author: { name: string }[];
      publisher: { name: string };
    };
    expect(ld.datePublished).toBe("2026-03-12T14:05:30+09:00");
    expect(ld.dateModified).toBe("2026-03-12T16:20:05+09:00");
    expect(ld.author.map((a) => a.name)).toEqual(["박서준", "이하은"]);
    expect(ld.publisher.name).toBe("테스트경제");
  });

  it("answers 404 in Korean for drafts, scheduled stories and unknown numbers", async () => {
    for (const path of [
      "/article/337003",
      "/article/337004",
      "/article/999999",
      "/article/abc",
      "/article/01",
    ]) {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain("페이지를 찾을 수 없습니다");
    }
  });

  it("sends security headers", async () => {
    const res = await t.app.inject("/article/337001");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // no inline executable script: every <script> either has a src or is JSON-LD data
    for (const m of res.body.matchAll(/<script([^>]*)>/g)) expect(m[1]).toMatch(/src=|application\/ld\+json/);
  });

  it("serves the photo renditions it links to", async () => {
    const src = /srcset="(\/media\/[^ ]+) 480w/.exec(html)![1]!;
    const res = await t.app.inject(src);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/webp");
    expect(res.headers["cache-control"]).toContain("immutable");
  });
});
