import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureDelayMs, THROTTLE } from "../../src/staff/auth.service.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD, signIn, signInResponse } from "../support/newsroom.ts";

describe("newsroom sign-in and sessions", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T09:00:00+09:00");

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "gone", name: "퇴사자", email: "gone@test.example.kr", role: "reporter", active: false },
          { key: "lock-me", name: "잠금", email: "lock@test.example.kr", role: "reporter" },
        ],
      }),
    );
    await givePasswords(t, ["park-sj", "gone", "lock-me"]);
  });
  afterAll(() => t.close());

  it("shows the sign-in form with the contract's labels", async () => {
    const res = await t.app.inject("/newsroom/login");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<span>이메일</span>");
    expect(res.body).toContain("<span>비밀번호</span>");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("sends visitors without a session to the sign-in page, and API calls get 401", async () => {
    const page = await t.app.inject({ url: "/newsroom/articles/new", headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/newsroom/login?next=%2Fnewsroom%2Farticles%2Fnew");
    const api = await t.app.inject({ method: "POST", url: "/newsroom/api/articles/1/autosave", payload: {} });
    expect(api.statusCode).toBe(401);
  });

  it("signs in with the right password and sets an HttpOnly session cookie scoped to the newsroom", async () => {
    const res = await signInResponse(t, "SJPARK@test.example.kr", PASSWORD);
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === "jikji_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.path).toBe("/newsroom");
    expect(cookie.sameSite).toBe("Lax");
    const stored = await t.database.db.selectFrom("sessions").select("id").execute();
    // only a hash of the token is stored
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated account alike", async () => {
    for (const [email, password] of [
      ["sjpark@test.example.kr", "wrong-password"],
      ["nobody@test.example.kr", PASSWORD],
      ["gone@test.example.kr", PASSWORD],
    ]) {
      const res = await signInResponse(t, email!, password!);
      expect(res.statusCode, email).toBe(401);
      expect(res.body).toContain("이메일 또는 비밀번호가 올바르지 않습니다.");
    }
  });

  it("refuses a sign-in without the form's CSRF token", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/newsroom/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ email: "sjpark@test.example.kr", password: PASSWORD }).toString(),
    });
    expect(res.statusCode).toBe(403);
  });

  it("never refuses the right password from another address because someone else guessed wrong", async () => {
    const attacker = "203.0.113.200";
    for (let i = 0; i < 12; i++) await signInResponse(t, "sjpark@test.example.kr", `guess-${i}`, attacker);
    expect((await signInResponse(t, "sjpark@test.example.kr", PASSWORD, attacker)).statusCode).toBe(429);
    // the reporter, at the office
    expect((await signInResponse(t, "sjpark@test.example.kr", PASSWORD, "198.51.100.20")).statusCode).toBe(
      303,
    );
    // one address guessing many accounts is capped over all of them
    const sprayer = "203.0.113.201";
    const codes: number[] = [];
    for (let i = 0; i < THROTTLE.perAddress + 1; i++)
      codes.push((await signInResponse(t, `nobody${i}@test.example.kr`, "wrong-wrong", sprayer)).statusCode);
    expect(codes.at(-1)).toBe(429);
    expect((await signInResponse(t, "sjpark@test.example.kr", PASSWORD, sprayer)).statusCode).toBe(429);
  });

  it("slows repeated failures more and more, never a right password", () => {
    expect(failureDelayMs(1, 1)).toBe(0);
    expect([2, 3, 4, 5, 8].map((n) => failureDelayMs(n, n))).toEqual([250, 500, 1000, 2000, 4000]);
    // many addresses guessing one account: each further failure waits, however fresh its address
    expect(failureDelayMs(1, THROTTLE.emailSlowAfter + 1)).toBe(1000);
  });

  it("locks sign-in after five failures for an account from one address, even with the right password, until the lock ends", async () => {
    for (let i = 0; i < 5; i++) await signInResponse(t, "lock@test.example.kr", "nope-nope-nope");
    const locked = await signInResponse(t, "lock@test.example.kr", PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain("로그인 시도가 너무 많습니다. 15분 뒤에 다시 시도해 주세요.");
    expect(locked.headers["retry-after"]).toBe("900");
    clock += 16 * 60_000;
    expect((await signInResponse(t, "lock@test.example.kr", PASSWORD)).statusCode).toBe(303);
  });

  it("checks the CSRF token on every state-changing request", async () => {
    const c = await signIn(t, "sjpark@test.example.kr");
    expect((await c.post("/newsroom/logout", {}, { csrf: false })).statusCode).toBe(403);
    expect((await c.post("/newsroom/logout", {}, { csrf: "forged" })).statusCode).toBe(403);
    expect((await c.json("/newsroom/api/articles/1/autosave", {}, { csrf: false })).json().error.code).toBe(
      "csrf_invalid",
    );
    expect((await c.get("/newsroom")).statusCode).toBe(200);
  });

  it("signs out and the session no longer works", async () => {
    const c = await signIn(t, "sjpark@test.example.kr");
    const out = await c.post("/newsroom/logout");
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe("/newsroom/login?notice=signed_out");
    expect((await c.get("/newsroom")).statusCode).toBe(303);
  });

  it("expires sessions after 12 idle hours", async () => {
    const c = await signIn(t, "sjpark@test.example.kr");
    clock += 11 * 3600_000;
    expect((await c.get("/newsroom")).statusCode).toBe(200);
    clock += 11 * 3600_000;
    expect((await c.get("/newsroom")).statusCode).toBe(200);
    clock += 13 * 3600_000;
    expect((await c.get("/newsroom")).statusCode).toBe(303);
  });

  it("changes the password with the current one, and ends other sessions", async () => {
    const a = await signIn(t, "sjpark@test.example.kr");
    const b = await signIn(t, "sjpark@test.example.kr");
    const wrong = await a.post("/newsroom/account/password", {
      current: "nope",
      next: "new-password-123",
      confirm: "new-password-123",
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain("비밀번호가 맞지 않습니다.");
    const short = await a.post("/newsroom/account/password", {
      current: PASSWORD,
      next: "short",
      confirm: "short",
    });
    expect(short.body).toContain("비밀번호는 10자 이상이어야 합니다.");
    const ok = await a.post("/newsroom/account/password", {
      current: PASSWORD,
      next: "new-password-123",
      confirm: "new-password-123",
    });
    expect(ok.statusCode).toBe(303);
    expect((await a.get("/newsroom")).statusCode).toBe(200);
    expect((await b.get("/newsroom")).statusCode).toBe(303);
    expect((await signInResponse(t, "sjpark@test.example.kr", "new-password-123")).statusCode).toBe(303);
    await givePasswords(t, ["park-sj"]);
  });

  it("never follows a sign-in redirect off the newsroom", async () => {
    const page = await t.app.inject("/newsroom/login?next=https://evil.example/");
    expect(page.body).toContain('name="next" value="/newsroom"');
    const page2 = await t.app.inject("/newsroom/login?next=//evil.example/newsroom");
    expect(page2.body).toContain('name="next" value="/newsroom"');
  });
});
