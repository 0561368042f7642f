import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { givePasswords, type StaffClient, sectionIdOf, signIn } from "../support/newsroom.ts";

const NUL = "\u0000";
const RLO = "\u202E";
const LONE = "\uD800";
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for what must not be stored
const UNWANTED = /[\u0000\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

// A NUL in any field used to answer 500 on PostgreSQL and lose what was typed; a right-to-left
// override made a title read backwards. Every text field goes through one normalisation.
describe("text input is normalised in one place", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T09:00:00+09:00");
  let admin: StaffClient;
  let sectionId: number;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([article({ num: 7701, title: "정규화" })], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "boss", name: "관리", email: "boss@test.example.kr", role: "admin" },
        ],
      }),
    );
    await givePasswords(t, ["boss"]);
    admin = await signIn(t, "boss@test.example.kr");
    sectionId = await sectionIdOf(t, "finance");
  });
  afterAll(() => t.close());

  it("saves a story whose every field carries NUL, bidi controls and a lone surrogate, without them", async () => {
    const res = await admin.post("/newsroom/articles", {
      title: `제목${NUL}에 ${RLO}역방향${LONE} 글자`,
      subtitle: `부제${NUL}`,
      sectionId: String(sectionId),
      body: `<p>본문${NUL}입니다${RLO}.</p>`,
      tags: `태그${NUL}, 다른${RLO}태그`,
      leadMediaId: "",
      leadAlt: `대체${NUL}`,
      leadCaption: `설명${NUL}`,
      leadCredit: `출처${NUL}`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const row = await t.database.db
      .selectFrom("articles")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(row.title).toBe("제목에 역방향\uFFFD 글자");
    for (const v of [row.title, row.subtitle, row.body_html]) expect(v).not.toMatch(UNWANTED);
    const tags = await t.database.db
      .selectFrom("article_tags")
      .select("tag")
      .where("article_id", "=", row.id)
      .execute();
    expect(tags.map((x) => x.tag).sort()).toEqual(["다른태그", "태그"]);
  });

  it("takes NUL in site settings, sections and people without a 500", async () => {
    const settings = await admin.post("/newsroom/settings", {
      name: `신문${NUL}이름`,
      dateline: `머리${NUL}말`,
      youtubeUrl: "",
    });
    expect(settings.statusCode).toBeLessThan(500);
    const section = await admin.post("/newsroom/sections", {
      slug: "nul-test",
      name: `섹션${NUL}${RLO}`,
      parentId: "",
    });
    expect(section.statusCode).toBeLessThan(500);
    const person = await admin.post("/newsroom/people", {
      key: "nul-person",
      name: `이름${NUL}`,
      aliases: `별칭${NUL}`,
    });
    expect(person.statusCode).toBeLessThan(500);
    const names = await t.database.db
      .selectFrom("sections")
      .select("name")
      .where("slug", "=", "nul-test")
      .execute();
    for (const n of names) expect(n.name).not.toMatch(UNWANTED);
  });

  it("takes NUL in a reader's comment, report, search and path without a 500", async () => {
    const posted = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7701/comments",
      payload: { nickname: `독자${NUL}`, password: `pw${NUL}1234`, body: `댓글${NUL}${RLO}입니다${LONE}` },
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().comment.body).toBe("댓글입니다\uFFFD");
    const report = await t.app.inject({
      method: "POST",
      url: `/api/v1/comments/${posted.json().comment.id}/reports`,
      payload: { reason: `사유${NUL}` },
    });
    expect(report.statusCode).toBe(202);
    for (const url of [
      "/search?q=%00%E2%80%AE",
      "/search?q=%ED%A0%80",
      "/reporter/a%00b",
      "/section/a%00b",
      "/people/x%00",
    ]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it("answers a too-long field in Korean", async () => {
    clock += 60_000;
    const res = await admin.post("/newsroom/articles", {
      title: "길이",
      sectionId: String(sectionId),
      body: "<p>본문</p>",
      leadAlt: "가".repeat(600),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("500자까지 쓸 수 있습니다.");
  });
});
