import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { loadConfig } from "../../src/config.ts";
import { CorruptDatabaseError, openDatabase } from "../../src/db/client.ts";
import { SITE_URL } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { article, newsroom } from "../support/factories.ts";

/** The longest the event loop went without a turn while `work` ran (a 5 ms ticker measures it). */
async function longestStall<T>(work: () => Promise<T>): Promise<{ stallMs: number; value: T }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const t = performance.now();
    stallMs = Math.max(stallMs, t - last);
    last = t;
  }, 5);
  try {
    const value = await work();
    return { stallMs, value };
  } finally {
    clearInterval(ticker);
  }
}

// SQLite only: another process holding the write lock (a CLI import, a second instance) must not
// freeze the site. These run on SQLite whichever project runs them.
describe("SQLite while another process holds the write lock", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let other: SQLite.Database;
  const clock = Date.parse("2026-03-20T12:00:00+09:00");

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    const config = loadConfig({ DATA_DIR: database.dataDir, SITE_URL, JIKJI_DEMO: "0", LOG_LEVEL: "silent" });
    app = await buildApp({
      config,
      db: database.db,
      dialect: database.dialect,
      now: () => clock,
      logger: false,
    });
    await importBundle(
      {
        db: database.db,
        dialect: database.dialect,
        now: () => clock,
        bus: app.bus,
        mediaDir: path.join(database.dataDir, "media"),
      },
      newsroom([article({ num: 7901, title: "잠긴 데이터베이스" })]),
      { baseDir: database.dataDir },
    );
    other = new SQLite(database.sqlitePath!);
  });
  afterAll(async () => {
    other.close();
    await app.close();
    await database.destroy();
  });

  it("keeps serving pages, and a write waits for the lock without stalling the event loop", async () => {
    // Warm up the comment path (the filter loads its word lists on first use).
    const warm = await app.inject({
      method: "POST",
      url: "/api/v1/articles/7901/comments",
      payload: { nickname: "독자", password: "pw1234", body: "먼저 올린 댓글" },
      remoteAddress: "198.51.100.91",
    });
    expect(warm.statusCode).toBe(201);
    other.exec("BEGIN IMMEDIATE");
    let released = false;
    try {
      // Reads go on (WAL) while the lock is held.
      expect((await app.inject("/article/7901")).statusCode).toBe(200);
      // A write waits for the lock: meanwhile the event loop keeps turning (no synchronous wait).
      const posting = app.inject({
        method: "POST",
        url: "/api/v1/articles/7901/comments",
        payload: { nickname: "독자", password: "pw1234", body: "잠금이 풀리면 올라갈 댓글" },
      });
      const { stallMs } = await longestStall(() => new Promise((r) => setTimeout(r, 300)));
      // (before, the driver waited synchronously: the loop stood still for the whole 5 s busy timeout)
      expect(stallMs).toBeLessThan(1000);
      // and other pages are served while the write waits
      expect((await app.inject("/")).statusCode).toBe(200);
      other.exec("COMMIT");
      released = true;
      expect((await posting).statusCode).toBe(201);
    } finally {
      if (!released) other.exec("ROLLBACK");
    }
  });
});

describe("a corrupted SQLite file", () => {
  it("is refused at start with a clear message", async () => {
    const database = await createTestDatabase("sqlite");
    const file = database.sqlitePath!;
    const dataDir = database.dataDir;
    await database.close();
    // Overwrite everything after the header page with noise, as a failing disk might.
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(8192);
    const fd = fs.openSync(file, "r+");
    const noise = Buffer.alloc(size - 4096, 0x5a);
    fs.writeSync(fd, noise, 0, noise.length, 4096);
    fs.closeSync(fd);
    for (const sidecar of ["-wal", "-shm"]) fs.rmSync(`${file}${sidecar}`, { force: true });
    try {
      expect(() => openDatabase({ databaseUrl: null, dataDir })).toThrow(CorruptDatabaseError);
      expect(() => openDatabase({ databaseUrl: null, dataDir })).toThrow(/손상되었습니다/);
    } finally {
      await database.destroy();
    }
  });
});
