import type { AddressInfo } from "node:net";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";

/**
 * The app under test, in a process of its own (started by run.ts): the load generator must not share
 * its event loop, or the figures would measure autocannon as much as Jikji. It opens the database as
 * main.ts does, listens on a free loopback port, and reports the port over IPC.
 */

export interface ServerOptions {
  dataDir: string;
  databaseUrl: string | null;
  /** PAGE_CACHE_MB: 0 renders every request (the cold-render figures) */
  pageCacheMb: number;
}

export type ServerMessage =
  | { type: "listening"; port: number }
  | { type: "failed"; message: string }
  | { type: "memory"; rss: number; heapUsed: number; cacheBytes: number; cacheEntries: number };

const send = (message: ServerMessage) => process.send?.(message);

async function main(): Promise<void> {
  if (!process.send) throw new Error("bench/server.ts is started by bench/run.ts");
  const options = JSON.parse(process.argv[2] ?? "") as ServerOptions;
  // Only what the benchmark sets, not the caller's shell: a stray PORT or TRUST_PROXY must not count.
  const config = loadConfig({
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? "",
    SITE_URL: "http://127.0.0.1",
    JIKJI_DEMO: "0",
    LOG_LEVEL: "silent",
    PAGE_CACHE_MB: String(options.pageCacheMb),
  });
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = await buildApp({ config, db: handle.db, dialect: handle.dialect, logger: false });

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on("message", (message) => {
    if (message === "stop") void stop();
    if (message === "memory") {
      const cache = app.pageCache.stats();
      send({
        type: "memory",
        rss: process.memoryUsage.rss(),
        heapUsed: process.memoryUsage().heapUsed,
        cacheBytes: cache.bytes,
        cacheEntries: cache.entries,
      });
    }
  });
  // The parent went away (killed, crashed): do not linger holding the port and the database.
  process.on("disconnect", () => void stop());

  await app.listen({ port: 0, host: "127.0.0.1" });
  send({ type: "listening", port: (app.server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
