import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { type StaffClient, sectionIdOf, signInAll } from "../support/newsroom.ts";

const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" as const },
];

const baseRevisionOf = (html: string) => /name="baseRevisionId"(?: value="(\d*)")?/.exec(html)?.[1] ?? "";

const SECRET_TITLE = "엠바고 걸린 합병 발표";
const SECRET_BODY = "비공개 본문: 두 회사가 다음 주 합병을 발표한다";

describe("newsroom hardening", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T09:00:00+09:00");
  const c: Record<string, StaffClient> = {};
  let sectionId: number;
  const idOf = async (num: number) =>
    (await t.database.db.selectFrom("articles").select("id").where("num", "=", num).executeTakeFirstOrThrow())
      .id;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom(
        [
          article({
            num: 8101,
            title: SECRET_TITLE,
            status: "draft",
            publishedAt: undefined,
            body: `<p>${SECRET_BODY}</p>`,
            tags: ["합병비밀태그"],
          }),
          article({ num: 8102, title: "공개된 기사 원래 제목", body: "<p>원래 본문입니다.</p>" }),
        ],
        { staff: STAFF },
      ),
    );
    Object.assign(c, await signInAll(t, STAFF));
    sectionId = await sectionIdOf(t, "industry/electronics");
  });
  afterAll(() => t.close());

  describe("someone else's unpublished story stays unseen through a refused save", () => {
    const invalid: Record<string, Record<string, string>> = {
      "a section that is not a number": { title: "x", sectionId: "abc", body: "<p>x</p>" },
      "an empty title": { title: "", sectionId: "1", body: "<p>x</p>" },
      "no fields at all": {},
    };
    for (const who of ["lee-ha", "mod"]) {
      for (const [what, form] of Object.entries(invalid)) {
        it(`${who}: POST with ${what} answers 403 without the story`, async () => {
          const id = await idOf(8101);
          const res = await c[who]!.post(`/newsroom/articles/${id}`, form);
          expect(res.statusCode).toBe(403);
          expect(res.body).not.toContain(SECRET_TITLE);
          expect(res.body).not.toContain("비공개 본문");
          expect(res.body).not.toContain("합병비밀태그");
        });
      }
      it(`${who}: autosave with a bad field answers 403 without the story`, async () => {
        const id = await idOf(8101);
        const res = await c[who]!.json(`/newsroom/api/articles/${id}/autosave`, {
          title: "",
          sectionId: "x",
        });
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain(SECRET_TITLE);
      });
    }

    it("the author still gets the editor back with what they typed", async () => {
      const id = await idOf(8101);
      const res = await c["park-sj"]!.post(`/newsroom/articles/${id}`, {
        title: "고친 제목",
        sectionId: "abc",
        body: "<p>x</p>",
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("고친 제목");
    });
  });

  it("answers 404, not 500, for revision numbers beyond any stored id (PostgreSQL integers)", async () => {
    const id = await idOf(8102);
    const restore = await c["choi-desk"]!.post(`/newsroom/articles/${id}/revisions/999999999999/restore`);
    expect(restore.statusCode).toBe(404);
    const diff = await c["choi-desk"]!.get(`/newsroom/articles/${id}/revisions/diff?a=1&b=999999999999`);
    expect(diff.statusCode).toBe(400);
  });

  describe("autosave of a published story", () => {
    it("keeps the edit pending: the public page changes only on 저장", async () => {
      const id = await idOf(8102);
      const editor = await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`);
      const base = baseRevisionOf(editor.body);
      clock += 60_000;
      const half = {
        title: "반쯤 쓴 새 제목",
        sectionId: String(sectionId),
        body: "<p>아직 쓰는 중인 문장</p>",
        tags: "",
        baseRevisionId: base,
      };
      const saved = await c["choi-desk"]!.json(`/newsroom/api/articles/${id}/autosave`, half);
      expect(saved.statusCode).toBe(200);
      expect(saved.json().ok).toBe(true);

      const page = await t.app.inject("/article/8102");
      expect(page.body).toContain("공개된 기사 원래 제목");
      expect(page.body).toContain("원래 본문입니다.");
      expect(page.body).not.toContain("반쯤 쓴 새 제목");
      expect(page.body).not.toMatch(/수정 <time/);
      const api = (await t.app.inject("/api/v1/articles/8102")).json();
      expect(JSON.stringify(api)).not.toContain("반쯤 쓴");

      // The editor opens on the pending edit, so nothing typed is lost.
      const again = await c["choi-desk"]!.get(`/newsroom/articles/${id}/edit`);
      expect(again.body).toContain("반쯤 쓴 새 제목");
      expect(again.body).toContain("아직 쓰는 중인 문장");

      // 저장 makes it public, with a 수정 time.
      clock += 60_000;
      const save = await c["choi-desk"]!.post(`/newsroom/articles/${id}`, {
        ...half,
        title: "다 쓴 새 제목",
        baseRevisionId: baseRevisionOf(again.body),
      });
      expect(save.statusCode).toBe(303);
      const after = await t.app.inject("/article/8102");
      expect(after.body).toContain("다 쓴 새 제목");
      expect(after.body).toMatch(/수정 <time[^>]*>2026/);
    });
  });
});
