import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import { pingDatabase } from "../db/health.repo.ts";
import type { Database } from "../db/schema.ts";

/** A check that takes longer than this counts as failed: a load balancer should not wait on us. */
const CHECK_TIMEOUT_MS = 2_000;

export type CheckResult = "ok" | "unavailable";

export interface Readiness {
  ok: boolean;
  database: CheckResult;
  /** "off" when REDIS_URL is not set (the site runs on the database alone) */
  redis: CheckResult | "off";
}

async function check(work: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work().then(() => "ok" as const), timeout]);
  } catch {
    return "unavailable";
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the database, and Redis when configured, both at once; each within 2 s. */
export async function checkReadiness(db: Kysely<Database>, redis: Redis | null): Promise<Readiness> {
  const [database, cache] = await Promise.all([
    check(() => pingDatabase(db)),
    redis ? check(() => redis.ping()) : Promise.resolve("off" as const),
  ]);
  return { ok: database === "ok" && cache !== "unavailable", database, redis: cache };
}

/**
 * `/readyz`: may this instance take traffic? 503 while the database or (when configured) Redis does
 * not answer, so a load balancer sends readers to an instance that can serve them; `/healthz` only
 * says the process lives. Never kept by any cache; linked from nowhere.
 */
export function registerReadinessRoute(
  app: FastifyInstance,
  db: Kysely<Database>,
  redis: Redis | null,
): void {
  app.get("/readyz", async (_request, reply) => {
    const readiness = await checkReadiness(db, redis);
    return reply
      .status(readiness.ok ? 200 : 503)
      .header("cache-control", "no-store")
      .send(readiness);
  });
}
