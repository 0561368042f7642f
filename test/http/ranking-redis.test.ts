import { randomBytes } from "node:crypto";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { NOW } from "../support/app.ts";
import type { TestDatabase } from "../support/database.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner } from "../support/html.ts";
import {
  deleteRedisKeys,
  startTwoInstances,
  TEST_REDIS_URL,
  type TwoInstances,
} from "../support/instances.ts";
import { signedVisitors } from "../support/visitors.ts";

/**
 * Several instances behave as one: two apps, each with its own database connection, sharing one
 * database and one Redis (REDIS_URL), count every reader once and serve the same ranking. Keys carry
 * a prefix of this run's own and are deleted afterwards.
 */
const REDIS_URL = TEST_REDIS_URL;
const CHROME =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const DAY = 24 * 3_600_000;
let visitor: (name: string | number) => string;

describe("most-read shared through Redis by two instances", () => {
  const prefix = `jikji-test-${process.pid}-${randomBytes(4).toString("hex")}:`;
  let clock = NOW;
  let instances: TwoInstances;
  let database: TestDatabase;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let redis: Redis;

  const read = (app: FastifyInstance, num: number, who: string) =>
    app.inject({
      method: "POST",
      url: "/api/v1/views",
      headers: {
        "content-type": "application/json",
        "user-agent": CHROME,
        cookie: `jikji_vid=${visitor(who)}`,
      },
      payload: { article: num },
    });
  const viewCount = async (num: number) =>
    (
      await database.db
        .selectFrom("articles")
        .select("view_count")
        .where("num", "=", num)
        .executeTakeFirstOrThrow()
    ).view_count;
  const mostRead = async (app: FastifyInstance) => {
    const res = await app.inject("/");
    const box = inner(res.body, "section", 'class="most-read"') ?? "";
    return [...box.matchAll(/<span class="most-read__title">([^<]*)<\/span>/g)].map((m) => m[1]!);
  };

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    instances = await startTwoInstances({ now: () => clock, redisKeyPrefix: prefix });
    ({ database, a, b } = instances);
    visitor = await signedVisitors(database.db);
    await importBundle(
      {
        db: database.db,
        dialect: database.dialect,
        bus: a.bus,
        mediaDir: path.join(database.dataDir, "media"),
        now: () => clock,
      },
      newsroom([
        article({
          num: 7001,
          title: "두 서버가 같이 센 기사",
          publishedAt: kst("2026-03-20 09:00:00"),
          views: 3,
        }),
        article({
          num: 7002,
          title: "두 번째로 많이 읽힌 기사",
          publishedAt: kst("2026-03-20 08:00:00"),
          views: 2,
        }),
        article({
          num: 7003,
          title: "조회수만 많은 기사",
          publishedAt: kst("2026-03-19 08:00:00"),
          views: 900,
        }),
        article({
          num: 7004,
          title: "한 독자만 읽은 기사",
          publishedAt: kst("2026-03-19 07:00:00"),
          views: 1,
        }),
      ]),
      { baseDir: database.dataDir },
    );
  });

  afterAll(async () => {
    await instances?.close();
    if (redis) {
      await deleteRedisKeys(redis, prefix);
      await redis.quit();
    }
  });

  it("counts each reader once whichever instance they reach, and both rank alike", async () => {
    for (let i = 0; i < 30; i++) expect((await read(a, 7001, `a-${i}`)).statusCode).toBe(204);
    // the same 30 readers again, through the other instance (a load balancer's choice): no new count
    for (let i = 0; i < 30; i++) await read(b, 7001, `a-${i}`);
    for (let i = 0; i < 20; i++) await read(b, 7001, `b-${i}`);
    for (let i = 0; i < 25; i++) await read(b, 7002, `c-${i}`);
    for (let i = 0; i < 10; i++) await read(a, 7002, `c-${i}`);

    const [fa, fb] = await Promise.all([a.reads.flush(), b.reads.flush()]);
    expect(fa.counted + fb.counted).toBe(75);
    expect(await viewCount(7001)).toBe(53);
    expect(await viewCount(7002)).toBe(27);
    // the dedupe lives in Redis, not in the database
    expect(await database.db.selectFrom("article_read_dedupe").select("article_id").execute()).toHaveLength(
      0,
    );
    expect(await redis.exists(`${prefix}reads:hour:${NOW}`)).toBe(1);

    clock = NOW + 30_000;
    const [ra, rb] = [await a.reads.refresh(), await b.reads.refresh()];
    const figures = (r: typeof ra) => r.day.map((x) => [x.articleId, x.reads]);
    expect(figures(ra)).toEqual(figures(rb));
    expect(figures(ra).map(([, reads]) => reads)).toEqual([50, 25]);
    expect(ra.week.map((x) => x.reads)).toEqual([50, 25]);

    const [onA, onB] = [await mostRead(a), await mostRead(b)];
    expect(onA).toEqual(onB);
    expect(onA).toEqual([
      "두 서버가 같이 센 기사",
      "두 번째로 많이 읽힌 기사",
      "조회수만 많은 기사",
      "한 독자만 읽은 기사",
    ]);
  });

  it("counts 60 reads by one visitor over both instances once, and again after 24 hours", async () => {
    clock = NOW + 60_000;
    for (let i = 0; i < 60; i++) await read(i % 2 ? a : b, 7004, "loyal");
    await Promise.all([a.reads.flush(), b.reads.flush()]);
    expect(await viewCount(7004)).toBe(2);

    clock = NOW + 60_000 + DAY - 1;
    await read(a, 7004, "loyal");
    await a.reads.flush();
    expect(await viewCount(7004)).toBe(2);

    clock = NOW + 60_000 + DAY;
    await read(b, 7004, "loyal");
    await b.reads.flush();
    expect(await viewCount(7004)).toBe(3);
  });
});
