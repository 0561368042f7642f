import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/client.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { testDialect } from "../support/database.ts";
import { freePort, startRedis, stopRedis } from "../support/redis-server.ts";

/** Asks `url` until `accept` holds or 10 s pass; the last answer either way. */
async function pollUntil(t: TestApp, url: string, accept: (status: number) => boolean) {
  const deadline = Date.now() + 10_000;
  let res = await t.app.inject(url);
  while (!accept(res.statusCode) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    res = await t.app.inject(url);
  }
  return res;
}

describe("/readyz", () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close().catch(() => undefined);
    t = null;
  });

  it("answers 200 while the database answers, never kept by a cache; /healthz stays", async () => {
    t = await createTestApp();
    const res = await t.app.inject("/readyz");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json()).toEqual({ ok: true, database: "ok", redis: "off" });
    expect((await t.app.inject("/readyz")).headers["x-cache"]).toBeUndefined();
    expect((await t.app.inject("/healthz")).json()).toEqual({ ok: true });
  });

  it("answers 503 once the database is gone", async () => {
    t = await createTestApp();
    await t.database.close();
    const res = await t.app.inject("/readyz");
    expect(res.statusCode).toBe(503);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json()).toEqual({ ok: false, database: "unavailable", redis: "off" });
  });

  describe("with Redis configured", () => {
    let redis: ChildProcess;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      redis = await startRedis(port);
    });
    afterAll(async () => {
      await stopRedis(redis);
    });

    it("turns 503 while Redis is away and 200 when it is back", { timeout: 30_000 }, async () => {
      t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
      const up = await pollUntil(t, "/readyz", (s) => s === 200);
      expect(up.json()).toEqual({ ok: true, database: "ok", redis: "ok" });
      await stopRedis(redis);
      const down = await pollUntil(t, "/readyz", (s) => s === 503);
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ ok: false, database: "ok", redis: "unavailable" });
      // The site itself still serves without Redis (liveness is not readiness).
      expect((await t.app.inject("/healthz")).statusCode).toBe(200);
      redis = await startRedis(port);
      const back = await pollUntil(t, "/readyz", (s) => s === 200);
      expect(back.json()).toEqual({ ok: true, database: "ok", redis: "ok" });
    });
  });
});

/**
 * PostgreSQL stopped and started again, as the app sees it: its connections go through a TCP relay
 * the test closes (every connection cut, new ones refused) and opens again on the same port.
 */
if (testDialect() === "postgres") {
  describe("/readyz while PostgreSQL stops and returns", () => {
    let t: TestApp;
    let relayPort: number;
    let relay: net.Server | null = null;
    const sockets = new Set<net.Socket>();

    function openRelay(): Promise<void> {
      relay = net.createServer((client) => {
        const server = net.connect(5432, "127.0.0.1");
        for (const s of [client, server]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => undefined);
        }
        client.pipe(server).pipe(client);
      });
      return new Promise((resolve) => relay!.listen(relayPort, "127.0.0.1", resolve));
    }
    async function closeRelay(): Promise<void> {
      const closed = new Promise((resolve) => relay!.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
      relay = null;
    }

    beforeAll(async () => {
      t = await createTestApp();
      relayPort = await freePort();
      await openRelay();
      const url = new URL(t.database.databaseUrl!);
      url.host = `127.0.0.1:${relayPort}`;
      // The app's own database handle, through the relay (the test's handle stays direct).
      const relayed = openDatabase({ databaseUrl: url.toString(), dataDir: t.database.dataDir, poolSize: 2 });
      await t.app.close();
      t.app = await buildApp({
        config: loadConfig({
          DATA_DIR: t.database.dataDir,
          DATABASE_URL: url.toString(),
          LOG_LEVEL: "silent",
          JIKJI_DEMO: "0",
        }),
        db: relayed.db,
        dialect: relayed.dialect,
        logger: false,
      });
      t.app.addHook("onClose", () => relayed.close());
    });
    afterAll(async () => {
      if (relay) await closeRelay();
      await t.close();
    });

    it("turns 503 while the database is unreachable and 200 when it returns", {
      timeout: 30_000,
    }, async () => {
      expect((await t.app.inject("/readyz")).statusCode).toBe(200);
      await closeRelay();
      const down = await pollUntil(t, "/readyz", (s) => s === 503);
      expect(down.json()).toEqual({ ok: false, database: "unavailable", redis: "off" });
      await openRelay();
      const back = await pollUntil(t, "/readyz", (s) => s === 200);
      expect(back.json()).toEqual({ ok: true, database: "ok", redis: "off" });
    });
  });
}
