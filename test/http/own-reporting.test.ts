import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBundle } from "../../src/bundle/bundle.export.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

/**
 * 신문법 시행령 §2 (own reporting, new articles every week) and §6③ (ads apart from articles), over
 * HTTP on both databases. NOW is Friday 2026-03-20 12:00 KST: this ISO week is 2026-W12 (16–22 March).
 */
describe("own-reporting records and the 광고 label", () => {
  let t: TestApp;
  let editor: StaffClient;
  let reporter: StaffClient;
  let admin: StaffClient;

  // This week: 2 own of 10 articles (20 %), plus an ad that does not count. Last week: 3 own of 4.
  const thisWeek = [
    article({ num: 8001, origin: "own", publishedAt: kst("2026-03-16 00:10:00") }),
    article({
      num: 8002,
      origin: "own",
      authors: ["lee-ha"],
      section: "finance",
      publishedAt: kst("2026-03-17 09:00:00"),
    }),
    ...[8003, 8004, 8005, 8006].map((num) =>
      article({ num, origin: "wire", originSource: "연합뉴스", publishedAt: kst("2026-03-18 09:00:00") }),
    ),
    article({
      num: 8007,
      origin: "press-release",
      originSource: "한빛전자",
      publishedAt: kst("2026-03-19 09:00:00"),
    }),
    article({
      num: 8008,
      origin: "press-release",
      title: '=HYPERLINK("http://evil","클릭")',
      publishedAt: kst("2026-03-19 10:00:00"),
    }),
    article({
      num: 8009,
      origin: "translation",
      title: "-5% 급락한 뉴욕 증시",
      publishedAt: kst("2026-03-19 11:00:00"),
    }),
    article({
      num: 8010,
      origin: "contribution",
      title: "@기고 반도체의 내일",
      publishedAt: kst("2026-03-20 08:00:00"),
    }),
    article({
      num: 8011,
      origin: "sponsored",
      originSource: "한빛전자",
      title: "한빛전자 신제품 체험기 협찬 기사",
      views: 999_999,
      tags: ["반도체"],
      publishedAt: kst("2026-03-20 09:00:00"),
    }),
    // Not new articles of this week: scheduled for tomorrow, and a draft.
    article({ num: 8012, origin: "own", status: "scheduled", publishedAt: kst("2026-03-21 09:00:00") }),
    article({ num: 8013, origin: "own", status: "draft", publishedAt: undefined }),
  ];
  const lastWeek = [
    article({ num: 7001, origin: "own", publishedAt: kst("2026-03-09 00:00:00") }),
    article({ num: 7002, origin: "own", publishedAt: kst("2026-03-12 09:00:00") }),
    // Sunday 23:30 KST is still last week, though it is Sunday 14:30 in UTC as well.
    article({ num: 7003, origin: "own", publishedAt: kst("2026-03-15 23:30:00") }),
    article({ num: 7004, origin: "wire", originSource: "뉴시스", publishedAt: kst("2026-03-13 09:00:00") }),
  ];

  beforeAll(async () => {
    t = await createTestApp();
    await t.import(
      newsroom([...thisWeek, ...lastWeek], {
        staff: [
          {
            key: "park-sj",
            name: "박서준",
            email: "sjpark@test.example.kr",
            role: "reporter",
            desk: "산업부",
          },
          { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter", desk: "금융부" },
          { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor", desk: "산업부" },
          { key: "boss", name: "관리자", email: "admin@test.example.kr", role: "admin" },
        ],
      }),
    );
    await givePasswords(t, ["choi-desk", "park-sj", "boss"]);
    editor = await signIn(t, "desk@test.example.kr");
    reporter = await signIn(t, "sjpark@test.example.kr");
    admin = await signIn(t, "admin@test.example.kr");
  });
  afterAll(async () => t?.close());

  it("the weekly report gives each ISO week's new articles and own share, and warns about this one", async () => {
    const res = await editor.get("/newsroom/reports/origin");
    expect(res.statusCode).toBe(200);
    const row = (week: string) => {
      const m = new RegExp(`<tr data-week="${week}" data-share="([^"]*)">([\\s\\S]*?)</tr>`).exec(res.body);
      expect(m, week).not.toBeNull();
      return { share: m![1], cells: textOf(m![2]!).split(" ") };
    };
    const w12 = row("2026-W12");
    expect(w12.share).toBe("0.2000");
    // 주, 기간(3 tokens), 새 기사, 비율, then 자체 취재, 보도자료, 통신 전재, 기고, 번역, 광고·협찬
    expect(w12.cells).toEqual([
      "2026-W12",
      "2026-03-16",
      "~",
      "2026-03-22",
      "10",
      "20%",
      "2",
      "2",
      "4",
      "1",
      "1",
      "1",
    ]);
    const w11 = row("2026-W11");
    expect(w11.share).toBe("0.7500");
    expect(w11.cells.slice(4)).toEqual(["4", "75%", "3", "0", "1", "0", "0", "0"]);
    expect(row("2026-W10").share).toBe("none");
    expect(textOf(inner(res.body, "p", "data-own-share-warning")!)).toBe(
      "이번 주(2026-W12) 자체 기사 비율이 20%로 30%에 못 미칩니다.",
    );

    // The same warning on the newsroom home, for editors and admins only.
    const home = textOf((await editor.get("/newsroom")).body);
    expect(home).toContain(
      "이번 주(2026-W12) 자체 기사 비율이 20%입니다(새 기사 10건 중 2건). 주간 30% 이상이어야 합니다.",
    );
    expect(textOf((await admin.get("/newsroom")).body)).toContain("자체 기사 비율이 20%");
    expect(textOf((await reporter.get("/newsroom")).body)).not.toContain("자체 기사 비율이");
  });

  it("counts each reporter's and section's month", async () => {
    const res = await editor.get("/newsroom/reports/origin?month=2026-03");
    const reporters = textOf(res.body.split("기자별 (2026-03)")[1]!.split("섹션별")[0]!);
    // 박서준: this week's ten but 8002 (이하은's), the ad included, and last week's four
    expect(reporters).toContain("박서준 14 4 2 5 1 1 1");
    expect(reporters).toContain("이하은 1 1 0 0 0 0 0");
    const sections = textOf(res.body.split("섹션별 (2026-03)")[1]!.split("기사 목록 내려받기")[0]!);
    expect(sections).toContain("금융 1 1 0 0 0 0 0");
    expect(sections).toContain("기업과산업 › 전자·전기·정보통신 14 4 2 5 1 1 1");
    const february = textOf((await editor.get("/newsroom/reports/origin?month=2026-02")).body);
    expect(february).toContain("이 달에 나간 기사가 없습니다.");
  });

  it("the CSV lists every article of a date range, formula-safe", async () => {
    const res = await editor.get("/newsroom/reports/origin.csv?from=2026-03-15&to=2026-03-20");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toContain("articles-2026-03-15-2026-03-20.csv");
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("기사 번호,제목,섹션,기자,상태,출처 구분,통신사·출처,발행,수정,주소");
    // 7003 (Sunday night) and this week's eleven published ones; not the scheduled story or the draft
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual([
      7003, 8001, 8002, 8003, 8004, 8005, 8006, 8007, 8008, 8009, 8010, 8011,
    ]);
    const line = (num: number) => lines.find((l) => l.startsWith(`${num},`))!;
    expect(line(8003)).toContain(",통신 전재,연합뉴스,2026-03-18 09:00:00,");
    expect(line(8003)).toContain("http://jikji.test/article/8003");
    expect(line(8008)).toContain(`"'=HYPERLINK(""http://evil"",""클릭"")"`);
    expect(line(8009)).toContain(",'-5% 급락한 뉴욕 증시,");
    expect(line(8010)).toContain(",'@기고 반도체의 내일,");
    expect(line(8011)).toContain(",광고·협찬,한빛전자,");
  });

  it("refuses bad input with 400 and a Korean message, other roles with 403", async () => {
    for (const [query, message] of [
      ["from=2026-02-30&to=2026-03-01", "시작일과 종료일을 2026-03-01처럼 적어 주세요."],
      ["to=2026-03-01", "시작일과 종료일을 2026-03-01처럼 적어 주세요."],
      ["from=2026-03-10&to=2026-03-01", "시작일이 종료일보다 늦습니다."],
      ["from=2000-01-01&to=2026-03-01", "한 번에 10년까지 내려받을 수 있습니다. 기간을 나눠 주세요."],
    ] as const) {
      const res = await editor.get(`/newsroom/reports/origin.csv?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(textOf(res.body)).toContain(message);
    }
    const badMonth = await editor.get("/newsroom/reports/origin?month=2026-13");
    expect(badMonth.statusCode).toBe(400);
    expect(textOf(badMonth.body)).toContain("월은 2026-03처럼 적어 주세요.");

    expect((await reporter.get("/newsroom/reports/origin")).statusCode).toBe(403);
    expect(
      (await reporter.get("/newsroom/reports/origin.csv?from=2026-03-01&to=2026-03-20")).statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({
      url: "/newsroom/reports/origin.csv?from=2026-03-01&to=2026-03-20",
    });
    expect([302, 303, 401]).toContain(anonymous.statusCode);
    expect(anonymous.body).not.toContain("8001");
  });

  it("a 광고·협찬 story carries the 광고 label on every page, list and feed, and never enters 인기기사", async () => {
    const ad = "한빛전자 신제품 체험기 협찬 기사";
    const label = '<span class="ad-label">광고</span>';
    const labelled = (html: string) => new RegExp(`${label}\\s*<a [^>]*>${ad}</a>`).test(html);
    const home = (await t.app.inject({ url: "/" })).body;
    expect(home).toContain(ad);
    expect(labelled(home)).toBe(true);
    const section = (await t.app.inject({ url: "/section/industry/electronics" })).body;
    expect(labelled(section)).toBe(true);
    expect(labelled((await t.app.inject({ url: "/reporter/park-sj" })).body)).toBe(true);
    const page = (await t.app.inject({ url: "/article/8011" })).body;
    expect(textOf(inner(page, "h1")!)).toBe(`광고 ${ad}`);
    expect(textOf(inner((await t.app.inject({ url: "/article/8001" })).body, "h1")!)).not.toContain("광고");
    const search = (await t.app.inject({ url: `/search?q=${encodeURIComponent("체험기")}` })).body;
    expect(search).toMatch(new RegExp(`${label}\\s*<a [^>]*>`));

    const rss = (await t.app.inject({ url: "/rss.xml" })).body;
    expect(rss).toContain(`<title>[광고] ${ad}</title>`);
    expect(rss).toContain("<category>광고</category>");
    const list = (await t.app.inject({ url: "/api/v1/articles?limit=50" })).json();
    const items = (list.articles ?? list.items) as { num: number; sponsored: boolean }[];
    expect(items.find((a) => a.num === 8011)?.sponsored).toBe(true);
    expect(items.find((a) => a.num === 8001)?.sponsored).toBe(false);
    const one = (await t.app.inject({ url: "/api/v1/articles/8011" })).json().article;
    expect(one).toMatchObject({ origin: "sponsored", originSource: "한빛전자", sponsored: true });

    // 999,999 views would top any list: it is in none of the 인기기사 boxes.
    for (const html of [home, section, page]) {
      const box = inner(html, "section", 'class="most-read"');
      expect(box).not.toBeNull();
      expect(box).not.toContain(ad);
    }
  });

  it("the bundle carries origins both ways; a bad one is refused with its path", async () => {
    const exported = await exportBundle({ db: t.database.db, mediaDir: t.mediaDir });
    const byNum = new Map(exported.articles!.map((a) => [a.num, a]));
    expect(byNum.get(8003)).toMatchObject({ origin: "wire", originSource: "연합뉴스" });
    // 자체 취재 is the schema's default: left out, as every other default is
    expect(byNum.get(8001)!.origin).toBeUndefined();
    expect(byNum.get(8001)!.originSource).toBeUndefined();
    await expect(t.import(newsroom([article({ num: 8100, origin: "rumour" as never })]))).rejects.toThrow(
      /articles\[0\]\.origin/,
    );
  });

  it("the editor sets the origin, defaulting to 자체 취재, and checks it", async () => {
    const sectionId = (
      await t.database.db
        .selectFrom("sections")
        .select("id")
        .where("slug", "=", "finance")
        .executeTakeFirstOrThrow()
    ).id;
    const form = (extra: Record<string, string>) => ({
      title: "출처 시험 기사",
      sectionId: String(sectionId),
      body: "<p>본문</p>",
      ...extra,
    });
    const created = await editor.post("/newsroom/articles", form({}));
    expect(created.statusCode).toBe(303);
    const id = Number(/\/newsroom\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1]);
    const originOf = async () =>
      await t.database.db
        .selectFrom("articles")
        .select(["origin", "origin_source"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    expect(await originOf()).toEqual({ origin: "own", origin_source: null });
    const editPage = await editor.get(`/newsroom/articles/${id}/edit`);
    expect(editPage.body).toMatch(/<option value="own" selected/);
    expect(textOf(editPage.body)).toContain("기사 출처 구분");

    const noSource = await editor.post(
      `/newsroom/articles/${id}`,
      form({ origin: "wire", originSource: "" }),
    );
    expect(noSource.statusCode).toBe(400);
    expect(textOf(noSource.body)).toContain("통신 전재 기사는 통신사(예: 연합뉴스)를 적어 주세요.");
    // What was typed stays in the form.
    expect(noSource.body).toMatch(/<option value="wire" selected/);
    const unknown = await editor.post(`/newsroom/articles/${id}`, form({ origin: "rumour" }));
    expect(unknown.statusCode).toBe(400);
    expect(textOf(unknown.body)).toContain("기사 출처 구분을 목록에서 골라 주세요.");
    expect(
      (
        await editor.post(`/newsroom/articles/${id}`, form({ origin: "wire", originSource: "연합뉴스" }), {
          csrf: false,
        })
      ).statusCode,
    ).toBe(403);
    expect(await originOf()).toEqual({ origin: "own", origin_source: null });

    const saved = await editor.post(
      `/newsroom/articles/${id}`,
      form({ origin: "wire", originSource: " 연합뉴스 " }),
    );
    expect(saved.statusCode).toBe(303);
    expect(await originOf()).toEqual({ origin: "wire", origin_source: "연합뉴스" });
    // Back to 자체 취재: the source goes with it.
    await editor.post(`/newsroom/articles/${id}`, form({ origin: "own", originSource: "연합뉴스" }));
    expect(await originOf()).toEqual({ origin: "own", origin_source: null });
  });
});
