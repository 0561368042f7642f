import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler } from "../../src/articles/scheduler.ts";
import { exportBundle } from "../../src/bundle/bundle.export.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { type StaffClient, signInAll } from "../support/newsroom.ts";

const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" as const },
];

const START = Date.parse("2026-03-20T12:00:00+09:00");
const MIN = 60_000;
/** KST wall time `datetime-local` style, for the newsroom's forms. */
const local = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 16);

describe("story labels, 속보 bar, 연재, 엠바고 and takedown", () => {
  let t: TestApp;
  let clock = START;
  const c: Record<string, StaffClient> = {};
  const idOf = async (num: number) =>
    (await t.database.db.selectFrom("articles").select("id").where("num", "=", num).executeTakeFirstOrThrow())
      .id;
  const page = (url: string) => t.app.inject({ url, headers: { accept: "text/html" } });
  const errorText = (body: string) => textOf(inner(body, "section", 'class="error-page"') ?? body);

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom(
        [
          article({ num: 7001, title: "반도체 공장 증설 확정", publishedAt: kst("2026-03-20 10:00:00") }),
          article({ num: 7002, title: "조선 수주 석 달째 늘어", publishedAt: kst("2026-03-20 10:10:00") }),
          article({ num: 7003, title: "기준금리 동결 전망", publishedAt: kst("2026-03-20 10:20:00") }),
          article({ num: 7004, title: "배터리 1부 원료 전쟁", publishedAt: kst("2026-03-18 09:00:00") }),
          article({ num: 7005, title: "배터리 2부 공장 전쟁", publishedAt: kst("2026-03-19 09:00:00") }),
          article({ num: 7006, title: "배터리 3부 인재 전쟁", publishedAt: kst("2026-03-20 09:00:00") }),
          article({
            num: 7007,
            title: "엠바고 걸린 실적 발표",
            status: "draft",
            publishedAt: undefined,
            body: "<p>엠바고실적 발표 본문입니다. 분기 매출이 크게 늘었다.</p>",
          }),
          article({ num: 7008, title: "법원이 게재를 막은 기사", publishedAt: kst("2026-03-19 08:00:00") }),
        ],
        { staff: STAFF },
      ),
    );
    Object.assign(c, await signInAll(t, STAFF));
  });
  afterAll(() => t.close());

  describe("labels", () => {
    it("a badge before the headline on the page and every list; [단독] in og:title and feed titles", async () => {
      const id = await idOf(7001);
      const res = await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, { labels: "exclusive" });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);

      const articlePage = await page("/article/7001");
      const h1 = inner(articlePage.body, "h1", 'class="article__title"')!;
      expect(h1).toMatch(
        /^<span class="label-badge label-badge--exclusive">단독<\/span> ?반도체 공장 증설 확정$/,
      );
      expect(articlePage.body).toContain(
        '<meta property="og:title" content="[단독] 반도체 공장 증설 확정"/>',
      );
      expect(articlePage.body).toContain(
        '<meta name="twitter:title" content="[단독] 반도체 공장 증설 확정"/>',
      );
      // The document title and the structured data keep the headline as written.
      expect(articlePage.body).toContain("<title>반도체 공장 증설 확정 - 테스트경제</title>");

      for (const url of [
        "/",
        "/section/industry",
        "/section/industry/electronics",
        `/search?q=${encodeURIComponent("반도체 공장")}`,
      ]) {
        const list = await page(url);
        expect(list.body, url).toMatch(
          /<span class="label-badge label-badge--exclusive">단독<\/span> ?<a href="\/article\/7001">/,
        );
      }
      const rss = await t.app.inject("/rss.xml");
      expect(rss.body).toContain("<title>[단독] 반도체 공장 증설 확정</title>");
      const api = (await t.app.inject("/api/v1/articles?limit=50")).json();
      expect(api.articles.find((a: { num: number }) => a.num === 7001).labels).toEqual(["exclusive"]);
      expect((await t.app.inject("/api/v1/articles/7001")).json().article.labels).toEqual(["exclusive"]);
      const sectionRss = await t.app.inject("/section/industry/rss.xml");
      expect(sectionRss.body).toContain("<title>[단독] 반도체 공장 증설 확정</title>");
      // Unlabelled stories are unchanged.
      expect(rss.body).toContain("<title>조선 수주 석 달째 늘어</title>");

      const history = textOf((await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`)).body);
      expect(history).toContain("표시·연재");
    });

    it("several labels show in one fixed order", async () => {
      const id = await idOf(7002);
      // Two checkboxes of one name, sent in the "wrong" order: shown 단독 before 인터뷰 whatever the form's order.
      const res = await t.app.inject({
        method: "POST",
        url: `/newsroom/articles/${id}/kinds`,
        headers: { cookie: c["choi-desk"]!.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: `labels=interview&labels=exclusive&_csrf=${encodeURIComponent(c["choi-desk"]!.csrf)}`,
      });
      expect(res.statusCode).toBe(303);
      const rss = await t.app.inject("/rss.xml");
      expect(rss.body).toContain("<title>[단독][인터뷰] 조선 수주 석 달째 늘어</title>");
      await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, {});
      expect((await t.app.inject("/rss.xml")).body).toContain("<title>조선 수주 석 달째 늘어</title>");
    });

    it("영상: a checked YouTube id embedded from youtube-nocookie.com, the CSP opening frames to that host on that page only", async () => {
      const id = await idOf(7003);
      const bad = await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, {
        labels: "video",
        video: "https://evil.example/watch?v=dQw4w9WgXcQ",
      });
      expect(bad.statusCode).toBe(400);
      expect(errorText(bad.body)).toContain("유튜브 영상 주소");
      const missing = await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, { labels: "video" });
      expect(missing.statusCode).toBe(400);
      expect(errorText(missing.body)).toContain("‘영상’ 표시를 단 기사에는 유튜브 영상 주소가 필요합니다.");
      const injected = await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, {
        labels: "video",
        video: 'dQw4w9WgXc"><script>',
      });
      expect(injected.statusCode).toBe(400);

      const ok = await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, {
        labels: "video",
        video: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30",
      });
      expect(ok.statusCode).toBe(303);
      for (const attempt of ["miss", "hit"]) {
        const res = await page("/article/7003");
        expect(res.body, attempt).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
        expect(res.headers["content-security-policy"], attempt).toContain(
          "frame-src https://www.youtube-nocookie.com",
        );
        expect(res.headers["content-security-policy"], attempt).toContain("frame-ancestors 'none'");
        expect(res.headers["x-cache"]).toBe(attempt);
      }
      const other = await page("/article/7002");
      expect(other.headers["content-security-policy"]).not.toContain("frame-src");
      expect(other.body).not.toContain("<iframe");
      // Unlabelling it removes the video too.
      await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, { labels: "photo" });
      expect((await page("/article/7003")).body).not.toContain("youtube-nocookie");
    });

    it("refuses unknown labels, wrong roles and a missing CSRF token, before changing anything", async () => {
      const id = await idOf(7002);
      const unknown = await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, { labels: "sponsored" });
      expect(unknown.statusCode).toBe(400);
      expect(errorText(unknown.body)).toContain("기사 표시(속보, 단독 등)를 목록에서 골라 주세요.");
      // A reporter may not relabel a published story (the desk's), a moderator nothing at all.
      expect(
        (await c["park-sj"]!.post(`/newsroom/articles/${id}/kinds`, { labels: "exclusive" })).statusCode,
      ).toBe(403);
      expect((await c.mod!.post(`/newsroom/articles/${id}/kinds`, { labels: "exclusive" })).statusCode).toBe(
        403,
      );
      const noCsrf = await c["choi-desk"]!.post(
        `/newsroom/articles/${id}/kinds`,
        { labels: "exclusive" },
        { csrf: false },
      );
      expect(noCsrf.statusCode).toBe(403);
      const anonymous = await t.app.inject({
        method: "POST",
        url: `/newsroom/articles/${id}/kinds`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "labels=exclusive",
      });
      expect([302, 303, 401, 403]).toContain(anonymous.statusCode);
      const labels = await t.database.db
        .selectFrom("article_labels")
        .selectAll()
        .where("article_id", "=", id)
        .execute();
      expect(labels).toEqual([]);
    });
  });

  describe("the 속보 bar", () => {
    it("appears site-wide when a fresh 속보 story is labelled, and comes down 30 minutes after publication", async () => {
      const id = await idOf(7003);
      // Published at 10:20; at 10:30 it is ten minutes old.
      clock = Date.parse("2026-03-20T10:30:00+09:00");
      await page("/section/finance"); // kept in the page cache without a bar
      expect(
        (await c["choi-desk"]!.post(`/newsroom/articles/${id}/kinds`, { labels: "breaking" })).statusCode,
      ).toBe(303);
      for (const url of ["/", "/section/finance", "/article/7001", "/events"]) {
        const res = await page(url);
        const bar = inner(res.body, "aside", 'class="breaking-bar"');
        expect(bar, url).not.toBeNull();
        expect(textOf(bar!)).toBe("속보 기준금리 동결 전망");
      }
      expect((await page("/section/finance")).headers["x-cache"]).toBe("hit");
      // The page cache keeps time with performance.now(), the app with its clock (fixed here): to let
      // time pass for the cache as the clock moves, ask it what it holds later, which drops what is
      // past its time, as a running server would.
      const later = (ms: number) => performance.now() + ms;
      const urls = ["/", "/section/finance", "/article/7001", "/events"];
      // 10:45, five minutes before the bar's end: pages kept now end with the bar, not ten minutes on.
      clock = Date.parse("2026-03-20T10:45:00+09:00");
      for (const key of urls) t.app.pageCache.get(key, later(15 * MIN));
      for (const key of urls) {
        expect((await page(key)).body, key).toContain('class="breaking-bar"');
        expect((await page(key)).headers["x-cache"], key).toBe("hit");
      }
      for (const key of ["/", "/section/finance", "/article/7001"]) {
        expect(t.app.pageCache.get(key, later(5 * MIN - 5_000)), key).toBeDefined();
      }
      for (const key of urls) expect(t.app.pageCache.get(key, later(5 * MIN + 1)), key).toBeUndefined();
      // 10:49:59: still up
      clock = Date.parse("2026-03-20T10:49:59+09:00");
      expect((await page("/section/finance")).body).toContain('class="breaking-bar"');
      expect(t.app.pageCache.get("/section/finance", later(1_001))).toBeUndefined();
      // 10:50: thirty minutes after publication the bar is gone.
      clock = Date.parse("2026-03-20T10:50:00+09:00");
      for (const url of ["/", "/section/finance", "/article/7001"]) {
        expect((await page(url)).body, url).not.toContain('class="breaking-bar"');
      }
      expect((await page("/article/7003")).body).toContain("label-badge--breaking");
    });

    it("publishing a 속보 story puts the bar up at once; an editor clears it before its time, a reporter may not", async () => {
      clock = START;
      const financeId = (
        await t.database.db
          .selectFrom("sections")
          .select("id")
          .where("slug", "=", "finance")
          .executeTakeFirstOrThrow()
      ).id;
      const created = await c["lee-ha"]!.post("/newsroom/articles", {
        title: "환율 1500원 돌파",
        subtitle: "",
        sectionId: String(financeId),
        body: "<p>원달러 환율이 장중 1500원을 넘었다.</p>",
        tags: "",
        leadMediaId: "",
        leadCaption: "",
        leadCredit: "",
        leadAlt: "",
      });
      const id = Number(/\/newsroom\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1]);
      // The reporter labels the draft; nothing public changes yet.
      expect(
        (await c["lee-ha"]!.post(`/newsroom/articles/${id}/kinds`, { labels: "breaking" })).statusCode,
      ).toBe(303);
      expect((await page("/")).body).not.toContain('class="breaking-bar"');
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
      for (const url of ["/", "/section/industry", "/article/7001"]) {
        expect(textOf(inner((await page(url)).body, "aside", 'class="breaking-bar"') ?? ""), url).toBe(
          "속보 환율 1500원 돌파",
        );
      }
      const editor = await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`);
      expect(editor.body).toContain("속보 띠 내리기");
      expect((await c["lee-ha"]!.post(`/newsroom/articles/${id}/breaking/clear`)).statusCode).toBe(403);
      expect(
        (await c["choi-desk"]!.post(`/newsroom/articles/${id}/breaking/clear`, {}, { csrf: false }))
          .statusCode,
      ).toBe(403);
      expect((await page("/")).body).toContain('class="breaking-bar"');
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/breaking/clear`)).statusCode).toBe(303);
      for (const url of ["/", "/section/industry", "/article/7001"]) {
        expect((await page(url)).body, url).not.toContain('class="breaking-bar"');
      }
      // The label stays on the story; its history says who cleared the bar.
      expect(
        (
          await page(
            `/article/${(await t.database.db.selectFrom("articles").select("num").where("id", "=", id).executeTakeFirstOrThrow()).num}`,
          )
        ).body,
      ).toContain("label-badge--breaking");
      expect(textOf((await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`)).body)).toContain(
        "속보 띠 내림 최민호",
      );
    });
  });

  describe("연재", () => {
    it("editors create a series; bad input and wrong roles are refused in Korean", async () => {
      expect((await c["park-sj"]!.get("/newsroom/series")).statusCode).toBe(403);
      expect(
        (await c["park-sj"]!.post("/newsroom/series", { key: "battery", title: "배터리 전쟁" })).statusCode,
      ).toBe(403);
      const badKey = await c["choi-desk"]!.post("/newsroom/series", { key: "배터리", title: "배터리 전쟁" });
      expect(badKey.statusCode).toBe(400);
      expect(textOf(badKey.body)).toContain(
        "연재 주소는 영문 소문자, 숫자, 하이픈(-)으로 60자까지 적어 주세요.",
      );
      // what was typed comes back in the form
      expect(badKey.body).toContain('value="배터리 전쟁"');
      const noTitle = await c["choi-desk"]!.post("/newsroom/series", { key: "battery", title: "  " });
      expect(noTitle.statusCode).toBe(400);
      expect(textOf(noTitle.body)).toContain("연재 이름을 적어 주세요.");
      const noCsrf = await c["choi-desk"]!.post(
        "/newsroom/series",
        { key: "battery", title: "배터리 전쟁" },
        { csrf: false },
      );
      expect(noCsrf.statusCode).toBe(403);

      const ok = await c["choi-desk"]!.post("/newsroom/series", {
        key: "battery",
        title: "배터리 전쟁",
        description: "K배터리의 세 가지 전쟁을 짚는다.",
        position: "1",
      });
      expect(ok.statusCode).toBe(303);
      const taken = await c["choi-desk"]!.post("/newsroom/series", { key: "battery", title: "또 배터리" });
      expect(taken.statusCode).toBe(409);
      expect(textOf(taken.body)).toContain("주소 ‘battery’는 이미 다른 연재가 쓰고 있습니다.");
      const list = await c["choi-desk"]!.get("/newsroom/series");
      expect(textOf(list.body)).toContain("배터리 전쟁");
    });

    it("parts show 연재 n회 and link to the previous and next parts; /series/{key} lists them in order", async () => {
      const series = await t.database.db
        .selectFrom("series")
        .select("id")
        .where("key", "=", "battery")
        .executeTakeFirstOrThrow();
      // The parts are given out of order; part numbers decide.
      for (const [num, part] of [
        [7006, 3],
        [7004, 1],
        [7005, 2],
      ] as const) {
        const res = await c["choi-desk"]!.post(`/newsroom/articles/${await idOf(num)}/kinds`, {
          seriesId: String(series.id),
          seriesPart: String(part),
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      }
      const clash = await c["choi-desk"]!.post(`/newsroom/articles/${await idOf(7001)}/kinds`, {
        labels: "exclusive",
        seriesId: String(series.id),
        seriesPart: "2",
      });
      expect(clash.statusCode).toBe(409);
      expect(errorText(clash.body)).toContain("이 연재의 같은 회차를 이미 7005번 기사가 쓰고 있습니다.");
      const noPart = await c["choi-desk"]!.post(`/newsroom/articles/${await idOf(7001)}/kinds`, {
        seriesId: String(series.id),
      });
      expect(noPart.statusCode).toBe(400);
      expect(errorText(noPart.body)).toContain("연재 회차(1 이상)를 적어 주세요.");
      const unknown = await c["choi-desk"]!.post(`/newsroom/articles/${await idOf(7001)}/kinds`, {
        seriesId: "999999",
        seriesPart: "1",
      });
      expect(unknown.statusCode).toBe(400);

      const seriesPage = await page("/series/battery");
      expect(seriesPage.statusCode).toBe(200);
      const text = textOf(seriesPage.body);
      expect(text).toContain("배터리 전쟁");
      expect(text).toContain("K배터리의 세 가지 전쟁을 짚는다.");
      const order = [
        "연재 1회",
        "배터리 1부 원료 전쟁",
        "연재 2회",
        "배터리 2부 공장 전쟁",
        "연재 3회",
        "배터리 3부",
      ].map((s) => text.indexOf(s));
      expect(order.every((n) => n >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      const json = (await t.app.inject("/api/v1/articles/7005")).json();
      expect(json.article.series).toEqual({
        key: "battery",
        title: "배터리 전쟁",
        part: 2,
        url: "http://jikji.test/series/battery",
      });
      const middle = await page("/article/7005");
      expect(textOf(middle.body)).toContain("배터리 전쟁 연재 2회");
      const nav = inner(middle.body, "nav", 'class="series-nav"')!;
      expect(nav).toContain('href="/article/7004" rel="prev"');
      expect(nav).toContain('href="/article/7006" rel="next"');
      expect(textOf(nav)).toContain("이전 회 (연재 1회)배터리 1부 원료 전쟁");
      expect(textOf(nav)).toContain("다음 회 (연재 3회) ›배터리 3부 인재 전쟁");
      expect(nav).toContain('href="/series/battery"');
      const first = inner((await page("/article/7004")).body, "nav", 'class="series-nav"')!;
      expect(textOf(first)).toContain("첫 회입니다");
      const last = inner((await page("/article/7006")).body, "nav", 'class="series-nav"')!;
      expect(textOf(last)).toContain("마지막 회입니다");

      // Renaming the series redraws its parts' navigation (cached pages too).
      const edited = await c["choi-desk"]!.post(`/newsroom/series/${series.id}`, {
        title: "K배터리 삼국지",
        description: "",
        position: "2",
      });
      expect(edited.statusCode).toBe(303);
      expect(textOf((await page("/article/7005")).body)).toContain("K배터리 삼국지 연재 2회");
      expect(textOf((await page("/series/battery")).body)).toContain("K배터리 삼국지");
      // A part pulled leaves its neighbours' links.
      expect(
        (await c["choi-desk"]!.post(`/newsroom/articles/${await idOf(7005)}/unpublish`)).statusCode,
      ).toBe(303);
      const after = inner((await page("/article/7004")).body, "nav", 'class="series-nav"')!;
      expect(after).toContain('href="/article/7006" rel="next"');
      expect(textOf((await page("/series/battery")).body)).not.toContain("배터리 2부");
      expect((await page("/series/nothing-here")).statusCode).toBe(404);
      expect((await page("/series/BAD%20KEY")).statusCode).toBe(404);
    });
  });

  describe("엠바고", () => {
    it("hides the story from every reader surface until its time, then the scheduler publishes it unasked", async () => {
      const id = await idOf(7007);
      const until = START + 30 * MIN;
      expect(
        (await c["park-sj"]!.post(`/newsroom/articles/${id}/embargo`, { until: local(until) })).statusCode,
      ).toBe(403);
      const past = await c["choi-desk"]!.post(`/newsroom/articles/${id}/embargo`, {
        until: local(START - MIN),
      });
      expect(past.statusCode).toBe(400);
      expect(errorText(past.body)).toContain("엠바고 시각은 지금보다 뒤여야 합니다.");
      const garbled = await c["choi-desk"]!.post(`/newsroom/articles/${id}/embargo`, { until: "내일 아침" });
      expect(garbled.statusCode).toBe(400);
      expect(errorText(garbled.body)).toContain(
        "엠바고 시각을 YYYY-MM-DD HH:mm 형식(한국 시각)으로 골라 주세요.",
      );
      expect(
        (
          await c["choi-desk"]!.post(
            `/newsroom/articles/${id}/embargo`,
            { until: local(until) },
            { csrf: false },
          )
        ).statusCode,
      ).toBe(403);
      const ok = await c["choi-desk"]!.post(`/newsroom/articles/${id}/embargo`, { until: local(until) });
      expect(ok.statusCode, ok.body.slice(0, 300)).toBe(303);

      // The newsroom shows it as 엠바고 with its KST time.
      const scheduled = textOf((await c["choi-desk"]!.get("/newsroom/articles?status=scheduled")).body);
      expect(scheduled).toContain("엠바고 2026-03-20 12:30");
      expect(textOf((await c["choi-desk"]!.get("/newsroom")).body)).toContain("엠바고 2026-03-20 12:30");
      // The desk's 발행 cannot break it.
      const early = await c["choi-desk"]!.post(`/newsroom/articles/${id}/publish`);
      expect(early.statusCode).toBe(409);
      expect(errorText(early.body)).toContain("엠바고가 걸린 기사입니다.");

      const invisible = async () => {
        expect((await page("/article/7007")).statusCode).toBe(404);
        for (const url of ["/", "/section/industry", "/section/industry/electronics", "/reporter/park-sj"]) {
          expect((await page(url)).body, url).not.toContain("엠바고 걸린 실적 발표");
        }
        expect(textOf((await page(`/search?q=${encodeURIComponent("엠바고실적")}`)).body)).not.toContain(
          "엠바고 걸린 실적 발표",
        );
        for (const url of [
          "/rss.xml",
          "/section/industry/rss.xml",
          "/reporter/park-sj/rss.xml",
          "/news-sitemap.xml",
        ]) {
          const res = await t.app.inject(url);
          expect(res.body, url).not.toContain("7007");
        }
        const month = await t.app.inject("/sitemap.xml");
        for (const loc of month.body.match(/<loc>[^<]+<\/loc>/g) ?? []) {
          const part = await t.app.inject(loc.slice(5, -6).replace(/^https?:\/\/[^/]+/, ""));
          expect(part.body).not.toContain("/article/7007");
        }
        expect((await t.app.inject("/api/v1/articles/7007")).statusCode).toBe(404);
        expect((await t.app.inject("/api/v1/articles?limit=100")).body).not.toContain("7007");
      };
      await invisible();
      clock = until - 1;
      await invisible();

      // Its time comes: the scheduler (as every instance runs it) publishes it; nobody presses anything.
      clock = until + 1000;
      const announced = new Promise<void>((resolve) => {
        const stop = t.app.bus.subscribe((tags) => {
          if (tags.includes("article:7007")) {
            stop();
            resolve();
          }
        });
      });
      const stopScheduler = startScheduler(
        { db: t.database.db, dialect: t.database.dialect, now: () => clock, bus: t.app.bus },
        t.app.log,
        25,
      );
      await announced;
      stopScheduler();
      const live = await page("/article/7007");
      expect(live.statusCode).toBe(200);
      expect(textOf(live.body)).toContain("입력 2026-03-20 12:30:00");
      expect((await page("/")).body).toContain("엠바고 걸린 실적 발표");
      expect(textOf((await page(`/search?q=${encodeURIComponent("엠바고실적")}`)).body)).toContain(
        "엠바고 걸린 실적 발표",
      );
      expect((await t.app.inject("/rss.xml")).body).toContain("/article/7007");
      expect((await t.app.inject("/news-sitemap.xml")).body).toContain("/article/7007");
      expect((await t.app.inject("/api/v1/articles/7007")).statusCode).toBe(200);
      const history = textOf((await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`)).body);
      expect(history).toContain("엠바고 2026-03-20 12:30:00");
      expect(history).toContain("발행 예약 발행");
      clock = START;
    });

    it("an embargo can be lifted by the desk, after which 발행 works", async () => {
      const created = await c["lee-ha"]!.post("/newsroom/articles", {
        title: "해제할 엠바고",
        subtitle: "",
        sectionId: String(
          (
            await t.database.db
              .selectFrom("sections")
              .select("id")
              .where("slug", "=", "finance")
              .executeTakeFirstOrThrow()
          ).id,
        ),
        body: "<p>해제 시험 본문입니다.</p>",
        tags: "",
        leadMediaId: "",
        leadCaption: "",
        leadCredit: "",
        leadAlt: "",
      });
      const id = Number(/\/newsroom\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1]);
      await c["choi-desk"]!.post(`/newsroom/articles/${id}/embargo`, { until: local(START + 3600_000) });
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(409);
      expect((await c["lee-ha"]!.post(`/newsroom/articles/${id}/embargo/lift`)).statusCode).toBe(403);
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/embargo/lift`)).statusCode).toBe(303);
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
    });
  });

  describe("takedown", () => {
    it("unpublishes with a recorded reason; the URL answers 410 with a short Korean notice, never cached", async () => {
      const id = await idOf(7008);
      expect((await page("/article/7008")).statusCode).toBe(200);
      const noReason = await c["choi-desk"]!.post(`/newsroom/articles/${id}/takedown`, { reason: "  " });
      expect(noReason.statusCode).toBe(400);
      expect(errorText(noReason.body)).toContain("게재 중단 사유를 적어 주세요.");
      expect(
        (await c["park-sj"]!.post(`/newsroom/articles/${id}/takedown`, { reason: "법원 결정" })).statusCode,
      ).toBe(403);
      expect(
        (
          await c["choi-desk"]!.post(
            `/newsroom/articles/${id}/takedown`,
            { reason: "법원 결정" },
            { csrf: false },
          )
        ).statusCode,
      ).toBe(403);
      expect((await page("/article/7008")).statusCode).toBe(200);

      const ok = await c["choi-desk"]!.post(`/newsroom/articles/${id}/takedown`, {
        reason: "법원 결정 (서울중앙지법 2026카합1234)",
      });
      expect(ok.statusCode).toBe(303);
      for (const attempt of [1, 2]) {
        const gone = await page("/article/7008");
        expect(gone.statusCode, String(attempt)).toBe(410);
        expect(gone.headers["cache-control"]).toBe("no-store");
        expect(gone.headers["x-cache"]).toBeUndefined();
        expect(errorText(gone.body)).toContain("게재가 중단된 기사입니다");
        expect(errorText(gone.body)).toContain("이 기사는 게재가 중단되었습니다.");
        // the reason stays in the newsroom
        expect(gone.body).not.toContain("서울중앙지법");
      }
      expect((await t.app.inject("/rss.xml")).body).not.toContain("/article/7008");
      const history = textOf((await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`)).body);
      expect(history).toMatch(/게재 중단 최민호 · [\d-]+ [\d:]+ 법원 결정 \(서울중앙지법 2026카합1234\)/);
      const events = await t.database.db
        .selectFrom("article_events")
        .select(["action", "note", "from_status", "to_status"])
        .where("article_id", "=", id)
        .execute();
      expect(events).toContainEqual({
        action: "taken_down",
        note: "법원 결정 (서울중앙지법 2026카합1234)",
        from_status: "published",
        to_status: "unpublished",
      });
      // An ordinary pulled story stays a 404, and one published again is a page again.
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
      expect((await page("/article/7008")).statusCode).toBe(200);
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/unpublish`)).statusCode).toBe(303);
      expect((await page("/article/7008")).statusCode).toBe(404);
    });
  });

  describe("bundle", () => {
    it("imports and exports series, labels and embargoUntil; a second round changes nothing", async () => {
      const other = await createTestApp({ now: () => START });
      try {
        const bundle = newsroom(
          [
            article({
              num: 8001,
              title: "하나",
              labels: ["exclusive", "breaking"],
              series: { key: "chips", part: 1 },
            }),
            article({ num: 8002, title: "둘", series: { key: "chips", part: 2 }, labels: ["column"] }),
            article({
              num: 8003,
              title: "엠바고 셋",
              publishedAt: kst("2026-03-20 11:00:00"),
              embargoUntil: kst("2026-03-20 15:00:00"),
            }),
          ],
          { series: [{ key: "chips", title: "반도체 삼국지", description: "세 나라의 반도체" }] },
        );
        await other.import(bundle);
        // An embargo that has not passed holds the story, whatever status the bundle gave it.
        const held = await other.database.db
          .selectFrom("articles")
          .select(["status", "published_at", "embargo_until"])
          .where("num", "=", 8003)
          .executeTakeFirstOrThrow();
        expect(held.status).toBe("scheduled");
        expect(Number(held.published_at)).toBe(Date.parse("2026-03-20T15:00:00+09:00"));
        expect((await other.app.inject("/article/8003")).statusCode).toBe(404);
        expect((await other.app.inject("/series/chips")).body).toContain("반도체 삼국지");

        const first = await exportBundle({ db: other.database.db, mediaDir: other.mediaDir });
        expect(first.series).toEqual([
          { key: "chips", title: "반도체 삼국지", description: "세 나라의 반도체" },
        ]);
        const byNum = new Map((first.articles ?? []).map((a) => [a.num, a]));
        expect(byNum.get(8001)).toMatchObject({
          labels: ["breaking", "exclusive"],
          series: { key: "chips", part: 1 },
        });
        expect(byNum.get(8002)).toMatchObject({ labels: ["column"], series: { key: "chips", part: 2 } });
        expect(byNum.get(8003)).toMatchObject({
          status: "scheduled",
          embargoUntil: "2026-03-20T15:00:00+09:00",
        });

        const third = await createTestApp({ now: () => START });
        try {
          await third.import(first);
          const second = await exportBundle({ db: third.database.db, mediaDir: third.mediaDir });
          expect(second).toEqual(first);
          await third.import(second);
          expect(await exportBundle({ db: third.database.db, mediaDir: third.mediaDir })).toEqual(first);
        } finally {
          await third.close();
        }
      } finally {
        await other.close();
      }
    });

    it("refuses unknown series, repeated parts and labels, naming the JSON path", async () => {
      const bad = newsroom(
        [
          article({ num: 8101, series: { key: "nope", part: 1 } }),
          article({ num: 8102, series: { key: "ok", part: 1 } }),
          article({ num: 8103, series: { key: "ok", part: 1 } }),
        ],
        { series: [{ key: "ok", title: "좋은 연재" }] },
      );
      await expect(t.import(bad)).rejects.toMatchObject({
        problems: expect.arrayContaining([
          { path: "articles[0].series.key", message: "unknown series key 'nope'" },
          { path: "articles[2].series.part", message: "part 1 of 'ok' is also articles[1]" },
        ]),
      });
      const labels = newsroom([article({ num: 8104, labels: ["exclusive", "exclusive"] })]);
      await expect(t.import(labels)).rejects.toMatchObject({
        problems: expect.arrayContaining([expect.objectContaining({ path: "articles[0].labels" })]),
      });
      const badKey = newsroom([], { series: [{ key: "한글키", title: "x" }] });
      await expect(t.import(badKey)).rejects.toMatchObject({
        problems: expect.arrayContaining([expect.objectContaining({ path: "series[0].key" })]),
      });
    });
  });
});
