import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner } from "../support/html.ts";
import { givePasswords, signIn } from "../support/newsroom.ts";

// Issue 19: names that are also words need evidence; namesakes are decided per mention.
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("person links: words, namesakes and markup", () => {
  let t: TestApp;
  const body = async (num: number) => {
    const res = await t.app.inject(`/article/${num}`);
    expect(res.statusCode).toBe(200);
    return inner(res.body, "div", 'class="article__body"') ?? "";
  };
  const personPage = async (key: string) => {
    const res = await t.app.inject(`/people/${key}`);
    expect(res.statusCode).toBe(200);
    return inner(res.body, "section", 'aria-labelledby="person-articles"') ?? "";
  };

  beforeAll(async () => {
    t = await createTestApp();
    const base = newsroom();
    await t.import(
      newsroom(
        [
          article({
            num: 720001,
            title: "장마 끝, 다시 붐비는 강변",
            publishedAt: kst("2026-03-18 09:00:00"),
            body:
              "<p>장마가 끝나자 한강 공원에 시민들이 몰렸다. 서울시는 한강 다리 아래 산책로를 다시 열었다.</p>" +
              "<p>올여름 이상 기후로 낮 기온이 35도 이상 오른 날이 20일을 넘었다.</p>",
          }),
          article({
            num: 720002,
            title: "[서평] 기억을 다룬 새 장편",
            publishedAt: kst("2026-03-18 10:00:00"),
            body: "<p>소설가 한강의 새 장편이 나왔다. 한강은 이번 작품에서 기억을 다룬다.</p>",
          }),
          article({
            num: 720003,
            title: "같은 이름, 다른 자리",
            publishedAt: kst("2026-03-18 11:00:00"),
            body:
              "<p>새솔자동차 김철수 사장은 전기차 판매 목표를 올렸다.</p>" +
              "<p>같은 날 한국미래당 김철수 의원은 국회에서 관련 법안을 냈다. 김 사장과 김 의원은 다음 주 만난다.</p>",
          }),
          article({
            num: 720004,
            title: "굵은 글씨 속 이름",
            publishedAt: kst("2026-03-18 12:00:00"),
            body: "<p><strong>한도</strong>윤 장관은 ELON MUSK와 만났다.</p>",
          }),
        ],
        {
          people: [
            ...(base.people ?? []),
            {
              key: "han-kang",
              name: "한강",
              role: "소설가",
              contextWords: ["소설", "장편", "노벨문학상", "문학"],
            },
            { key: "yi-sang", name: "이상", role: "시인", contextWords: ["오감도", "날개"] },
            {
              key: "kim-auto",
              name: "김철수",
              role: "사장",
              organization: "새솔자동차",
              contextWords: ["전기차", "판매"],
            },
            {
              key: "kim-mp",
              name: "김철수",
              role: "의원",
              organization: "한국미래당",
              contextWords: ["국회", "법안"],
            },
            { key: "musk", name: "일론 머스크", aliases: ["Elon Musk"], organization: "테슬라" },
          ],
        },
      ),
    );
  });
  afterAll(() => t.close());

  it("does not link the novelist in a story about the river, nor the poet in a weather story", async () => {
    const b = await body(720001);
    expect(b).not.toContain("person-link");
    expect(b).toContain("한강 공원");
    expect(await personPage("han-kang")).not.toContain("/article/720001");
    expect(await personPage("yi-sang")).not.toContain("/article/720001");
  });

  it("links the novelist in a book review, and lists the review on her page", async () => {
    const b = await body(720002);
    expect(b).toContain('소설가 <a class="person-link" href="/people/han-kang">한강</a>의 새 장편');
    expect(count(b, "person-link")).toBe(1);
    expect(await personPage("han-kang")).toContain("/article/720002");
  });

  it("gives two namesakes in one story their own links and pages; '김 사장' is no link", async () => {
    const b = await body(720003);
    expect(b).toContain('새솔자동차 <a class="person-link" href="/people/kim-auto">김철수</a> 사장은');
    expect(b).toContain('한국미래당 <a class="person-link" href="/people/kim-mp">김철수</a> 의원은');
    expect(count(b, "person-link")).toBe(2);
    expect(b).toContain("김 사장과 김 의원은");
    expect(await personPage("kim-auto")).toContain("/article/720003");
    expect(await personPage("kim-mp")).toContain("/article/720003");
  });

  it("links a name split by inline markup as one link, and a Latin name in capitals", async () => {
    const b = await body(720004);
    expect(b).toContain('<a class="person-link" href="/people/han-dy"><strong>한도</strong>윤</a> 장관은');
    expect(b).toContain('<a class="person-link" href="/people/musk">ELON MUSK</a>와');
  });

  describe("in the newsroom", () => {
    const sectionOf = async (num: number) =>
      await t.database.db
        .selectFrom("articles")
        .select(["id", "section_id"])
        .where("num", "=", num)
        .executeTakeFirstOrThrow();

    it("shows the editor whom '김 사장' and '김 의원' were taken to mean", async () => {
      await givePasswords(t, ["choi-desk"]);
      const desk = await signIn(t, "desk@test.example.kr");
      const a = await sectionOf(720003);
      const panel =
        inner((await desk.get(`/newsroom/articles/${a.id}/edit`)).body, "section", "data-people-panel") ?? "";
      expect(panel).toContain('data-person-link="kim-auto"');
      expect(panel).toContain('data-person-link="kim-mp"');
      const refs = inner(panel, "div", "data-people-references") ?? "";
      expect(refs).toContain('data-reference="kim-auto"');
      expect(refs).toContain("‘김 사장’ → 김철수 (새솔자동차)");
      expect(refs).toContain("‘김 의원’ → 김철수 (한국미래당)");
    });

    it("shows editors who needs evidence, and why", async () => {
      await givePasswords(t, ["choi-desk"]);
      const desk = await signIn(t, "desk@test.example.kr");
      const list = await desk.get("/newsroom/people?evidence=1");
      expect(list.statusCode).toBe(200);
      const table = inner(list.body, "table") ?? "";
      expect(table).toContain('data-person="han-kang"');
      expect(table).toContain('data-person="yi-sang"');
      expect(table).toContain("‘한강’: 일반 낱말 목록에 있는 말");
      // People whose names are not words are not in the filtered list.
      expect(table).not.toContain('data-person="kim-auto"');
      const all = await desk.get("/newsroom/people?evidence=");
      expect(inner(all.body, "table")).toContain('data-person="kim-auto"');
      // A filter or search it cannot read is a 400 with a message, not a 500.
      for (const bad of ["/newsroom/people?evidence=yes", `/newsroom/people?q=${"가".repeat(101)}`]) {
        const res = await desk.get(encodeURI(bad));
        expect(res.statusCode, bad).toBe(400);
        expect(res.body).toContain("요청 값이 올바르지 않습니다");
      }
      const id = (
        await t.database.db
          .selectFrom("people")
          .select("id")
          .where("key", "=", "han-kang")
          .executeTakeFirstOrThrow()
      ).id;
      const edit = await desk.get(`/newsroom/people/${id}`);
      expect(edit.statusCode).toBe(200);
      expect(inner(edit.body, "section", 'aria-labelledby="person-evidence"')).toContain("일반 낱말 목록");
    });

    it("tells the editor why a word was not linked, and links it once the story gives evidence", async () => {
      const desk = await signIn(t, "desk@test.example.kr");
      const a = await sectionOf(720001);
      const panelOf = async () =>
        inner((await desk.get(`/newsroom/articles/${a.id}/edit`)).body, "section", "data-people-panel") ?? "";
      // The river story says nothing of the novelist: the editor is not asked.
      expect(await panelOf()).not.toContain("일반 낱말로도 쓰이는 이름인데");
      // A hint far from the name (more than 80 characters away): no link, but the editor is asked.
      const hint = await desk.post(`/newsroom/articles/${a.id}`, {
        title: "장마 끝, 다시 붐비는 강변",
        sectionId: String(a.section_id),
        body: `<p>한강의 신작이 서점에 깔렸다.</p><p>${"서점가는 주말 내내 붐볐다. ".repeat(6)}올해 나온 소설 가운데 가장 많이 팔렸다.</p>`,
      });
      expect(hint.statusCode).toBe(303);
      expect(await body(720001)).not.toContain("person-link");
      expect(await panelOf()).toContain("일반 낱말로도 쓰이는 이름인데");
      const save = await desk.post(`/newsroom/articles/${a.id}`, {
        title: "장마 끝, 다시 붐비는 강변",
        sectionId: String(a.section_id),
        body: "<p>한강 공원을 걷던 한강 작가는 새 장편의 첫 문장을 떠올렸다고 했다.</p>",
      });
      expect(save.statusCode).toBe(303);
      // The first mention is the river; the link goes where the story shows it is the writer.
      expect(await body(720001)).toContain(
        '한강 공원을 걷던 <a class="person-link" href="/people/han-kang">한강</a> 작가는',
      );
      expect(await personPage("han-kang")).toContain("/article/720001");
    });
  });
});
