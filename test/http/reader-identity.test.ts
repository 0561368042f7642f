import { afterAll, beforeAll, describe, expect, it } from "vitest";

const VOTE_RATES = { perAddressComment: { limit: 5 } };

import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";

// Anything the client sends is forged until the site signed it: made-up visitor cookies and fresh
// cookies collected by the hundred buy no extra reports or votes.
describe("readers' reports and votes cannot be multiplied", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T12:00:00+09:00");
  let ip = 10;
  const nextIp = () => `203.0.113.${++ip}`;

  const postComment = async (body: string) => {
    clock += 3600_000;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7401/comments",
      payload: { nickname: "독자", password: "pw1234", body },
      remoteAddress: nextIp(),
    });
    expect(res.statusCode).toBe(201);
    return res.json().comment.id as number;
  };
  const visible = async (id: number) =>
    (await t.app.inject("/api/v1/articles/7401/comments"))
      .json()
      .comments.some((c: { id: number }) => c.id === id);
  const report = (id: number, from: string, cookie?: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/comments/${id}/reports`,
      payload: { reason: "스팸" },
      remoteAddress: from,
      ...(cookie ? { cookies: { jikji_vid: cookie } } : {}),
    });
  const vote = (id: number, from: string, cookie?: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/comments/${id}/votes`,
      payload: { value: "like" },
      remoteAddress: from,
      ...(cookie ? { cookies: { jikji_vid: cookie } } : {}),
    });
  const likes = async (id: number) =>
    (await t.database.db.selectFrom("comment_votes").select("voter").where("comment_id", "=", id).execute())
      .length;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom([article({ num: 7401, title: "신고와 공감" })]));
  });
  afterAll(() => t.close());

  it("three reports with made-up cookies from one address are one report: the comment stays", async () => {
    const id = await postComment("멀쩡한 의견입니다");
    const from = nextIp();
    for (const made of ["reader-aaaaaaaaaaaaaaaa", "reader-bbbbbbbbbbbbbbbb", "reader-cccccccccccccccc"])
      expect((await report(id, from, made)).statusCode).toBe(202);
    expect(await visible(id)).toBe(true);
    const row = await t.database.db
      .selectFrom("comments")
      .select("report_count")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.report_count).toBe(1);
  });

  it("takes a report without any cookie (202, never a 500), once per address", async () => {
    const id = await postComment("쿠키 없는 신고 대상");
    const from = nextIp();
    const first = await report(id, from);
    expect(first.statusCode).toBe(202);
    expect((await report(id, from)).statusCode).toBe(202);
    expect(await visible(id)).toBe(true);
    // three addresses are three readers
    await report(id, nextIp());
    await report(id, nextIp());
    expect(await visible(id)).toBe(false);
  });

  it("counts one like per address without a cookie, however often it is sent", async () => {
    const id = await postComment("공감 받을 의견");
    const from = nextIp();
    const first = await vote(id, from);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ likes: 1, dislikes: 0 });
    for (let i = 0; i < 20; i++) {
      const again = await vote(id, from);
      expect(again.statusCode).toBeGreaterThanOrEqual(400);
      expect(again.statusCode).toBeLessThan(500);
    }
    expect(await likes(id)).toBe(1);
  });

  it("caps what fresh signed cookies add from one address", async () => {
    const id = await postComment("쿠키를 모아 공감 올리기");
    const from = nextIp();
    let counted = 0;
    for (let i = 0; i < 30; i++) {
      // a fresh, validly signed cookie each time: what the site hands any cookieless request
      const beacon = await t.app.inject({
        method: "POST",
        url: "/api/v1/views",
        payload: { article: 7401 },
        remoteAddress: from,
      });
      const cookie = beacon.cookies.find((c) => c.name === "jikji_vid")!.value;
      const res = await vote(id, from, cookie);
      if (res.statusCode === 200) counted++;
      else expect(res.statusCode).toBe(429);
    }
    expect(counted).toBe(VOTE_RATES.perAddressComment.limit);
    expect(await likes(id)).toBe(VOTE_RATES.perAddressComment.limit);
    // another address is not held back by it
    expect((await vote(id, nextIp())).statusCode).toBe(200);
  });

  it("a made-up cookie is no cookie: no second like from the same address", async () => {
    const id = await postComment("위조 쿠키로 공감");
    const from = nextIp();
    expect((await vote(id, from, "made-up-visitor-00000001")).statusCode).toBe(200);
    expect((await vote(id, from, "made-up-visitor-00000002")).statusCode).toBe(409);
    expect(await likes(id)).toBe(1);
  });
});
