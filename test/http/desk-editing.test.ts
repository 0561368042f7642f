import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { type StaffClient, sectionIdOf, signInAll } from "../support/newsroom.ts";

const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "kim-dc", name: "김대철", email: "dc@test.example.kr", role: "editor" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];

const baseRevisionOf = (html: string) => /name="baseRevisionId" value="(\d*)"/.exec(html)?.[1] ?? "";

describe("editing safely: locks, stale saves, 수정 요청", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T09:00:00+09:00");
  const c: Record<string, StaffClient> = {};
  let sectionId: number;

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

  async function draftBy(client: StaffClient, overrides: Record<string, string> = {}): Promise<number> {
    const res = await client.post("/newsroom/articles", form(overrides));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return Number(/\/newsroom\/articles\/(\d+)\/edit/.exec(res.headers.location as string)![1]);
  }
  const article = (id: number) =>
    t.database.db
      .selectFrom("articles")
      .select(["title", "body_html", "status", "num", "updated_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const lockWait = () => {
    clock += 91_000;
  };

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom([], { staff: STAFF }));
    Object.assign(c, await signInAll(t, STAFF));
    sectionId = await sectionIdOf(t, "industry/electronics");
  });
  afterAll(() => t.close());

  describe("the soft lock", () => {
    it("names who edits, refuses others' saves, lets them take over after confirming", async () => {
      const id = await draftBy(c["choi-desk"]!);
      lockWait();
      const kim = await c["kim-dc"]!.get(`/newsroom/articles/${id}/edit`);
      expect(kim.statusCode).toBe(200);
      expect(kim.body).toContain(`data-lock-heartbeat="/newsroom/api/articles/${id}/lock"`);
      expect(kim.body).not.toContain("data-lock-holder");

      const choi = await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`);
      expect(textOf(choi.body)).toContain("김대철 기자가 편집 중입니다");
      expect(choi.body).toContain(`action="/newsroom/articles/${id}/lock/takeover"`);
      expect(choi.body).not.toContain("data-lock-heartbeat");

      // A save while the other holds the lock is refused, and what was typed comes back.
      const refused = await c["choi-desk"]!.post(
        `/newsroom/articles/${id}`,
        form({ title: "잠긴 기사에 쓴 제목", baseRevisionId: baseRevisionOf(choi.body) }),
      );
      expect(refused.statusCode).toBe(409);
      expect(textOf(refused.body)).toContain(
        "김대철 기자가 편집 중입니다. 넘겨받은 뒤에 저장할 수 있습니다.",
      );
      expect(refused.body).toContain("잠긴 기사에 쓴 제목");
      expect((await article(id)).title).toBe("반도체 수출 석 달 연속 증가");

      const beat = await c["choi-desk"]!.json(`/newsroom/api/articles/${id}/lock`, {});
      expect(beat.statusCode).toBe(409);
      expect(beat.json().error.code).toBe("article_locked");

      // Takeover: CSRF first, then the lock changes hands and the history says so.
      const forged = await c["choi-desk"]!.post(
        `/newsroom/articles/${id}/lock/takeover`,
        {},
        { csrf: false },
      );
      expect(forged.statusCode).toBe(403);
      const taken = await c["choi-desk"]!.post(`/newsroom/articles/${id}/lock/takeover`);
      expect(taken.statusCode).toBe(303);
      expect(taken.headers.location).toBe(`/newsroom/articles/${id}/edit?notice=lock_taken`);
      const lostBeat = await c["kim-dc"]!.json(`/newsroom/api/articles/${id}/lock`, {});
      expect(lostBeat.statusCode).toBe(409);
      expect(lostBeat.json().error.message).toBe(
        "최민호 기자가 편집 중입니다. 넘겨받은 뒤에 저장할 수 있습니다.",
      );
      const events = await t.database.db
        .selectFrom("article_events")
        .select(["action", "note"])
        .where("article_id", "=", id)
        .where("action", "=", "lock_taken_over")
        .execute();
      expect(events).toEqual([{ action: "lock_taken_over", note: "김대철 기자에게서 넘겨받음" }]);

      const saved = await c["choi-desk"]!.post(
        `/newsroom/articles/${id}`,
        form({ title: "넘겨받아 고친 제목", baseRevisionId: baseRevisionOf(choi.body) }),
      );
      expect(saved.statusCode).toBe(303);
      expect((await article(id)).title).toBe("넘겨받아 고친 제목");
    });

    it("expires when heartbeats stop, is released on leaving, and uses the 직함 with the right particle", async () => {
      const id = await draftBy(c["choi-desk"]!);
      await t.database.db
        .updateTable("staff")
        .set({ job_title: "편집국장" })
        .where("key", "=", "admin")
        .execute();
      lockWait();
      await c.admin!.get(`/newsroom/articles/${id}/edit`);
      const seen = await c["kim-dc"]!.get(`/newsroom/articles/${id}/edit`);
      expect(textOf(seen.body)).toContain("관리 편집국장이 편집 중입니다");
      // heartbeats keep it…
      clock += 60_000;
      expect((await c.admin!.json(`/newsroom/api/articles/${id}/lock`, {})).statusCode).toBe(200);
      clock += 60_000;
      expect((await c["kim-dc"]!.json(`/newsroom/api/articles/${id}/lock`, {})).statusCode).toBe(409);
      // …and when they stop, the lock is free after 90 s.
      clock += 91_000;
      expect((await c["kim-dc"]!.json(`/newsroom/api/articles/${id}/lock`, {})).statusCode).toBe(200);
      // Leaving lets go at once (sendBeacon posts a form with _csrf).
      expect((await c["kim-dc"]!.post(`/newsroom/api/articles/${id}/lock/release`)).statusCode).toBe(204);
      expect((await c.admin!.json(`/newsroom/api/articles/${id}/lock`, {})).statusCode).toBe(200);
      await t.database.db.updateTable("staff").set({ job_title: null }).where("key", "=", "admin").execute();
    });

    it("is only for those who may edit the story; a reporter cannot lock someone else's draft", async () => {
      const id = await draftBy(c["lee-ha"]!);
      expect((await c["park-sj"]!.json(`/newsroom/api/articles/${id}/lock`, {})).statusCode).toBe(403);
      expect((await c["park-sj"]!.post(`/newsroom/articles/${id}/lock/takeover`)).statusCode).toBe(403);
      expect(
        (await c["park-sj"]!.json(`/newsroom/api/articles/${id}/lock`, {}, { csrf: false })).statusCode,
      ).toBe(403);
      expect((await c["park-sj"]!.json(`/newsroom/api/articles/abc/lock`, {})).statusCode).toBe(404);
    });
  });

  describe("a save over a newer version", () => {
    it("is refused with a diff, the typed text kept; nothing is lost or overwritten", async () => {
      const id = await draftBy(c["choi-desk"]!, { body: "<p>첫 문장입니다. 둘째 문장입니다.</p>" });
      lockWait();
      const choiOpened = await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`);
      const staleBase = baseRevisionOf(choiOpened.body);
      await c["choi-desk"]!.post(`/newsroom/api/articles/${id}/lock/release`);
      const kimOpened = await c["kim-dc"]!.get(`/newsroom/articles/${id}/edit`);
      const kimSave = await c["kim-dc"]!.post(
        `/newsroom/articles/${id}`,
        form({
          title: "김대철이 고친 제목",
          body: "<p>첫 문장입니다. 김대철이 보탠 문장.</p>",
          baseRevisionId: baseRevisionOf(kimOpened.body),
        }),
      );
      expect(kimSave.statusCode).toBe(303);
      lockWait();

      const mine = form({
        title: "최민호가 쓴 제목",
        body: "<p>최민호가 새로 쓴 문단.</p>",
        baseRevisionId: staleBase,
      });
      const refused = await c["choi-desk"]!.post(`/newsroom/articles/${id}`, mine);
      expect(refused.statusCode).toBe(409);
      const text = textOf(refused.body);
      expect(text).toContain("그사이 김대철이 이 기사를 저장했습니다");
      expect(refused.body).toContain('aria-label="저장 충돌"');
      expect(refused.body).toMatch(/<del>[^<]*김대철이[^<]*<\/del>/);
      expect(refused.body).toMatch(/<ins>[^<]*최민호가[^<]*<\/ins>/);
      // the typed text is back in the form, and the form now builds on the newest version
      expect(refused.body).toContain("최민호가 쓴 제목");
      expect(refused.body).toContain("최민호가 새로 쓴 문단.");
      expect(baseRevisionOf(refused.body)).not.toBe(staleBase);
      expect((await article(id)).title).toBe("김대철이 고친 제목");

      // an autosave from the stale version is refused the same way, as JSON
      const auto = await c["choi-desk"]!.json(`/newsroom/api/articles/${id}/autosave`, mine);
      expect(auto.statusCode).toBe(409);
      expect(auto.json().error.code).toBe("edit_conflict");
      expect((await article(id)).title).toBe("김대철이 고친 제목");

      // after reading the diff, saving again (on the newest version) keeps the merged text
      const merged = await c["choi-desk"]!.post(`/newsroom/articles/${id}`, {
        ...mine,
        title: "합친 제목",
        baseRevisionId: baseRevisionOf(refused.body),
      });
      expect(merged.statusCode).toBe(303);
      expect((await article(id)).title).toBe("합친 제목");
    });
  });

  describe("수정 요청", () => {
    it("a reporter's edit to their published story waits for the desk, then is returned or approved", async () => {
      const reporter = c["park-sj"]!;
      const desk = c["choi-desk"]!;
      const id = await draftBy(reporter, { title: "발행된 원래 제목" });
      expect((await reporter.post(`/newsroom/articles/${id}/file`)).statusCode).toBe(303);
      lockWait();
      expect((await desk.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
      const { num } = await article(id);
      await desk.post(`/newsroom/api/articles/${id}/lock/release`);
      const before = await t.app.inject(`/article/${num}`);
      expect(before.body).toContain("발행된 원래 제목");

      // The reporter's editor says what saving does, and takes no lock.
      const editor = await reporter.get(`/newsroom/articles/${id}/edit`);
      expect(editor.statusCode).toBe(200);
      expect(editor.body).toContain("data-request-mode");
      expect(editor.body).toContain("수정 요청 보내기");
      expect(editor.body).not.toContain("data-lock-heartbeat");

      // Autosave never publishes (nor is kept on the server for a request).
      const auto = await reporter.json(
        `/newsroom/api/articles/${id}/autosave`,
        form({ title: "자동 저장된 요청" }),
      );
      expect(auto.statusCode).toBe(200);
      expect((await article(id)).title).toBe("발행된 원래 제목");

      // 저장 sends the request — no 403, nothing lost, nothing public changes.
      const sent = await reporter.post(`/newsroom/articles/${id}`, form({ title: "기자가 고친 제목" }));
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`/newsroom/articles/${id}/edit?notice=edit_requested`);
      expect((await article(id)).title).toBe("발행된 원래 제목");
      expect((await t.app.inject(`/article/${num}`)).body).not.toContain("기자가 고친 제목");
      const request = await t.database.db
        .selectFrom("article_edit_requests")
        .selectAll()
        .where("article_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(request.status).toBe("pending");
      expect(textOf((await reporter.get("/newsroom")).body)).toContain("수정 요청 검토 중: 발행된 원래 제목");

      // The desk is told, sees the diff, and a reporter cannot decide.
      expect(textOf((await desk.get("/newsroom")).body)).toContain(
        "기자의 수정 요청 1건이 데스크 검토를 기다립니다.",
      );
      const queue = await desk.get("/newsroom/edit-requests");
      expect(queue.body).toContain(`/newsroom/articles/${id}/requests/${request.id}`);
      const review = await desk.get(`/newsroom/articles/${id}/requests/${request.id}`);
      expect(review.statusCode).toBe(200);
      expect(review.body).toMatch(/<ins>[^<]*기자가[^<]*<\/ins>/);
      expect((await reporter.get("/newsroom/edit-requests")).statusCode).toBe(403);
      expect((await c["lee-ha"]!.get(`/newsroom/articles/${id}/requests/${request.id}`)).statusCode).toBe(
        403,
      );
      expect(
        (await reporter.post(`/newsroom/articles/${id}/requests/${request.id}/approve`)).statusCode,
      ).toBe(403);
      expect(
        (await desk.post(`/newsroom/articles/${id}/requests/${request.id}/approve`, {}, { csrf: false }))
          .statusCode,
      ).toBe(403);

      // Returned with a note (a note is required).
      const noNote = await desk.post(`/newsroom/articles/${id}/requests/${request.id}/return`, {
        note: "  ",
      });
      expect(noNote.statusCode).toBe(400);
      expect(textOf(noNote.body)).toContain("돌려보내는 이유를 적어 주세요.");
      const returned = await desk.post(`/newsroom/articles/${id}/requests/${request.id}/return`, {
        note: "제목에 출처를 넣어 주세요",
      });
      expect(returned.statusCode).toBe(303);
      expect(textOf((await reporter.get("/newsroom")).body)).toContain(
        "수정 요청이 반려되었습니다: 발행된 원래 제목 — 데스크 메모: 제목에 출처를 넣어 주세요",
      );
      expect((await desk.post(`/newsroom/articles/${id}/requests/${request.id}/approve`)).statusCode).toBe(
        409,
      );

      // Sent again and approved: applied, public at once (the cached page is announced stale).
      clock += 60_000;
      await reporter.post(`/newsroom/articles/${id}`, form({ title: "기자가 다시 고친 제목" }));
      const second = await t.database.db
        .selectFrom("article_edit_requests")
        .select("id")
        .where("article_id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirstOrThrow();
      expect((await desk.post(`/newsroom/articles/${id}/requests/${second.id}/approve`)).statusCode).toBe(
        303,
      );
      const after = await article(id);
      expect(after.title).toBe("기자가 다시 고친 제목");
      expect(after.status).toBe("published");
      expect(after.updated_at).toBe(clock);
      expect((await t.app.inject(`/article/${num}`)).body).toContain("기자가 다시 고친 제목");
      expect(textOf((await reporter.get("/newsroom")).body)).toContain(
        "수정 요청이 반영되었습니다: 기자가 다시 고친 제목",
      );
      const actions = (
        await t.database.db
          .selectFrom("article_events")
          .select("action")
          .where("article_id", "=", id)
          .orderBy("id")
          .execute()
      ).map((e) => e.action);
      expect(actions.slice(-4)).toEqual([
        "edit_requested",
        "edit_returned",
        "edit_requested",
        "edit_approved",
      ]);
      // A request's text is not a version one can restore.
      expect(
        (await desk.post(`/newsroom/articles/${id}/revisions/${request.revision_id}/restore`)).statusCode,
      ).toBe(404);
    });
  });
});
