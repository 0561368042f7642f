import type { ChildProcess } from "node:child_process";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { NOW, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { startTwoInstances, type TwoInstances } from "../support/instances.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";
import { freePort, startRedis, stopRedis } from "../support/redis-server.ts";
import { startTestServer } from "../support/server.ts";

/**
 * The page cache across processes (issue "The reader path"): a purge on one instance reaches every
 * other within a second, through Redis or, without it, through the database; a CLI import into a
 * running site's database purges its pages; Redis going away leaves every instance serving.
 */
const STAFF = [
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
];
const prefix = () => `jikji-test-${process.pid}-${randomBytes(4).toString("hex")}:`;
const headline = async (app: FastifyInstance, url: string) => {
  const res = await app.inject(url);
  return { text: textOf(inner(res.body, "h1") ?? ""), cache: res.headers["x-cache"] };
};

async function seed(instances: TwoInstances, nums: number[]): Promise<void> {
  const { database, a } = instances;
  await importBundle(
    {
      db: database.db,
      dialect: database.dialect,
      now: () => NOW,
      bus: a.bus,
      mediaDir: path.join(database.dataDir, "media"),
    },
    newsroom(
      nums.map((num) => article({ num, title: `처음 제목 ${num}`, publishedAt: kst("2026-03-20 08:00:00") })),
      { staff: STAFF },
    ),
    { baseDir: database.dataDir },
  );
}

/** The desk on instance A, signed in through A's own newsroom. */
async function deskOn(instances: TwoInstances): Promise<StaffClient> {
  const onA = { app: instances.a, database: instances.database } as TestApp;
  await givePasswords(
    onA,
    STAFF.map((s) => s.key),
  );
  return signIn(onA, STAFF[1]!.email);
}

async function retitle(instances: TwoInstances, desk: StaffClient, num: number, title: string) {
  const row = await instances.database.db
    .selectFrom("articles")
    .select(["id", "section_id", "body_html"])
    .where("num", "=", num)
    .executeTakeFirstOrThrow();
  const res = await desk.post(`/newsroom/articles/${row.id}`, {
    title,
    subtitle: "",
    sectionId: String(row.section_id),
    body: row.body_html,
    tags: "",
    leadMediaId: "",
    leadCaption: "",
    leadCredit: "",
    leadAlt: "",
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
}

/** Milliseconds until `url` on `app` shows `title` as its headline (polled; fails after 5 s). */
async function untilHeadline(app: FastifyInstance, url: string, title: string): Promise<number> {
  const started = performance.now();
  await vi.waitFor(async () => expect((await headline(app, url)).text).toBe(title), {
    timeout: 5_000,
    interval: 20,
  });
  return performance.now() - started;
}

describe("two instances sharing only the database (no Redis)", () => {
  let instances: TwoInstances;
  let desk: StaffClient;

  beforeAll(async () => {
    instances = await startTwoInstances({ now: () => NOW, redisKeyPrefix: prefix(), redisUrl: null });
    await seed(instances, [9201, 9202]);
    desk = await deskOn(instances);
  });
  afterAll(() => instances.close());

  it("an edit on A is served by B within a second, and B's search finds it", async () => {
    const { b } = instances;
    // The seed's announcement reaches B within half a second; from then on B keeps the page.
    await vi.waitFor(
      async () =>
        expect(await headline(b, "/article/9201")).toEqual({ text: "처음 제목 9201", cache: "hit" }),
      { timeout: 5_000, interval: 50 },
    );
    await retitle(instances, desk, 9201, "데이터베이스로 알린 새 제목");
    expect(await untilHeadline(b, "/article/9201", "데이터베이스로 알린 새 제목")).toBeLessThan(1_000);
    const search = await b.inject(`/search?q=${encodeURIComponent("알린 새 제목")}`);
    expect(search.body).toContain('href="/article/9201"');
    expect(search.body).toContain("데이터베이스로");
  });

  it("a bundle imported by the CLI into the running site's database shows on its home within a second", async () => {
    const { b, database } = instances;
    expect((await b.inject("/")).body).not.toContain("CLI로 들여온 기사");
    await vi.waitFor(async () => expect((await b.inject("/")).headers["x-cache"]).toBe("hit"), {
      timeout: 5_000,
      interval: 50,
    });
    const file = path.join(database.dataDir, "cli-bundle.json");
    await fs.writeFile(
      file,
      JSON.stringify(
        newsroom(
          [article({ num: 9203, title: "CLI로 들여온 기사", publishedAt: kst("2026-03-20 09:00:00") })],
          {
            staff: STAFF,
          },
        ),
      ),
    );
    await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli.ts", "import", file], {
      env: {
        ...process.env,
        DATA_DIR: database.dataDir,
        DATABASE_URL: database.databaseUrl ?? "",
        REDIS_URL: "",
        LOG_LEVEL: "silent",
      },
    });
    const started = performance.now();
    await vi.waitFor(async () => expect((await b.inject("/")).body).toContain("CLI로 들여온 기사"), {
      timeout: 5_000,
      interval: 20,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("two instances sharing the database and a Redis that goes away", () => {
  let instances: TwoInstances;
  let desk: StaffClient;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    instances = await startTwoInstances({
      now: () => NOW,
      redisKeyPrefix: prefix(),
      redisUrl: `redis://127.0.0.1:${port}`,
    });
    await seed(instances, [9301, 9302, 9303]);
    desk = await deskOn(instances);
  });
  afterAll(async () => {
    await instances.close();
    await stopRedis(redis);
  });

  it("both serve from cache; an edit through A's newsroom is on B within a second, and B's search finds it", async () => {
    const { a, b } = instances;
    for (const app of [a, b]) {
      await vi.waitFor(async () => expect((await headline(app, "/article/9301")).cache).toBe("hit"), {
        timeout: 5_000,
        interval: 50,
      });
    }
    await retitle(instances, desk, 9301, "레디스로 알린 새 제목");
    expect(await untilHeadline(b, "/article/9301", "레디스로 알린 새 제목")).toBeLessThan(1_000);
    const search = await b.inject(`/search?q=${encodeURIComponent("레디스로")}`);
    expect(search.body).toContain('href="/article/9301"');
  });

  it("keeps both serving while Redis is away, and hears again once it is back", async () => {
    const { a, b } = instances;
    await b.inject("/article/9302");
    await stopRedis(redis);
    for (const app of [a, b]) {
      for (const url of ["/article/9302", "/article/9303", "/", "/section/industry"]) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(200);
      }
    }
    redis = await startRedis(port);
    // B listens again on its own; A's announcements reach it once both have reconnected.
    let n = 0;
    await vi.waitFor(
      async () => {
        n++;
        await retitle(instances, desk, 9302, `돌아온 레디스 ${n}`);
        await b.inject("/article/9302");
        expect((await headline(b, "/article/9302")).text).toBe(`돌아온 레디스 ${n}`);
      },
      { timeout: 20_000, interval: 300 },
    );
  });
});

describe("the page cache on a listening server", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer();
    await server.import(newsroom([article({ num: 9401, title: "몰려드는 독자" })]));
  });
  afterAll(() => server.close());

  it("renders a page once for 100 readers arriving at the same moment", async () => {
    const before = server.app.pageCache.stats();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${server.url}/article/9401`, { headers: { "accept-encoding": "br" } }).then(async (r) => ({
          status: r.status,
          body: await r.text(),
        })),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]!.body).toContain("몰려드는 독자");
    const after = server.app.pageCache.stats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.fills - before.fills).toBe(1);
  });

  it("answers a kept page, a HEAD and a revalidation before Fastify routes the request", async () => {
    const url = `${server.url}/article/9401`;
    const plain = { "accept-encoding": "identity" };
    const hit = await fetch(url, { headers: plain });
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("content-security-policy")).toContain("default-src 'self'");
    const body = await hit.text();
    const head = await fetch(url, { method: "HEAD", headers: plain });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe("");
    const revisit = await fetch(url, { headers: { "if-none-match": hit.headers.get("etag")! } });
    expect(revisit.status).toBe(304);
  });
});
