import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBundle } from "../../src/bundle/bundle.export.ts";
import { BundleInvalidError, importBundle } from "../../src/bundle/bundle.import.ts";
import type { Bundle } from "../../src/bundle/bundle.ts";
import { createLocalBus } from "../../src/lib/invalidation-bus.ts";
import { createTestApp, NOW, type TestApp } from "../support/app.ts";
import { createTestDatabase } from "../support/database.ts";
import { article, newsroom, photoDataUri } from "../support/factories.ts";
import { inner } from "../support/html.ts";

describe("photos in an article's body", () => {
  let t: TestApp;
  let dataUri: string;
  let bundle: Bundle;

  beforeAll(async () => {
    t = await createTestApp();
    dataUri = await photoDataUri("#336699", 1600, 1000);
    const beside = Buffer.from((await photoDataUri("#993366", 800, 600)).split(",")[1]!, "base64");
    await fs.mkdir(path.join(t.database.dataDir, "photos"), { recursive: true });
    await fs.writeFile(path.join(t.database.dataDir, "photos", "beside.jpg"), beside);
    bundle = newsroom([
      article({
        num: 4100,
        body:
          "<p>첫 문단.</p>" +
          `<figure><img src="${dataUri}" alt="클린룸의 연구원"><figcaption>▲ 클린룸 &lt;테스트경제&gt;</figcaption></figure>` +
          "<p>둘째 문단.</p>" +
          "<figure><img src='photos/beside.jpg' alt=\"부두\"><figcaption>부두</figcaption></figure>" +
          '<p><img src="https://images.example.kr/a.jpg" alt="밖의 사진"></p>',
      }),
    ]);
    await t.import(bundle);
  });
  afterAll(() => t.close());

  it("imports data: URIs and paths beside the bundle into the media library", async () => {
    const a = await t.database.db
      .selectFrom("articles")
      .select(["body_html", "excerpt"])
      .where("num", "=", 4100)
      .executeTakeFirstOrThrow();
    const stored = [...a.body_html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    expect(stored).toHaveLength(3);
    expect(stored[0]).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    expect(stored[1]).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    expect(stored[2]).toBe("https://images.example.kr/a.jpg");
    expect(a.body_html).toContain("<figcaption>▲ 클린룸 &lt;테스트경제&gt;</figcaption>");
    expect(a.excerpt).toBe("첫 문단. 둘째 문단.");
    const media = await t.database.db.selectFrom("media").select(["path", "width"]).execute();
    expect(media.map((m) => `/media/${m.path}`).sort()).toEqual([stored[0], stored[1]].sort());
  });

  it("serves them as WebP pictures with srcset, sizes, width, height, lazy loading and async decoding", async () => {
    const res = await t.app.inject("/article/4100");
    const body = inner(res.body, "div", 'class="article__body"')!;
    const pictures = [...body.matchAll(/<picture>[\s\S]*?<\/picture>/g)].map((m) => m[0]);
    expect(pictures).toHaveLength(2);
    const first = pictures[0]!;
    expect(first).toMatch(
      /<source type="image\/webp" srcset="\/media\/\S+-480\.webp 480w, \/media\/\S+-960\.webp 960w, \/media\/\S+-1440\.webp 1440w, \/media\/\S+-1600\.webp 1600w" sizes="[^"]+" \/>/,
    );
    expect(first).toContain(
      'alt="클린룸의 연구원" width="1600" height="1000" loading="lazy" decoding="async"',
    );
    expect(pictures[1]).toContain('width="800" height="600"');
    // a photo on the web stays a plain image
    expect(body).toContain('<img src="https://images.example.kr/a.jpg" alt="밖의 사진" />');
    const webp = /srcset="(\/media\/\S+-480\.webp)/.exec(first)![1]!;
    const served = await t.app.inject(webp);
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/webp");
  });

  it("keeps them through export → import → export", async () => {
    const first = await exportBundle({ db: t.database.db, mediaDir: t.mediaDir });
    const exportedBody = first.articles!.find((a) => a.num === 4100)!.body;
    expect(exportedBody.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(2);
    expect(exportedBody).toContain(`<img src="${dataUri}" alt="클린룸의 연구원" />`);
    const other = await createTestDatabase();
    try {
      const otherMedia = path.join(other.dataDir, "media");
      await importBundle(
        { db: other.db, dialect: other.dialect, bus: createLocalBus(), mediaDir: otherMedia, now: () => NOW },
        JSON.parse(JSON.stringify(first)),
        { baseDir: other.dataDir },
      );
      expect(await exportBundle({ db: other.db, mediaDir: otherMedia })).toEqual(first);
    } finally {
      await other.destroy();
    }
  });

  it("refuses a body photo it cannot read, naming the article, and writes nothing", async () => {
    const broken = newsroom([
      article({ num: 4101, body: '<p>글</p><img src="data:image/jpeg;base64,bm90IGFuIGltYWdl">' }),
      article({ num: 4102, body: '<p>글</p><img src="../../etc/passwd">' }),
    ]);
    const error = await t.import(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleInvalidError);
    const problems = (error as BundleInvalidError).problems.map((p) => p.path);
    expect(problems).toEqual(["articles[0].body (photo 1)", "articles[1].body (photo 1)"]);
    const none = await t.database.db
      .selectFrom("articles")
      .select("num")
      .where("num", "in", [4101, 4102])
      .execute();
    expect(none).toEqual([]);
  });
});
