import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";

describe("when the database fails", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.import(newsroom([article({ num: 7 })]));
    expect((await t.app.inject("/article/7")).statusCode).toBe(200);
    // Pull the database out from under the running app.
    await t.database.close();
  });
  afterAll(() => t.close().catch(() => undefined));

  it("keeps serving pages it has kept, even without a database", async () => {
    const res = await t.app.inject("/article/7");
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-cache"]).toBe("hit");
  });

  it("shows a Korean 500 page without leaking the error", async () => {
    const res = await t.app.inject("/article/7?cpage=2");
    expect(res.statusCode).toBe(500);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(textOf(inner(res.body, "h1")!)).toBe("일시적인 오류가 발생했습니다");
    expect(res.body).not.toMatch(/destroyed|closed|Error:|at \//);
  });

  it("answers JSON errors with a stable code on the API", async () => {
    const res = await t.app.inject("/api/v1/articles");
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("internal_error");
  });

  it("reports itself unhealthy", async () => {
    const res = await t.app.inject("/healthz");
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ok: false });
  });
});
