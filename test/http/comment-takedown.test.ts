import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, NOW, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

const NOTICE = "권리침해 신고에 따라 임시조치된 댓글입니다";
const DAY = 24 * 3600_000;
const GOOD = {
  name: "홍길동",
  contact: "hong@example.kr",
  right: "defamation",
  reason: "제가 횡령했다는 거짓 사실을 적은 댓글입니다.",
};

/** 정보통신망법 §44의2: 권리침해 신고, 임시조치 (page and API), its end, on both databases. */
describe("권리침해 신고 and 임시조치", () => {
  let t: TestApp;
  let clock = NOW;
  let ip = 10;
  let mod: StaffClient;
  let editor: StaffClient;
  let announced: string[][] = [];
  const secret = "홍길동은 회삿돈을 횡령한 사람이다 비밀문구";

  const postComment = async (body: string) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7301/comments",
      payload: { nickname: "독자9876", password: "pw1234", body },
      remoteAddress: `198.51.100.${++ip}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().comment.id as number;
  };
  const report = (id: number, body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/comments/${id}/rights-reports`,
      payload: body as object,
      headers,
      remoteAddress: `203.0.113.${++ip}`,
    });
  const requestIdFor = async (commentId: number) =>
    (
      await t.database.db
        .selectFrom("comment_rights_requests")
        .select("id")
        .where("comment_id", "=", commentId)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow()
    ).id;
  const page = () => t.app.inject({ url: "/article/7301" });
  const apiComments = async () =>
    (await t.app.inject({ url: "/api/v1/articles/7301/comments" })).json().comments as {
      id: number;
      body: string;
      takenDown: boolean;
    }[];

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom(
        [article({ num: 7301, title: "임시조치 시험 기사" }), article({ num: 7302, title: "내릴 기사" })],
        {
          staff: [
            { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
            { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" },
            { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" },
          ],
          comments: [
            {
              article: 7302,
              nickname: "독자",
              body: "내린 기사의 댓글",
              createdAt: "2026-03-20T08:00:00+09:00",
            },
          ],
        },
      ),
    );
    await givePasswords(t, ["mod", "choi-desk"]);
    mod = await signIn(t, "mod@test.example.kr");
    editor = await signIn(t, "desk@test.example.kr");
    t.app.bus.subscribe((tags) => announced.push([...tags]));
  });
  afterAll(async () => t?.close());

  it("every comment links to its 권리침해 신고 form, apart from the ordinary 신고", async () => {
    const id = await postComment("평범한 댓글입니다.");
    const html = (await page()).body;
    expect(html).toContain(`href="/comments/${id}/rights-report"`);
    const form = await t.app.inject({ url: `/comments/${id}/rights-report` });
    expect(form.statusCode).toBe(200);
    expect(form.headers["cache-control"]).toContain("no-store");
    for (const label of ["이름", "연락처", "침해된 권리", "신고 이유", "명예훼손"])
      expect(textOf(form.body)).toContain(label);
    expect((await t.app.inject({ url: "/comments/999999/rights-report" })).statusCode).toBe(404);
    // A comment on a story readers cannot see (pulled) cannot be reported: nothing of it is revealed.
    await t.database.db
      .updateTable("articles")
      .set({ status: "unpublished" })
      .where("num", "=", 7302)
      .execute();
    const hidden = (
      await t.database.db
        .selectFrom("comments as c")
        .innerJoin("articles as a", "a.id", "c.article_id")
        .select("c.id")
        .where("a.num", "=", 7302)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await t.app.inject({ url: `/comments/${hidden}/rights-report` })).statusCode).toBe(404);
    expect((await report(hidden, GOOD)).statusCode).toBe(404);
  });

  it("refuses bad input with 400 and a Korean message per field; a foreign origin with 403", async () => {
    const id = await postComment("또 다른 댓글입니다.");
    const res = await report(id, { contact: "연락 주세요", right: "feelings", reason: "x".repeat(5001) });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("invalid_rights_report");
    expect(error.details.fields).toEqual({
      name: "이름을 적어 주세요.",
      contact: "연락처는 이메일 주소나 전화번호(숫자와 -)로 적어 주세요.",
      right: "침해된 권리는 목록에서 골라 주세요.",
      reason: "신고 이유는 5,000자까지 쓸 수 있습니다.",
    });
    expect(error.message).toBe("이름을 적어 주세요.");
    expect((await report(id, { ...GOOD, name: { x: 1 } })).json().error.details.fields.name).toBe(
      "이름 값의 형식이 올바르지 않습니다.",
    );
    expect((await report(id, GOOD, { origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await report(999_999, GOOD)).statusCode).toBe(404);

    // The form keeps what was typed and shows the message beside the field.
    const form = await t.app.inject({
      method: "POST",
      url: `/comments/${id}/rights-report`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        name: "홍길동",
        contact: "",
        right: "privacy",
        reason: "사생활",
      }).toString(),
    });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('data-field-error="contact"');
    expect(form.body).toContain('value="홍길동"');
    expect(form.body).toMatch(/value="privacy" checked/);
  });

  it("임시조치 hides the text from the page and the API, records both notices, then expires into the moderator's list", async () => {
    const id = await postComment(secret);
    expect((await page()).body).toContain(secret);

    const filed = await report(id, GOOD);
    expect(filed.statusCode, filed.body).toBe(201);
    const requestId = await requestIdFor(id);
    // Filing changes nothing readers see.
    expect((await page()).body).toContain(secret);

    // Only moderators act, with the session's CSRF token.
    expect(
      (await editor.post(`/newsroom/comments/rights/${requestId}/takedown`, { days: "7" })).statusCode,
    ).toBe(403);
    expect((await editor.get("/newsroom/comments/rights")).statusCode).toBe(403);
    expect(
      (await mod.post(`/newsroom/comments/rights/${requestId}/takedown`, { days: "7" }, { csrf: false }))
        .statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({
      method: "POST",
      url: `/newsroom/comments/rights/${requestId}/takedown`,
      payload: { days: "7" },
    });
    expect([302, 303, 401, 403]).toContain(anonymous.statusCode);
    for (const days of ["0", "31", "abc", ""]) {
      const bad = await mod.post(`/newsroom/comments/rights/${requestId}/takedown`, { days });
      expect(bad.statusCode, days).toBe(400);
      expect(textOf(bad.body)).toContain("임시조치 기간은 1일부터 30일까지 정할 수 있습니다.");
    }
    expect((await page()).body).toContain(secret);

    const list = await mod.get("/newsroom/comments/rights");
    expect(list.statusCode).toBe(200);
    expect(textOf(list.body)).toContain("홍길동");

    announced = [];
    const applied = await mod.post(`/newsroom/comments/rights/${requestId}/takedown`, {
      days: "7",
      note: "다툼 예상",
    });
    expect(applied.statusCode).toBe(303);
    expect(announced.flat()).toContain("article:7301");
    // Twice is refused: the request is no longer waiting.
    expect(
      (await mod.post(`/newsroom/comments/rights/${requestId}/takedown`, { days: "7" })).statusCode,
    ).toBe(409);

    const html = (await page()).body;
    expect(html).not.toContain(secret);
    expect(textOf(html)).toContain(NOTICE);
    const fromApi = (await apiComments()).find((c) => c.id === id)!;
    expect(fromApi).toMatchObject({ body: NOTICE, takenDown: true });
    expect(JSON.stringify(await apiComments())).not.toContain(secret);
    // No votes on a comment readers cannot read.
    const vote = await t.app.inject({
      method: "POST",
      url: `/api/v1/comments/${id}/votes`,
      payload: { value: "like" },
      remoteAddress: "192.0.2.77",
    });
    expect(vote.statusCode).toBe(404);

    const row = await t.database.db
      .selectFrom("comment_rights_requests")
      .selectAll()
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "blocked", block_days: 7 });
    expect(Number(row.block_until)).toBe(clock + 7 * DAY);
    expect(row.requester_notice).toContain("7일 동안 임시조치");
    expect(row.poster_notice).toContain("작성하신 댓글");
    const log = await t.database.db
      .selectFrom("moderation_log")
      .select("action")
      .where("comment_id", "=", id)
      .execute();
    expect(log.map((l) => l.action)).toEqual(
      expect.arrayContaining([
        "rights_report",
        "takedown",
        "takedown_notice_requester",
        "takedown_notice_poster",
      ]),
    );

    // Still running: no reminder.
    const homeBefore = await mod.get("/newsroom");
    expect(homeBefore.body).not.toContain("takedowns_expired");
    expect(textOf(homeBefore.body)).not.toContain("임시조치 기간이 끝난 댓글");

    // The period ends without a decision: still hidden, flagged, and a reminder on the newsroom home.
    clock += 7 * DAY + 60_000;
    // A week on, the staff sessions have ended: sign in again.
    mod = await signIn(t, "mod@test.example.kr");
    editor = await signIn(t, "desk@test.example.kr");
    expect((await page()).body).not.toContain(secret);
    expect((await apiComments()).find((c) => c.id === id)!.body).toBe(NOTICE);
    // the moderator lands on the comment queue, which carries the reminder
    const home = await mod.get("/newsroom/comments");
    expect(textOf(home.body)).toContain("임시조치 기간이 끝난 댓글이 1건 있습니다");
    const expired = await mod.get("/newsroom/comments/rights");
    expect(expired.body).toMatch(new RegExp(`data-rights-request="${requestId}" data-status="blocked"`));
    expect(expired.body).toContain("data-takedown-expired");
    // Editors do not moderate comments and are not reminded.
    expect(textOf((await editor.get("/newsroom")).body)).not.toContain("임시조치 기간이 끝난 댓글");

    announced = [];
    const restored = await mod.post(`/newsroom/comments/rights/${requestId}/restore`);
    expect(restored.statusCode).toBe(303);
    expect(announced.flat()).toContain("article:7301");
    expect((await page()).body).toContain(secret);
    expect((await apiComments()).find((c) => c.id === id)).toMatchObject({ body: secret, takenDown: false });
    expect(textOf((await mod.get("/newsroom")).body)).not.toContain("임시조치 기간이 끝난 댓글");
    expect((await mod.post(`/newsroom/comments/rights/${requestId}/delete`)).statusCode).toBe(409);
  });

  it("a moderator may delete a comment under 임시조치, or dismiss a request", async () => {
    const id = await postComment("지울 댓글 문구 삼삼삼");
    expect((await report(id, { ...GOOD, right: "privacy" })).statusCode).toBe(201);
    const requestId = await requestIdFor(id);
    expect(
      (await mod.post(`/newsroom/comments/rights/${requestId}/takedown`, { days: "30" })).statusCode,
    ).toBe(303);
    expect((await mod.post(`/newsroom/comments/rights/${requestId}/delete`)).statusCode).toBe(303);
    expect((await page()).body).not.toContain("지울 댓글 문구 삼삼삼");
    expect((await apiComments()).some((c) => c.id === id)).toBe(false);

    const other = await postComment("남길 댓글 문구 사사사");
    expect((await report(other, GOOD)).statusCode).toBe(201);
    const otherRequest = await requestIdFor(other);
    expect(
      (await mod.post(`/newsroom/comments/rights/${otherRequest}/dismiss`, { note: "공익 목적의 비평" }))
        .statusCode,
    ).toBe(303);
    expect((await page()).body).toContain("남길 댓글 문구 사사사");
    expect(
      (await mod.post(`/newsroom/comments/rights/${otherRequest}/takedown`, { days: "3" })).statusCode,
    ).toBe(409);
    expect((await mod.post("/newsroom/comments/rights/999999/takedown", { days: "3" })).statusCode).toBe(404);
  });
});
