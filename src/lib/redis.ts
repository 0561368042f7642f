import { Redis } from "ioredis";

interface RedisLog {
  warn(obj: object, msg: string): void;
}

/** A Redis command gets this long before it fails; pages and posts never wait on Redis longer. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/**
 * The app's Redis connection, made to fail fast: while Redis is away a command fails at once (no
 * offline queue) or after 500 ms (no answer), so callers fall back instead of hanging; the connection
 * keeps reconnecting in the background. One log line when it goes down, one when it is back.
 */
export function createRedisClient(url: string, log: RedisLog, name = "cache"): Redis {
  const redis = new Redis(url, {
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Back off up to 2 s between attempts while it is away.
    retryStrategy: (attempt) => Math.min(2_000, 100 * attempt),
  });
  let down = false;
  redis.on("error", (err) => {
    if (!down) log.warn({ err }, `Redis ${name} connection lost; falling back and retrying`);
    down = true;
  });
  redis.on("ready", () => {
    if (down) log.warn({}, `Redis ${name} connection back`);
    down = false;
  });
  return redis;
}

/** Closes a connection without waiting on a Redis that is away (QUIT only when it can answer). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "ready") {
    await Promise.race([
      redis.quit().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, REDIS_COMMAND_TIMEOUT_MS).unref()),
    ]);
  }
  redis.disconnect();
}
