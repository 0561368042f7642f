import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import type { BundleArticle } from "../../src/bundle/bundle.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { listMostRead } from "../../src/ranking/most-read.ts";
import { FLUSH_EVERY_MS, REFRESH_EVERY_MS } from "../../src/ranking/read-counter.ts";
import { READS_PER_ADDRESS_HOUR } from "../../src/ranking/reads.ts";
import { createTestApp, NOW, SITE_URL, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner } from "../support/html.ts";
import { givePasswords, signIn } from "../support/newsroom.ts";
import { signedVisitors } from "../support/visitors.ts";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A signed visitor cookie as the site issues them, one reader per name (set by each suite's app). */
let visitor: (name: string | number) => string;

/**
 * The newsroom of these tests, at NOW = 2026-03-20 12:00 KST:
 * - 7101–7108 (전자): published yesterday, 100–800 stored views, no reads yet
 * - 7001 (전자): this morning, 3 stored views — the story readers will lift
 * - 7201, 7202 (금융): recent, 50 and 40 views
 * - 7301, 7302 (전자) and 7303 (금융): February, thousands of views (only ever a fill)
 * - 7901 draft, 7902 scheduled for tomorrow, 7903 pulled
 */
function stories(): BundleArticle[] {
  const list: BundleArticle[] = [];
  for (let i = 1; i <= 8; i++) {
    list.push(
      article({
        num: 7100 + i,
        title: `어제 기사 ${i}`,
        publishedAt: kst(`2026-03-19 0${i}:00:00`),
        views: 100 * i,
      }),
    );
  }
  list.push(
    article({ num: 7001, title: "독자가 끌어올린 기사", publishedAt: kst("2026-03-20 09:00:00"), views: 3 }),
  );
  list.push(
    article({
      num: 7201,
      title: "금융 기사 가",
      section: "finance",
      authors: ["lee-ha"],
      publishedAt: kst("2026-03-18 10:00:00"),
      views: 50,
    }),
    article({
      num: 7202,
      title: "금융 기사 나",
      section: "finance",
      authors: ["lee-ha"],
      publishedAt: kst("2026-03-18 11:00:00"),
      views: 40,
    }),
  );
  list.push(
    article({ num: 7301, title: "지난달 화제 기사", publishedAt: kst("2026-02-01 10:00:00"), views: 9000 }),
    article({
      num: 7302,
      title: "지난달 두 번째 기사",
      publishedAt: kst("2026-02-02 10:00:00"),
      views: 8000,
    }),
    article({
      num: 7303,
      title: "지난달 금융 기사",
      section: "finance",
      authors: ["lee-ha"],
      publishedAt: kst("2026-02-03 10:00:00"),
      views: 7000,
    }),
  );
  list.push(
    article({ num: 7901, title: "초안 기사", status: "draft", publishedAt: undefined }),
    article({ num: 7902, title: "예약 기사", status: "scheduled", publishedAt: kst("2026-03-21 06:00:00") }),
    article({
      num: 7903,
      title: "내린 기사",
      status: "unpublished",
      publishedAt: kst("2026-03-19 06:00:00"),
    }),
  );
  return list;
}

interface ReadOptions {
  visitor?: string | null;
  ua?: string;
  from?: string;
  headers?: Record<string, string>;
}

function reader(app: () => FastifyInstance) {
  return (num: number | string, o: ReadOptions = {}): Promise<LightMyRequestResponse> =>
    app().inject({
      method: "POST",
      url: "/api/v1/views",
      remoteAddress: o.from ?? "198.51.100.7",
      headers: {
        "content-type": "application/json",
        "user-agent": o.ua ?? CHROME,
        ...(o.visitor === null ? {} : { cookie: `jikji_vid=${o.visitor ?? visitor("default")}` }),
        ...o.headers,
      },
      payload: JSON.stringify({ article: num }),
    });
}

async function viewCount(t: TestApp, num: number): Promise<number> {
  const row = await t.database.db
    .selectFrom("articles")
    .select("view_count")
    .where("num", "=", num)
    .executeTakeFirstOrThrow();
  return row.view_count;
}

/** Reads stored per hour for the article, summed. */
async function storedReads(t: TestApp, num: number): Promise<number> {
  const rows = await t.database.db
    .selectFrom("article_reads_hourly as r")
    .innerJoin("articles as a", "a.id", "r.article_id")
    .select("r.reads")
    .where("a.num", "=", num)
    .execute();
  return rows.reduce((s, r) => s + r.reads, 0);
}

/** The titles of a page's 인기기사 box, in order (an article page's comes from its fragment). */
async function mostReadOn(t: TestApp, path: string): Promise<string[]> {
  let res = await t.app.inject(path);
  expect(res.statusCode, path).toBe(200);
  const fragment = /<section class="most-read"[^>]*data-fragment="([^"]+)"/.exec(res.body);
  if (fragment) res = await t.app.inject(fragment[1]!);
  const box = inner(res.body, "section", 'class="most-read"') ?? "";
  return [...box.matchAll(/<span class="most-read__title">([^<]*)<\/span>/g)].map((m) => m[1]!);
}

describe("counting reads: POST /api/v1/views", () => {
  let t: TestApp;
  let clock = NOW;
  const read = reader(() => t.app);

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom(stories()));
    visitor = await signedVisitors(t.database.db);
  });
  afterAll(() => t.close());

  it("answers 204 at once, without caching, and counts the read in the next flush", async () => {
    const res = await read(7101, { visitor: visitor("first") });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(await viewCount(t, 7101)).toBe(100);
    const flushed = await t.app.reads.flush();
    expect(flushed).toMatchObject({ beacons: 1, counted: 1 });
    expect(await viewCount(t, 7101)).toBe(101);
    expect(await storedReads(t, 7101)).toBe(1);
  });

  it("counts a first visit (no cookie) and gives it the signed cookie; its next read of the story is its own", async () => {
    const res = await read(7102, { visitor: null });
    expect(res.statusCode).toBe(204);
    const cookie = res.cookies.find((c) => c.name === "jikji_vid");
    expect(cookie).toMatchObject({ path: "/", httpOnly: true, sameSite: "Lax", maxAge: 365 * 24 * 3600 });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    await t.app.reads.flush();
    expect(await viewCount(t, 7102)).toBe(201);

    // the signed cookie is accepted as is, and not replaced
    const again = await read(7201, { visitor: cookie!.value });
    expect(again.cookies.some((c) => c.name === "jikji_vid")).toBe(false);
  });

  it("takes a cookie the site did not sign, or a changed one, for no cookie: deduplicated by address", async () => {
    const first = await read(7202, { visitor: null, from: "198.51.100.50" });
    const signed = first.cookies.find((c) => c.name === "jikji_vid")!.value;
    const [id, sig] = signed.split(".") as [string, string];
    const tampered = [
      "made-up-visitor-0000001",
      "short",
      `${id}.${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`,
      `${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}.${sig}`,
      `${id}.${sig}.x`,
    ];
    for (const value of tampered) {
      const res = await read(7202, { visitor: value, from: "198.51.100.50" });
      expect(res.statusCode).toBe(204);
      // treated as no cookie: a fresh signed one is issued
      expect(res.cookies.find((c) => c.name === "jikji_vid")?.value).toMatch(/\./);
    }
    await t.app.reads.flush();
    // one address, one article, one day: one read, however many made-up cookies it sent
    expect(await storedReads(t, 7202)).toBe(1);
    // another address without a cookie is another reader
    await read(7202, { visitor: null, from: "198.51.100.51" });
    await t.app.reads.flush();
    expect(await storedReads(t, 7202)).toBe(2);
  });

  it("counts 60 reads by one visitor once, and again 24 hours later", async () => {
    const start = clock;
    for (let i = 0; i < 60; i++) {
      clock = start + i * 30_000;
      expect((await read(7103, { visitor: visitor("loyal") })).statusCode).toBe(204);
      // flushing now and then: the dedupe must hold across batches, not only inside one
      if (i % 20 === 0) await t.app.reads.flush();
    }
    await t.app.reads.flush();
    expect(await viewCount(t, 7103)).toBe(301);

    clock = start + DAY - 1;
    await read(7103, { visitor: visitor("loyal") });
    await t.app.reads.flush();
    expect(await viewCount(t, 7103)).toBe(301);

    clock = start + DAY;
    await read(7103, { visitor: visitor("loyal") });
    await t.app.reads.flush();
    expect(await viewCount(t, 7103)).toBe(302);
    expect(await storedReads(t, 7103)).toBe(2);
    clock = NOW;
  });

  it("counts no robots, crawlers, previews, scripts or headless browsers", async () => {
    // biome-ignore format: one user agent a line
    const robots = [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)",
      "Mozilla/5.0 (compatible; Daum/4.1; +https://cs.daum.net/faq/15/4118.html?faqId=28966)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Twitterbot/1.0",
      "kakaotalk-scrap/1.0; +https://devtalk.kakao.com/t/scrap/33984",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "curl/8.5.0",
      "Wget/1.21.4",
      "python-requests/2.32.3",
      "",
    ];
    for (const [i, ua] of robots.entries()) {
      const res = await read(7104, { visitor: visitor(`robot-${i}`), ua });
      expect(res.statusCode, ua).toBe(204);
    }
    const flushed = await t.app.reads.flush();
    expect(flushed.counted).toBe(0);
    expect(await viewCount(t, 7104)).toBe(400);
  });

  it("answers 404 with a code for unknown, draft, scheduled and pulled stories, 400 for a bad body", async () => {
    for (const num of [999_999, 7901, 7902, 7903]) {
      const res = await read(num, { visitor: visitor("curious") });
      expect(res.statusCode, String(num)).toBe(404);
      expect(res.json().error).toMatchObject({ code: "article_not_found" });
      expect(res.json().error.message).toMatch(/기사/);
    }
    for (const payload of ["{}", '{"article":"abc"}', '{"article":-1}', "not json"]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/views",
        headers: {
          "content-type": "application/json",
          cookie: `jikji_vid=${visitor("x")}`,
          "user-agent": CHROME,
        },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.code).toMatch(/invalid_request|bad_request/);
    }
    const huge = await t.app.inject({
      method: "POST",
      url: "/api/v1/views",
      headers: {
        "content-type": "application/json",
        cookie: `jikji_vid=${visitor("x")}`,
        "user-agent": CHROME,
      },
      payload: JSON.stringify({ article: 7105, padding: "x".repeat(2000) }),
    });
    expect(huge.statusCode).toBe(413);
    const foreign = await read(7105, { headers: { origin: "https://evil.example" } });
    expect(foreign.statusCode).toBe(403);
    await t.app.reads.flush();
    expect(await viewCount(t, 7105)).toBe(500);
  });

  it("takes a beacon sent as text/plain (navigator.sendBeacon) and a number as a string", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/views",
      headers: {
        "content-type": "text/plain;charset=UTF-8",
        cookie: `jikji_vid=${visitor("beacon")}`,
        "user-agent": CHROME,
      },
      payload: '{"article":"7106"}',
    });
    expect(res.statusCode).toBe(204);
    await t.app.reads.flush();
    expect(await viewCount(t, 7106)).toBe(601);
  });

  it("decides a large batch in chunks, counting each new reader once", async () => {
    const story = await t.database.db
      .selectFrom("articles")
      .select(["id", "published_at"])
      .where("num", "=", 7108)
      .executeTakeFirstOrThrow();
    const beacon = (who: string, i: number) => ({
      articleId: story.id,
      publishedAt: story.published_at!,
      visitor: visitor(who),
      at: clock + i,
      // as many addresses as readers: the per-address cap is not what this is about
      address: `192.0.2.${i % 250}/${Math.floor(i / 250)}`,
    });
    for (let i = 0; i < 40; i++) t.app.reads.record(beacon(`bulk-${i}`, i));
    await t.app.reads.flush();
    // 40 known readers again and 5,193 new ones: a transaction of 5,000 beacons (ten statements of
    // 500 rows), then one of 233 (statements of 128, 64, 32, 8 and 1 rows)
    for (let i = 0; i < 5233; i++) t.app.reads.record(beacon(`bulk-${i}`, 10_000 + i));
    const flushed = await t.app.reads.flush();
    expect(flushed).toMatchObject({ beacons: 5233, counted: 5193 });
    expect(await viewCount(t, 7108)).toBe(800 + 5233);
  });

  it(`caps what one address adds to one story in an hour at ${READS_PER_ADDRESS_HOUR}`, async () => {
    for (let i = 0; i < READS_PER_ADDRESS_HOUR + 5; i++) {
      await read(7107, { visitor: visitor(`script-${i}`), from: "203.0.113.99" });
    }
    await read(7107, { visitor: visitor("neighbour"), from: "203.0.113.100" });
    await t.app.reads.flush();
    expect(await viewCount(t, 7107)).toBe(700 + READS_PER_ADDRESS_HOUR + 1);
  });
});

describe("most-read ranking", () => {
  let t: TestApp;
  let clock = NOW;
  const read = reader(() => t.app);
  const readers = async (num: number, count: number, prefix: string) => {
    for (let i = 0; i < count; i++)
      expect((await read(num, { visitor: visitor(`${prefix}-${i}`) })).statusCode).toBe(204);
  };

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom(stories()));
    visitor = await signedVisitors(t.database.db);
  });
  afterAll(() => t.close());

  it("before any reads, fills with the most-viewed recent stories, then the most-viewed of all", async () => {
    expect(await mostReadOn(t, "/")).toEqual([
      "어제 기사 8",
      "어제 기사 7",
      "어제 기사 6",
      "어제 기사 5",
      "어제 기사 4",
      "어제 기사 3",
      "어제 기사 2",
      "어제 기사 1",
      "금융 기사 가",
      "금융 기사 나",
    ]);
    // 금융 has two recent stories: the February one fills the list after them
    expect(await mostReadOn(t, "/section/finance")).toEqual([
      "금융 기사 가",
      "금융 기사 나",
      "지난달 금융 기사",
    ]);
  });

  it("40 distinct readers lift a story to the top within a minute", async () => {
    expect(REFRESH_EVERY_MS).toBeLessThanOrEqual(60_000);
    expect(FLUSH_EVERY_MS).toBeLessThanOrEqual(1_000);
    clock = NOW - 10 * MINUTE;
    await readers(7102, 30, "early");
    await t.app.reads.flush();
    await t.app.reads.refresh();
    expect((await mostReadOn(t, "/"))[0]).toBe("어제 기사 2");

    clock = NOW;
    await readers(7001, 40, "lift");
    // what the timers do within the next minute: a flush within a second, a refresh within 30 s
    clock = NOW + 1_000;
    await t.app.reads.flush();
    clock = NOW + 30_000;
    const refreshed = await t.app.reads.refresh();
    expect(refreshed.day.slice(0, 2).map((r) => r.reads)).toEqual([40, 30]);

    const home = await mostReadOn(t, "/");
    expect(home.slice(0, 3)).toEqual(["독자가 끌어올린 기사", "어제 기사 2", "어제 기사 8"]);
    expect(home).toHaveLength(10);
    expect((await mostReadOn(t, "/article/7101"))[0]).toBe("독자가 끌어올린 기사");
    expect((await mostReadOn(t, "/section/industry/electronics"))[0]).toBe("독자가 끌어올린 기사");
    // a section's list holds only its own stories
    expect(await mostReadOn(t, "/section/finance")).toEqual([
      "금융 기사 가",
      "금융 기사 나",
      "지난달 금융 기사",
    ]);
    expect(await viewCount(t, 7001)).toBe(43);
  });

  it("ranks by reads, then fills with recent most-viewed, then all-time; old stories never rank by reads", async () => {
    clock = NOW + 2 * MINUTE;
    await readers(7202, 2, "finance");
    // a February story read by many today still is not "most read": it is more than 7 days old
    await readers(7303, 50, "archive");
    await t.app.reads.flush();
    await t.app.reads.refresh();
    expect(await mostReadOn(t, "/section/finance")).toEqual([
      "금융 기사 나",
      "금융 기사 가",
      "지난달 금융 기사",
    ]);
    const home = await mostReadOn(t, "/");
    expect(home.slice(0, 4)).toEqual(["독자가 끌어올린 기사", "어제 기사 2", "금융 기사 나", "어제 기사 8"]);
    expect(home).not.toContain("지난달 금융 기사");
    // the archive's reads still count as views
    expect(await viewCount(t, 7303)).toBe(7050);
  });

  it("lets reads fall out of the 24-hour window, and keeps a 7-day view", async () => {
    // Half an hour past the day: the hour of the 40 reads is half inside the window.
    clock = NOW + DAY + 30 * MINUTE;
    const sliding = await t.app.reads.refresh();
    expect(sliding.day[0]).toMatchObject({ reads: 20, score: 20 });
    // An hour past: it is out; only the fills remain in the day's list, and the week keeps the reads.
    clock = NOW + DAY + HOUR;
    await t.app.reads.refresh();
    const day = await listMostRead(t.database.db, clock);
    expect(day[0]!.title).toBe("어제 기사 8");
    const week = await listMostRead(t.database.db, clock, undefined, "week");
    expect(week.slice(0, 3).map((a) => a.title)).toEqual([
      "독자가 끌어올린 기사",
      "어제 기사 2",
      "금융 기사 나",
    ]);
    clock = NOW + 8 * DAY;
    await t.app.reads.refresh();
    // everything is older than 7 days now: only the fills remain, by stored views
    expect((await listMostRead(t.database.db, clock, undefined, "week"))[0]!.title).toBe("지난달 화제 기사");
    clock = NOW;
  });

  it("shows the desk reads per story and per hour, as SVG bars with a table", async () => {
    clock = NOW + 30_000;
    await t.app.reads.refresh();
    await givePasswords(t, ["choi-desk", "park-sj"]);
    const editor = await signIn(t, "desk@test.example.kr");
    const res = await editor.get("/newsroom/reads");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/newsroom/reads"');
    const svg = inner(res.body, "svg", 'role="img"')!;
    expect(svg).toContain("<rect");
    expect(res.body).toMatch(/aria-label="최근 24시간 시간대별 조회: 모두 [\d,]+회/);
    expect(res.body).toContain("<summary>표로 보기</summary>");
    expect(res.body).toContain("독자가 끌어올린 기사");
    expect(res.body).toMatch(/<td>1<\/td><td><a href="\/newsroom\/reads\?period=day&amp;article=7001">/);

    const one = await editor.get("/newsroom/reads?period=week&article=7001");
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain("누적 조회 43회");
    expect(one.body).toContain("<td>40</td>");
    expect((await editor.get("/newsroom/reads?article=999999")).statusCode).toBe(404);

    const reporter = await signIn(t, "sjpark@test.example.kr");
    expect((await reporter.get("/newsroom/reads")).statusCode).toBe(403);
    expect((await reporter.get("/newsroom")).body).not.toContain('href="/newsroom/reads"');
    clock = NOW;
  });
});

describe("counts survive a restart", () => {
  it("writes buffered reads on close, and a new app on the same database ranks them", async () => {
    const clock = NOW;
    const t = await createTestApp({ now: () => clock });
    try {
      await t.import(newsroom(stories()));
      visitor = await signedVisitors(t.database.db);
      const read = reader(() => t.app);
      for (let i = 0; i < 12; i++) await read(7001, { visitor: visitor(`before-restart-${i}`) });
      // no flush: closing the app must write what it holds
      await t.app.close();
      await t.database.close();

      const handle = openDatabase({ databaseUrl: t.database.databaseUrl, dataDir: t.database.dataDir });
      const config = loadConfig({
        DATA_DIR: t.database.dataDir,
        DATABASE_URL: t.database.databaseUrl ?? "",
        SITE_URL,
        JIKJI_DEMO: "0",
        LOG_LEVEL: "silent",
      });
      const again = await buildApp({
        config,
        db: handle.db,
        dialect: handle.dialect,
        now: () => clock,
        logger: false,
      });
      try {
        const stored = await handle.db
          .selectFrom("articles")
          .select("view_count")
          .where("num", "=", 7001)
          .executeTakeFirstOrThrow();
        expect(stored.view_count).toBe(15);
        await again.reads.refresh();
        const res = await again.inject("/");
        expect(inner(res.body, "section", 'class="most-read"')).toMatch(
          /^[\s\S]*?most-read__title">독자가 끌어올린 기사</,
        );
        // the same readers are still known after the restart: no second count
        await reader(() => again)(7001, { visitor: visitor("before-restart-3") });
        expect((await again.reads.flush()).counted).toBe(0);
      } finally {
        await again.close();
        await handle.close();
      }
    } finally {
      await t.database.destroy();
    }
  });
});
