import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBundle } from "../../src/bundle/bundle.export.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

const LEGAL = {
  registrationNumber: "서울, 아09999",
  registeredOn: "2019-05-02",
  publisher: "정발행",
  editors: [
    { name: "김편집", area: "경제" },
    { name: "오편집", area: "산업" },
  ],
  youthProtectionOfficer: { name: "윤보호", contact: "youth@test.example.kr" },
  address: "서울특별시 중구 세종대로 1",
  phone: "02-123-4567",
  email: "news@test.example.kr",
  ombudsman: "한고충",
};

const staff = [
  ...newsroom().staff!,
  { key: "admin", name: "관리자", email: "admin@test.example.kr", role: "admin" as const },
];

/** 신문법 §21 and §9의2: the footer on every public page, the officer on the front page. */
describe("legal particulars", () => {
  let t: TestApp;
  let admin: StaffClient;

  beforeAll(async () => {
    t = await createTestApp();
    await t.import(
      newsroom([article({ num: 4100, title: "법정 표시 기사" })], {
        site: { name: "테스트경제", legal: LEGAL },
        staff,
        events: [
          {
            key: "forum",
            title: "경제 포럼",
            startsAt: "2026-04-01T14:00:00+09:00",
          },
        ],
      }),
    );
    await givePasswords(t, ["admin"]);
    admin = await signIn(t, "admin@test.example.kr");
  });
  afterAll(async () => t?.close());

  const PAGES = [
    "/",
    "/article/4100",
    "/section/industry",
    "/section/industry/electronics",
    "/reporter/park-sj",
    "/people/500101",
    "/events",
    "/events/forum",
    "/search?q=기사",
    "/article/999999",
  ];

  it("shows every particular from the bundle in the footer of every public page type", async () => {
    for (const url of PAGES) {
      const res = await t.app.inject(url);
      expect([200, 404], url).toContain(res.statusCode);
      const footer = textOf(/<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(res.body)?.[1] ?? "");
      for (const expected of [
        "제호테스트경제",
        "등록번호서울, 아09999",
        "등록일2019년 5월 2일",
        "발행인정발행",
        "편집인(경제)김편집",
        "편집인(산업)오편집",
        "청소년보호책임자윤보호 (youth@test.example.kr)",
        "발행소서울특별시 중구 세종대로 1",
        "전화02-123-4567",
        "이메일news@test.example.kr",
        "고충처리인한고충",
        "개인정보처리방침",
        "정정·반론보도 청구",
      ]) {
        expect(footer.replace(/\s+/g, ""), `${url}: ${expected}`).toContain(expected.replace(/\s+/g, ""));
      }
    }
  });

  it("names the 청소년보호책임자 on the front page itself", async () => {
    const home = await t.app.inject("/");
    expect(home.body).toMatch(
      /class="youth-officer"[^>]*>청소년보호책임자: <span class="youth-officer__name">윤보호/,
    );
  });

  it("exports site.legal as it was imported", async () => {
    const bundle = await exportBundle({ db: t.database.db, mediaDir: t.mediaDir });
    expect(bundle.site?.legal).toEqual(LEGAL);
  });

  it("warns admins on the newsroom home of a missing 청소년보호책임자, and the footer changes on the next GET", async () => {
    expect((await admin.get("/newsroom")).body).not.toContain('data-code="legal_missing"');
    const before = await t.app.inject("/article/4100");
    expect(before.body).toContain("윤보호");

    const form: Record<string, string> = {
      registrationNumber: LEGAL.registrationNumber,
      registeredOn: LEGAL.registeredOn,
      publisher: LEGAL.publisher,
      editorName0: "김편집",
      editorArea0: "경제",
      address: LEGAL.address,
      phone: LEGAL.phone,
      email: LEGAL.email,
    };
    const saved = await admin.post("/newsroom/settings/legal", form);
    expect(saved.statusCode).toBe(303);

    const home = await admin.get("/newsroom");
    expect(home.body).toContain('data-code="legal_missing"');
    expect(textOf(home.body)).toContain("청소년보호책임자");

    const after = await t.app.inject("/article/4100");
    expect(after.body).not.toContain("윤보호");
    expect(after.body).not.toContain("오편집");
    expect((await t.app.inject("/")).body).not.toContain('class="youth-officer"');

    // editors and reporters are not told (it is not theirs to fix)
    await givePasswords(t, ["choi-desk"]);
    const editor = await signIn(t, "desk@test.example.kr");
    expect((await editor.get("/newsroom")).body).not.toContain('data-code="legal_missing"');

    // and the admin puts it back
    const again = await admin.post("/newsroom/settings/legal", {
      ...form,
      youthName: "윤보호",
      youthContact: "youth@test.example.kr",
    });
    expect(again.statusCode).toBe(303);
    expect((await admin.get("/newsroom")).body).not.toContain('data-code="legal_missing"');
    expect((await t.app.inject("/")).body).toContain('class="youth-officer"');
  });

  it("refuses bad legal input with a Korean message and keeps what was typed", async () => {
    const res = await admin.post("/newsroom/settings/legal", {
      publisher: "새발행인",
      registeredOn: "2019/05/02",
      email: "not-an-email",
    });
    expect(res.statusCode).toBe(400);
    expect(textOf(res.body)).toContain("등록일은 2026-03-12 꼴로 적어 주세요.");
    expect(res.body).toContain('value="새발행인"');
    const noName = await admin.post("/newsroom/settings/legal", { editorArea0: "경제" });
    expect(noName.statusCode).toBe(400);
    expect(textOf(noName.body)).toContain("편집인 이름을 적어 주세요.");
    // nothing was saved by the refusals
    expect((await t.app.inject("/")).body).toContain("정발행");
  });

  it("keeps the settings page for admins only", async () => {
    const editor = await signIn(t, "desk@test.example.kr");
    const res = await editor.post("/newsroom/settings/legal", { publisher: "침입자" });
    expect(res.statusCode).toBe(403);
  });
});
