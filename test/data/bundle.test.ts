import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exportBundle } from "../../src/bundle/bundle.export.ts";
import { BundleInvalidError, importBundle } from "../../src/bundle/bundle.import.ts";
import type { Bundle } from "../../src/bundle/bundle.ts";
import { createLocalBus } from "../../src/lib/invalidation-bus.ts";
import { NOW } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";

// A copy of the contract's example (shared/contracts/example-bundle.json), kept in the repository so
// the suite needs nothing beside it.
const EXAMPLE = path.resolve(import.meta.dirname, "../fixtures/example-bundle.json");
const exampleBundle = async () => JSON.parse(await fs.readFile(EXAMPLE, "utf8")) as Bundle;

async function counts(d: TestDatabase) {
  const tables = [
    "sections",
    "staff",
    "people",
    "articles",
    "article_authors",
    "article_tags",
    "comments",
    "events",
    "event_speakers",
    "media",
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await d.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe("bundle import and export", () => {
  let d: TestDatabase;
  let mediaDir: string;
  const deps = () => ({ db: d.db, dialect: d.dialect, bus: createLocalBus(), mediaDir, now: () => NOW });
  const run = (bundle: unknown, baseDir = d.dataDir) => importBundle(deps(), bundle, { baseDir });
  const exported = () => exportBundle({ db: d.db, mediaDir });

  beforeEach(async () => {
    d = await createTestDatabase();
    mediaDir = path.join(d.dataDir, "media");
  });
  afterEach(() => d.destroy());

  it("imports the contract's example bundle, keeping numbers and storing the photo", async () => {
    const report = await run(await exampleBundle());
    expect(report).toMatchObject({
      sections: 4,
      staff: 3,
      people: 3,
      articles: 3,
      comments: 1,
      events: 1,
      images: 1,
    });
    const a = await d.db
      .selectFrom("articles")
      .selectAll()
      .where("num", "=", 600001)
      .executeTakeFirstOrThrow();
    expect(a.status).toBe("published");
    expect(a.published_at).toBe(Date.parse("2026-03-12T14:05:30+09:00"));
    expect(a.view_count).toBe(1520);
    const media = await d.db.selectFrom("media").selectAll().executeTakeFirstOrThrow();
    expect(media.mime).toBe("image/png");
    await expect(fs.stat(path.join(mediaDir, media.path))).resolves.toBeTruthy();
    const people = await d.db.selectFrom("people").select(["key", "num", "aliases"]).orderBy("key").execute();
    expect(people).toEqual([
      { key: "han-dy", num: 500102, aliases: "[]" },
      { key: "han-dy-2", num: null, aliases: "[]" },
      { key: "rivers", num: 500101, aliases: '["리버스","리버즈","마크 리버즈"]' },
    ]);
  });

  it("changes nothing when the same bundle is imported again", async () => {
    const bundle = await exampleBundle();
    await run(bundle);
    const before = { counts: await counts(d), bundle: await exported() };
    await run(bundle);
    expect(await counts(d)).toEqual(before.counts);
    expect(await exported()).toEqual(before.bundle);
  });

  it("keeps views counted since the last import when importing again", async () => {
    await run(await exampleBundle());
    await d.db.updateTable("articles").set({ view_count: 9999 }).where("num", "=", 600001).execute();
    await run(await exampleBundle());
    const a = await d.db
      .selectFrom("articles")
      .select("view_count")
      .where("num", "=", 600001)
      .executeTakeFirstOrThrow();
    expect(a.view_count).toBe(9999);
  });

  it("round-trips: export, import into an empty newsroom, export again gives the same bundle", async () => {
    const photo = await photoDataUri("#aa3344");
    await run(
      newsroom(
        [
          article({
            num: 10,
            tags: ["하나", "둘"],
            leadImage: { src: photo, alt: "대체", caption: "설명", credit: "기자" },
            views: 7,
          }),
          article({ num: 11, status: "draft", publishedAt: undefined, subtitle: "부제" }),
          article({
            num: 12,
            publishedAt: "2026-03-19T09:30:00.250+09:00",
            updatedAt: kst("2026-03-19 10:00:00"),
          }),
        ],
        {
          comments: [
            { article: 10, nickname: "독자", body: "댓글 😀", createdAt: kst("2026-03-19 10:00:00") },
            {
              article: 10,
              nickname: "독자",
              body: "숨김",
              createdAt: kst("2026-03-19 10:01:00"),
              status: "hidden",
            },
          ],
          events: [
            {
              key: "forum",
              title: "포럼",
              startsAt: kst("2026-05-01 09:00:00"),
              capacity: 10,
              speakers: ["rivers", "han-dy"],
              description: "<p>소개</p>",
            },
          ],
        },
      ),
    );
    const first = await exported();
    const other = await createTestDatabase();
    try {
      const otherMedia = path.join(other.dataDir, "media");
      await importBundle(
        { db: other.db, dialect: other.dialect, bus: createLocalBus(), mediaDir: otherMedia, now: () => NOW },
        JSON.parse(JSON.stringify(first)),
        { baseDir: other.dataDir },
      );
      const second = await exportBundle({ db: other.db, mediaDir: otherMedia });
      expect(second).toEqual(first);
    } finally {
      await other.destroy();
    }
    expect(first.articles?.find((a) => a.num === 12)?.publishedAt).toBe("2026-03-19T09:30:00.250+09:00");
  });

  it("refuses a broken bundle, naming every problem by its JSON path, and writes nothing", async () => {
    await run(newsroom([article({ num: 1 })]));
    const before = await counts(d);
    const broken = newsroom([
      article({ num: 2, title: "멀쩡한 기사" }),
      article({ num: 3, section: "x" }),
      article({ num: 4, authors: ["ghost"] }),
      article({ num: 5, status: "published", publishedAt: undefined }),
      article({ num: 2, title: "번호 중복" }),
      article({ num: 500101 }),
    ]);
    (broken.sections ?? []).push({ slug: "orphan/child", name: "고아" });
    let error: unknown;
    try {
      await run(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BundleInvalidError);
    const lines = (error as BundleInvalidError).problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        "articles[1].section: unknown section 'x'",
        "articles[2].authors[0]: unknown staff key 'ghost'",
        "articles[3].publishedAt: required when status is 'published'",
        "articles[4].num: duplicate num '2' (also articles[0])",
        "articles[5].num: number 500101 is already person 'rivers'",
        "sections[4].slug: parent section 'orphan' does not exist",
      ]),
    );
    expect(await counts(d)).toEqual(before);
  });

  it("reports structural errors with paths before touching the database", async () => {
    const bad = { format: "jikji-bundle", version: 2, articles: [{ num: "1", title: "" }], extra: true };
    await expect(run(bad)).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({ path: "version" }),
        expect.objectContaining({ path: "articles[0].num" }),
        expect.objectContaining({ path: "articles[0].title", message: "must not be empty" }),
        expect.objectContaining({ path: "(root)", message: expect.stringContaining("extra") }),
      ]),
    });
  });

  it("reports structural and reference problems in one run, with each record's own index", async () => {
    const bundle = newsroom([article({ num: 60, title: "" }), article({ num: 61, section: "nope" })]);
    (bundle.people as unknown[]).unshift({ key: "bad", name: "" });
    await expect(run(bundle)).rejects.toMatchObject({
      problems: [
        { path: "people[0].name", message: "must not be empty" },
        { path: "articles[0].title", message: "must not be empty" },
        { path: "articles[1].section", message: "unknown section 'nope'" },
      ],
    });
  });

  it("sanitises bodies, unwraps only leaked links from titles and lists each repair", async () => {
    const report = await run(
      newsroom([
        article({
          num: 20,
          title: "<a href='https://x/BP?num=1' class='human_link'>윤</a>·이 만나 <script>x</script>",
          body: '<p onclick="x">본문<script>alert(1)</script><a href="javascript:alert(1)">링크</a></p><iframe src="https://evil"></iframe><style>p{}</style>',
        }),
      ]),
    );
    const a = await d.db
      .selectFrom("articles")
      .select(["title", "body_html", "excerpt"])
      .where("num", "=", 20)
      .executeTakeFirstOrThrow();
    // plain text as written: only the leaked <a> is unwrapped, the quoted <script> is text
    expect(a.title).toBe("윤·이 만나 <script>x</script>");
    expect(a.body_html).toBe("<p>본문<a>링크</a></p>");
    expect(a.excerpt).toBe("본문링크");
    expect(report.repairedTitles).toEqual([
      {
        path: "articles[0].title",
        before: "<a href='https://x/BP?num=1' class='human_link'>윤</a>·이 만나 <script>x</script>",
        after: "윤·이 만나 <script>x</script>",
      },
    ]);
  });

  it("reads photos beside the bundle file, refuses paths leaving its folder and files that are not images", async () => {
    const dir = path.join(d.dataDir, "bundle");
    await fs.mkdir(path.join(dir, "img"), { recursive: true });
    const jpeg = Buffer.from((await photoDataUri()).split(",")[1]!, "base64");
    await fs.writeFile(path.join(dir, "img", "a.jpg"), jpeg);
    await fs.writeFile(path.join(dir, "img", "fake.jpg"), "not an image");
    await run(newsroom([article({ num: 30, leadImage: { src: "img/a.jpg" } })]), dir);
    expect((await counts(d)).media).toBe(1);
    await expect(
      run(
        newsroom([
          article({ num: 31, leadImage: { src: "../../../etc/passwd" } }),
          article({ num: 32, leadImage: { src: "img/fake.jpg" } }),
          article({ num: 33, leadImage: { src: "https://example.com/a.jpg" } }),
        ]),
        dir,
      ),
    ).rejects.toMatchObject({
      problems: [
        { path: "articles[0].leadImage.src", message: "path leaves the bundle's folder" },
        { path: "articles[1].leadImage.src", message: expect.stringContaining("JPEG, PNG, WebP") },
        {
          path: "articles[2].leadImage.src",
          message: "expected a path relative to the bundle file or a data: URI",
        },
      ],
    });
  });

  it("carries the paper's logo and icon, people's photos and library-only photos; refuses library entries naming no photo", async () => {
    const logo = await photoDataUri("#102030", 600, 120);
    const icon = await photoDataUri("#203040", 512, 512);
    const face = await photoDataUri("#304050", 400, 400);
    const spare = await photoDataUri("#405060", 800, 600);
    const sha = (uri: string) =>
      createHash("sha256")
        .update(Buffer.from(uri.split(",")[1]!, "base64"))
        .digest("hex");
    const base = newsroom([article({ num: 20 })]);
    await run({
      ...base,
      site: { ...base.site, logo, icon },
      people: base.people!.map((p, i) => (i === 0 ? { ...p, photo: face } : p)),
      media: [{ sha256: sha(spare), src: spare, name: "spare.jpg", alt: "예비", focus: { x: 10, y: 90 } }],
    });
    const out = await exported();
    expect(out.site?.logo).toBe(logo);
    expect(out.site?.icon).toBe(icon);
    expect(out.people?.find((p) => p.key === "rivers")?.photo).toBe(face);
    expect(out.media?.find((m) => m.sha256 === sha(spare))).toEqual({
      sha256: sha(spare),
      src: spare,
      name: "spare.jpg",
      alt: "예비",
      focus: { x: 10, y: 90 },
    });
    // Carried elsewhere: listed by hash only.
    expect(out.media?.find((m) => m.sha256 === sha(logo))).toEqual({ sha256: sha(logo) });

    const before = await counts(d);
    let error: unknown;
    try {
      await run({
        ...newsroom([article({ num: 21, series: { key: "nope", part: 1 } })]),
        media: [{ sha256: "0".repeat(64) }, { sha256: "1".repeat(64), src: spare }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BundleInvalidError);
    const lines = (error as BundleInvalidError).problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        "articles[0].series.key: unknown series key 'nope'",
        "media[0].sha256: no photo with this SHA-256 in the bundle or the library",
        `media[1].src: the photo's SHA-256 is ${sha(spare)}, not ${"1".repeat(64)}`,
      ]),
    );
    expect(await counts(d)).toEqual(before);
  });

  it("refuses comments over 400 bytes, counting Hangul and emoji as 2", async () => {
    const ok = "가".repeat(200);
    const tooLong = `${"가".repeat(199)}😀!`;
    await expect(
      run(
        newsroom([article({ num: 40 })], {
          comments: [{ article: 40, nickname: "a", body: ok, createdAt: kst("2026-03-19 10:00:00") }],
        }),
      ),
    ).resolves.toBeTruthy();
    await expect(
      run(
        newsroom([article({ num: 40 })], {
          comments: [{ article: 40, nickname: "a", body: tooLong, createdAt: kst("2026-03-19 10:00:00") }],
        }),
      ),
    ).rejects.toMatchObject({ problems: [{ path: "comments[0].body" }] });
  });
});

describe("the jikji CLI", () => {
  const exec = promisify(execFile);
  let d: TestDatabase;
  const env = () => ({
    ...process.env,
    DATA_DIR: d.dataDir,
    DATABASE_URL: d.databaseUrl ?? "",
    LOG_LEVEL: "silent",
  });
  const cli = (...args: string[]) =>
    exec(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      env: env(),
      cwd: path.resolve(import.meta.dirname, "../.."),
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(() => d.destroy());

  it("imports a file, exports it, and refuses a broken one with paths and a non-zero status", async () => {
    const ok = await cli("import", EXAMPLE);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("가져오기 완료: 섹션 4, 직원 3, 인물 3, 기사 3, 댓글 1, 행사 1, 사진 1");

    const out = path.join(d.dataDir, "export.json");
    const exp = await cli("export", out);
    expect(exp.code).toBe(0);
    const bundle = JSON.parse(await fs.readFile(out, "utf8"));
    expect(bundle.articles.map((a: { num: number }) => a.num)).toEqual([600001, 600002, 600003]);

    const brokenFile = path.join(d.dataDir, "broken.json");
    const broken = await exampleBundle();
    broken.articles![1]!.section = "x";
    await fs.writeFile(brokenFile, JSON.stringify(broken));
    const bad = await cli("import", brokenFile);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("articles[1].section: unknown section 'x'");

    await fs.writeFile(brokenFile, "{ not json");
    const notJson = await cli("import", brokenFile);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain("(root): not valid JSON");

    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("알 수 없는 명령입니다: frobnicate");
  }, 60_000);
});
