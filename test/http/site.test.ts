import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";

/** 45 stories over 45 hours in 전자, 3 in 금융, one each in 조선 and the top section itself. */
function manyArticles(photo: string) {
  const list = [];
  for (let i = 0; i < 45; i++) {
    const at = Date.parse(kst("2026-03-20 11:00:00")) - i * 3600_000;
    list.push(
      article({
        num: 2000 + i,
        title: `전자 기사 ${i}`,
        publishedAt: new Date(at).toISOString().replace("Z", "+00:00"),
        views: i * 10,
        ...(i % 5 === 0 ? { leadImage: { src: photo, caption: `사진 ${i}`, credit: "테스트경제" } } : {}),
      }),
    );
  }
  for (let i = 0; i < 3; i++) {
    list.push(
      article({
        num: 3000 + i,
        title: `금융 기사 ${i}`,
        section: "finance",
        authors: ["lee-ha"],
        publishedAt: kst(`2026-03-1${i} 10:00:00`),
      }),
    );
  }
  list.push(
    article({
      num: 3100,
      title: "조선 기사",
      section: "industry/shipbuilding",
      publishedAt: kst("2026-03-20 11:30:00"),
    }),
  );
  list.push(
    article({
      num: 3101,
      title: "산업 전체 기사",
      section: "industry",
      publishedAt: kst("2026-03-18 08:00:00"),
    }),
  );
  list.push(
    article({
      num: 3102,
      title: "내일 나갈 기사",
      status: "scheduled",
      publishedAt: kst("2026-03-21 06:00:00"),
    }),
  );
  list.push(
    article({
      num: 3103,
      title: "내린 기사",
      status: "unpublished",
      publishedAt: kst("2026-03-19 06:00:00"),
    }),
  );
  return list;
}

describe("public site", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.import(
      newsroom(manyArticles(await photoDataUri()), {
        events: [
          {
            key: "past-forum",
            title: "지난 포럼",
            startsAt: kst("2026-01-10 09:00:00"),
            endsAt: kst("2026-01-10 18:00:00"),
            promoted: true,
          },
          {
            key: "climate-forum-2026",
            title: "2026 기후경쟁력포럼",
            startsAt: kst("2026-05-20 09:30:00"),
            venue: "서울 중구",
            promoted: true,
          },
          { key: "quiet-seminar", title: "비공개 세미나", startsAt: kst("2026-04-01 09:30:00") },
        ],
      }),
    );
  });
  afterAll(() => t.close());

  describe("home", () => {
    let html: string;
    beforeAll(async () => {
      const res = await t.app.inject("/");
      expect(res.statusCode).toBe(200);
      html = res.body;
    });

    it("without a 편집판, leads with the newest story that has a photo, then 서브톱 and 주요 기사 newest first", () => {
      expect(textOf(inner(html, "h2", 'class="top-story__title"')!)).toBe("전자 기사 0");
      const subtop = inner(html, "section", 'class="subtop"')!;
      expect(textOf(subtop)).toContain("조선 기사");
      const latest = inner(html, "section", 'class="latest"')!;
      expect(textOf(latest)).not.toContain("전자 기사 0");
      expect(textOf(latest)).not.toContain("조선 기사");
    });

    it("has a block per top section with its subsections' stories", () => {
      const blocks = textOf(inner(html, "div", 'class="section-blocks"')!);
      expect(blocks).toContain("기업과산업");
      expect(blocks).toContain("금융");
      expect(blocks).toContain("금융 기사 2");
    });

    it("shows the most-read list and the banner of the next promoted event only", () => {
      const mostRead = textOf(inner(html, "section", 'class="most-read"')!);
      expect(mostRead.startsWith("인기기사 전자 기사 44")).toBe(true);
      expect(html).toContain('href="/events/climate-forum-2026"');
      expect(textOf(inner(html, "aside", 'class="event-banner"')!)).toContain("2026 기후경쟁력포럼");
      expect(html).not.toContain("지난 포럼");
      expect(html).not.toContain("비공개 세미나");
    });

    it("never shows scheduled or pulled stories", () => {
      expect(html).not.toContain("내일 나갈 기사");
      expect(html).not.toContain("내린 기사");
    });

    it("shows the banner on every public page", async () => {
      for (const path of ["/section/finance", "/article/2001", "/reporter/park-sj", "/no-such-page"]) {
        const res = await t.app.inject(path);
        expect(res.body, path).toContain('class="event-banner"');
      }
    });
  });

  describe("sections", () => {
    it("lists a subsection's stories newest first, 20 a page, with pages", async () => {
      const res = await t.app.inject("/section/industry/electronics");
      expect(res.statusCode).toBe(200);
      const titles = [...res.body.matchAll(/<h2 class="card__title"><a href="\/article\/(\d+)">/g)].map((m) =>
        Number(m[1]),
      );
      expect(titles).toEqual(Array.from({ length: 20 }, (_, i) => 2000 + i));
      expect(res.body).toContain('href="/section/industry/electronics?page=2"');
      const page3 = await t.app.inject("/section/industry/electronics?page=3");
      const nums = [...page3.body.matchAll(/<h2 class="card__title"><a href="\/article\/(\d+)">/g)].map((m) =>
        Number(m[1]),
      );
      expect(nums).toEqual([2040, 2041, 2042, 2043, 2044]);
      expect(page3.body).toContain(
        '<link rel="canonical" href="http://jikji.test/section/industry/electronics?page=3"/>',
      );
    });

    it("a top section includes its subsections and its own stories, and links its subsections", async () => {
      const res = await t.app.inject("/section/industry");
      expect(res.statusCode).toBe(200);
      expect(textOf(inner(res.body, "nav", 'class="subnav"')!)).toBe("전체 전자·전기·정보통신 조선·해운");
      expect(res.body).toContain("조선 기사");
      // 톱, 서브톱 and 포토 stand above the list, which leaves them out: 50 stories less those 11 in 2 pages
      const last = await t.app.inject("/section/industry?page=2");
      expect(last.body).toContain("산업 전체 기사");
      expect((await t.app.inject("/section/industry?page=3")).statusCode).toBe(404);
    });

    it("shows the breadcrumb on a subsection page", async () => {
      const res = await t.app.inject("/section/industry/shipbuilding");
      expect(textOf(inner(res.body, "nav", 'class="breadcrumb"')!)).toBe("기업과산업 조선·해운");
      expect(textOf(inner(res.body, "h1")!)).toBe("조선·해운");
    });

    it("answers 404 for unknown sections and pages past the end, 400 for a bad page number", async () => {
      expect((await t.app.inject("/section/nope")).statusCode).toBe(404);
      expect((await t.app.inject("/section/industry/nope")).statusCode).toBe(404);
      expect((await t.app.inject("/section/finance?page=2")).statusCode).toBe(404);
      const bad = await t.app.inject("/section/finance?page=-1");
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain("페이지 번호가 올바르지 않습니다.");
    });
  });

  describe("reporter pages", () => {
    it("shows the reporter with e-mail and their published stories", async () => {
      const res = await t.app.inject("/reporter/lee-ha");
      expect(res.statusCode).toBe(200);
      expect(textOf(inner(res.body, "h1")!)).toBe("이하은 기자");
      expect(res.body).toContain('href="mailto:haeun@test.example.kr"');
      expect(textOf(res.body)).toContain("기사 3건");
      expect(res.body).toContain("금융 기사 0");
      expect(res.body).not.toContain("전자 기사");
    });

    it("answers 404 for unknown keys and for desk staff without bylines", async () => {
      expect((await t.app.inject("/reporter/nobody")).statusCode).toBe(404);
      expect((await t.app.inject("/reporter/choi-desk")).statusCode).toBe(404);
    });
  });

  describe("old URLs", () => {
    it("redirects /BP?command=article_view&num=N to the article with 301", async () => {
      const res = await t.app.inject("/BP?command=article_view&num=2003");
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe("/article/2003");
    });

    it("redirects a person's old number to their page", async () => {
      const res = await t.app.inject("/BP?command=article_view&num=500101");
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe("/people/rivers");
    });

    it("answers 404 for unknown numbers, unpublished stories and other commands", async () => {
      for (const q of [
        "command=article_view&num=1",
        "command=article_view&num=3102",
        "command=list&num=2003",
        "num=2003",
      ]) {
        expect((await t.app.inject(`/BP?${q}`)).statusCode, q).toBe(404);
      }
    });
  });

  describe("JSON API", () => {
    it("lists published articles newest first with a cursor", async () => {
      const first = await t.app.inject("/api/v1/articles?section=industry/electronics&limit=10");
      expect(first.statusCode).toBe(200);
      const a = first.json();
      expect(a.articles.map((x: { num: number }) => x.num)).toEqual(
        Array.from({ length: 10 }, (_, i) => 2000 + i),
      );
      expect(a.articles[0]).toMatchObject({
        title: "전자 기사 0",
        section: { slug: "industry/electronics" },
        byline: { key: "park-sj" },
      });
      const second = await t.app.inject(
        `/api/v1/articles?section=industry/electronics&limit=10&cursor=${a.nextCursor}`,
      );
      expect(second.json().articles[0].num).toBe(2010);
      const all = await t.app.inject("/api/v1/articles?limit=100");
      const nums = all.json().articles.map((x: { num: number }) => x.num);
      expect(nums).toHaveLength(50);
      expect(nums).not.toContain(3102);
      expect(all.json().nextCursor).toBeNull();
    });

    it("answers one article, and 404 with a stable code for unpublished ones", async () => {
      const res = await t.app.inject("/api/v1/articles/2001");
      expect(res.json().article).toMatchObject({
        num: 2001,
        title: "전자 기사 1",
        authors: [{ key: "park-sj", name: "박서준" }],
      });
      const missing = await t.app.inject("/api/v1/articles/3102");
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe("article_not_found");
      expect(missing.json().error.message).toBe("기사를 찾을 수 없습니다.");
    });

    it("rejects bad list parameters with a Korean message and a stable code", async () => {
      for (const q of ["limit=0", "limit=101", "limit=abc", "cursor=%%%", "section=BAD"]) {
        const res = await t.app.inject(`/api/v1/articles?${q}`);
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error.code, q).toMatch(/^(invalid_request|invalid_cursor)$/);
      }
      const unknown = await t.app.inject("/api/v1/articles?section=nope");
      expect(unknown.json().error).toEqual({ code: "unknown_section", message: "'nope' 섹션이 없습니다." });
      const api404 = await t.app.inject("/api/v1/nothing");
      expect(api404.json().error.code).toBe("not_found");
    });
  });

  describe("events and people", () => {
    it("shows an event page with KST time, venue and map link, and linked speakers", async () => {
      await t.import(
        newsroom([], {
          events: [
            {
              key: "climate-forum-2026",
              title: "2026 기후경쟁력포럼",
              startsAt: kst("2026-05-20 09:30:00"),
              endsAt: kst("2026-05-20 17:00:00"),
              venue: "서울 중구 컨퍼런스홀",
              description: "<p>탄소중립 <script>x</script>시대</p>",
              capacity: 300,
              promoted: true,
              speakers: ["rivers", "han-dy"],
            },
          ],
        }),
      );
      const res = await t.app.inject("/events/climate-forum-2026");
      expect(res.statusCode).toBe(200);
      const text = textOf(res.body);
      expect(text).toContain("일시 2026년 5월 20일(수) 09:30 ~ 17:00");
      expect(res.body).toContain(
        `href="https://map.naver.com/p/search/${encodeURIComponent("서울 중구 컨퍼런스홀")}"`,
      );
      expect(text).toContain("정원 300명");
      expect(res.body).toContain('<a href="/people/rivers">마크 리버스</a>');
      expect(res.body).not.toContain("<script>x");
      expect(text).not.toContain("종료된 행사입니다.");
    });

    it("says an ended event has ended, and lists events coming and past", async () => {
      const past = await t.app.inject("/events/past-forum");
      expect(textOf(past.body)).toContain("종료된 행사입니다.");
      const list = textOf((await t.app.inject("/events")).body);
      expect(list.indexOf("다가오는 행사")).toBeLessThan(list.indexOf("비공개 세미나"));
      expect(list.indexOf("지난 행사")).toBeLessThan(list.indexOf("지난 포럼"));
      expect((await t.app.inject("/events/nope")).statusCode).toBe(404);
    });

    it("shows a person's profile with other spellings", async () => {
      const res = await t.app.inject("/people/rivers");
      expect(res.statusCode).toBe(200);
      expect(textOf(inner(res.body, "h1")!)).toBe("마크 리버스");
      expect(textOf(res.body)).toContain("노바AI 최고경영자");
      expect(textOf(res.body)).toContain("다른 표기: 리버즈");
      expect((await t.app.inject("/people/nobody")).statusCode).toBe(404);
    });
  });

  it("answers /healthz", async () => {
    const res = await t.app.inject("/healthz");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it("serves hashed assets as immutable and unknown ones as 404", async () => {
    const home = await t.app.inject("/");
    const href = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(home.body)![1]!;
    const css = await t.app.inject(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toContain("text/css");
    expect(css.headers["cache-control"]).toContain("immutable");
    expect((await t.app.inject("/assets/nope.css")).statusCode).toBe(404);
    expect((await t.app.inject("/media/../jikji.sqlite")).statusCode).toBe(404);
  });

  it("shows a Korean 404 page", async () => {
    const res = await t.app.inject("/no/such/page");
    expect(res.statusCode).toBe(404);
    expect(textOf(inner(res.body, "h1")!)).toBe("페이지를 찾을 수 없습니다");
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });
});
