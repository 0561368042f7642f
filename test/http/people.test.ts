import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeArticlePerson } from "../../src/people/article-people.service.ts";
import { createTestApp, NOW, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner, jsonLd, metaContent } from "../support/html.ts";
import { givePasswords, signIn } from "../support/newsroom.ts";

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("people in articles", () => {
  let t: TestApp;
  let html: string;

  beforeAll(async () => {
    t = await createTestApp();
    const base = newsroom();
    await t.import(
      newsroom(
        [
          article({
            num: 710001,
            title: "샘 올트먼 방한, 한도윤 장관 면담",
            subtitle: '올트먼 "협력 확대"',
            publishedAt: kst("2026-03-18 10:00:00"),
            body:
              "<p>샘 올트먼 퓨처AI 대표가 한도윤 장관을 만났다. 올트먼은 협력을 약속했다.</p>" +
              "<p>울트먼은 이어 &lt;기자회견&gt;에서 울트먼 특유의 화법으로 말했고, 알트만과 올트먼의 이름이 섞였다.</p>",
          }),
          article({
            num: 710002,
            title: "산업 정책 인터뷰",
            publishedAt: kst("2026-03-10 10:00:00"),
            body: '<p><a href="https://ex.example/">한도윤</a> 인터뷰를 옮긴다. 한도윤은 말했다.</p>',
          }),
          article({
            num: 710003,
            title: "아직 초안",
            status: "draft",
            publishedAt: undefined,
            body: "<p>한도윤 장관의 일정.</p>",
          }),
          article({ num: 710004, title: "이름이 아닌 말", body: "<p>한도윤석 씨와 이영자 씨.</p>" }),
        ],
        {
          people: [
            ...(base.people ?? []),
            {
              key: "ortman",
              num: 500202,
              name: "샘 올트먼",
              aliases: ["올트먼", "알트만"],
              role: "대표",
              organization: "퓨처AI",
            },
          ],
        },
      ),
    );
    const res = await t.app.inject("/article/710001");
    expect(res.statusCode).toBe(200);
    html = res.body;
  });
  afterAll(() => t.close());

  it("links the first mention of each person in the body", () => {
    const body = inner(html, "div", 'class="article__body"')!;
    expect(count(body, 'class="person-link"')).toBe(2);
    expect(body).toContain('<a class="person-link" href="/people/ortman">샘 올트먼</a> 퓨처AI');
    expect(body).toContain('<a class="person-link" href="/people/han-dy">한도윤</a> 장관을');
    // Text around links stays escaped.
    expect(body).toContain("&lt;기자회견&gt;");
    expect(body).not.toContain("<기자회견>");
  });

  it("never links in the headline, subtitle, <title>, meta, JSON-LD or feeds", async () => {
    expect(inner(html, "h1")).not.toContain("<a");
    expect(inner(html, "title")).not.toContain("person-link");
    expect(metaContent(html, "og:title")).toBe("샘 올트먼 방한, 한도윤 장관 면담");
    expect(metaContent(html, "description")).not.toContain("<");
    const ld = jsonLd(html)[0] as Record<string, unknown>;
    expect(JSON.stringify(ld)).not.toContain("person-link");
    const header = inner(html, "header")!;
    expect(header).not.toContain("person-link");
    const rss = await t.app.inject("/rss.xml");
    expect(rss.statusCode).toBe(200);
    expect(rss.body).toContain("샘 올트먼 방한");
    expect(rss.body).not.toContain("person-link");
  });

  it("does not link inside an existing link, and links the next mention instead", async () => {
    const res = await t.app.inject("/article/710002");
    const body = inner(res.body, "div", 'class="article__body"')!;
    expect(body).toContain(
      '<a href="https://ex.example/" rel="noopener noreferrer" target="_blank">한도윤</a>',
    );
    expect(body).toContain('<a class="person-link" href="/people/han-dy">한도윤</a>은 말했다');
    expect(count(body, "person-link")).toBe(1);
  });

  it("does not link a name inside a longer word", async () => {
    const res = await t.app.inject("/article/710004");
    expect(inner(res.body, "div", 'class="article__body"')).not.toContain("person-link");
  });

  it("lists published articles mentioning the person on their page, newest first", async () => {
    const res = await t.app.inject("/people/han-dy");
    expect(res.statusCode).toBe(200);
    const list = inner(res.body, "section", 'aria-labelledby="person-articles"')!;
    const first = list.indexOf("/article/710001");
    const second = list.indexOf("/article/710002");
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(list).not.toContain("/article/710003");
    expect(list).not.toContain("/article/710004");
    const page2 = await t.app.inject("/people/han-dy?page=2");
    expect(page2.statusCode).toBe(200);
  });

  it("redirects a person's old number to their page", async () => {
    const res = await t.app.inject("/BP?command=article_view&num=500202");
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toMatch(/\/people\/ortman$/);
  });

  it("stops drawing a link once it is removed", async () => {
    const db = t.database.db;
    const a = await db
      .selectFrom("articles")
      .select("id")
      .where("num", "=", 710001)
      .executeTakeFirstOrThrow();
    const p = await db
      .selectFrom("people")
      .select("id")
      .where("key", "=", "han-dy")
      .executeTakeFirstOrThrow();
    // Both pages were seen (and kept in the page cache) before the desk removed the link.
    expect((await t.app.inject("/article/710001")).body).toContain("/people/han-dy");
    await t.app.inject("/people/han-dy");
    await removeArticlePerson(
      { db, dialect: t.database.dialect, now: () => NOW, bus: t.app.bus },
      a.id,
      p.id,
    );
    const res = await t.app.inject("/article/710001");
    const body = inner(res.body, "div", 'class="article__body"')!;
    expect(body).not.toContain("/people/han-dy");
    expect(body).toContain("/people/ortman");
    const list = await t.app.inject("/people/han-dy");
    expect(inner(list.body, "section", 'aria-labelledby="person-articles"')).not.toContain("/article/710001");
  });

  it("check-names prints each person's spellings with counts", async () => {
    const exec = promisify(execFile);
    const r = await exec(process.execPath, ["--import", "tsx", "src/cli.ts", "check-names", "710001"], {
      env: {
        ...process.env,
        DATA_DIR: t.database.dataDir,
        DATABASE_URL: t.database.databaseUrl ?? "",
        LOG_LEVEL: "silent",
      },
      cwd: path.resolve(import.meta.dirname, "../.."),
    });
    expect(r.stdout).toContain("샘 올트먼 (ortman): 샘 올트먼 ×1, 올트먼 ×2, 울트먼 ×2, 알트만 ×1");
    expect(r.stdout).toContain("한도윤 (han-dy): 한도윤 ×1");
  });

  describe("in the editor", () => {
    const idOf = async (num: number) =>
      (
        await t.database.db
          .selectFrom("articles")
          .select("id")
          .where("num", "=", num)
          .executeTakeFirstOrThrow()
      ).id;
    const personId = async (key: string) =>
      (await t.database.db.selectFrom("people").select("id").where("key", "=", key).executeTakeFirstOrThrow())
        .id;

    it("shows links, flags a name it cannot decide, and lets the editor pick the person", async () => {
      await t.database.db
        .insertInto("people")
        .values([
          {
            key: "yoon-bio",
            name: "윤서아",
            aliases: "[]",
            organization: "한결바이오",
            context_words: '["신약"]',
            created_at: 1,
            updated_at: 1,
          },
          {
            key: "yoon-mp",
            name: "윤서아",
            aliases: "[]",
            organization: "국회",
            context_words: '["법안"]',
            created_at: 1,
            updated_at: 2,
          },
        ])
        .execute();
      await givePasswords(t, ["choi-desk"]);
      const desk = await signIn(t, "desk@test.example.kr");
      const id = await idOf(710004);
      // Saving recomputes the links with the grown directory.
      const save = await desk.post(`/newsroom/articles/${id}`, {
        title: "이름이 아닌 말",
        sectionId: String(
          (
            await t.database.db
              .selectFrom("articles")
              .select("section_id")
              .where("id", "=", id)
              .executeTakeFirstOrThrow()
          ).section_id,
        ),
        body: "<p>윤서아 씨는 오늘 점심을 먹었다. 한도윤은 웃었다.</p>",
      });
      expect(save.statusCode).toBe(303);
      const page = await desk.get(`/newsroom/articles/${id}/edit`);
      const panel = inner(page.body, "section", "data-people-panel")!;
      expect(panel).toContain('data-person-link="han-dy"');
      expect(panel).toContain("누구인지 판단할 수 없어 연결하지 않았습니다");
      expect(panel).toContain("국회");
      expect(panel).toContain("한결바이오");
      const bio = await personId("yoon-bio");
      const pick = await desk.post(`/newsroom/articles/${id}/people/pick`, {
        spelling: "윤서아",
        personId: String(bio),
      });
      expect(pick.statusCode).toBe(303);
      const article = await t.app.inject("/article/710004");
      expect(inner(article.body, "div", 'class="article__body"')).toContain(
        '<a class="person-link" href="/people/yoon-bio">윤서아</a> 씨는',
      );
      // The editor's choice survives the next save.
      await desk.post(`/newsroom/articles/${id}`, {
        title: "이름이 아닌 말",
        sectionId: String(
          (
            await t.database.db
              .selectFrom("articles")
              .select("section_id")
              .where("id", "=", id)
              .executeTakeFirstOrThrow()
          ).section_id,
        ),
        body: "<p>오늘 윤서아 씨는 점심을 먹었다. 한도윤은 웃었다.</p>",
      });
      const again = await t.app.inject("/article/710004");
      expect(inner(again.body, "div", 'class="article__body"')).toContain("/people/yoon-bio");
    });

    it("removes a link through the editor, and it stays removed after saving", async () => {
      const desk = await signIn(t, "desk@test.example.kr");
      const id = await idOf(710004);
      const han = await personId("han-dy");
      const res = await desk.post(`/newsroom/articles/${id}/people/${han}/remove`);
      expect(res.statusCode).toBe(303);
      const article = await t.app.inject("/article/710004");
      expect(inner(article.body, "div", 'class="article__body"')).not.toContain("/people/han-dy");
      const section = (
        await t.database.db
          .selectFrom("articles")
          .select("section_id")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).section_id;
      await desk.post(`/newsroom/articles/${id}`, {
        title: "이름이 아닌 말",
        sectionId: String(section),
        body: "<p>오늘 윤서아 씨는 점심을 먹었다. 한도윤은 또 웃었다.</p>",
      });
      const after = await t.app.inject("/article/710004");
      expect(inner(after.body, "div", 'class="article__body"')).not.toContain("/people/han-dy");
    });

    it("warns about three spellings of one name and unifies them as a new revision", async () => {
      const desk = await signIn(t, "desk@test.example.kr");
      const id = await idOf(710001);
      const page = await desk.get(`/newsroom/articles/${id}/edit`);
      const panel = inner(page.body, "section", "data-people-panel")!;
      expect(panel).toContain('data-spelling-warning="ortman"');
      expect(panel).toContain("울트먼 ×2");
      expect(panel).toContain("표기 통일");
      const before = await t.database.db
        .selectFrom("article_revisions")
        .select("id")
        .where("article_id", "=", id)
        .execute();
      const res = await desk.post(`/newsroom/articles/${id}/people/${await personId("ortman")}/unify`);
      expect(res.statusCode).toBe(303);
      const body = (
        await t.database.db
          .selectFrom("articles")
          .select("body_html")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).body_html;
      expect(body).not.toContain("울트먼");
      expect(body).not.toContain("알트만");
      expect(body).toContain("&lt;기자회견&gt;");
      expect(count(body, "샘 올트먼")).toBe(6);
      const revisions = await t.database.db
        .selectFrom("article_revisions")
        .select("id")
        .where("article_id", "=", id)
        .execute();
      expect(revisions.length).toBe(before.length + 1);
    });
  });

  describe("the directory in the newsroom", () => {
    it("is for editors: a reporter is refused", async () => {
      await givePasswords(t, ["park-sj", "choi-desk"]);
      const reporter = await signIn(t, "sjpark@test.example.kr");
      expect((await reporter.get("/newsroom/people")).statusCode).toBe(403);
      const desk = await signIn(t, "desk@test.example.kr");
      const list = await desk.get("/newsroom/people?q=도윤");
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('href="/newsroom/people"');
      expect(list.body).toContain('data-person="han-dy"');
      expect(list.body).not.toContain('data-person="ortman"');
    });

    it("adds and edits a person, refusing a taken key", async () => {
      const desk = await signIn(t, "desk@test.example.kr");
      const add = await desk.post("/newsroom/people", {
        key: "ortman-dup",
        name: "올트맨",
        aliases: "S. 올트맨, 샘올트맨",
        organization: "퓨처AI",
        contextWords: "챗봇, 인공지능",
        num: "500303",
      });
      expect(add.statusCode).toBe(303);
      const editUrl = add.headers.location!.split("?")[0]!;
      const page = await desk.get(editUrl);
      expect(page.body).toContain('value="S. 올트맨, 샘올트맨"');
      const dup = await desk.post("/newsroom/people", { key: "han-dy", name: "누군가" });
      expect(dup.statusCode).toBe(409);
      const saved = await desk.post(editUrl, {
        key: "ortman-dup",
        name: "올트맨",
        role: "CEO",
        num: "500303",
      });
      expect(saved.statusCode).toBe(303);
      const row = await t.database.db
        .selectFrom("people")
        .selectAll()
        .where("key", "=", "ortman-dup")
        .executeTakeFirstOrThrow();
      expect(row.role).toBe("CEO");
    });

    it("merges two entries: links move, the old number redirects, the name becomes an alias", async () => {
      const desk = await signIn(t, "desk@test.example.kr");
      const db = t.database.db;
      const dup = await db
        .selectFrom("people")
        .select("id")
        .where("key", "=", "ortman-dup")
        .executeTakeFirstOrThrow();
      const id = await idOfNum(710002);
      await db
        .insertInto("article_people")
        .values({
          article_id: id,
          person_id: dup.id,
          start: 0,
          length: 3,
          spelling: "올트맨",
          source: "editor",
          removed: 0,
        })
        .execute();
      const res = await desk.post(`/newsroom/people/${dup.id}/merge`, { into: "ortman" });
      expect(res.statusCode).toBe(303);
      expect(
        await db.selectFrom("people").select("id").where("key", "=", "ortman-dup").executeTakeFirst(),
      ).toBeUndefined();
      const keep = await db
        .selectFrom("people")
        .selectAll()
        .where("key", "=", "ortman")
        .executeTakeFirstOrThrow();
      expect(JSON.parse(keep.aliases)).toContain("올트맨");
      const links = await db
        .selectFrom("article_people")
        .select("person_id")
        .where("article_id", "=", id)
        .execute();
      expect(links.map((l) => l.person_id)).toContain(keep.id);
      const old = await t.app.inject("/BP?command=article_view&num=500303");
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toMatch(/\/people\/ortman$/);
      const self = await desk.post(`/newsroom/people/${keep.id}/merge`, { into: "ortman" });
      expect(self.statusCode).toBe(400);
    });

    const idOfNum = async (num: number) =>
      (
        await t.database.db
          .selectFrom("articles")
          .select("id")
          .where("num", "=", num)
          .executeTakeFirstOrThrow()
      ).id;
  });
});
