import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDueArticles } from "../../src/articles/desk.service.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { type StaffClient, sectionIdOf, signInAll } from "../support/newsroom.ts";

const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];

describe("the desk", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T09:00:00+09:00");
  const c: Record<string, StaffClient> = {};
  let sectionId: number;

  const form = (overrides: Record<string, string> = {}) => ({
    title: "반도체 수출 석 달 연속 증가",
    subtitle: "",
    sectionId: String(sectionId),
    body: "<p>반도체 수출이 석 달째 늘었다. 업계는 하반기에도 증가세가 이어질 것으로 본다.</p>",
    tags: "반도체, 수출",
    leadMediaId: "",
    leadCaption: "",
    leadCredit: "",
    leadAlt: "",
    ...overrides,
  });

  async function draftBy(client: StaffClient, overrides: Record<string, string> = {}): Promise<number> {
    const res = await client.post("/newsroom/articles", form(overrides));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    return Number(/\/newsroom\/articles\/(\d+)\/edit/.exec(res.headers.location as string)![1]);
  }
  const status = async (id: number) =>
    await t.database.db
      .selectFrom("articles")
      .select(["status", "num", "published_at", "updated_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom([], { staff: STAFF }));
    Object.assign(c, await signInAll(t, STAFF));
    sectionId = await sectionIdOf(t, "industry/electronics");
  });
  afterAll(() => t.close());

  describe("who may do what (every role × action, enforced on the server)", () => {
    type Setup = () => Promise<number>;
    const filedByLee: Setup = async () => {
      const id = await draftBy(c["lee-ha"]!);
      expect((await c["lee-ha"]!.post(`/newsroom/articles/${id}/file`)).statusCode).toBe(303);
      return id;
    };
    const publishedByLee: Setup = async () => {
      const id = await filedByLee();
      expect((await c["choi-desk"]!.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
      return id;
    };
    const actions: {
      name: string;
      setup: Setup;
      run: (client: StaffClient, id: number) => Promise<{ statusCode: number }>;
      allowed: string[];
    }[] = [
      {
        name: "create a story",
        setup: async () => 0,
        run: (cl) => cl.post("/newsroom/articles", form()),
        allowed: ["park-sj", "choi-desk", "admin"],
      },
      {
        name: "edit someone else's draft",
        setup: () => draftBy(c["lee-ha"]!),
        run: (cl, id) => cl.post(`/newsroom/articles/${id}`, form({ title: "고친 제목" })),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "open someone else's draft",
        setup: () => draftBy(c["lee-ha"]!),
        run: (cl, id) => cl.get(`/newsroom/articles/${id}/edit`),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "file someone else's draft",
        setup: () => draftBy(c["lee-ha"]!),
        run: (cl, id) => cl.post(`/newsroom/articles/${id}/file`),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "publish",
        setup: filedByLee,
        run: (cl, id) => cl.post(`/newsroom/articles/${id}/publish`),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "schedule",
        setup: filedByLee,
        run: (cl, id) => cl.post(`/newsroom/articles/${id}/schedule`, { at: "2026-03-21T09:00" }),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "return to the reporter",
        setup: filedByLee,
        run: (cl, id) => cl.post(`/newsroom/articles/${id}/return`, { note: "출처 보강" }),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "unpublish",
        setup: publishedByLee,
        run: (cl, id) => cl.post(`/newsroom/articles/${id}/unpublish`),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "edit a published story (even one's own)",
        setup: publishedByLee,
        run: (cl, id) => cl.post(`/newsroom/articles/${id}`, form({ title: "발행 후 수정" })),
        allowed: ["choi-desk", "admin"],
      },
      {
        name: "restore a revision",
        setup: async () => {
          const id = await draftBy(c["lee-ha"]!);
          await c["lee-ha"]!.post(`/newsroom/articles/${id}`, form({ title: "둘째 판" }));
          return id;
        },
        run: async (cl, id) => {
          const rev = await t.database.db
            .selectFrom("article_revisions")
            .select("id")
            .where("article_id", "=", id)
            .orderBy("id")
            .executeTakeFirstOrThrow();
          return cl.post(`/newsroom/articles/${id}/revisions/${rev.id}/restore`);
        },
        allowed: ["choi-desk", "admin"],
      },
    ];

    for (const action of actions) {
      for (const who of ["park-sj", "choi-desk", "mod", "admin"]) {
        const allowed = action.allowed.includes(who);
        it(`${who} ${allowed ? "may" : "may not"} ${action.name}`, async () => {
          const id = await action.setup();
          const before = id ? await status(id) : null;
          const res = await action.run(c[who]!, id);
          if (allowed) {
            expect([200, 303]).toContain(res.statusCode);
          } else {
            expect(res.statusCode).toBe(403);
            if (id) expect(await status(id)).toEqual(before);
          }
        });
      }
    }

    it("a reporter edits and files their own draft, but sees no way to publish it", async () => {
      const id = await draftBy(c["park-sj"]!);
      expect(
        (await c["park-sj"]!.post(`/newsroom/articles/${id}`, form({ title: "내 기사 고침" }))).statusCode,
      ).toBe(303);
      const page = await c["park-sj"]!.get(`/newsroom/articles/${id}/edit`);
      expect(page.body).toContain(`action="/newsroom/articles/${id}/file"`);
      expect(page.body).not.toContain("/publish");
      expect(page.body).not.toContain("/schedule");
      expect((await c["park-sj"]!.post(`/newsroom/articles/${id}/file`)).statusCode).toBe(303);
      // once filed, the desk has it: the reporter can no longer publish, and a second file is refused
      expect((await c["park-sj"]!.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(403);
      expect((await c["park-sj"]!.post(`/newsroom/articles/${id}/file`)).statusCode).toBe(409);
    });
  });

  it("runs the whole desk: file, return with a note, fix, file again, publish, edit, correct, unpublish", async () => {
    const reporter = c["park-sj"]!;
    const desk = c["choi-desk"]!;
    const id = await draftBy(reporter, { title: "조선 3사 수주 잔고 역대 최대" });
    const { num } = await status(id);
    clock += 60_000;
    await reporter.post(`/newsroom/articles/${id}/file`);

    const queue = textOf(inner((await desk.get("/newsroom")).body, "section", 'aria-labelledby="queue"')!);
    expect(queue).toContain("조선 3사 수주 잔고 역대 최대");

    clock += 60_000;
    expect((await desk.post(`/newsroom/articles/${id}/return`, { note: "" })).statusCode).toBe(400);
    await desk.post(`/newsroom/articles/${id}/return`, { note: "수주 금액 출처를 밝혀 주세요." });
    expect((await status(id)).status).toBe("draft");
    const home = (await reporter.get("/newsroom")).body;
    expect(home).toContain("데스크 메모: 수주 금액 출처를 밝혀 주세요.");

    clock += 60_000;
    await reporter.post(
      `/newsroom/articles/${id}`,
      form({
        title: "조선 3사 수주 잔고 역대 최대",
        body: "<p>조선 3사의 수주 잔고가 역대 최대를 기록했다고 협회가 밝혔다.</p>",
      }),
    );
    await reporter.post(`/newsroom/articles/${id}/file`);
    clock += 60_000;
    const publishedAt = clock;
    expect((await desk.post(`/newsroom/articles/${id}/publish`)).headers.location).toBe(
      `/newsroom/articles/${id}/edit?notice=published`,
    );
    expect((await status(id)).published_at).toBe(publishedAt);

    // It is on the site at once: home, its section, its page.
    expect((await t.app.inject("/")).body).toContain("조선 3사 수주 잔고 역대 최대");
    expect((await t.app.inject("/section/industry/electronics")).body).toContain(
      "조선 3사 수주 잔고 역대 최대",
    );
    const page = await t.app.inject(`/article/${num}`);
    expect(page.statusCode).toBe(200);
    expect(textOf(inner(page.body, "p", 'class="byline__times"')!)).toBe("입력 2026-03-20 09:04:00");

    // An edit later shows 수정 with its time; a correction shows its note.
    clock += 3600_000;
    await desk.post(
      `/newsroom/articles/${id}`,
      form({
        title: "조선 3사 수주 잔고 역대 최대",
        body: "<p>조선 3사의 수주 잔고가 역대 최대를 기록했다고 조선해양협회가 밝혔다.</p>",
      }),
    );
    const edited = (await t.app.inject(`/article/${num}`)).body;
    expect(textOf(inner(edited, "p", 'class="byline__times"')!)).toBe(
      "입력 2026-03-20 09:04:00 수정 2026-03-20 10:04:00",
    );
    clock += 60_000;
    await desk.post(`/newsroom/articles/${id}`, {
      ...form({
        title: "조선 3사 수주 잔고 역대 최대",
        body: "<p>조선 3사의 수주 잔고가 역대 최대를 기록했다고 조선해양협회가 밝혔다.</p>",
      }),
      correctionNote: "처음 기사에서 협회 이름을 잘못 적어 바로잡았습니다.",
    });
    const corrected = textOf((await t.app.inject(`/article/${num}`)).body);
    expect(corrected).toContain(
      "바로잡습니다 2026-03-20 10:05:00 처음 기사에서 협회 이름을 잘못 적어 바로잡았습니다.",
    );

    await desk.post(`/newsroom/articles/${id}/unpublish`);
    expect((await t.app.inject(`/article/${num}`)).statusCode).toBe(404);

    const events = await t.database.db
      .selectFrom("article_events")
      .select(["action", "from_status", "to_status", "staff_id"])
      .where("article_id", "=", id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      "created",
      "filed",
      "returned",
      "saved",
      "filed",
      "published",
      "saved",
      "corrected",
      "unpublished",
    ]);
  });

  it("publishes a scheduled story at its time, and not before", async () => {
    const id = await draftBy(c["choi-desk"]!, { title: "예약 발행 기사" });
    const { num } = await status(id);
    expect(
      (await c["choi-desk"]!.post(`/newsroom/articles/${id}/schedule`, { at: "2026-03-19T09:00" }))
        .statusCode,
    ).toBe(400);
    await c["choi-desk"]!.post(`/newsroom/articles/${id}/schedule`, { at: "2026-03-21T07:30" });
    expect((await status(id)).status).toBe("scheduled");
    expect((await t.app.inject(`/article/${num}`)).statusCode).toBe(404);
    expect(
      await publishDueArticles({
        db: t.database.db,
        dialect: t.database.dialect,
        bus: t.app.bus,
        now: () => clock,
      }),
    ).toEqual([]);
    const at = Date.parse("2026-03-21T07:30:00+09:00");
    expect(
      await publishDueArticles({
        db: t.database.db,
        dialect: t.database.dialect,
        bus: t.app.bus,
        now: () => at + 1000,
      }),
    ).toEqual([id]);
    const after = await status(id);
    expect(after.status).toBe("published");
    expect(after.published_at).toBe(at);
    // a second run (another instance) finds nothing to do
    expect(
      await publishDueArticles({
        db: t.database.db,
        dialect: t.database.dialect,
        bus: t.app.bus,
        now: () => at + 2000,
      }),
    ).toEqual([]);
  });

  it("keeps a revision of every save, shows a side-by-side diff, and restores one", async () => {
    const desk = c["choi-desk"]!;
    const id = await draftBy(desk, { title: "첫 제목", body: "<p>삼성과 하이닉스가 나란히 올랐다.</p>" });
    clock += 60_000;
    await desk.post(
      `/newsroom/articles/${id}`,
      form({ title: "둘째 제목", body: "<p>삼성과 하이닉스가 나란히 크게 올랐다.</p>" }),
    );
    const revisions = await t.database.db
      .selectFrom("article_revisions")
      .select(["id", "title"])
      .where("article_id", "=", id)
      .orderBy("id")
      .execute();
    expect(revisions.map((r) => r.title)).toEqual(["첫 제목", "둘째 제목"]);
    const list = await desk.get(`/newsroom/articles/${id}/revisions`);
    expect(textOf(list.body)).toContain("둘째 제목");
    const diff = await desk.get(
      `/newsroom/articles/${id}/revisions/diff?a=${revisions[0]!.id}&b=${revisions[1]!.id}`,
    );
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain("<del>첫</del>");
    expect(diff.body).toContain("<ins>둘째</ins>");
    expect(diff.body).toContain("<ins>크게 </ins>");
    await desk.post(`/newsroom/articles/${id}/revisions/${revisions[0]!.id}/restore`);
    const a = await t.database.db
      .selectFrom("articles")
      .select(["title", "body_html"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(a.title).toBe("첫 제목");
    expect(
      (
        await t.database.db
          .selectFrom("article_revisions")
          .select("id")
          .where("article_id", "=", id)
          .execute()
      ).length,
    ).toBe(3);
  });

  it("autosaves drafts as JSON and folds autosaves into one revision", async () => {
    const reporter = c["park-sj"]!;
    const id = await draftBy(reporter);
    const first = await reporter.json(
      `/newsroom/api/articles/${id}/autosave`,
      form({ title: "자동 저장 1" }),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, conflict: false });
    clock += 20_000;
    await reporter.json(`/newsroom/api/articles/${id}/autosave`, form({ title: "자동 저장 2" }));
    const revs = await t.database.db
      .selectFrom("article_revisions")
      .select(["kind", "title"])
      .where("article_id", "=", id)
      .orderBy("id")
      .execute();
    expect(revs).toEqual([
      { kind: "save", title: "반도체 수출 석 달 연속 증가" },
      { kind: "autosave", title: "자동 저장 2" },
    ]);
    const bad = await reporter.json(
      `/newsroom/api/articles/${id}/autosave`,
      form({ title: "x".repeat(301) }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toEqual({
      code: "invalid_article",
      message: "제목은 300자까지 쓸 수 있습니다.",
    });
  });

  it("keeps what was typed when a save is refused, and sanitises what is saved", async () => {
    const reporter = c["park-sj"]!;
    const res = await reporter.post(
      "/newsroom/articles",
      form({ title: "   ", body: "<p>지우면 안 되는 본문</p>" }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("제목을 입력해 주세요.");
    expect(res.body).toContain("지우면 안 되는 본문");
    const id = await draftBy(reporter, {
      title: "<b>굵은</b> 제목",
      body: '<p onclick="x">본문<script>alert(1)</script></p>',
    });
    const a = await t.database.db
      .selectFrom("articles")
      .select(["title", "body_html"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    // the title is plain text, kept as typed (and escaped wherever it is shown)
    expect(a).toEqual({ title: "<b>굵은</b> 제목", body_html: "<p>본문</p>" });
  });

  it("warns before publishing: long title, no photo, missing credit", async () => {
    const desk = c["choi-desk"]!;
    const id = await draftBy(desk, { title: "가".repeat(61) });
    const page = await desk.get(`/newsroom/articles/${id}/edit`);
    const warnings = textOf(inner(page.body, "ul", 'class="nr-warnings"')!);
    expect(warnings).toContain("제목이 61자로 60자를 넘습니다.");
    expect(warnings).toContain("대표 사진이 없습니다.");
    expect(page.body).toContain('data-confirm="점검 결과');
  });
});
