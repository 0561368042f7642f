import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { type StaffClient, signInAll } from "../support/newsroom.ts";

const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];

/** The story ids a list page shows, in order. */
const idsOf = (html: string) => [...html.matchAll(/name="ids" value="(\d+)"/g)].map((m) => Number(m[1]));

describe("the newsroom's article list: search, filters, bulk actions", () => {
  let t: TestApp;
  const clock = Date.parse("2026-03-20T12:00:00+09:00");
  const c: Record<string, StaffClient> = {};
  const id: Record<string, number> = {};
  const sec: Record<string, number> = {};

  const idByNum = async (num: number) =>
    (await t.database.db.selectFrom("articles").select("id").where("num", "=", num).executeTakeFirstOrThrow())
      .id;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom(
        [
          article({
            num: 9001,
            title: "반도체 수출 석 달 연속 증가",
            authors: ["park-sj"],
            publishedAt: kst("2026-03-18 09:00:00"),
          }),
          article({
            num: 9002,
            title: "조선 수주 회복",
            section: "industry/shipbuilding",
            authors: ["lee-ha"],
            publishedAt: kst("2026-03-10 09:00:00"),
            body: "<p>선박 수주가 늘었다. 반도체와는 무관하다.</p>",
          }),
          article({
            num: 9003,
            title: "금리 동결",
            section: "finance",
            authors: ["lee-ha"],
            publishedAt: kst("2026-03-19 10:00:00"),
            body: "<p>기준금리가 동결되었다.</p>",
          }),
          article({
            num: 9004,
            title: "반도체 초안 기사",
            authors: ["park-sj"],
            status: "draft",
            publishedAt: undefined,
          }),
          article({
            num: 9005,
            title: "이하은의 초안",
            section: "finance",
            authors: ["lee-ha"],
            status: "draft",
            publishedAt: undefined,
            body: "<p>비밀 취재 메모 반도체</p>",
          }),
        ],
        { staff: STAFF },
      ),
    );
    Object.assign(c, await signInAll(t, STAFF));
    for (const n of [9001, 9002, 9003, 9004, 9005]) id[n] = await idByNum(n);
    for (const s of await t.database.db.selectFrom("sections").select(["id", "slug"]).execute())
      sec[s.slug] = s.id;
    await t.database.db
      .updateTable("articles")
      .set({ origin: "wire", origin_source: "누리통신" })
      .where("num", "=", 9003)
      .execute();
    await t.database.db
      .insertInto("article_labels")
      .values({ article_id: id[9001]!, label: "exclusive" })
      .execute();
  });
  afterAll(() => t.close());

  describe("finding stories", () => {
    it("searches titles, bodies and bylines: published through the index, drafts by LIKE", async () => {
      const desk = c["choi-desk"]!;
      // 반도체: a published title, a published body, a draft title, a draft body
      expect(new Set(idsOf((await desk.get("/newsroom/articles?q=반도체")).body))).toEqual(
        new Set([id[9001], id[9002], id[9004], id[9005]]),
      );
      // a byline
      expect(
        new Set(idsOf((await desk.get(`/newsroom/articles?q=${encodeURIComponent("이하은")}`)).body)),
      ).toEqual(new Set([id[9002], id[9003], id[9005]]));
      // LIKE wildcards are text, not patterns
      expect(idsOf((await desk.get("/newsroom/articles?q=%25")).body)).toEqual([]);
      expect(idsOf((await desk.get("/newsroom/articles?q=_")).body)).toEqual([]);
    });

    it("filters by status, section (with subsections), reporter, label, origin and date; sorts and pages", async () => {
      const desk = c["choi-desk"]!;
      const ids = async (query: string) => idsOf((await desk.get(`/newsroom/articles?${query}`)).body);
      expect(await ids("status=draft&sort=title")).toEqual([id[9004], id[9005]]);
      expect(new Set(await ids(`section=${sec.industry}`))).toEqual(new Set([id[9001], id[9002], id[9004]]));
      expect(new Set(await ids(`section=${sec.finance}`))).toEqual(new Set([id[9003], id[9005]]));
      const lee = (
        await t.database.db
          .selectFrom("staff")
          .select("id")
          .where("key", "=", "lee-ha")
          .executeTakeFirstOrThrow()
      ).id;
      expect(new Set(await ids(`reporter=${lee}`))).toEqual(new Set([id[9002], id[9003], id[9005]]));
      expect(await ids("label=exclusive")).toEqual([id[9001]]);
      expect(await ids("origin=wire")).toEqual([id[9003]]);
      expect(await ids("status=published&from=2026-03-18&to=2026-03-19")).toEqual([id[9003], id[9001]]);
      expect(await ids("status=published&sort=oldest")).toEqual([id[9002], id[9001], id[9003]]);
      const first = await desk.get("/newsroom/articles?status=published&size=20");
      expect(first.body).toContain('data-total="3"');
      const page2 = await desk.get("/newsroom/articles?status=published&size=20&page=2");
      expect(idsOf(page2.body)).toEqual([]);
      // the form keeps the filters, labelled
      expect(textOf(first.body)).toContain("검색어 (제목·본문·기자)");
    });

    it("shows a reporter only their own stories, and refuses bad conditions with Korean messages", async () => {
      const park = c["park-sj"]!;
      expect(new Set(idsOf((await park.get("/newsroom/articles?q=반도체")).body))).toEqual(
        new Set([id[9001], id[9004]]),
      );
      expect((await park.get("/newsroom/articles")).body).not.toContain('name="reporter"');
      const bad: [string, string][] = [
        ["size=1000", "한 쪽에 20, 50, 100건까지 볼 수 있습니다."],
        ["page=501", "500쪽까지 볼 수 있습니다."],
        ["status=deleted", "상태를 다시 골라 주세요."],
        ["label=gossip", "라벨을 다시 골라 주세요."],
        ["from=2026-13-45", "날짜가 올바르지 않습니다."],
        ["from=yesterday", "날짜는 YYYY-MM-DD 형식으로 골라 주세요."],
        ["sort=random", "정렬을 다시 골라 주세요."],
        [`q=${"가".repeat(401)}`, "검색어는 100자까지 쓸 수 있습니다."],
      ];
      for (const [query, message] of bad) {
        const res = await c["choi-desk"]!.get(`/newsroom/articles?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(textOf(res.body), query).toContain(message);
      }
      expect((await c.mod!.get("/newsroom/articles")).statusCode).toBe(403);
    });
  });

  describe("bulk actions", () => {
    it("move to a section: editors on any story, reporters only on their own drafts; pages and search follow", async () => {
      const desk = c["choi-desk"]!;
      // cache the section page so the move must announce it stale
      const before = await t.app.inject("/section/finance");
      expect(before.body).not.toContain("반도체 수출 석 달 연속 증가");
      const res = await desk.post("/newsroom/articles/bulk", {
        ids: String(id[9001]),
        action: "move",
        sectionId: String(sec.finance),
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-done="1"');
      expect((await t.app.inject("/section/finance")).body).toContain("반도체 수출 석 달 연속 증가");
      const search = await t.app.inject(`/search?q=${encodeURIComponent("반도체 수출")}&section=finance`);
      expect(search.statusCode).toBe(200);

      // a reporter: their own draft yes, someone else's story no (and its title not shown), a published one no
      const park = c["park-sj"]!;
      const form = new URLSearchParams({
        action: "move",
        sectionId: String(sec["industry/shipbuilding"]),
        _csrf: park.csrf,
      });
      for (const n of [9004, 9005, 9001]) form.append("ids", String(id[n]));
      const mixed = await t.app.inject({
        method: "POST",
        url: "/newsroom/articles/bulk",
        headers: { cookie: park.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: form.toString(),
      });
      expect(mixed.statusCode).toBe(200);
      expect(mixed.body).toContain('data-done="1"');
      expect(mixed.body).toContain('data-refused="2"');
      expect(mixed.body).not.toContain("이하은의 초안");
      const sections = await t.database.db
        .selectFrom("articles")
        .select(["num", "section_id"])
        .where("num", "in", [9004, 9005])
        .orderBy("num")
        .execute();
      expect(sections).toEqual([
        { num: 9004, section_id: sec["industry/shipbuilding"] },
        { num: 9005, section_id: sec.finance },
      ]);
    });

    it("adds and removes labels; unpublishes for the desk only; CSRF, limits and bad input refused", async () => {
      const desk = c["choi-desk"]!;
      expect(
        (
          await desk.post("/newsroom/articles/bulk", {
            ids: String(id[9003]),
            action: "label_add",
            label: "breaking",
          })
        ).statusCode,
      ).toBe(200);
      expect(idsOf((await desk.get("/newsroom/articles?label=breaking")).body)).toEqual([id[9003]]);
      await desk.post("/newsroom/articles/bulk", {
        ids: String(id[9003]),
        action: "label_remove",
        label: "breaking",
      });
      expect(idsOf((await desk.get("/newsroom/articles?label=breaking")).body)).toEqual([]);

      // reporters may not unpublish at all; nothing changes
      const refused = await c["park-sj"]!.post("/newsroom/articles/bulk", {
        ids: String(id[9001]),
        action: "unpublish",
      });
      expect(refused.statusCode).toBe(403);
      const live = await t.app.inject("/article/9003");
      expect(live.statusCode).toBe(200);
      const pulled = await c.admin!.post("/newsroom/articles/bulk", {
        ids: String(id[9003]),
        action: "unpublish",
      });
      expect(pulled.statusCode).toBe(200);
      expect((await t.app.inject("/article/9003")).statusCode).toBe(404);
      const searchAfter = await t.app.inject(`/search?q=${encodeURIComponent("금리 동결")}`);
      expect(searchAfter.body).not.toContain("/article/9003");

      const noCsrf = await desk.post(
        "/newsroom/articles/bulk",
        { ids: String(id[9002]), action: "label_add", label: "feature" },
        { csrf: false },
      );
      expect(noCsrf.statusCode).toBe(403);
      const tooMany = new URLSearchParams({ action: "label_add", label: "feature", _csrf: desk.csrf });
      for (let i = 1; i <= 101; i++) tooMany.append("ids", String(i));
      const big = await t.app.inject({
        method: "POST",
        url: "/newsroom/articles/bulk",
        headers: { cookie: desk.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: tooMany.toString(),
      });
      expect(big.statusCode).toBe(400);
      expect(textOf(big.body)).toContain("한 번에 100건까지 처리할 수 있습니다.");
      const cases: [Record<string, string>, string][] = [
        [{ action: "move" }, "기사를 하나 이상 골라 주세요."],
        [{ ids: String(id[9002]), action: "move" }, "옮길 섹션을 골라 주세요."],
        [{ ids: String(id[9002]), action: "label_add" }, "라벨을 골라 주세요."],
        [{ ids: String(id[9002]), action: "delete" }, "할 일을 골라 주세요."],
        [{ ids: "abc", action: "unpublish" }, "기사 번호가 올바르지 않습니다."],
      ];
      for (const [form, message] of cases) {
        const res = await desk.post("/newsroom/articles/bulk", form);
        expect(res.statusCode, JSON.stringify(form)).toBe(400);
        expect(textOf(res.body)).toContain(message);
      }
      expect(
        (
          await desk.post("/newsroom/articles/bulk", {
            ids: String(id[9002]),
            action: "move",
            sectionId: "999999",
          })
        ).body,
      ).toContain("섹션을 골라 주세요.");
      const labels = await t.database.db
        .selectFrom("article_labels")
        .select("label")
        .where("article_id", "=", id[9002]!)
        .execute();
      expect(labels).toEqual([]);
    });
  });
});
