import zlib from "node:zlib";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { givePasswords, type StaffClient, sectionIdOf, signIn } from "../support/newsroom.ts";

/**
 * The page cache (issue "The reader path"): public pages are kept per URL and coding, validated with
 * ETags, compressed once, and purged by what every write announces. Runs on SQLite and PostgreSQL.
 */
const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "admin", name: "관리", email: "admin@test.example.kr", role: "admin" as const },
];

describe("the page cache", () => {
  let t: TestApp;
  const clock = Date.parse("2026-03-20T12:00:00+09:00");
  let desk: StaffClient;
  let admin: StaffClient;
  let sectionId: number;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const idOf = async (num: number) =>
    (await t.database.db.selectFrom("articles").select("id").where("num", "=", num).executeTakeFirstOrThrow())
      .id;
  const headline = (res: LightMyRequestResponse) => textOf(inner(res.body, "h1") ?? "");

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    const stories = [
      article({ num: 8001, title: "반도체 수출 석 달 연속 증가", publishedAt: kst("2026-03-20 08:00:00") }),
      article({ num: 8002, title: "조선 수주 회복", publishedAt: kst("2026-03-20 07:00:00"), views: 500 }),
      article({
        num: 8003,
        title: "금리 동결",
        section: "finance",
        authors: ["lee-ha"],
        publishedAt: kst("2026-03-19 07:00:00"),
        views: 900,
      }),
      article({ num: 8004, title: "배터리 분리막 증설", status: "draft", publishedAt: undefined }),
    ];
    for (let i = 0; i < 12; i++) {
      stories.push(
        article({
          num: 8100 + i,
          title: `지난 기사 ${i}`,
          publishedAt: kst(`2026-03-1${i % 9} 06:00:00`),
          views: 100 + i * 50,
        }),
      );
    }
    await t.import(newsroom(stories, { staff: STAFF }));
    await givePasswords(
      t,
      STAFF.map((s) => s.key),
    );
    desk = await signIn(t, STAFF[2]!.email);
    admin = await signIn(t, STAFF[3]!.email);
    sectionId = await sectionIdOf(t, "industry/electronics");
  });
  afterAll(() => t.close());

  it("keeps a page: the second GET is a hit with the same bytes and a strong ETag", async () => {
    const first = await get("/article/8002");
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-cache"]).toBe("miss");
    const second = await get("/article/8002");
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers.etag).toMatch(/^"[\w-]{22}"$/);
    expect(second.headers.vary).toBe("Accept-Encoding");
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    // The headers every answer carries are kept with the page.
    expect(second.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(second.headers["cache-control"]).toContain("s-maxage=");
    expect(t.app.pageCache.stats().hits).toBeGreaterThan(0);
  });

  it("answers If-None-Match with 304 and no body, when rendering and when kept", async () => {
    const fresh = await get("/section/finance");
    const etag = fresh.headers.etag as string;
    // A browser revisiting right after the first answer: the page is kept by now.
    const kept = await get("/section/finance", { "if-none-match": etag });
    expect(kept.statusCode).toBe(304);
    expect(kept.body).toBe("");
    expect(kept.headers.etag).toBe(etag);
    // After a purge the page is rendered again; the same bytes still validate.
    t.app.pageCache.purge(["*"]);
    const rendered = await get("/section/finance", { "if-none-match": `"stale", ${etag}` });
    expect(rendered.statusCode).toBe(304);
    expect(rendered.headers["x-cache"]).toBe("miss");
    const other = await get("/section/finance", { "if-none-match": '"something-else"' });
    expect(other.statusCode).toBe(200);
  });

  it("sends brotli or gzip as asked, decoding to the same bytes, each with its own ETag", async () => {
    const plain = await get("/article/8001");
    const br = await get("/article/8001", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    const brBody = br.rawPayload;
    expect(zlib.brotliDecompressSync(brBody).toString()).toBe(plain.body);
    expect(brBody.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(Number(br.headers["content-length"])).toBe(brBody.length);
    const gz = await get("/article/8001", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    // The first answer in a coding is the one rendered (a miss); a client asking for gzip first gets
    // gzip from the render too.
    t.app.pageCache.purge(["article:8001"]);
    const gzFirst = await get("/article/8001", { "accept-encoding": "gzip" });
    expect(gzFirst.headers["x-cache"]).toBe("miss");
    expect(zlib.gunzipSync(gzFirst.rawPayload).toString()).toBe(plain.body);
  });

  it("compresses feeds and the JSON API too, which are not all kept", async () => {
    const rss = await get("/rss.xml", { "accept-encoding": "br" });
    expect(rss.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(rss.rawPayload).toString()).toContain("<rss");
    const api = await get("/api/v1/articles?limit=20", { "accept-encoding": "gzip" });
    expect(api.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(zlib.gunzipSync(api.rawPayload).toString()).articles.length).toBeGreaterThan(10);
    expect(api.headers.vary).toBe("Accept-Encoding");
  });

  it("an edit in the newsroom shows at once on the story, home, its section, its reporter's page and the feed", async () => {
    const pages = ["/article/8001", "/", "/section/industry/electronics", "/reporter/park-sj", "/rss.xml"];
    for (const url of pages) await get(url);
    for (const url of pages) expect((await get(url)).headers["x-cache"], url).toBe("hit");
    const id = await idOf(8001);
    const saved = await desk.post(`/newsroom/articles/${id}`, {
      title: "반도체 수출 넉 달 연속 증가",
      subtitle: "",
      sectionId: String(sectionId),
      body: "<p>반도체 수출이 넉 달째 늘었다.</p>",
      tags: "반도체",
      leadMediaId: "",
      leadCaption: "",
      leadCredit: "",
      leadAlt: "",
    });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect(headline(await get("/article/8001"))).toBe("반도체 수출 넉 달 연속 증가");
    for (const url of pages) {
      const res = await get(url);
      expect(res.body, url).toContain("반도체 수출 넉 달 연속 증가");
      expect(res.body, url).not.toContain("석 달 연속");
    }
  });

  it("publishing and unpublishing a story show on home at once", async () => {
    expect((await get("/")).body).not.toContain("배터리 분리막 증설");
    const id = await idOf(8004);
    expect((await desk.post(`/newsroom/articles/${id}/publish`)).statusCode).toBe(303);
    expect((await get("/")).body).toContain("배터리 분리막 증설");
    expect((await get("/article/8004")).statusCode).toBe(200);
    expect((await desk.post(`/newsroom/articles/${id}/unpublish`)).statusCode).toBe(303);
    expect((await get("/")).body).not.toContain("배터리 분리막 증설");
    expect((await get("/article/8004")).statusCode).toBe(404);
  });

  it("a new comment shows on its article at once", async () => {
    await get("/article/8002");
    expect((await get("/article/8002")).headers["x-cache"]).toBe("hit");
    const posted = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/8002/comments",
      payload: { nickname: "독자1", password: "pw1234", body: "조선업 회복 소식 반갑네요." },
      remoteAddress: "203.0.113.40",
    });
    expect(posted.statusCode).toBe(201);
    const page = await get("/article/8002");
    expect(page.headers["x-cache"]).toBe("miss");
    expect(page.body).toContain("조선업 회복 소식 반갑네요.");
  });

  it("a ranking that changes order purges the pages showing it; one that does not, purges nothing", async () => {
    await t.app.reads.refresh();
    await get("/");
    await get("/article/8100");
    await get("/fragments/most-read");
    expect((await get("/")).headers["x-cache"]).toBe("hit");
    // Nothing new read: the same order, nothing purged.
    await t.app.reads.refresh();
    expect((await get("/")).headers["x-cache"]).toBe("hit");
    const firstShown = (body: string) => /<span class="most-read__title">([^<]*)<\/span>/.exec(body)?.[1];
    expect(firstShown((await get("/")).body)).not.toBe("지난 기사 5");
    // Fifteen readers lift a story of five days ago above the rest.
    for (let i = 0; i < 15; i++) {
      const from = `198.51.100.${10 + i}`;
      const beacon = (cookie?: string) =>
        t.app.inject({
          method: "POST",
          url: "/api/v1/views",
          remoteAddress: from,
          headers: {
            "content-type": "application/json",
            "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1",
            ...(cookie ? { cookie } : {}),
          },
          payload: JSON.stringify({ article: 8105 }),
        });
      const first = await beacon();
      const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      await beacon(cookie);
    }
    await t.app.reads.flush();
    await t.app.reads.refresh();
    for (const url of ["/", "/fragments/most-read"]) {
      const res = await get(url);
      expect(res.headers["x-cache"], url).toBe("miss");
      expect(firstShown(res.body), url).toBe("지난 기사 5");
    }
    // Article pages load 인기기사 from the fragment: a new order leaves them kept.
    expect((await get("/article/8100")).headers["x-cache"]).toBe("hit");
  });

  it("a story on 인기기사 retitled: every page showing the list shows the new headline", async () => {
    await get("/article/8102");
    await get("/fragments/most-read");
    expect((await get("/article/8102")).headers["x-cache"]).toBe("hit");
    expect((await get("/fragments/most-read")).headers["x-cache"]).toBe("hit");
    const id = await idOf(8105);
    const saved = await desk.post(`/newsroom/articles/${id}`, {
      title: "지난 기사 5 (고침)",
      subtitle: "",
      sectionId: String(sectionId),
      body: "<p>고친 본문.</p>",
      tags: "",
      leadMediaId: "",
      leadCaption: "",
      leadCredit: "",
      leadAlt: "",
    });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    // The 인기기사 box (the fragment article pages load) shows the new headline.
    const box = await get("/fragments/most-read");
    expect(box.headers["x-cache"]).toBe("miss");
    expect(box.body).toContain("지난 기사 5 (고침)");
  });

  it("saved site settings show on every page", async () => {
    for (const url of ["/", "/article/8002", "/section/finance"]) await get(url);
    const saved = await admin.post("/newsroom/settings", {
      name: "한빛경제",
      dateline: "한빛경제",
      youtubeUrl: "",
    });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    for (const url of ["/", "/article/8002", "/section/finance"]) {
      const res = await get(url);
      expect(res.body, url).toContain("한빛경제");
      expect(res.body, url).not.toContain("테스트경제");
    }
  });

  it("never keeps an error, and never serves or keeps anything for a request with the newsroom session", async () => {
    expect((await get("/article/999999")).statusCode).toBe(404);
    expect((await get("/article/999999")).headers["x-cache"]).toBeUndefined();
    t.app.pageCache.purge(["*"]);
    const staff = await get("/article/8003", { cookie: desk.cookie });
    expect(staff.statusCode).toBe(200);
    expect(staff.headers["x-cache"]).toBeUndefined();
    expect(t.app.pageCache.stats().entries).toBe(0);
    await get("/article/8003");
    expect((await get("/article/8003", { cookie: desk.cookie })).headers["x-cache"]).toBeUndefined();
  });

  it("takes a session cookie the site did not sign for none: a made-up one cannot force renders", async () => {
    await get("/article/8003");
    const token = /jikji_session=([^.;]+)\./.exec(desk.cookie)![1]!;
    for (const cookie of [
      "jikji_session=forged",
      `jikji_session=${token}`,
      `jikji_session=${token}.AAAAAAAAAAAAAAAAAAAAAA`,
      "other=1; jikji_session=x.y",
    ]) {
      const res = await get("/article/8003", { cookie });
      expect(res.statusCode, cookie).toBe(200);
      expect(res.headers["x-cache"], cookie).toBe("hit");
    }
    // and it opens nothing in the newsroom
    const forged = await get("/newsroom", { cookie: `jikji_session=${token}`, accept: "text/html" });
    expect(forged.statusCode).toBe(303);
    expect(forged.headers.location).toContain("/newsroom/login");
    // the signed one still does, wherever it sits in the header
    const real = await get("/newsroom", { cookie: `other=1; ${desk.cookie}`, accept: "text/html" });
    expect(real.statusCode).toBe(200);
  });

  it("never keeps an answer that sets a cookie, nor a newsroom page", async () => {
    const before = t.app.pageCache.stats().entries;
    // The sign-in page sets its CSRF cookie.
    const login = await get("/newsroom/login");
    expect(login.headers["set-cookie"]).toBeDefined();
    expect((await get("/newsroom/login")).headers["x-cache"]).toBeUndefined();
    expect(t.app.pageCache.stats().entries).toBe(before);
  });

  it("takes a portal's tracking parameters as the same page", async () => {
    await get("/article/8003");
    const shared = await get("/article/8003?utm_source=kakaotalk&utm_medium=share&fbclid=x1");
    expect(shared.headers["x-cache"]).toBe("hit");
  });

  it("stays within its bound when a crawler walks many URLs", async () => {
    const small = await createTestApp({ now: () => clock, env: { PAGE_CACHE_MB: "1" } });
    try {
      const body = Array.from(
        { length: 120 },
        (_, i) => `<p>${i}번째 문단: 반도체 업황이 나아지고 있다는 분석이 나왔다.</p>`,
      );
      await small.import(newsroom([article({ num: 8500, title: "작은 캐시", body: body.join("") })]));
      // Asked for uncompressed (as some crawlers do), each page keeps two forms: ~30 KB.
      for (let page = 1; page <= 60; page++) {
        const res = await small.app.inject(`/article/8500?cpage=1&x=${page}`);
        expect(res.statusCode).toBe(200);
        expect(small.app.pageCache.stats().bytes).toBeLessThanOrEqual(1024 * 1024);
      }
      expect(small.app.pageCache.stats().evictions).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  }, 60_000);

  it("with PAGE_CACHE_MB=0 keeps nothing and still answers", async () => {
    const none = await createTestApp({ now: () => clock, env: { PAGE_CACHE_MB: "0" } });
    try {
      await none.import(newsroom([article({ num: 8600 })]));
      expect((await none.app.inject("/article/8600")).statusCode).toBe(200);
      // not even looked up
      expect((await none.app.inject("/article/8600")).headers["x-cache"]).toBeUndefined();
      expect(none.app.pageCache.stats().entries).toBe(0);
    } finally {
      await none.close();
    }
  });
});
