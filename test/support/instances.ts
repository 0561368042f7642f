import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { SITE_URL } from "./app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

/** The Redis the tests share; each run keeps its keys and channels under a prefix of its own. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface TwoInstances {
  database: TestDatabase;
  /** the second instance's own connection to the same database */
  second: DatabaseHandle;
  a: FastifyInstance;
  b: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Two apps as two instances of one site: one database (each with its own connection) and one Redis
 * (REDIS_URL), their keys and bus channel under `redisKeyPrefix`.
 */
export async function startTwoInstances(options: {
  now: () => number;
  redisKeyPrefix: string;
  /** REDIS_URL of both (default: the shared test Redis); null: no Redis, they share the database only */
  redisUrl?: string | null;
  /** more environment for each instance's loadConfig (MEDIA_STORE, MEDIA_DIR, TRUST_PROXY …) */
  env?: (instance: "a" | "b") => Record<string, string>;
}): Promise<TwoInstances> {
  const database = await createTestDatabase();
  const second = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, poolSize: 4 });
  const config = (instance: "a" | "b") =>
    loadConfig({
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl ?? "",
      REDIS_URL: options.redisUrl === undefined ? TEST_REDIS_URL : (options.redisUrl ?? ""),
      SITE_URL,
      JIKJI_DEMO: "0",
      LOG_LEVEL: "silent",
      ...options.env?.(instance),
    });
  const common = {
    now: options.now,
    logger: false as const,
    sleep: async () => {},
    redisKeyPrefix: options.redisKeyPrefix,
  };
  const a = await buildApp({ ...common, config: config("a"), db: database.db, dialect: database.dialect });
  const b = await buildApp({ ...common, config: config("b"), db: second.db, dialect: second.dialect });
  return {
    database,
    second,
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await second.close();
      await database.destroy();
    },
  };
}

/** Deletes every key under `prefix` (a run's own), so the shared Redis keeps nothing of a test. */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
