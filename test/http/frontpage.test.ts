import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeLogLines, insertLogLines, openLogLines } from "../../src/frontpage/frontpage.repo.ts";
import { applyDueLayouts, pruneLayoutLog, syncLayoutLog } from "../../src/frontpage/frontpage.service.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { type StaffClient, signInAll } from "../support/newsroom.ts";

const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];

const HOUR = 3600_000;
const START = Date.parse(kst("2026-03-20 08:00:00"));

/** Article numbers in the order the home page's main column shows them. */
function homeOrder(html: string): number[] {
  const main = inner(html, "div", 'class="home-main"') ?? "";
  return [...main.matchAll(/href="\/article\/(\d+)"/g)].map((m) => Number(m[1]));
}
const topOf = (html: string) => /class="top-story__title"><a href="\/article\/(\d+)"/.exec(html)?.[1];
const subtopOf = (html: string) =>
  [...(inner(html, "section", 'class="subtop"') ?? "").matchAll(/href="\/article\/(\d+)"/g)].map((m) =>
    Number(m[1]),
  );

describe("편집판: the desk lays out the home and section pages, and the layout log", () => {
  let t: TestApp;
  let clock = START;
  const c: Record<string, StaffClient> = {};
  const tags: string[][] = [];

  const home = async () => (await t.app.inject("/")).body;
  const sync = () =>
    syncLayoutLog({ db: t.database.db, dialect: t.database.dialect, now: () => clock, bus: t.app.bus });
  const tick = () =>
    applyDueLayouts({ db: t.database.db, dialect: t.database.dialect, now: () => clock, bus: t.app.bus });
  const log = () => t.database.db.selectFrom("frontpage_log").selectAll().orderBy("id").execute();
  const layoutForm = (page: string, fields: Record<string, string>, op = "apply") => ({
    page,
    op,
    ...fields,
  });

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    const photo = await photoDataUri();
    await t.import(
      newsroom(
        [
          // 10 electronics stories, one an hour from 07:00 back; every third with a photo
          ...Array.from({ length: 10 }, (_, i) =>
            article({
              num: 4000 + i,
              title: `전자 ${i}`,
              publishedAt: new Date(START - HOUR - i * HOUR).toISOString(),
              ...(i % 3 === 0
                ? { leadImage: { src: photo, caption: `사진 ${i}`, credit: "테스트경제" } }
                : {}),
            }),
          ),
          ...Array.from({ length: 6 }, (_, i) =>
            article({
              num: 4100 + i,
              title: `금융 ${i}`,
              section: "finance",
              authors: ["lee-ha"],
              publishedAt: new Date(START - 90 * 60_000 - i * HOUR).toISOString(),
            }),
          ),
          article({
            num: 4200,
            title: '=HYPERLINK("http://evil") 주가',
            publishedAt: kst("2026-03-18 09:00:00"),
          }),
          article({ num: 4300, title: "초안", status: "draft" }),
        ],
        { staff: STAFF },
      ),
    );
    Object.assign(c, await signInAll(t, STAFF));
    await t.app.layoutLog.idle();
    // a wire story: the log names where it came from (제공 언론사)
    await t.database.db
      .updateTable("articles")
      .set({ origin: "wire", origin_source: "연합뉴스" })
      .where("num", "=", 4105)
      .execute();
    t.app.bus.subscribe((announced) => tags.push([...announced]));
  });
  afterAll(() => t.close());

  describe("who may lay out the pages", () => {
    it("lets editors and admins in, and refuses reporters and moderators (403) before showing anything", async () => {
      for (const key of ["choi-desk", "admin"]) {
        const res = await c[key]!.get("/newsroom/frontpage");
        expect(res.statusCode, key).toBe(200);
        expect(res.body).toContain("편집판: 홈");
      }
      for (const key of ["park-sj", "mod"]) {
        for (const path of [
          "/newsroom/frontpage",
          "/newsroom/frontpage/log",
          "/newsroom/frontpage/log.csv",
        ]) {
          const res = await c[key]!.get(path);
          expect(res.statusCode, `${key} ${path}`).toBe(403);
          expect(res.body).not.toContain("전자 0");
        }
        const post = await c[key]!.post("/newsroom/frontpage", layoutForm("home", { "s.top.1": "4005" }));
        expect(post.statusCode).toBe(403);
      }
      expect(await t.database.db.selectFrom("frontpage_layouts").selectAll().execute()).toEqual([]);
    });

    it("refuses a change without the session's CSRF token", async () => {
      const res = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4005" }),
        {
          csrf: false,
        },
      );
      expect(res.statusCode).toBe(403);
      const forged = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4005" }),
        {
          csrf: "forged",
        },
      );
      expect(forged.statusCode).toBe(403);
      expect(await t.database.db.selectFrom("frontpage_layouts").selectAll().execute()).toEqual([]);
    });

    it("shows the 편집판 in the navigation only to roles that may use it", async () => {
      expect((await c["choi-desk"]!.get("/newsroom")).body).toContain('href="/newsroom/frontpage"');
      expect((await c["park-sj"]!.get("/newsroom")).body).not.toContain('href="/newsroom/frontpage"');
    });
  });

  describe("each role lands on its work", () => {
    it("sends a moderator to the comment queue, with no desk in the navigation", async () => {
      const res = await c.mod!.get("/newsroom");
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/newsroom/comments");
      const queue = await c.mod!.get("/newsroom/comments");
      expect(queue.statusCode).toBe(200);
      const nav = inner(queue.body, "nav", 'class="nr-nav"')!;
      expect(nav).toContain("댓글");
      expect(nav).not.toContain("데스크");
      expect(nav).not.toContain("새 기사");
      expect(queue.body).not.toContain("기사 작업 권한이 없는 계정입니다");
    });

    it("shows a reporter their drafts, an editor the desk queue and the 편집판", async () => {
      const reporter = await c["park-sj"]!.get("/newsroom");
      expect(reporter.statusCode).toBe(200);
      expect(reporter.body).toContain("내 작성 중 기사");
      expect(reporter.body).not.toContain("데스크 대기열");
      const nav = inner(reporter.body, "nav", 'class="nr-nav"')!;
      expect(nav).not.toContain("조회 현황");
      expect(nav).not.toContain("댓글");
      const editor = await c["choi-desk"]!.get("/newsroom");
      expect(editor.body).toContain("데스크 대기열");
      expect(inner(editor.body, "div", 'class="nr-head__actions"')).toContain("편집판");
    });

    it("signs a moderator in straight to the comment queue", async () => {
      const { signInResponse } = await import("../support/newsroom.ts");
      const res = await signInResponse(t, "mod@test.example.kr", "correct-horse-battery");
      expect(res.statusCode).toBe(303);
      const session = res.cookies.find((x) => x.name === "jikji_session")!.value;
      const landing = await t.app.inject({
        url: res.headers.location as string,
        headers: { cookie: `jikji_session=${session}`, accept: "text/html" },
      });
      expect(landing.headers.location).toBe("/newsroom/comments");
    });
  });

  describe("automatic filling", () => {
    it("fills every slot with the newest stories, each story once, 톱 preferring a photo", async () => {
      const html = await home();
      expect(topOf(html)).toBe("4000");
      const order = homeOrder(html);
      expect(new Set(order).size).toBe(order.length);
      // newest first after the top: 금융 0 (06:30), 전자 1 (06:00), 금융 1 (05:30), 전자 2 (05:00)
      expect(subtopOf(html)).toEqual([4100, 4001, 4101, 4002]);
      expect(order).not.toContain(4300);
    });

    it("logged the automatic layout when the stories arrived", async () => {
      const lines = await log();
      const top = lines.find((l) => l.page === "home" && l.slot === "top" && l.until_at === null);
      expect(top).toMatchObject({ article_num: 4000, mode: "auto", slot_label: "톱", title: "전자 0" });
    });
  });

  describe("placing stories by hand", () => {
    it("refuses bad input with 400 and a Korean message, keeping what was typed", async () => {
      const cases: [Record<string, string>, string][] = [
        [{ "s.top.1": "abc" }, "기사 번호는 숫자로 적어 주세요."],
        [{ "s.top.1": "4300" }, "발행된 기사가 아닙니다"],
        [{ "s.top.1": "99999" }, "발행된 기사가 아닙니다"],
        [{ "s.top.1": "4005", "s.subtop.1": "4005" }, "같은 기사는 한 페이지에 한 번만"],
        [{ "s.top.1": "4005", "u.top.1": "2026-03-19T09:00" }, "고정 종료 시각은 지금보다 뒤여야"],
        [{ "s.top.1": "4005", "u.top.1": "내일" }, "고정 종료 시각을 YYYY-MM-DD HH:MM"],
        [{ "u.top.1": "2026-03-21T09:00" }, "기사를 고른 자리에만"],
        [{ "s.photo.1": "4001" }, "대표 사진이 있는 기사만"],
      ];
      for (const [fields, message] of cases) {
        const res = await c["choi-desk"]!.post("/newsroom/frontpage", layoutForm("home", fields));
        expect(res.statusCode, JSON.stringify(fields)).toBe(400);
        expect(textOf(inner(res.body, "p", 'class="nr-error"') ?? "")).toContain(message);
        const typed = Object.values(fields)[0]!;
        expect(res.body).toContain(`value="${typed}"`);
      }
      const schedule = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4005", applyAt: "9시" }, "schedule"),
      );
      expect(schedule.statusCode).toBe(400);
      expect(schedule.body).toContain("적용 시각을 YYYY-MM-DD HH:MM 형식으로");
      const past = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4005", applyAt: "2026-03-20T07:00" }, "schedule"),
      );
      expect(past.statusCode).toBe(400);
      expect(past.body).toContain("적용 시각은 지금보다 뒤여야");
      const badOp = await c["choi-desk"]!.post("/newsroom/frontpage", { page: "home", op: "explode" });
      expect(badOp.statusCode).toBe(400);
      const badPage = await c["choi-desk"]!.get("/newsroom/frontpage?page=section:industry/electronics");
      expect(badPage.statusCode).toBe(404);
      expect(await t.database.db.selectFrom("frontpage_layouts").selectAll().execute()).toEqual([]);
    });

    it("moves a row up or down without JavaScript: the form comes back with the rows swapped", async () => {
      const res = await c["choi-desk"]!.post("/newsroom/frontpage", {
        page: "home",
        "s.subtop.1": "4007",
        "s.subtop.2": "4008",
        "u.subtop.2": "2026-03-20T20:00",
        move: "subtop.2.up",
      });
      expect(res.statusCode).toBe(200);
      const first = /name="s\.subtop\.1" value="(\d*)"/.exec(res.body)?.[1];
      const second = /name="s\.subtop\.2" value="(\d*)"/.exec(res.body)?.[1];
      expect([first, second]).toEqual(["4008", "4007"]);
      expect(res.body).toMatch(/name="u\.subtop\.1" value="2026-03-20T20:00"/);
      expect(await t.database.db.selectFrom("frontpage_layouts").selectAll().execute()).toEqual([]);
    });

    it("previews a layout without applying it", async () => {
      const res = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4009", "s.subtop.1": "4105" }, "preview"),
      );
      expect(res.statusCode).toBe(200);
      const preview = inner(res.body, "section", 'data-preview="1"')!;
      expect(textOf(preview)).toMatch(/^미리보기.*톱 전자 9 수동 서브톱 1 금융 5 수동 서브톱 2 전자 0 자동/);
      expect(topOf(await home())).toBe("4000");
    });

    it("applies 톱 and 서브톱 by hand: the home page shows them in that order, the rest fills around them", async () => {
      clock = START + 10 * 60_000;
      tags.length = 0;
      const res = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4009", "s.subtop.1": "4105", "s.subtop.3": "4000" }),
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain("notice=layout_applied");
      expect(tags.flat()).toContain("home");
      const html = await home();
      expect(topOf(html)).toBe("4009");
      // 서브톱 2 and 4 fill automatically with the newest stories not already on the page
      expect(subtopOf(html)).toEqual([4105, 4100, 4000, 4001]);
      const order = homeOrder(html);
      expect(new Set(order).size).toBe(order.length);
      expect(order.slice(0, 5)).toEqual([4009, 4105, 4100, 4000, 4001]);
    });

    it("logged both placements by hand from the moment they were applied, and closed what they replaced", async () => {
      const lines = await log();
      const open = (slot: string, position: number) =>
        lines.find(
          (l) => l.page === "home" && l.slot === slot && l.position === position && l.until_at === null,
        );
      expect(open("top", 1)).toMatchObject({
        article_num: 4009,
        title: "전자 9",
        mode: "manual",
        from_at: clock,
      });
      expect(open("subtop", 1)).toMatchObject({
        article_num: 4105,
        mode: "manual",
        slot_label: "서브톱 1",
        source: "연합뉴스",
        from_at: clock,
      });
      expect(open("top", 1)!.source).toBeNull();
      const oldTop = lines.find((l) => l.page === "home" && l.slot === "top" && l.article_num === 4000);
      expect(oldTop?.until_at).toBe(clock);
      expect(oldTop!.from_at).toBeLessThan(clock);
      // applying the same layout again changes nothing visible, so the log is unchanged
      expect(await sync()).toEqual([]);
    });

    it("shows the log in the newsroom with a date filter, and exports it as CSV safe for spreadsheets", async () => {
      const page = await c["choi-desk"]!.get(
        "/newsroom/frontpage/log?from=2026-03-20&to=2026-03-20&page=home",
      );
      expect(page.statusCode).toBe(200);
      const table = textOf(inner(page.body, "table", 'class="nr-table fp-log"')!);
      expect(table).toContain("톱 전자 9 (4009) 자사 수동 2026-03-20 08:10:00 게재 중");
      expect(table).toContain("서브톱 1 금융 5 (4105) 연합뉴스 수동");
      const empty = await c["choi-desk"]!.get("/newsroom/frontpage/log?from=2026-03-01&to=2026-03-02");
      expect(empty.body).toContain("이 기간의 기록이 없습니다.");
      for (const q of ["from=2026-02-30", "from=어제", "from=2026-03-20&to=2026-03-01", "page=nope"]) {
        const bad = await c["choi-desk"]!.get(`/newsroom/frontpage/log?${q}`);
        expect(bad.statusCode, q).toBe(400);
      }
      const csv = await c["choi-desk"]!.get("/newsroom/frontpage/log.csv?from=2026-03-18&to=2026-03-20");
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(
        csv.body.startsWith(
          "\uFEFF페이지,자리,기사 번호,제목(게재 당시),제공,방식,게재 시작(KST),게재 종료(KST)",
        ),
      ).toBe(true);
      expect(csv.body).toContain("홈,톱,4009,전자 9,자사,수동,2026-03-20 08:10:00,게재 중");
    });

    it("never lets a title start a spreadsheet formula in the CSV", async () => {
      clock = START + 20 * 60_000;
      const res = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", {
          "s.top.1": "4009",
          "s.subtop.1": "4105",
          "s.subtop.3": "4000",
          "s.main.1": "4200",
        }),
      );
      expect(res.statusCode).toBe(303);
      const csv = (await c["choi-desk"]!.get("/newsroom/frontpage/log.csv?from=2026-03-20&to=2026-03-20"))
        .body;
      expect(csv).toContain(`"'=HYPERLINK(""http://evil"") 주가"`);
      expect(csv).not.toMatch(/,=HYPERLINK/);
    });
  });

  describe("pins with an end time", () => {
    it("holds a pinned story until its end, then fills the slot automatically and logs both", async () => {
      clock = START + 30 * 60_000;
      const pinEnd = START + 2 * HOUR;
      const res = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", {
          "s.top.1": "4009",
          "s.subtop.1": "4105",
          "s.subtop.2": "4104",
          "u.subtop.2": "2026-03-20T10:00",
        }),
      );
      expect(res.statusCode).toBe(303);
      expect(subtopOf(await home())[1]).toBe(4104);
      const form = await c["choi-desk"]!.get("/newsroom/frontpage");
      expect(form.body).toMatch(/name="u\.subtop\.2" value="2026-03-20T10:00"/);

      clock = pinEnd - 1;
      await tick();
      expect(subtopOf(await home())[1]).toBe(4104);

      clock = pinEnd;
      tags.length = 0;
      await tick();
      expect(tags.flat()).toContain("home");
      const after = await home();
      expect(subtopOf(after)[1]).not.toBe(4104);
      const pinned = (await log()).find((l) => l.article_num === 4104 && l.mode === "manual");
      expect(pinned).toMatchObject({
        from_at: START + 30 * 60_000,
        until_at: pinEnd,
        slot_label: "서브톱 2",
      });
    });
  });

  describe("scheduled layouts", () => {
    it("applies a layout at its time (09:00에 적용) through the scheduler, with no one acting", async () => {
      clock = Date.parse(kst("2026-03-20 10:30:00"));
      const res = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4003", applyAt: "2026-03-20T11:00" }, "schedule"),
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain("notice=layout_scheduled");
      const listed = await c["choi-desk"]!.get("/newsroom/frontpage");
      expect(textOf(inner(listed.body, "ul", 'class="fp-scheduled"')!)).toContain("2026-03-20 11:00에 적용");

      clock = Date.parse(kst("2026-03-20 10:59:59"));
      expect(await tick()).toEqual([]);
      expect(topOf(await home())).toBe("4009");

      clock = Date.parse(kst("2026-03-20 11:00:02"));
      const applied = await tick();
      expect(applied).toHaveLength(1);
      expect(await tick()).toEqual([]);
      expect(topOf(await home())).toBe("4003");
      const top = (await log()).find((l) => l.slot === "top" && l.until_at === null && l.page === "home");
      expect(top).toMatchObject({ article_num: 4003, mode: "manual", from_at: clock });
    });

    it("cancels a scheduled layout", async () => {
      clock = Date.parse(kst("2026-03-20 11:10:00"));
      await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("home", { "s.top.1": "4006", applyAt: "2026-03-20T12:00" }, "schedule"),
      );
      const row = await t.database.db
        .selectFrom("frontpage_layouts")
        .select("id")
        .where("status", "=", "scheduled")
        .executeTakeFirstOrThrow();
      const reporter = await c["park-sj"]!.post(`/newsroom/frontpage/scheduled/${row.id}/cancel`, {
        page: "home",
      });
      expect(reporter.statusCode).toBe(403);
      const res = await c["choi-desk"]!.post(`/newsroom/frontpage/scheduled/${row.id}/cancel`, {
        page: "home",
      });
      expect(res.statusCode).toBe(303);
      clock = Date.parse(kst("2026-03-20 12:00:00"));
      expect(await tick()).toEqual([]);
      expect(topOf(await home())).toBe("4003");
      const again = await c["choi-desk"]!.post(`/newsroom/frontpage/scheduled/${row.id}/cancel`, {
        page: "home",
      });
      expect(again.statusCode).toBe(404);
    });
  });

  describe("automatic changes are logged when they happen", () => {
    it("logs the shift a newly published story causes, closing what it pushed out", async () => {
      clock = Date.parse(kst("2026-03-20 12:30:00"));
      const sectionId = (
        await t.database.db
          .selectFrom("sections")
          .select("id")
          .where("slug", "=", "finance")
          .executeTakeFirstOrThrow()
      ).id;
      const draft = await c["choi-desk"]!.post("/newsroom/articles", {
        title: "속보 금리 동결",
        subtitle: "",
        sectionId: String(sectionId),
        body: "<p>한국은행이 기준금리를 동결했다.</p>",
        tags: "",
        leadMediaId: "",
        leadCaption: "",
        leadCredit: "",
        leadAlt: "",
      });
      const id = /\/newsroom\/articles\/(\d+)\/edit/.exec(draft.headers.location as string)![1];
      const before = subtopOf(await home());
      await t.app.layoutLog.idle();
      tags.length = 0;
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
      await t.app.layoutLog.idle();
      // The publish announced home and its sections; the log's comparison that followed wrote the
      // shift but did not purge those pages a second time.
      expect(tags.filter((list) => list.includes("home"))).toHaveLength(1);
      expect(tags.filter((list) => list.includes("section:finance"))).toHaveLength(1);
      const num = (
        await t.database.db
          .selectFrom("articles")
          .select("num")
          .where("id", "=", Number(id))
          .executeTakeFirstOrThrow()
      ).num;
      const after = subtopOf(await home());
      // the newest story takes the first automatic 서브톱 place; the others move down one
      expect(after).toContain(num);
      expect(after).not.toEqual(before);
      const lines = await log();
      const arrived = lines.find((l) => l.article_num === num && l.page === "home" && l.slot === "subtop");
      expect(arrived).toMatchObject({
        mode: "auto",
        from_at: clock,
        until_at: null,
        title: "속보 금리 동결",
      });
      const pushed = lines.filter((l) => l.page === "home" && l.until_at === clock);
      expect(pushed.length).toBeGreaterThan(0);
      // the finance section's page changed too
      const finance = lines.find((l) => l.article_num === num && l.page === "section:finance");
      expect(finance).toMatchObject({ slot: "top", mode: "auto", from_at: clock });

      // unpublishing takes it off the page: its lines end now
      clock += 60_000;
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/unpublish`)).statusCode).toBe(303);
      await t.app.layoutLog.idle();
      const gone = (await log()).filter((l) => l.article_num === num);
      expect(gone.every((l) => l.until_at === clock)).toBe(true);
      expect(homeOrder(await home())).not.toContain(num);
    });
  });

  describe("a top section's page", () => {
    it("opens with its own 편집판 and leaves those stories out of the list below", async () => {
      clock = Date.parse(kst("2026-03-20 13:00:00"));
      tags.length = 0;
      const res = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("section:finance", { "s.top.1": "4103", "s.subtop.1": "4105" }),
      );
      expect(res.statusCode).toBe(303);
      expect(tags.flat()).toContain("section:finance");
      const page = (await t.app.inject("/section/finance")).body;
      expect(topOf(page)).toBe("4103");
      // the column, not the 인기기사 beside it (a ranking may repeat a story)
      const column = inner(page, "div", 'class="article-list"')!;
      const nums = [...column.matchAll(/href="\/article\/(\d+)"/g)].map((m) => Number(m[1]));
      expect(nums.filter((n) => n === 4103)).toHaveLength(1);
      expect(nums.filter((n) => n === 4105)).toHaveLength(1);
      // only public stories may stand on it
      const other = await c["choi-desk"]!.post(
        "/newsroom/frontpage",
        layoutForm("section:finance", { "s.top.1": "4300" }),
      );
      expect(other.statusCode).toBe(400);
    });
  });

  describe("keeping the log", () => {
    it("prunes only lines that ended over a year ago, never one younger than six months", async () => {
      const db = t.database.db;
      const day = 24 * HOUR;
      const line = {
        slot: "main",
        position: 9,
        slotLabel: "주요 기사 9",
        articleId: 1,
        articleNum: 1,
        title: "옛 기사",
        mode: "auto" as const,
      };
      await insertLogLines(db, "archive-test", [line], clock - 400 * day);
      await insertLogLines(db, "archive-test", [{ ...line, position: 8 }], clock - 300 * day);
      const open = await openLogLines(db, "archive-test");
      await closeLogLines(db, [open.find((o) => o.position === 9)!.id], clock - 370 * day);
      await closeLogLines(db, [open.find((o) => o.position === 8)!.id], clock - 185 * day);
      await pruneLayoutLog({ db, now: () => clock });
      const left = await db
        .selectFrom("frontpage_log")
        .select("position")
        .where("page", "=", "archive-test")
        .execute();
      expect(left.map((r) => r.position)).toEqual([8]);
      const young = await db
        .selectFrom("frontpage_log")
        .select("id")
        .where("until_at", ">", clock - 184 * day)
        .execute();
      expect(young.length).toBeGreaterThan(0);
    });
  });
});
