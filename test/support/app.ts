import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.ts";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import type { Bundle } from "../../src/bundle/bundle.ts";
import { loadConfig } from "../../src/config.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

/** The fixed "now" of HTTP tests: 2026-03-20 12:00:00 KST. */
export const NOW = Date.parse("2026-03-20T12:00:00+09:00");
export const SITE_URL = "http://jikji.test";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  mediaDir: string;
  import(bundle: Bundle | unknown): ReturnType<typeof importBundle>;
  close(): Promise<void>;
}

/** An app on its own fresh database, with a fixed clock. */
export async function createTestApp(
  options: {
    now?: () => number;
    /** more environment for loadConfig (TRUST_PROXY, SITE_URL …) */
    env?: Record<string, string>;
    /** a pino logger of the test's own (to read what is logged) */
    logger?: import("fastify").FastifyBaseLogger;
    /** the mail worker's poll interval; by default 0: tests deliver with `app.mail.deliverDue()` */
    mailPollMs?: number;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const now = options.now ?? (() => NOW);
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl ?? "",
    SITE_URL,
    JIKJI_DEMO: "0",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const app = await buildApp({
    config,
    db: database.db,
    dialect: database.dialect,
    now,
    sleep: async () => {},
    databasePool: database.poolStats,
    mailPollMs: options.mailPollMs ?? 0,
    logger: options.logger ?? (process.env.DEBUG_LOG ? (await import("pino")).default() : false),
  });
  const mediaDir = path.join(database.dataDir, "media");
  return {
    app,
    database,
    mediaDir,
    import: (bundle) =>
      importBundle({ db: database.db, dialect: database.dialect, now, bus: app.bus, mediaDir }, bundle, {
        baseDir: database.dataDir,
      }),
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}
