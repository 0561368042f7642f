import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, NOW, type TestApp } from "../support/app.ts";
import { newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

/** 개인정보 보호법 §30 and the other policies: versions kept, readable, and live on the next GET. */
describe("policy pages", () => {
  let t: TestApp;
  let admin: StaffClient;
  let clock = NOW;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([], {
        site: {
          name: "테스트경제",
          legal: {
            youthProtectionOfficer: { name: "윤보호", contact: "02-000-0000" },
            email: "news@test.example.kr",
          },
        },
        staff: [
          ...newsroom().staff!,
          { key: "admin", name: "관리자", email: "admin@test.example.kr", role: "admin" as const },
        ],
      }),
    );
    await givePasswords(t, ["admin", "choi-desk"]);
    admin = await signIn(t, "admin@test.example.kr");
  });
  afterAll(async () => t?.close());

  it("serves all six from templates built from the legal settings", async () => {
    for (const slug of ["terms", "privacy", "youth", "ethics", "copyright", "no-email-harvesting"]) {
      const res = await t.app.inject(`/policy/${slug}`);
      expect(res.statusCode, slug).toBe(200);
    }
    expect(textOf((await t.app.inject("/policy/youth")).body)).toContain("윤보호 · 02-000-0000");
    expect(textOf((await t.app.inject("/policy/terms")).body)).toContain("임시조치");
    expect(textOf((await t.app.inject("/policy/copyright")).body)).toContain("인공지능(AI) 학습");
    expect((await t.app.inject("/policy/unknown")).statusCode).toBe(404);
  });

  it("keeps every version with its effective date; the change shows on the next GET", async () => {
    const before = await t.app.inject("/policy/privacy");
    expect(before.body).toContain("개인정보 보호법 제30조");

    expect(
      (
        await admin.post("/newsroom/policies/privacy", {
          html: "<h2>제1판</h2><p>첫 방침</p><script>x()</script>",
        })
      ).statusCode,
    ).toBe(303);
    const v1 = await t.app.inject("/policy/privacy");
    expect(v1.body).toContain("첫 방침");
    expect(v1.body).not.toContain("x()");

    clock += 24 * 3600_000;
    admin = await signIn(t, "admin@test.example.kr");
    expect((await admin.post("/newsroom/policies/privacy", { html: "<p>둘째 방침</p>" })).statusCode).toBe(
      303,
    );
    const v2 = await t.app.inject("/policy/privacy");
    expect(v2.body).toContain("둘째 방침");
    expect(textOf(v2.body)).toContain("제1판 · 시행 2026-03-20");

    const old = await t.app.inject("/policy/privacy?version=1");
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain("첫 방침");
    expect(textOf(old.body)).toContain("이전 판입니다.");
    expect((await t.app.inject("/policy/privacy?version=9")).statusCode).toBe(404);
    expect((await t.app.inject("/policy/privacy?version=abc")).statusCode).toBe(404);
  });

  it("a version saved for later takes over by the clock, not before", async () => {
    const res = await admin.post("/newsroom/policies/terms", {
      html: "<p>새 약관</p>",
      effectiveAt: "2026-03-28T00:00",
    });
    expect(res.statusCode).toBe(303);
    expect((await t.app.inject("/policy/terms")).body).not.toContain("새 약관");
    expect((await t.app.inject("/policy/terms?version=1")).statusCode).toBe(404);
    clock = Date.parse("2026-03-28T00:00:01+09:00");
    // The kept page expires on real time at the effective moment (its TTL is capped to it); the
    // fixed test clock cannot move real time, so the live render is read past the cache.
    admin = await signIn(t, "admin@test.example.kr");
    expect((await admin.get("/policy/terms")).body).toContain("새 약관");
  });

  it("refuses empty text and keeps the page for admins", async () => {
    admin = await signIn(t, "admin@test.example.kr");
    const empty = await admin.post("/newsroom/policies/ethics", { html: "<p> </p>" });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain("본문을 적어 주세요.");
    const editor = await signIn(t, "desk@test.example.kr");
    expect((await editor.post("/newsroom/policies/ethics", { html: "<p>x</p>" })).statusCode).toBe(403);
  });
});
