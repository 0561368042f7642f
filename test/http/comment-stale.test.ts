import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

/**
 * Comments follow the one write path: a change readers can see (a comment shown, deleted, hidden by
 * reports, approved or restored) announces its article's page as stale after commit; one they cannot
 * see (a held comment, a vote, a block) announces nothing.
 */
describe("comment writes announce what they made stale", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T12:00:00+09:00");
  let ip = 1;
  let mod: StaffClient;
  let announced: string[][] = [];
  const ok = { nickname: "독자1234", password: "pw1234", body: "좋은 기사 잘 읽었습니다." };

  const post = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7101/comments",
      payload: body,
      remoteAddress: `198.51.100.${++ip}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().comment as { id: number; status: string };
  };
  const statusOf = async (id: number) =>
    (
      await t.database.db
        .selectFrom("comments")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([article({ num: 7101, title: "댓글이 바꾸는 기사" })], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" },
        ],
      }),
    );
    await givePasswords(t, ["mod"]);
    mod = await signIn(t, "mod@test.example.kr");
    t.app.bus.subscribe((tags) => announced.push([...tags]));
  });
  beforeEach(async () => {
    // The import (and each write) makes the 편집판's layout log compare pages, which may announce
    // them: let that finish before counting this test's announcements.
    await t.app.layoutLog.idle();
    announced = [];
    clock += 3600_000;
  });
  afterAll(() => t.close());

  it("a visible comment announces its article; a held one does not", async () => {
    expect((await post(ok)).status).toBe("visible");
    expect(announced).toEqual([["article:7101"]]);
    announced = [];
    expect((await post({ ...ok, body: "ㅅㅂ 이게 기사냐" })).status).toBe("held");
    expect(announced).toEqual([]);
  });

  it("a vote announces nothing; the author's deletion does", async () => {
    const c = await post(ok);
    announced = [];
    const vote = await t.app.inject({
      method: "POST",
      url: `/api/v1/comments/${c.id}/votes`,
      payload: { value: "like" },
      cookies: { jikji_vid: "visitor-cccccccccccccccc" },
    });
    expect(vote.statusCode).toBe(200);
    expect(announced).toEqual([]);
    const wrong = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/comments/${c.id}`,
      payload: { password: "nope" },
    });
    expect(wrong.statusCode).toBe(403);
    expect(announced).toEqual([]);
    const right = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/comments/${c.id}`,
      payload: { password: "pw1234" },
    });
    expect(right.statusCode).toBe(204);
    expect(announced).toEqual([["article:7101"]]);
  });

  it("reports announce once, when they hide the comment; approval shows it again", async () => {
    const c = await post({ ...ok, body: "신고받을 의견" });
    announced = [];
    // four readers, four addresses (reports count once per address)
    for (const [i, n] of ["1", "2", "3", "4"].entries()) {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/comments/${c.id}/reports`,
        payload: { reason: "비방" },
        remoteAddress: `198.51.100.${n}`,
      });
      expect(res.statusCode).toBe(202);
      expect(announced, `after report ${i + 1}`).toEqual(i < 2 ? [] : [["article:7101"]]);
    }
    expect(await statusOf(c.id)).toBe("held");
    announced = [];
    expect((await mod.post(`/newsroom/comments/${c.id}/approve`)).statusCode).toBe(303);
    expect(await statusOf(c.id)).toBe("visible");
    expect(announced).toEqual([["article:7101"]]);
  });

  it("moderators' deletions and restorations announce when readers see them; blocks do not", async () => {
    const held = await post({ ...ok, body: "tlqkf 진짜" });
    const shown = await post({ ...ok, body: "평범한 의견" });
    announced = [];
    await mod.post(`/newsroom/comments/${held.id}/delete`);
    expect(await statusOf(held.id)).toBe("deleted");
    expect(announced).toEqual([]);
    await mod.post(`/newsroom/comments/${shown.id}/delete`);
    expect(announced).toEqual([["article:7101"]]);
    announced = [];
    await mod.post(`/newsroom/comments/${shown.id}/restore`);
    expect(await statusOf(shown.id)).toBe("visible");
    expect(announced).toEqual([["article:7101"]]);
    announced = [];
    await mod.post(`/newsroom/comments/${shown.id}/block`, { kind: "nickname", days: "1", reason: "" });
    expect(announced).toEqual([]);
  });
});
