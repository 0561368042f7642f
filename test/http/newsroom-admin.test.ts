import fs from "node:fs/promises";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MediaVariant } from "../../src/media/media.ts";
import { createSection } from "../../src/sections/section.service.ts";
import { createStaff, updateStaff } from "../../src/staff/staff.service.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { type FilePart, multipart } from "../support/multipart.ts";
import { givePasswords, PASSWORD, type StaffClient, signIn, signInResponse } from "../support/newsroom.ts";

// The factory's newsroom brings park-sj, lee-ha (reporters) and choi-desk (editor); these join them.
const EXTRA_STAFF = [
  { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];
const ROLES = { reporter: "park-sj", editor: "choi-desk", moderator: "mod", admin: "admin" } as const;
type Who = keyof typeof ROLES;

const jpeg = (width: number, height: number, color = "#4f7ca8") =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

const FAKE_JPEG = Buffer.from("이건 사진이 아니라 그냥 글입니다.\nnot a photo at all\n");

describe("the newsroom's admin pages: media, staff, sections, site settings", () => {
  let t: TestApp;
  const c = {} as Record<Who, StaffClient>;
  let n = 0;
  const unique = () => ++n;
  const db = () => t.database.db;
  const useCases = () => ({ db: db(), dialect: t.database.dialect, now: () => Date.now(), bus: t.app.bus });
  const staffId = async (key: string) =>
    (await db().selectFrom("staff").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;

  function upload(
    client: StaffClient | null,
    fields: Record<string, string>,
    files: FilePart[],
    options: { url?: string; csrf?: "field" | "header" | "none" } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf = options.csrf ?? (options.url?.includes("/api/") ? "header" : "field");
    const body = multipart(csrf === "field" && client ? { _csrf: client.csrf, ...fields } : fields, files);
    return t.app.inject({
      method: "POST",
      url: options.url ?? "/newsroom/media",
      headers: {
        "content-type": body.contentType,
        ...(client ? { cookie: client.cookie } : {}),
        ...(csrf === "header" && client ? { "x-csrf-token": client.csrf } : {}),
      },
      payload: body.payload,
    });
  }

  /** Everything an admin page may change, to prove a refused request changed none of it. */
  async function snapshot() {
    const [media, staff, sections, settings] = await Promise.all([
      db().selectFrom("media").selectAll().orderBy("id").execute(),
      db().selectFrom("staff").selectAll().orderBy("id").execute(),
      db().selectFrom("sections").selectAll().orderBy("id").execute(),
      db().selectFrom("site_settings").selectAll().orderBy("key").execute(),
    ]);
    return { media, staff, sections, settings };
  }

  async function newTarget(role: "reporter" | "admin" = "reporter"): Promise<number> {
    const i = unique();
    return createStaff(useCases(), {
      key: `target-${i}`,
      name: `대상${i}`,
      email: `target${i}@test.example.kr`,
      role,
      desk: null,
      active: true,
      password: PASSWORD,
    });
  }

  async function anyMediaId(): Promise<number> {
    const color = `#${((unique() * 7919) % 0xffffff).toString(16).padStart(6, "0")}`;
    const res = await upload(
      c.admin,
      {},
      [{ filename: `seed-${unique()}.jpg`, type: "image/jpeg", data: await jpeg(64, 48, color) }],
      {
        url: "/newsroom/api/media",
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const base = newsroom([
      article({ num: 7001, title: "반도체 수출 석 달 연속 증가", section: "industry/electronics" }),
    ]);
    await t.import({ ...base, staff: [...(base.staff ?? []), ...EXTRA_STAFF] });
    await givePasswords(t, ["park-sj", "lee-ha", "choi-desk", "mod", "admin"]);
    for (const [who, key] of Object.entries(ROLES) as [Who, string][]) {
      const email =
        key === "park-sj"
          ? "sjpark@test.example.kr"
          : key === "choi-desk"
            ? "desk@test.example.kr"
            : `${key}@test.example.kr`;
      c[who] = await signIn(t, email);
    }
  });
  afterAll(() => t.close());

  describe("who may do what (every role × page and action, enforced on the server)", () => {
    const mediaUsers: Who[] = ["reporter", "editor", "admin"];
    const adminOnly: Who[] = ["admin"];
    const actions: {
      name: string;
      allowed: Who[];
      setup?: () => Promise<number>;
      run: (client: StaffClient, id: number) => Promise<LightMyRequestResponse>;
    }[] = [
      { name: "see the media library", allowed: mediaUsers, run: (cl) => cl.get("/newsroom/media") },
      {
        name: "see a photo",
        allowed: mediaUsers,
        setup: anyMediaId,
        run: (cl, id) => cl.get(`/newsroom/media/${id}`),
      },
      {
        name: "upload a photo",
        allowed: mediaUsers,
        run: async (cl) =>
          upload(cl, { caption: "권한 확인" }, [
            {
              filename: "m.jpg",
              type: "image/jpeg",
              data: await jpeg(50, 40, `#12${String(unique()).padStart(4, "0")}`),
            },
          ]),
      },
      {
        name: "upload a photo from the editor (JSON)",
        allowed: mediaUsers,
        run: async (cl) =>
          upload(
            cl,
            {},
            [
              {
                filename: "m.jpg",
                type: "image/jpeg",
                data: await jpeg(50, 40, `#34${String(unique()).padStart(4, "0")}`),
              },
            ],
            { url: "/newsroom/api/media" },
          ),
      },
      {
        name: "edit a photo's caption",
        allowed: mediaUsers,
        setup: anyMediaId,
        run: (cl, id) =>
          cl.post(`/newsroom/media/${id}`, { caption: `고친 설명 ${unique()}`, credit: "직지", alt: "" }),
      },
      { name: "see the staff list", allowed: adminOnly, run: (cl) => cl.get("/newsroom/staff") },
      { name: "open the add-staff form", allowed: adminOnly, run: (cl) => cl.get("/newsroom/staff/new") },
      {
        name: "open a staff member",
        allowed: adminOnly,
        setup: () => staffId("lee-ha"),
        run: (cl, id) => cl.get(`/newsroom/staff/${id}`),
      },
      {
        name: "add a staff member",
        allowed: adminOnly,
        run: (cl) => {
          const i = unique();
          return cl.post("/newsroom/staff", {
            key: `new-${i}`,
            name: `새사람${i}`,
            email: `new${i}@test.example.kr`,
            role: "reporter",
            desk: "",
            password: PASSWORD,
          });
        },
      },
      {
        name: "edit a staff member",
        allowed: adminOnly,
        setup: () => newTarget(),
        run: (cl, id) =>
          cl.post(`/newsroom/staff/${id}`, {
            name: "바뀐 이름",
            email: `changed${unique()}@test.example.kr`,
            role: "editor",
            desk: "정치부",
            active: "1",
          }),
      },
      {
        name: "reset a password",
        allowed: adminOnly,
        setup: () => newTarget(),
        run: (cl, id) => cl.post(`/newsroom/staff/${id}/password`, { password: "another-long-password" }),
      },
      { name: "see the sections", allowed: adminOnly, run: (cl) => cl.get("/newsroom/sections") },
      {
        name: "add a section",
        allowed: adminOnly,
        run: (cl) =>
          cl.post("/newsroom/sections", {
            slug: `s-${unique()}`,
            name: "새 섹션",
            parentId: "",
            position: "9",
          }),
      },
      {
        name: "rename a section",
        allowed: adminOnly,
        setup: () =>
          createSection(useCases(), { slug: `r-${unique()}`, name: "이름 전", parentId: null, position: 50 }),
        run: (cl, id) => cl.post(`/newsroom/sections/${id}`, { name: "이름 후", position: "51" }),
      },
      {
        name: "delete a section",
        allowed: adminOnly,
        setup: () =>
          createSection(useCases(), {
            slug: `d-${unique()}`,
            name: "지울 섹션",
            parentId: null,
            position: 60,
          }),
        run: (cl, id) => cl.post(`/newsroom/sections/${id}/delete`),
      },
      { name: "see the site settings", allowed: adminOnly, run: (cl) => cl.get("/newsroom/settings") },
      {
        name: "save the site settings",
        allowed: adminOnly,
        run: (cl) =>
          cl.post("/newsroom/settings", {
            name: "테스트경제",
            dateline: "테스트경제",
            youtubeUrl: "https://www.youtube.com/@test-economy",
          }),
      },
    ];

    for (const action of actions) {
      for (const who of ["reporter", "editor", "moderator", "admin"] as Who[]) {
        const allowed = action.allowed.includes(who);
        it(`${who} ${allowed ? "may" : "may not"} ${action.name}`, async () => {
          const id = action.setup ? await action.setup() : 0;
          const before = await snapshot();
          const res = await action.run(c[who], id);
          if (allowed) {
            expect([200, 303], res.body.slice(0, 300)).toContain(res.statusCode);
          } else {
            expect(res.statusCode).toBe(403);
            expect(await snapshot()).toEqual(before);
          }
        });
      }
    }

    it("shows each role only the menu items it may use", async () => {
      const menu = async (who: Who) =>
        textOf(inner((await c[who].get("/newsroom")).body, "nav", 'class="nr-nav"') ?? "");
      expect(await menu("reporter")).toContain("사진");
      expect(await menu("reporter")).not.toContain("직원");
      expect(await menu("moderator")).not.toContain("사진");
      for (const item of ["사진", "직원", "섹션", "사이트 설정"]) expect(await menu("admin")).toContain(item);
    });
  });

  describe("the media library", () => {
    it("stores an upload checked by content, with its renditions on disk and who uploaded it", async () => {
      const res = await upload(
        c.reporter,
        { caption: "반도체 공장 전경", credit: "한빛경제", alt: "클린룸 내부" },
        [{ filename: "반도체 공장.jpg", type: "image/jpeg", data: await jpeg(1600, 1000, "#2a6f97") }],
      );
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      expect(res.headers.location).toBe("/newsroom/media?notice=uploaded");
      const row = await db()
        .selectFrom("media")
        .selectAll()
        .where("original_name", "=", "반도체 공장.jpg")
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        mime: "image/jpeg",
        width: 1600,
        height: 1000,
        caption: "반도체 공장 전경",
        credit: "한빛경제",
        alt: "클린룸 내부",
        uploaded_by: await staffId("park-sj"),
      });
      const variants = JSON.parse(row.variants) as MediaVariant[];
      expect(variants.map((v) => v.width)).toEqual([480, 960, 1440, 1600]);
      for (const file of [row.path, ...variants.map((v) => v.path)]) {
        const stat = await fs.stat(path.join(t.mediaDir, file));
        expect(stat.size).toBeGreaterThan(0);
      }
      const rendition = await sharp(path.join(t.mediaDir, variants[0]!.path)).metadata();
      expect(rendition).toMatchObject({ format: "webp", width: 480, height: 300 });

      const list = await c.editor.get("/newsroom/media");
      expect(list.statusCode).toBe(200);
      const card = inner(list.body, "li", 'class="nr-media-card"')!;
      expect(card).toContain(`src="/media/${variants[0]!.path}"`);
      expect(textOf(card)).toContain("반도체 공장.jpg");
      expect(textOf(card)).toContain("1600×1000");
      expect(textOf(card)).toContain("반도체 공장 전경");
      expect(textOf(card)).toContain("출처: 한빛경제");
      expect(textOf(card)).toContain("박서준 · 2026-03-20 12:00");
      // the stored files are served
      expect((await t.app.inject(`/media/${variants[0]!.path}`)).statusCode).toBe(200);
    });

    it("refuses a text file named .jpg in Korean, keeps what was typed, and stores nothing", async () => {
      const before = await snapshot();
      const res = await upload(c.reporter, { caption: "지우면 안 되는 설명", credit: "", alt: "" }, [
        { filename: "photo.jpg", type: "image/jpeg", data: FAKE_JPEG },
      ]);
      expect(res.statusCode).toBe(400);
      const error = inner(res.body, "p", 'class="nr-error"')!;
      expect(error).toContain("JPEG, PNG, WebP");
      expect(res.body).toMatch(/data-code="image_(unreadable|format)"/);
      expect(res.body).toContain('value="지우면 안 되는 설명"');
      expect(await snapshot()).toEqual(before);

      const api = await upload(
        c.reporter,
        {},
        [{ filename: "photo.jpg", type: "image/jpeg", data: FAKE_JPEG }],
        { url: "/newsroom/api/media" },
      );
      expect(api.statusCode).toBe(400);
      expect(["image_unreadable", "image_format"]).toContain(api.json().error.code);
      expect(api.json().error.message).toMatch(/[가-힣]/);
      // A real image in a format we do not take (GIF) is refused by content too.
      const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .gif()
        .toBuffer();
      const gifRes = await upload(c.reporter, {}, [{ filename: "a.jpg", type: "image/jpeg", data: gif }], {
        url: "/newsroom/api/media",
      });
      expect(gifRes.json().error.code).toBe("image_format");
      expect(await snapshot()).toEqual(before);
    });

    it("stores several photos at once, or none when one of them is not a photo", async () => {
      const before = (await snapshot()).media.length;
      const bad = await upload(c.editor, { credit: "누리통신" }, [
        { filename: "good.jpg", type: "image/jpeg", data: await jpeg(300, 200, "#aa3300") },
        { filename: "가짜.jpg", type: "image/jpeg", data: FAKE_JPEG },
      ]);
      expect(bad.statusCode).toBe(400);
      expect(textOf(inner(bad.body, "p", 'class="nr-error"')!)).toContain("가짜.jpg:");
      expect((await snapshot()).media.length).toBe(before);

      const png = await sharp({ create: { width: 320, height: 240, channels: 4, background: "#00ff0080" } })
        .png()
        .toBuffer();
      const webp = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#0000aa" } })
        .webp()
        .toBuffer();
      const ok = await upload(c.editor, { credit: "누리통신" }, [
        { filename: "good.jpg", type: "image/jpeg", data: await jpeg(300, 200, "#aa3300") },
        { filename: "b.png", type: "image/png", data: png },
        { filename: "c.webp", type: "image/webp", data: webp },
      ]);
      expect(ok.statusCode, ok.body.slice(0, 300)).toBe(303);
      const rows = await db()
        .selectFrom("media")
        .select(["mime", "credit"])
        .where("original_name", "in", ["good.jpg", "b.png", "c.webp"])
        .execute();
      expect(rows.map((r) => r.mime).sort()).toEqual(["image/jpeg", "image/png", "image/webp"]);
      expect(rows.every((r) => r.credit === "누리통신")).toBe(true);
    });

    it("refuses an upload with no file, too many files, or a file over 20 MB, in Korean", async () => {
      const before = await snapshot();
      const none = await upload(c.reporter, { caption: "" }, [
        { filename: "", type: "application/octet-stream", data: Buffer.alloc(0) },
      ]);
      expect(none.statusCode).toBe(400);
      expect(textOf(inner(none.body, "p", 'class="nr-error"')!)).toBe("올릴 사진 파일을 골라 주세요.");

      const small = await jpeg(20, 20);
      const eleven = Array.from({ length: 11 }, (_, i) => ({
        filename: `${i}.jpg`,
        type: "image/jpeg",
        data: small,
      }));
      const many = await upload(c.reporter, {}, eleven);
      expect(many.statusCode).toBe(413);
      expect(textOf(inner(many.body, "p", 'class="nr-error"')!)).toBe(
        "사진은 한 번에 10장까지 올릴 수 있습니다.",
      );

      const huge = await upload(c.reporter, {}, [
        { filename: "huge.jpg", type: "image/jpeg", data: Buffer.alloc(20 * 1024 * 1024 + 1, 1) },
      ]);
      expect(huge.statusCode).toBe(413);
      expect(textOf(inner(huge.body, "p", 'class="nr-error"')!)).toBe(
        "사진 한 장은 20MB까지 올릴 수 있습니다.",
      );
      const hugeApi = await upload(
        c.reporter,
        {},
        [{ filename: "huge.jpg", type: "image/jpeg", data: Buffer.alloc(20 * 1024 * 1024 + 1, 1) }],
        { url: "/newsroom/api/media" },
      );
      expect(hugeApi.statusCode).toBe(413);
      expect(hugeApi.json().error.code).toBe("image_too_large");
      expect(await snapshot()).toEqual(before);
    });

    it("answers the editor's script with what it needs, and wants the CSRF header and a session", async () => {
      const data = await jpeg(1000, 500, "#557700");
      const res = await upload(
        c.reporter,
        { caption: "에디터에서" },
        [{ filename: "e.jpg", type: "image/jpeg", data }],
        { url: "/newsroom/api/media" },
      );
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(["height", "id", "src", "webpSrcset", "width"]);
      expect(body).toMatchObject({ width: 1000, height: 500 });
      expect(body.src).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
      expect(body.webpSrcset).toMatch(
        /^\/media\/\S+-480\.webp 480w, \/media\/\S+-960\.webp 960w, \/media\/\S+-1000\.webp 1000w$/,
      );

      const before = await snapshot();
      const other = await jpeg(100, 100, "#770055");
      const noToken = await upload(c.reporter, {}, [{ filename: "x.jpg", type: "image/jpeg", data: other }], {
        url: "/newsroom/api/media",
        csrf: "none",
      });
      expect(noToken.statusCode).toBe(403);
      const noFieldToken = await upload(
        c.reporter,
        {},
        [{ filename: "x.jpg", type: "image/jpeg", data: other }],
        { csrf: "none" },
      );
      expect(noFieldToken.statusCode).toBe(403);
      const anonymous = await upload(null, {}, [{ filename: "x.jpg", type: "image/jpeg", data: other }], {
        url: "/newsroom/api/media",
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe("unauthenticated");
      expect(await snapshot()).toEqual(before);
    });

    it("accepts multipart only where photos are uploaded", async () => {
      const body = multipart({ _csrf: c.admin.csrf, name: "멀티파트 이름" }, []);
      const res = await t.app.inject({
        method: "POST",
        url: "/newsroom/settings",
        headers: { cookie: c.admin.cookie, "content-type": body.contentType },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(415);
    });

    it("edits a photo's alt text, caption and credit, and keeps what was typed when refused", async () => {
      const id = await anyMediaId();
      const res = await c.reporter.post(`/newsroom/media/${id}`, {
        caption: "  새 설명  ",
        credit: "직지뉴스",
        alt: "새 대체 텍스트",
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/newsroom/media/${id}?notice=saved`);
      const row = await db()
        .selectFrom("media")
        .select(["caption", "credit", "alt"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ caption: "새 설명", credit: "직지뉴스", alt: "새 대체 텍스트" });
      const page = await c.reporter.get(`/newsroom/media/${id}?notice=saved`);
      expect(page.body).toContain('value="새 설명"');
      expect(textOf(page.body)).toContain("저장했습니다.");

      const bad = await c.reporter.post(`/newsroom/media/${id}`, {
        caption: "버리면 안 되는 설명",
        credit: "가".repeat(201),
        alt: "",
      });
      expect(bad.statusCode).toBe(400);
      expect(textOf(inner(bad.body, "p", 'class="nr-error"')!)).toBe("출처는 200자까지 쓸 수 있습니다.");
      expect(bad.body).toContain('value="버리면 안 되는 설명"');
      expect(
        (await db().selectFrom("media").select("caption").where("id", "=", id).executeTakeFirstOrThrow())
          .caption,
      ).toBe("새 설명");

      expect((await c.reporter.post("/newsroom/media/999999", { caption: "x" })).statusCode).toBe(404);
      expect((await c.reporter.get("/newsroom/media/abc")).statusCode).toBe(404);
    });

    it("lists newest first in pages and finds photos by caption, credit or name, wildcards taken literally", async () => {
      const base = Date.parse("2026-03-21T00:00:00+09:00");
      const rows = Array.from({ length: 35 }, (_, i) => ({
        sha256: `${String(i).padStart(4, "0")}${"f".repeat(60)}`,
        path: `ff/listed-${i}.jpg`,
        mime: "image/jpeg",
        width: 100,
        height: 100,
        bytes: 1000,
        variants: JSON.stringify([{ width: 100, path: `ff/listed-${i}-100.webp` }]),
        created_at: base + i * 1000,
        caption: i === 3 ? "100% 확률_특집" : `목록 사진 ${i}`,
        credit: i === 4 ? "Hanbit Photo" : null,
        original_name: `listed-${i}.jpg`,
      }));
      await db().insertInto("media").values(rows).execute();

      const first = await c.editor.get("/newsroom/media");
      const names = [...first.body.matchAll(/class="nr-media-card__name">([^<]+)</g)].map((m) => m[1]);
      expect(names.slice(0, 3)).toEqual(["listed-34.jpg", "listed-33.jpg", "listed-32.jpg"]);
      expect(names.length).toBe(30);
      expect(first.body).toContain('href="/newsroom/media?page=2"');
      const second = await c.editor.get("/newsroom/media?page=2");
      expect(second.body).toContain("listed-0.jpg");

      const find = async (q: string) =>
        [
          ...(await c.editor.get(`/newsroom/media?q=${encodeURIComponent(q)}`)).body.matchAll(
            /class="nr-media-card__name">([^<]+)</g,
          ),
        ].map((m) => m[1]);
      expect(await find("100%")).toEqual(["listed-3.jpg"]);
      expect(await find("확률_특")).toEqual(["listed-3.jpg"]);
      expect(await find("%")).toEqual(["listed-3.jpg"]);
      expect(await find("_")).toEqual(["listed-3.jpg"]);
      expect(await find("hanbit photo")).toEqual(["listed-4.jpg"]);
      expect(await find("listed-12.")).toEqual(["listed-12.jpg"]);
      expect(await find("반도체 공장")).toEqual(["반도체 공장.jpg"]);
      expect(textOf((await c.editor.get("/newsroom/media?q=없는말")).body)).toContain(
        "찾는 사진이 없습니다.",
      );
      expect((await c.editor.get("/newsroom/media?page=0")).statusCode).toBe(400);
    });
  });

  describe("staff", () => {
    it("adds a person who can then sign in, and lists them", async () => {
      const res = await c.admin.post("/newsroom/staff", {
        key: "kim-jy",
        name: "김지영",
        email: "JYKim@Test.example.kr",
        role: "editor",
        desk: "경제부",
        password: "initial-password-1",
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      const row = await db()
        .selectFrom("staff")
        .selectAll()
        .where("key", "=", "kim-jy")
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        name: "김지영",
        email: "JYKim@Test.example.kr",
        role: "editor",
        desk: "경제부",
        active: 1,
      });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(res.headers.location).toBe(`/newsroom/staff/${row.id}?notice=staff_saved`);
      // sign-in ignores the e-mail's case
      expect((await signInResponse(t, "jykim@test.example.kr", "initial-password-1")).statusCode).toBe(303);

      const text = textOf((await c.admin.get("/newsroom/staff")).body);
      expect(text).toContain("김지영 JYKim@Test.example.kr 데스크(편집자) 경제부 사용 중 2026-03-20 12:00");
      expect(text).toContain("이하은 haeun@test.example.kr 기자 금융부 사용 중 —");
    });

    it("refuses a bad key, a short password, a duplicate e-mail or key, in Korean and keeping what was typed", async () => {
      const form = {
        key: "song-mh",
        name: "송민호",
        email: "mhsong@test.example.kr",
        role: "reporter",
        desk: "사회부",
        password: "long-enough-pw",
      };
      const before = await snapshot();
      const cases: [Record<string, string>, number, string][] = [
        [{ key: "Song MH" }, 400, "키는 영문 소문자, 숫자, -로 2~64자여야 합니다."],
        [{ password: "short" }, 400, "비밀번호는 10자 이상이어야 합니다."],
        [{ email: "not-an-email" }, 400, "이메일 주소가 올바르지 않습니다."],
        [{ name: "" }, 400, "이름을 적어 주세요."],
        [{ role: "owner" }, 400, "역할을 골라 주세요."],
        [{ email: "SJPARK@test.example.kr" }, 409, "이미 다른 직원(park-sj)이 쓰는 이메일입니다."],
        [{ key: "park-sj" }, 409, "이미 쓰이는 키입니다. 다른 키를 정해 주세요."],
      ];
      for (const [change, status, message] of cases) {
        const res = await c.admin.post("/newsroom/staff", { ...form, ...change });
        expect(res.statusCode, JSON.stringify(change)).toBe(status);
        expect(textOf(inner(res.body, "p", 'class="nr-error"')!)).toBe(message);
        expect(res.body).toContain(change.name === "" ? 'value="mhsong@test.example.kr"' : 'value="송민호"');
        expect(res.body).toContain('value="사회부"');
        expect(res.body).not.toContain("long-enough-pw");
      }
      expect(await snapshot()).toEqual(before);
    });

    it("edits a person, refuses someone else's e-mail, and signs out a person who is switched off", async () => {
      const id = await newTarget();
      const email = (
        await db().selectFrom("staff").select("email").where("id", "=", id).executeTakeFirstOrThrow()
      ).email;
      const person = await signIn(t, email);
      expect((await person.get("/newsroom")).statusCode).toBe(200);

      const edit = (fields: Record<string, string>) =>
        c.admin.post(`/newsroom/staff/${id}`, {
          name: "대상 고침",
          email,
          role: "editor",
          desk: "국제부",
          active: "1",
          ...fields,
        });
      expect((await edit({})).statusCode).toBe(303);
      expect(
        await db()
          .selectFrom("staff")
          .select(["name", "role", "desk", "active"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow(),
      ).toEqual({
        name: "대상 고침",
        role: "editor",
        desk: "국제부",
        active: 1,
      });
      // the new role applies to the open session at once: an editor sees the desk queue
      expect((await person.get("/newsroom")).body).toContain('id="queue"');

      const taken = await edit({ email: "Haeun@Test.Example.kr", name: "남지 않을 이름" });
      expect(taken.statusCode).toBe(409);
      expect(textOf(inner(taken.body, "p", 'class="nr-error"')!)).toBe(
        "이미 다른 직원(lee-ha)이 쓰는 이메일입니다.",
      );
      expect(taken.body).toContain('value="남지 않을 이름"');

      // switched off: the open session stops working at once, and signing in is refused
      const off = await c.admin.post(`/newsroom/staff/${id}`, {
        name: "대상 고침",
        email,
        role: "editor",
        desk: "국제부",
      });
      expect(off.statusCode).toBe(303);
      expect(
        (await db().selectFrom("sessions").select("id").where("staff_id", "=", id).execute()).length,
      ).toBe(0);
      const after = await person.get("/newsroom");
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toMatch(/^\/newsroom\/login/);
      expect(
        (
          await person.post("/newsroom/account/password", {
            current: PASSWORD,
            next: "x".repeat(12),
            confirm: "x".repeat(12),
          })
        ).statusCode,
      ).toBe(401);
      expect((await signInResponse(t, email, PASSWORD)).statusCode).not.toBe(303);
      expect(textOf((await c.admin.get("/newsroom/staff")).body)).toContain("대상 고침");

      // switched on again, they can sign in
      expect((await edit({})).statusCode).toBe(303);
      expect((await signInResponse(t, email, PASSWORD)).statusCode).toBe(303);
    });

    it("never lets an admin demote or switch off themself, nor the newsroom lose its last admin", async () => {
      const adminId = await staffId("admin");
      const self = (fields: Record<string, string>) =>
        c.admin.post(`/newsroom/staff/${adminId}`, {
          name: "관리",
          email: "admin@test.example.kr",
          role: "admin",
          desk: "",
          ...fields,
        });
      const demote = await self({ role: "editor", active: "1" });
      expect(demote.statusCode).toBe(409);
      expect(textOf(inner(demote.body, "p", 'class="nr-error"')!)).toContain(
        "자기 계정의 관리자 권한을 빼거나 계정을 끌 수 없습니다.",
      );
      const switchOff = await self({}); // the unticked box sends nothing
      expect(switchOff.statusCode).toBe(409);
      expect(
        await db()
          .selectFrom("staff")
          .select(["role", "active"])
          .where("id", "=", adminId)
          .executeTakeFirstOrThrow(),
      ).toEqual({ role: "admin", active: 1 });
      // but editing their own name is fine
      expect((await self({ name: "관리자", active: "1" })).statusCode).toBe(303);

      // The rule in the service itself: whoever asks, the last active admin stays an admin.
      const actor = { id: 0, key: "x", name: "x", email: "x@x", role: "admin" as const, desk: null };
      await expect(
        updateStaff(useCases(), actor, adminId, {
          name: "관리자",
          email: "admin@test.example.kr",
          role: "reporter",
          desk: null,
          active: true,
        }),
      ).rejects.toMatchObject({ code: "last_admin", status: 409 });

      // Another admin may be switched off while one remains.
      const second = await newTarget("admin");
      const res = await c.admin.post(`/newsroom/staff/${second}`, {
        name: "둘째 관리자",
        email: `second${second}@test.example.kr`,
        role: "admin",
      });
      expect(res.statusCode).toBe(303);
      expect(
        (await db().selectFrom("staff").select("active").where("id", "=", second).executeTakeFirstOrThrow())
          .active,
      ).toBe(0);
    });

    it("keeps one admin when two admins demote each other at the same moment", async () => {
      const a = await newTarget("admin");
      const b = await newTarget("admin");
      // take the seed admin out of the way so that a and b are the only two
      const adminId = await staffId("admin");
      await db().updateTable("staff").set({ role: "editor" }).where("id", "=", adminId).execute();
      try {
        const emails = await db()
          .selectFrom("staff")
          .select(["id", "email", "name"])
          .where("id", "in", [a, b])
          .execute();
        const byId = new Map(emails.map((e) => [e.id, e]));
        const [ca, cb] = [await signIn(t, byId.get(a)!.email), await signIn(t, byId.get(b)!.email)];
        const demote = (client: StaffClient, id: number) =>
          client.post(`/newsroom/staff/${id}`, {
            name: byId.get(id)!.name,
            email: byId.get(id)!.email,
            role: "editor",
            active: "1",
          });
        const results = await Promise.all([demote(ca, b), demote(cb, a)]);
        const codes = results.map((r) => r.statusCode).sort();
        expect(codes[0]).toBe(303);
        // the second either found the last admin (409) or had already lost its own rights (403)
        expect([403, 409]).toContain(codes[1]);
        const admins = await db()
          .selectFrom("staff")
          .select("id")
          .where("role", "=", "admin")
          .where("active", "=", 1)
          .where("id", "in", [a, b])
          .execute();
        expect(admins.length).toBe(1);
      } finally {
        await db().updateTable("staff").set({ role: "admin" }).where("id", "=", adminId).execute();
      }
    });

    it("lets an admin set a new password, which ends the person's sessions", async () => {
      const id = await newTarget();
      const email = (
        await db().selectFrom("staff").select("email").where("id", "=", id).executeTakeFirstOrThrow()
      ).email;
      const person = await signIn(t, email);
      const short = await c.admin.post(`/newsroom/staff/${id}/password`, { password: "short" });
      expect(short.statusCode).toBe(400);
      expect(textOf(inner(short.body, "p", 'class="nr-error"')!)).toBe("비밀번호는 10자 이상이어야 합니다.");

      const res = await c.admin.post(`/newsroom/staff/${id}/password`, { password: "brand-new-password" });
      expect(res.statusCode).toBe(303);
      expect((await person.get("/newsroom")).statusCode).toBe(303);
      expect((await signInResponse(t, email, PASSWORD)).statusCode).not.toBe(303);
      expect((await signInResponse(t, email, "brand-new-password")).statusCode).toBe(303);

      // an admin resetting their own keeps the session they are using
      const adminId = await staffId("admin");
      expect(
        (await c.admin.post(`/newsroom/staff/${adminId}/password`, { password: PASSWORD })).statusCode,
      ).toBe(303);
      expect((await c.admin.get("/newsroom/staff")).statusCode).toBe(200);
      expect(
        (await c.admin.post("/newsroom/staff/999999/password", { password: "brand-new-password" }))
          .statusCode,
      ).toBe(404);
    });
  });

  describe("sections", () => {
    it("adds top sections and subsections, which appear on the site", async () => {
      const industry = (
        await db()
          .selectFrom("sections")
          .select("id")
          .where("slug", "=", "industry")
          .executeTakeFirstOrThrow()
      ).id;
      expect(
        (
          await c.admin.post("/newsroom/sections", {
            slug: "semiconductor",
            name: "반도체",
            parentId: String(industry),
            position: "3",
          })
        ).statusCode,
      ).toBe(303);
      expect(
        (
          await c.admin.post("/newsroom/sections", {
            slug: "economy",
            name: "경제",
            parentId: "",
            position: "0",
          })
        ).statusCode,
      ).toBe(303);
      const child = await db()
        .selectFrom("sections")
        .select(["slug", "parent_id", "position"])
        .where("name", "=", "반도체")
        .executeTakeFirstOrThrow();
      expect(child).toEqual({ slug: "industry/semiconductor", parent_id: industry, position: 3 });
      const page = await t.app.inject("/section/industry/semiconductor");
      expect(page.statusCode).toBe(200);
      expect(textOf(page.body)).toContain("반도체");
      const list = textOf((await c.admin.get("/newsroom/sections")).body);
      expect(list).toContain("/section/industry/semiconductor");

      const refusals: [Record<string, string>, number, string][] = [
        [
          { slug: "semiconductor", parentId: String(industry) },
          409,
          "주소 ‘industry/semiconductor’는 이미 다른 섹션이 쓰고 있습니다.",
        ],
        [{ slug: "Bad Slug" }, 400, "주소는 영문 소문자, 숫자, -로 60자까지 쓸 수 있습니다."],
        [
          {
            slug: "deeper",
            parentId: String(
              (
                await db()
                  .selectFrom("sections")
                  .select("id")
                  .where("slug", "=", "industry/semiconductor")
                  .executeTakeFirstOrThrow()
              ).id,
            ),
          },
          400,
          "섹션은 두 단계까지만 만들 수 있습니다. 최상위 섹션을 골라 주세요.",
        ],
        [{ name: " " }, 400, "이름을 적어 주세요."],
        [{ position: "1.5" }, 400, "순서는 정수로 적어 주세요."],
      ];
      const before = await snapshot();
      for (const [change, status, message] of refusals) {
        const res = await c.admin.post("/newsroom/sections", {
          slug: "new-one",
          name: "새 섹션 이름",
          parentId: "",
          position: "1",
          ...change,
        });
        expect(res.statusCode, JSON.stringify(change)).toBe(status);
        expect(textOf(inner(res.body, "p", 'class="nr-error"')!)).toBe(message);
        if (change.name === undefined) expect(res.body).toContain('value="새 섹션 이름"');
      }
      expect(await snapshot()).toEqual(before);
    });

    it("renames and reorders a section without changing its address", async () => {
      const finance = await db()
        .selectFrom("sections")
        .select("id")
        .where("slug", "=", "finance")
        .executeTakeFirstOrThrow();
      const res = await c.admin.post(`/newsroom/sections/${finance.id}`, {
        name: "금융·증권",
        position: "-1",
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/newsroom/sections?notice=section_saved");
      expect(
        await db()
          .selectFrom("sections")
          .select(["slug", "name", "position"])
          .where("id", "=", finance.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({
        slug: "finance",
        name: "금융·증권",
        position: -1,
      });
      const home = textOf((await t.app.inject("/")).body);
      expect(home).toContain("금융·증권");
      // the reordered section now comes before 기업과산업 in the site's menu
      expect(home.indexOf("금융·증권")).toBeLessThan(home.indexOf("기업과산업"));
      expect(
        (await c.admin.post("/newsroom/sections/999999", { name: "없음", position: "1" })).statusCode,
      ).toBe(404);
    });

    it("deletes an unused section, and refuses one that has articles or subsections", async () => {
      const electronics = await db()
        .selectFrom("sections")
        .select("id")
        .where("slug", "=", "industry/electronics")
        .executeTakeFirstOrThrow();
      const used = await c.admin.post(`/newsroom/sections/${electronics.id}/delete`);
      expect(used.statusCode).toBe(409);
      expect(textOf(inner(used.body, "p", 'class="nr-error"')!)).toBe(
        "이 섹션에 기사 1건이 있어 지울 수 없습니다. 기사를 다른 섹션으로 옮긴 뒤 지워 주세요.",
      );
      const industry = await db()
        .selectFrom("sections")
        .select("id")
        .where("slug", "=", "industry")
        .executeTakeFirstOrThrow();
      const parent = await c.admin.post(`/newsroom/sections/${industry.id}/delete`);
      expect(parent.statusCode).toBe(409);
      expect(textOf(inner(parent.body, "p", 'class="nr-error"')!)).toBe(
        "하위 섹션이 있어 지울 수 없습니다. 하위 섹션을 먼저 지워 주세요.",
      );
      expect(
        await db()
          .selectFrom("sections")
          .select("id")
          .where("id", "in", [electronics.id, industry.id])
          .execute(),
      ).toHaveLength(2);

      const economy = await db()
        .selectFrom("sections")
        .select("id")
        .where("slug", "=", "economy")
        .executeTakeFirstOrThrow();
      expect((await c.admin.post(`/newsroom/sections/${economy.id}/delete`)).statusCode).toBe(303);
      expect(
        await db().selectFrom("sections").select("id").where("id", "=", economy.id).executeTakeFirst(),
      ).toBeUndefined();
      expect((await t.app.inject("/section/economy")).statusCode).toBe(404);
    });
  });

  describe("site settings", () => {
    it("saves the name, dateline and YouTube link, which the public site shows", async () => {
      const page = await c.admin.get("/newsroom/settings");
      expect(page.body).toContain('value="http://jikji.test"');
      expect(textOf(page.body)).toContain("SITE_URL");

      const res = await c.admin.post("/newsroom/settings", {
        name: "직지경제",
        dateline: "직지경제신문",
        youtubeUrl: "https://www.youtube.com/@jikji-economy",
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/newsroom/settings?notice=settings_saved");
      expect(textOf(inner((await t.app.inject("/")).body, "title")!)).toBe("직지경제");
      const story = await t.app.inject("/article/7001");
      expect(textOf(story.body)).toContain("[직지경제신문] 기사 7001의 첫 문단입니다.");
      expect(story.body).toContain('href="https://www.youtube.com/@jikji-economy"');
      expect((await c.admin.get("/newsroom/settings")).body).toContain(
        "<title>사이트 설정 - 직지경제 뉴스룸</title>",
      );
    });

    it("refuses a link that is not http(s), keeps what was typed, and clears the link when emptied", async () => {
      const before = await snapshot();
      for (const youtubeUrl of ["javascript:alert(1)", "ftp://example.com/x", "youtube"]) {
        const res = await c.admin.post("/newsroom/settings", {
          name: "버리면 안 되는 이름",
          dateline: "",
          youtubeUrl,
        });
        expect(res.statusCode).toBe(400);
        expect(textOf(inner(res.body, "p", 'class="nr-error"')!)).toBe(
          "유튜브 주소는 http:// 또는 https://로 시작하는 주소여야 합니다.",
        );
        expect(res.body).toContain('value="버리면 안 되는 이름"');
      }
      const noName = await c.admin.post("/newsroom/settings", { name: "  ", dateline: "", youtubeUrl: "" });
      expect(noName.statusCode).toBe(400);
      expect(textOf(inner(noName.body, "p", 'class="nr-error"')!)).toBe("매체 이름을 적어 주세요.");
      expect(await snapshot()).toEqual(before);

      expect(
        (await c.admin.post("/newsroom/settings", { name: "직지경제", dateline: "", youtubeUrl: "" }))
          .statusCode,
      ).toBe(303);
      const story = await t.app.inject("/article/7001");
      expect(story.body).not.toContain("youtube.com");
      expect(textOf(story.body)).not.toContain("[직지경제");
      expect(
        await db()
          .selectFrom("site_settings")
          .select("key")
          .where("key", "=", "site.youtube_url")
          .executeTakeFirst(),
      ).toBeUndefined();
    });
  });
});
