import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { publishDueArticles } from "../../src/articles/desk.service.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { givePasswords, type StaffClient, sectionIdOf, signIn } from "../support/newsroom.ts";

/**
 * The one write path (issue "The house keeps its own rules"): whatever the newsroom, the scheduler
 * or the CLI does to a story, search shows it in the same request cycle, and the pages it made stale
 * are announced on the bus after commit. Runs on SQLite and on PostgreSQL.
 */
const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];

describe("one write path: derived state and announcements follow every newsroom write", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T09:00:00+09:00");
  let reporter: StaffClient;
  let desk: StaffClient;
  let admin: StaffClient;
  let sectionId: number;
  let announced: string[][] = [];

  const form = (overrides: Record<string, string> = {}) => ({
    title: "반도체 수출 석 달 연속 증가",
    subtitle: "",
    sectionId: String(sectionId),
    body: "<p>반도체 수출이 석 달째 늘었다. 업계는 하반기에도 증가세가 이어질 것으로 본다.</p>",
    tags: "반도체",
    leadMediaId: "",
    leadCaption: "",
    leadCredit: "",
    leadAlt: "",
    ...overrides,
  });

  async function filedStory(overrides: Record<string, string>): Promise<{ id: number; num: number }> {
    const res = await reporter.post("/newsroom/articles", form(overrides));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const id = Number(/\/newsroom\/articles\/(\d+)\/edit/.exec(res.headers.location as string)![1]);
    expect((await reporter.post(`/newsroom/articles/${id}/file`)).statusCode).toBe(303);
    const { num } = await t.database.db
      .selectFrom("articles")
      .select("num")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { id, num };
  }

  /** What /search shows for a query: the count line and the result titles. */
  async function search(q: string): Promise<{ count: string; titles: string[] }> {
    const res = await t.app.inject(`/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    const titles = [...res.body.matchAll(/<h2 class="search-result__title">([\s\S]*?)<\/h2>/g)].map((m) =>
      textOf(m[1]!),
    );
    return { count: textOf(inner(res.body, "p", 'class="search-count"') ?? ""), titles };
  }

  const tags = () => [...new Set(announced.flat())];

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom([], { staff: STAFF }));
    await givePasswords(
      t,
      STAFF.map((s) => s.key),
    );
    reporter = await signIn(t, STAFF[0]!.email);
    desk = await signIn(t, STAFF[1]!.email);
    admin = await signIn(t, STAFF[2]!.email);
    sectionId = await sectionIdOf(t, "industry/electronics");
    t.app.bus.subscribe((list) => announced.push([...list]));
  });
  beforeEach(async () => {
    // The 편집판's layout log follows each public write and may announce the pages it logged: let the
    // previous test's comparison finish before counting this test's announcements.
    await t.app.layoutLog.idle();
    announced = [];
  });
  afterAll(() => t.close());

  it("a story published in the newsroom is found by search at once, and its pages are announced", async () => {
    const { id, num } = await filedStory({ title: "가나다전자 초전도 소재 양산" });
    expect((await search("초전도")).count).toBe("검색 결과 0건");
    expect(tags()).toEqual([]); // a draft and a filed story are public nowhere
    expect((await desk.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
    expect(await search("초전도")).toEqual({
      count: "검색 결과 1건",
      titles: ["가나다전자 초전도 소재 양산"],
    });
    expect(tags()).toEqual(
      expect.arrayContaining([
        `article:${num}`,
        "home",
        "feed:*",
        "sitemap",
        "section:industry/electronics",
        "section:industry",
        "reporter:park-sj",
      ]),
    );
  });

  it("an unpublished story leaves the results and the total", async () => {
    const { id, num } = await filedStory({ title: "라마바화학 배터리 분리막 증설" });
    await desk.post(`/newsroom/articles/${id}/publish`);
    expect((await search("분리막")).count).toBe("검색 결과 1건");
    announced = [];
    expect((await desk.post(`/newsroom/articles/${id}/unpublish`)).statusCode).toBe(303);
    expect(await search("분리막")).toEqual({ count: "검색 결과 0건", titles: [] });
    expect(tags()).toEqual(
      expect.arrayContaining([`article:${num}`, "home", "section:industry/electronics"]),
    );
  });

  it("a scheduled story is found once the scheduler publishes it, not before", async () => {
    const { id, num } = await filedStory({ title: "사아자중공업 수소 선박 수주" });
    await t.app.layoutLog.idle();
    announced = [];
    expect(
      (await desk.post(`/newsroom/articles/${id}/schedule`, { at: "2026-03-20T10:00" })).statusCode,
    ).toBe(303);
    expect((await search("수소 선박")).count).toBe("검색 결과 0건");
    expect(tags()).toEqual([]);
    clock = Date.parse("2026-03-20T10:00:01+09:00");
    const deps = { db: t.database.db, dialect: t.database.dialect, bus: t.app.bus, now: () => clock };
    expect(await publishDueArticles(deps)).toEqual([id]);
    expect((await search("수소 선박")).titles).toEqual(["사아자중공업 수소 선박 수주"]);
    expect(tags()).toContain(`article:${num}`);
  });

  it("a renamed reporter is found by the new name", async () => {
    const { id } = await filedStory({ title: "차카타전기 변압기 수출 호조" });
    await desk.post(`/newsroom/articles/${id}/publish`);
    expect((await search("홍길순")).count).toBe("검색 결과 0건");
    const staff = await t.database.db
      .selectFrom("staff")
      .select("id")
      .where("key", "=", "park-sj")
      .executeTakeFirstOrThrow();
    announced = [];
    const res = await admin.post(`/newsroom/staff/${staff.id}`, {
      name: "홍길순",
      email: STAFF[0]!.email,
      role: "reporter",
      desk: "",
      active: "1",
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    expect((await search("홍길순")).titles).toContain("차카타전기 변압기 수출 호조");
    expect(tags()).toContain("reporter:park-sj");
  });

  it("restoring a revision brings the index back to that text", async () => {
    const { id } = await filedStory({ title: "파하전자 폴더블 패널 출하" });
    await desk.post(`/newsroom/articles/${id}/publish`);
    expect(
      (await desk.post(`/newsroom/articles/${id}`, form({ title: "파하전자 롤러블 패널 출하" }))).statusCode,
    ).toBe(303);
    expect((await search("롤러블")).count).toBe("검색 결과 1건");
    expect((await search("폴더블")).count).toBe("검색 결과 0건");
    const first = await t.database.db
      .selectFrom("article_revisions")
      .select("id")
      .where("article_id", "=", id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    expect((await desk.post(`/newsroom/articles/${id}/revisions/${first.id}/restore`)).statusCode).toBe(303);
    expect((await search("폴더블")).titles).toEqual(["파하전자 폴더블 패널 출하"]);
    expect((await search("롤러블")).count).toBe("검색 결과 0건");
  });

  it("a correction to a published story is searchable in its corrected words", async () => {
    const { id, num } = await filedStory({ title: "거너더건설 해상 풍력 착공" });
    await desk.post(`/newsroom/articles/${id}/publish`);
    announced = [];
    const res = await desk.post(
      `/newsroom/articles/${id}`,
      form({
        title: "거너더건설 해상 풍력 착공",
        body: "<p>착공 규모는 1.2기가와트다. 당초 보도한 0.8기가와트는 잘못이다.</p>",
        correctionNote: "설비 규모를 바로잡습니다.",
      }),
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    expect((await search("기가와트")).titles).toEqual(["거너더건설 해상 풍력 착공"]);
    expect(tags()).toContain(`article:${num}`);
  });

  describe("what other newsroom writes announce", () => {
    it("a section renamed: every page (the menu is on all of them)", async () => {
      const res = await admin.post(`/newsroom/sections/${sectionId}`, { name: "전자·반도체", position: "0" });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      expect(tags()).toEqual(["*"]);
    });

    it("site settings saved: every page", async () => {
      const res = await admin.post("/newsroom/settings", {
        name: "한빛경제",
        dateline: "한빛경제",
        youtubeUrl: "",
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      expect(tags()).toEqual(["*"]);
    });

    it("a person added and renamed: their page and search, and search finds the new spelling", async () => {
      const created = await desk.post("/newsroom/people", {
        key: "kim-cs",
        name: "김철수",
        aliases: "",
        role: "대표",
        organization: "가나다전자",
        bio: "",
        contextWords: "",
        num: "",
      });
      expect(created.statusCode, created.body.slice(0, 300)).toBe(303);
      expect(tags()).toEqual(expect.arrayContaining(["person:kim-cs", "search"]));
      const { id } = await t.database.db
        .selectFrom("people")
        .select("id")
        .where("key", "=", "kim-cs")
        .executeTakeFirstOrThrow();
      announced = [];
      const edited = await desk.post(`/newsroom/people/${id}`, {
        key: "kim-cs",
        name: "김철수",
        aliases: "철수 김",
        role: "대표",
        organization: "가나다전자",
        bio: "",
        contextWords: "",
        num: "",
      });
      expect(edited.statusCode, edited.body.slice(0, 300)).toBe(303);
      expect(tags()).toEqual(expect.arrayContaining(["person:kim-cs", "search"]));
    });

    it("a refused write announces nothing and changes nothing", async () => {
      const res = await admin.post(`/newsroom/sections/${sectionId}`, { name: "", position: "0" });
      expect(res.statusCode).toBe(400);
      expect(tags()).toEqual([]);
    });
  });
});
