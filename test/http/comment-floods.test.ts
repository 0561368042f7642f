import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENT_RATES } from "../../src/comments/comment.service.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";

// A flood from one client is refused by that client's own windows; what they refuse must not fill
// the article's window (closing its comments for everyone) or the client's own hourly window.
describe("refused comment posts count for nothing", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T12:00:00+09:00");
  const post = (from: string, body: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7501/comments",
      payload: { nickname: "독자", password: "pw1234", body },
      remoteAddress: from,
    });

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom([article({ num: 7501, title: "댓글 폭주" })]));
  });
  afterAll(() => t.close());

  it("one client at full speed keeps nobody else out, and keeps its own hourly allowance", async () => {
    const flooder = "198.51.100.66";
    expect((await post(flooder, "첫 댓글")).statusCode).toBe(201);
    const tries = COMMENT_RATES.perArticleMinute.limit + COMMENT_RATES.perAddressHour.limit;
    for (let i = 0; i < tries; i++) expect((await post(flooder, `도배 ${i}`)).statusCode).toBe(429);
    // everyone else may still comment on the article
    expect((await post("198.51.100.67", "다른 독자의 댓글")).statusCode).toBe(201);
    // and the flooder, once the short window passes, is not counted for what was refused
    clock += COMMENT_RATES.perAddressShort.windowMs;
    expect((await post(flooder, "잠시 뒤 댓글")).statusCode).toBe(201);
  });
});

describe("guessing a comment's deletion password", () => {
  let t: TestApp;
  const clock = Date.parse("2026-03-20T12:00:00+09:00");

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom([article({ num: 7502, title: "삭제 비밀번호" })]));
  });
  afterAll(() => t.close());

  it("is limited per comment, whatever addresses the guesses come from", async () => {
    const posted = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7502/comments",
      payload: { nickname: "독자", password: "right-pw", body: "지울 수 있는 댓글" },
      remoteAddress: "198.51.100.1",
    });
    const id = posted.json().comment.id;
    const del = (password: string, from: string) =>
      t.app.inject({
        method: "DELETE",
        url: `/api/v1/comments/${id}`,
        payload: { password },
        remoteAddress: from,
      });
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await del(`guess-${i}`, `192.0.2.${i + 1}`)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 403 || c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429, 429, 429, 429]);
  });
});
