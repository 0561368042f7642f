import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { givePasswords, signIn } from "../support/newsroom.ts";
import { signedVisitors } from "../support/visitors.ts";

describe("comments", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T12:00:00+09:00");
  let ip = 1;
  // Each test posts from its own address unless it is about limits, so limits don't leak between tests.
  const nextIp = () => `203.0.113.${++ip}`;
  let address = nextIp();
  let visitor: (name: string) => string;

  const post = (body: Record<string, unknown>, num = 7001, from = address) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/articles/${num}/comments`,
      payload: body,
      remoteAddress: from,
    });
  const ok = { nickname: "독자1234", password: "pw1234", body: "좋은 기사 잘 읽었습니다." };

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom(
        [
          article({ num: 7001, title: "댓글 달릴 기사" }),
          article({ num: 7002, title: "초안", status: "draft", publishedAt: undefined }),
        ],
        {
          staff: [
            { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
            { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" },
          ],
        },
      ),
    );
    await givePasswords(t, ["park-sj", "mod"]);
    visitor = await signedVisitors(t.database.db);
  });
  beforeEach(() => {
    address = nextIp();
    clock += 3600_000;
  });
  afterAll(() => t.close());

  it("posts a comment (201) and lists it newest first with a masked nickname, never the password or address", async () => {
    const res = await post(ok);
    expect(res.statusCode).toBe(201);
    const { comment } = res.json();
    expect(comment).toMatchObject({
      nickname: "독자1***",
      body: "좋은 기사 잘 읽었습니다.",
      likes: 0,
      dislikes: 0,
      status: "visible",
    });
    const list = (await t.app.inject("/api/v1/articles/7001/comments")).json();
    expect(list.comments[0].id).toBe(comment.id);
    const raw = JSON.stringify(list);
    expect(raw).not.toContain("pw1234");
    expect(raw).not.toContain("203.0.113");
    expect(raw).not.toContain("password");
    const stored = await t.database.db
      .selectFrom("comments")
      .select(["password_hash", "address_hash"])
      .where("id", "=", comment.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.address_hash).toMatch(/^[0-9a-f]{64}$/);
    const page = await t.app.inject("/article/7001");
    expect(textOf(inner(page.body, "h2", 'id="comments-title"')!)).toBe(`댓글 (${list.total})`);
  });

  it("enforces 400 bytes the way the counter counts: Hangul and emoji 2, ASCII 1", async () => {
    expect((await post({ ...ok, body: "가".repeat(200) })).statusCode).toBe(201);
    clock += 60_000;
    const tooLong = await post({ ...ok, body: `${"가".repeat(199)}😀!` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({
      code: "comment_too_long",
      message: "댓글은 400byte(한글 200자)까지 쓸 수 있습니다. 지금 401byte입니다.",
    });
  });

  it("answers each bad input with its own code and a Korean message", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...ok, body: "   \n " }, 400, "comment_empty"],
      [{ ...ok, nickname: "" }, 400, "nickname_required"],
      [{ ...ok, nickname: "가".repeat(21) }, 400, "nickname_too_long"],
      [{ ...ok, password: "123" }, 400, "password_too_short"],
      [{ ...ok, body: 42 }, 400, "invalid_request"],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/[가-힣]/);
    }
    expect((await post(ok, 7002)).json().error.code).toBe("article_not_found");
    expect((await post(ok, 9999)).statusCode).toBe(404);
  });

  it("slows floods: one comment per 15 seconds and 20 an hour per address, with Retry-After", async () => {
    expect((await post(ok)).statusCode).toBe(201);
    const again = await post({ ...ok, body: "두 번째 댓글입니다." });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe("rate_limited");
    expect(Number(again.headers["retry-after"])).toBeGreaterThan(0);
    // another reader is not held back
    expect((await post({ ...ok, body: "다른 독자의 댓글" }, 7001, nextIp())).statusCode).toBe(201);
    clock += 16_000;
    expect((await post({ ...ok, body: "세 번째 댓글입니다." })).statusCode).toBe(201);
    let refusedAt = 0;
    for (let i = 0; i < 25 && !refusedAt; i++) {
      clock += 16_000;
      const res = await post({ ...ok, body: `연속 댓글 ${i}` });
      if (res.statusCode === 429) refusedAt = i;
    }
    expect(refusedAt).toBeGreaterThan(0);
  });

  it("holds profanity for a moderator, seeing through evasions, and does not hold innocent words", async () => {
    for (const body of ["이 기자 시 발 뭐하냐", "ㅅㅂ 이게 기사냐", "tlqkf 진짜", "병1신 같은 소리"]) {
      const res = await post({ ...ok, body }, 7001, nextIp());
      expect(res.statusCode, body).toBe(201);
      expect(res.json().comment.status, body).toBe("held");
      expect(res.json().message).toBe("관리자가 확인한 뒤 게시됩니다.");
    }
    const innocent = await post(
      { ...ok, body: "이번 정책이 개혁의 시발점이 되길 바랍니다." },
      7001,
      nextIp(),
    );
    expect(innocent.json().comment.status).toBe("visible");
    const list = (await t.app.inject("/api/v1/articles/7001/comments")).json();
    expect(JSON.stringify(list)).not.toContain("tlqkf");
  });

  it("holds links and repeated text as spam", async () => {
    expect(
      (await post({ ...ok, body: "대박 수익 http://spam.example/win 클릭" }, 7001, nextIp())).json().comment
        .status,
    ).toBe("held");
    const from = nextIp();
    expect((await post({ ...ok, body: "같은 말을 또 합니다" }, 7001, from)).json().comment.status).toBe(
      "visible",
    );
    clock += 20_000;
    expect((await post({ ...ok, body: "같은 말을 또 합니다" }, 7001, from)).json().comment.status).toBe(
      "held",
    );
  });

  it("deletes a comment with its password (204), refuses a wrong one (403)", async () => {
    const { comment } = (await post(ok)).json();
    const wrong = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/comments/${comment.id}`,
      payload: { password: "nope" },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toEqual({ code: "wrong_password", message: "비밀번호가 맞지 않습니다." });
    const right = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/comments/${comment.id}`,
      payload: { password: "pw1234" },
    });
    expect(right.statusCode).toBe(204);
    const list = (await t.app.inject("/api/v1/articles/7001/comments")).json();
    expect(list.comments.map((c: { id: number }) => c.id)).not.toContain(comment.id);
    expect(
      (
        await t.app.inject({
          method: "DELETE",
          url: `/api/v1/comments/${comment.id}`,
          payload: { password: "pw1234" },
        })
      ).statusCode,
    ).toBe(404);
  });

  it("counts one vote per visitor and sorts by most liked", async () => {
    const a = (await post({ ...ok, body: "첫째 의견" })).json().comment;
    clock += 20_000;
    const b = (await post({ ...ok, body: "둘째 의견" })).json().comment;
    const vote = (id: number, value: string, vid: string, from = address) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/comments/${id}/votes`,
        payload: { value },
        cookies: { jikji_vid: vid },
        remoteAddress: from,
      });
    expect((await vote(a.id, "like", visitor("aa"))).json()).toEqual({ likes: 1, dislikes: 0 });
    expect((await vote(a.id, "like", visitor("aa"))).json().error.code).toBe("already_voted");
    expect((await vote(a.id, "dislike", visitor("bb"))).json()).toEqual({
      likes: 1,
      dislikes: 1,
    });
    const first = await t.app.inject({
      method: "POST",
      url: `/api/v1/comments/${b.id}/votes`,
      payload: { value: "dislike" },
    });
    expect(first.cookies.find((c) => c.name === "jikji_vid")?.httpOnly).toBe(true);
    const sorted = (await t.app.inject("/api/v1/articles/7001/comments?sort=likes")).json().comments;
    expect(sorted[0].id).toBe(a.id);
  });

  it("hides a comment reported by three different readers until reviewed; one reader counts once", async () => {
    const { comment } = (await post({ ...ok, body: "논란이 될 만한 의견" })).json();
    const report = (vid: string, from: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/comments/${comment.id}/reports`,
        payload: { reason: "명예훼손" },
        cookies: { jikji_vid: vid },
        remoteAddress: from,
      });
    expect((await report(visitor("r1"), "198.51.100.1")).statusCode).toBe(202);
    expect((await report(visitor("r1"), "198.51.100.1")).statusCode).toBe(202);
    expect((await report(visitor("r2"), "198.51.100.2")).statusCode).toBe(202);
    const visible = () =>
      t.app
        .inject("/api/v1/articles/7001/comments")
        .then((r) => r.json().comments.some((c: { id: number }) => c.id === comment.id));
    expect(await visible()).toBe(true);
    await report(visitor("r3"), "198.51.100.3");
    expect(await visible()).toBe(false);

    const mod = await signIn(t, "mod@test.example.kr");
    const queue = await mod.get("/newsroom/comments");
    expect(queue.statusCode).toBe(200);
    expect(textOf(queue.body)).toContain("논란이 될 만한 의견");
    expect(textOf(queue.body)).toContain("독자 신고 누적");
    expect((await mod.post(`/newsroom/comments/${comment.id}/approve`)).statusCode).toBe(303);
    expect(await visible()).toBe(true);
    const log = await t.database.db
      .selectFrom("moderation_log")
      .select(["action", "staff_id"])
      .where("comment_id", "=", comment.id)
      .execute();
    expect(log).toEqual([{ action: "approve", staff_id: expect.any(Number) }]);
  });

  it("lets moderators delete, restore and block; blocked readers get comment_blocked", async () => {
    const from = nextIp();
    const { comment } = (await post({ ...ok, nickname: "악성독자", body: "그냥 의견" }, 7001, from)).json();
    const mod = await signIn(t, "mod@test.example.kr");
    await mod.post(`/newsroom/comments/${comment.id}/delete`);
    expect(
      (
        await t.database.db
          .selectFrom("comments")
          .select("status")
          .where("id", "=", comment.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("deleted");
    await mod.post(`/newsroom/comments/${comment.id}/restore`);
    expect(
      (
        await t.database.db
          .selectFrom("comments")
          .select("status")
          .where("id", "=", comment.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("visible");
    await mod.post(`/newsroom/comments/${comment.id}/block`, {
      kind: "address",
      days: "7",
      reason: "반복 비방",
    });
    clock += 60_000;
    const blocked = await post({ ...ok, nickname: "새닉네임", body: "다시 왔습니다" }, 7001, from);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("comment_blocked");
    await mod.post(`/newsroom/comments/${comment.id}/block`, { kind: "nickname", days: "1", reason: "" });
    expect(
      (await post({ ...ok, nickname: "악성독자", body: "다른 곳에서" }, 7001, nextIp())).json().error.code,
    ).toBe("comment_blocked");
    clock += 8 * 24 * 3600_000;
    expect((await post({ ...ok, nickname: "새닉네임", body: "일주일 뒤" }, 7001, from)).statusCode).toBe(201);
    const stored = await t.database.db
      .selectFrom("comment_blocks")
      .select("value")
      .where("kind", "=", "address")
      .executeTakeFirstOrThrow();
    expect(stored.value).not.toContain("203.0.113");
  });

  it("refuses moderation to other roles, and needs the CSRF token", async () => {
    const { comment } = (await post(ok)).json();
    const reporter = await signIn(t, "sjpark@test.example.kr");
    expect((await reporter.get("/newsroom/comments")).statusCode).toBe(403);
    expect((await reporter.post(`/newsroom/comments/${comment.id}/delete`)).statusCode).toBe(403);
    const mod = await signIn(t, "mod@test.example.kr");
    expect((await mod.post(`/newsroom/comments/${comment.id}/delete`, {}, { csrf: false })).statusCode).toBe(
      403,
    );
    expect(
      (
        await t.database.db
          .selectFrom("comments")
          .select("status")
          .where("id", "=", comment.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("visible");
  });

  it("works without JavaScript: the form posts and redirects back with a message", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/article/7001/comments",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        nickname: "폼독자",
        password: "pw1234",
        body: "자바스크립트 없이",
      }).toString(),
      remoteAddress: nextIp(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/article/7001?comment=posted#comments");
    const page = await t.app.inject("/article/7001?comment=posted");
    expect(textOf(inner(page.body, "p", 'class="comment-form__message is-ok"')!)).toBe(
      "댓글을 등록했습니다.",
    );
    const bad = await t.app.inject({
      method: "POST",
      url: "/article/7001/comments",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ nickname: "폼독자", password: "pw1234", body: "" }).toString(),
      remoteAddress: nextIp(),
    });
    expect(bad.headers.location).toBe("/article/7001?comment_error=comment_empty#comments");
  });

  it("refuses posts from another site's pages", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7001/comments",
      payload: ok,
      headers: { origin: "https://evil.example" },
    });
    expect(res.statusCode).toBe(403);
  });
});
