import type { ChildProcess } from "node:child_process";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { loadConfig } from "../../src/config.ts";
import { SITE_URL } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { article, newsroom } from "../support/factories.ts";
import { startMain, stopMain } from "../support/main-process.ts";
import { freePort, startRedis, stopRedis } from "../support/redis-server.ts";

/** How long `work` took, in milliseconds, and what it gave. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function appOn(database: TestDatabase, redisUrl: string, now: () => number): Promise<FastifyInstance> {
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl ?? "",
    REDIS_URL: redisUrl,
    SITE_URL,
    JIKJI_DEMO: "0",
    LOG_LEVEL: "silent",
  });
  return buildApp({
    config,
    db: database.db,
    dialect: database.dialect,
    now,
    logger: false,
    redisKeyPrefix: "t:",
  });
}

/** Pages and comment posts answer within a second while Redis is away; closing never waits on it. */
function outageCases(ctx: () => { app: FastifyInstance; tick: () => void }) {
  it("serves pages and takes comments within a second, rate limits still counted", async () => {
    const { app, tick } = ctx();
    for (const url of ["/", "/article/7801", "/api/v1/articles/7801/comments", "/healthz"]) {
      const { ms, value } = await timed(() => app.inject(url));
      expect(value.statusCode, url).toBe(200);
      expect(ms, url).toBeLessThan(1000);
    }
    // the operator sees it (once the connection has noticed)
    const deadline = Date.now() + 5_000;
    while ((await app.inject("/healthz")).json().redis !== "unavailable" && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect((await app.inject("/healthz")).json()).toEqual({ ok: true, redis: "unavailable" });
    tick();
    const post = (body: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/articles/7801/comments",
        payload: { nickname: "독자", password: "pw1234", body },
        remoteAddress: "198.51.100.80",
      });
    const first = await timed(() => post("레디스 없이 쓴 댓글"));
    expect(first.value.statusCode).toBe(201);
    expect(first.ms).toBeLessThan(1000);
    // the flood limit still holds, counted in the database meanwhile
    const second = await timed(() => post("곧바로 또 쓴 댓글"));
    expect(second.value.statusCode).toBe(429);
    expect(second.ms).toBeLessThan(1000);
    // a vote and a read beacon do not wait on Redis either
    const id = first.value.json().comment.id;
    const vote = await timed(() =>
      app.inject({ method: "POST", url: `/api/v1/comments/${id}/votes`, payload: { value: "like" } }),
    );
    expect(vote.value.statusCode).toBe(200);
    expect(vote.ms).toBeLessThan(1000);
    const beacon = await timed(() =>
      app.inject({ method: "POST", url: "/api/v1/views", payload: { article: 7801 } }),
    );
    expect(beacon.value.statusCode).toBe(204);
    expect(beacon.ms).toBeLessThan(1000);
  });
}

describe("when Redis stops under a running app", () => {
  let database: TestDatabase;
  let redis: ChildProcess;
  let app: FastifyInstance;
  let clock = Date.parse("2026-03-20T12:00:00+09:00");

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    database = await createTestDatabase();
    app = await appOn(database, `redis://127.0.0.1:${port}`, () => clock);
    await importBundle(
      {
        db: database.db,
        dialect: database.dialect,
        now: () => clock,
        bus: app.bus,
        mediaDir: path.join(database.dataDir, "media"),
      },
      newsroom([article({ num: 7801, title: "레디스가 멈춘 날" })]),
      { baseDir: database.dataDir },
    );
    expect((await app.inject("/healthz")).json()).toEqual({ ok: true, redis: "ok" });
    await stopRedis(redis);
  });
  afterAll(async () => {
    await stopRedis(redis);
    await database.destroy();
  });

  outageCases(() => ({ app, tick: () => (clock += 3600_000) }));

  it("closes within 10 seconds", async () => {
    const { ms } = await timed(() => app.close());
    expect(ms).toBeLessThan(10_000);
  });
});

describe("when Redis is unreachable from the start", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let clock = Date.parse("2026-03-20T12:00:00+09:00");

  beforeAll(async () => {
    database = await createTestDatabase();
    const started = await timed(async () =>
      appOn(database, `redis://127.0.0.1:${await freePort()}`, () => clock),
    );
    app = started.value;
    expect(started.ms).toBeLessThan(10_000);
    await importBundle(
      {
        db: database.db,
        dialect: database.dialect,
        now: () => clock,
        bus: app.bus,
        mediaDir: path.join(database.dataDir, "media"),
      },
      newsroom([article({ num: 7801, title: "레디스 없는 날" })]),
      { baseDir: database.dataDir },
    );
  });
  afterAll(() => database.destroy());

  outageCases(() => ({ app, tick: () => (clock += 3600_000) }));

  it("closes within 10 seconds", async () => {
    const { ms } = await timed(() => app.close());
    expect(ms).toBeLessThan(10_000);
  });
});

describe("the server process and SIGTERM", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  const startServer = (redisUrl: string) =>
    startMain({ DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? "", REDIS_URL: redisUrl });

  it("exits within 10 s on SIGTERM with Redis unreachable since start", { timeout: 60_000 }, async () => {
    const { child } = await startServer(`redis://127.0.0.1:${await freePort()}`);
    const { ms } = await stopMain(child);
    expect(ms).toBeLessThan(10_000);
  });

  it("exits within 10 s on SIGTERM after its Redis went away", { timeout: 60_000 }, async () => {
    const redisPort = await freePort();
    const redis = await startRedis(redisPort);
    try {
      const { child, port } = await startServer(`redis://127.0.0.1:${redisPort}`);
      await stopRedis(redis);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBeLessThan(500);
      const { ms, code } = await stopMain(child);
      expect(ms).toBeLessThan(10_000);
      expect(code).toBe(0);
    } finally {
      await stopRedis(redis);
    }
  });
});
