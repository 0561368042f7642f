import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { type StaffClient, signInAll } from "../support/newsroom.ts";

const STAFF = [
  {
    key: "park-sj",
    name: "박서준",
    email: "sjpark@test.example.kr",
    role: "reporter" as const,
    desk: "산업부",
  },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];

describe("reporter profiles: photo, 직함, bio, links", () => {
  let t: TestApp;
  const c: Record<string, StaffClient> = {};
  const staffId: Record<string, number> = {};
  let photoId: number;

  const profile = (overrides: Record<string, string> = {}) => ({
    photo: `#${photoId}`,
    jobTitle: "선임기자",
    bio: "반도체와 전자 산업을 취재합니다. <script>alert(1)</script>",
    linkLabel1: "X",
    linkUrl1: "https://x.com/parksj",
    linkLabel2: "제보",
    linkUrl2: "tips@test.example.kr",
    linkLabel3: "",
    linkUrl3: "",
    linkLabel4: "",
    linkUrl4: "",
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await t.import(
      newsroom([article({ num: 9101, title: "반도체 투자 확대", authors: ["park-sj"] })], { staff: STAFF }),
    );
    Object.assign(c, await signInAll(t, STAFF));
    for (const s of await t.database.db.selectFrom("staff").select(["id", "key"]).execute())
      staffId[s.key] = s.id;
    photoId = (
      await t.database.db
        .insertInto("media")
        .values({
          sha256: "a".repeat(64),
          path: "2026/03/aaaa.jpg",
          mime: "image/jpeg",
          width: 800,
          height: 800,
          bytes: 12345,
          variants: "[]",
          created_at: Date.now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it("a reporter edits their own profile, and it shows on their page, bylines and feeds at once", async () => {
    const park = c["park-sj"]!;
    // cached before the edit: the edit must announce these pages stale
    expect(textOf((await t.app.inject("/reporter/park-sj")).body)).toContain("박서준 기자");
    expect((await t.app.inject("/article/9101")).statusCode).toBe(200);

    const own = await park.get("/newsroom/account/profile");
    expect(own.statusCode).toBe(303);
    expect(own.headers.location).toBe(`/newsroom/staff/${staffId["park-sj"]}/profile`);
    const form = await park.get(`/newsroom/staff/${staffId["park-sj"]}/profile`);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain("직함 (비우면 ‘기자’)");

    const saved = await park.post(`/newsroom/staff/${staffId["park-sj"]}/profile`, profile());
    expect(saved.statusCode).toBe(303);

    const page = await t.app.inject("/reporter/park-sj");
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain("박서준 선임기자");
    expect(page.body).toContain("/media/2026/03/aaaa.jpg");
    // the bio is text: escaped, never markup
    expect(page.body).toContain("&lt;script>alert(1)&lt;/script>");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(page.body).toContain('<a href="https://x.com/parksj" rel="me noopener">X</a>');
    expect(page.body).toContain('<a href="mailto:tips@test.example.kr" rel="me noopener">제보</a>');
    expect(page.body).toContain('"jobTitle":"선임기자"');

    const story = await t.app.inject("/article/9101");
    expect(textOf(story.body)).toContain("박서준 선임기자");
    const home = await t.app.inject("/");
    expect(textOf(home.body)).toContain("박서준 선임기자");
    const rss = await t.app.inject("/reporter/park-sj/rss.xml");
    expect(rss.body).toContain("<dc:creator>박서준 선임기자</dc:creator>");
    const site = await t.app.inject("/rss.xml");
    expect(site.body).toContain("<dc:creator>박서준 선임기자</dc:creator>");
    // the JSON API's byline keeps the contract's shape
    const api = (await t.app.inject("/api/v1/articles/9101")).json();
    expect(api.article.authors[0]).toEqual({
      key: "park-sj",
      name: "박서준",
      email: "sjpark@test.example.kr",
    });

    // emptying the 직함 brings back 기자
    await park.post(`/newsroom/staff/${staffId["park-sj"]}/profile`, profile({ jobTitle: "" }));
    expect(textOf((await t.app.inject("/article/9101")).body)).toContain("박서준 기자");
  });

  it("only the reporter themself or an admin may edit a profile; CSRF is required", async () => {
    const lee = staffId["lee-ha"]!;
    expect((await c["park-sj"]!.get(`/newsroom/staff/${lee}/profile`)).statusCode).toBe(403);
    expect((await c["park-sj"]!.post(`/newsroom/staff/${lee}/profile`, profile())).statusCode).toBe(403);
    expect((await c["choi-desk"]!.post(`/newsroom/staff/${lee}/profile`, profile())).statusCode).toBe(403);
    expect(
      (
        await c["lee-ha"]!.post(`/newsroom/staff/${lee}/profile`, profile({ jobTitle: "위조" }), {
          csrf: false,
        })
      ).statusCode,
    ).toBe(403);
    const row = () =>
      t.database.db.selectFrom("staff").select(["job_title"]).where("id", "=", lee).executeTakeFirstOrThrow();
    expect((await row()).job_title).toBeNull();
    expect(
      (await c.admin!.post(`/newsroom/staff/${lee}/profile`, profile({ jobTitle: "금융팀장" }))).statusCode,
    ).toBe(303);
    expect((await row()).job_title).toBe("금융팀장");
    expect((await c.admin!.get("/newsroom/staff/999999/profile")).statusCode).toBe(404);
    expect((await c.admin!.get("/newsroom/staff/abc/profile")).statusCode).toBe(404);
  });

  it("refuses bad input with a Korean message and gives back what was typed", async () => {
    const park = c["park-sj"]!;
    const url = `/newsroom/staff/${staffId["park-sj"]}/profile`;
    const cases: [Record<string, string>, string][] = [
      [{ linkUrl1: "javascript:alert(1)" }, "1번째 링크 주소가 올바르지 않습니다."],
      [{ linkUrl1: "ftp://x.example.kr" }, "1번째 링크 주소가 올바르지 않습니다."],
      [{ linkLabel2: "" }, "2번째 링크의 이름을 적어 주세요."],
      [{ jobTitle: "가".repeat(31) }, "직함은 30자까지 쓸 수 있습니다."],
      [{ bio: "가".repeat(501) }, "소개는 500자까지 쓸 수 있습니다."],
      [{ photo: "사진" }, "사진 번호는 사진 보관함의 숫자(#12)로 적어 주세요."],
      [{ photo: "#999999" }, "사진 보관함에 그 번호의 사진이 없습니다."],
    ];
    const before = await t.database.db
      .selectFrom("staff")
      .select(["job_title", "bio", "links", "photo_media_id"])
      .where("key", "=", "park-sj")
      .executeTakeFirstOrThrow();
    for (const [overrides, message] of cases) {
      const res = await park.post(url, profile({ ...overrides, bio: overrides.bio ?? "고치던 소개 글" }));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(textOf(res.body)).toContain(message);
      if (!overrides.bio) expect(res.body).toContain("고치던 소개 글");
    }
    const after = await t.database.db
      .selectFrom("staff")
      .select(["job_title", "bio", "links", "photo_media_id"])
      .where("key", "=", "park-sj")
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
