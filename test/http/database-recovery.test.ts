import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { loadConfig } from "../../src/config.ts";
import { SITE_URL } from "../support/app.ts";
import { createTestDatabase, TEST_PG_ADMIN_URL, type TestDatabase } from "../support/database.ts";
import { article, newsroom } from "../support/factories.ts";

/** Polls `probe` until it returns true or `ms` pass; returns how long it took (or Infinity). */
async function within(ms: number, probe: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await probe().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Number.POSITIVE_INFINITY;
}

// PostgreSQL closes pooled connections on a restart, a failover, an idle timeout or an administrator's
// pg_terminate_backend. The app must log it, let the pool replace them and go on serving. This is about
// PostgreSQL only, so it runs against PostgreSQL whichever project runs it.
describe("when PostgreSQL ends every connection of a running app", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logged: unknown[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const config = loadConfig({
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl ?? "",
      SITE_URL,
      JIKJI_DEMO: "0",
      LOG_LEVEL: "silent",
      // Every answer below must come from the database: a kept page would answer 200 with every
      // connection dead, and the test would pass without testing anything.
      PAGE_CACHE_MB: "0",
    });
    app = await buildApp({ config, db: database.db, dialect: database.dialect, logger: false });
    await importBundle(
      { db: database.db, dialect: database.dialect, now: Date.now, bus: app.bus, mediaDir: database.dataDir },
      newsroom([article({ num: 31 })]),
      { baseDir: database.dataDir },
    );
    process.on("uncaughtException", (e) => logged.push(e));
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it("keeps serving within a second, with no unhandled error", async () => {
    // Fill the pool: several requests at once hold several connections, then leave them idle.
    const first = await Promise.all(Array.from({ length: 6 }, () => app.inject("/article/31")));
    expect(first.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    const dbName = new URL(database.databaseUrl!).pathname.slice(1);
    expect(await terminateBackends(dbName)).toBeGreaterThan(0);
    const took = await within(5000, async () => (await app.inject("/article/31")).statusCode === 200);
    expect(took).toBeLessThan(1000);
    // The pool drops each ended connection when its socket reports the end; within the same second
    // the health check, which asks the database itself, answers too.
    const healthy = await within(5000, async () => (await app.inject("/healthz")).statusCode === 200);
    expect(healthy).toBeLessThan(1000);
    expect(logged).toEqual([]);
  });

  it("survives a connection ended while a transaction holds it between statements", async () => {
    const dbName = new URL(database.databaseUrl!).pathname.slice(1);
    const outcome = await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`SELECT 1`.execute(trx);
        await terminateBackends(dbName);
        // The server's goodbye reaches the checked-out connection while no query is running on it.
        await within(2000, async () => (await backendsOf(dbName)) === 0);
        await new Promise((r) => setTimeout(r, 50));
        await sql`SELECT 1`.execute(trx);
        return "committed";
      })
      .catch(() => "failed");
    expect(outcome).toBe("failed");
    expect(await within(1000, async () => (await app.inject("/article/31")).statusCode === 200)).toBeLessThan(
      1000,
    );
    expect(logged).toEqual([]);
  });
});

async function adminClient<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function terminateBackends(dbName: string): Promise<number> {
  return adminClient(async (c) => {
    const r = await c.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [dbName],
    );
    return r.rowCount ?? 0;
  });
}

function backendsOf(dbName: string): Promise<number> {
  return adminClient(async (c) => {
    const r = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [dbName]);
    return r.rows[0].n as number;
  });
}
