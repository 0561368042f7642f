import path from "node:path";
import { z } from "zod";

/**
 * The whole configuration of a Jikji instance, parsed once from the environment at boot.
 * Variable names and defaults are a promise to operators (shared/contracts/README.md).
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly siteUrl: string;
  readonly trustProxy: boolean;
  readonly loadDemo: boolean;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** bound of the rendered-page cache in megabytes; 0 keeps nothing */
  readonly pageCacheMb: number;
}

const flag = z
  .enum(["0", "1", "true", "false"], { message: "0 또는 1이어야 합니다" })
  .transform((v) => v === "1" || v === "true");

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "postgres://… 형식이어야 합니다")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "redis://… 형식이어야 합니다")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SITE_URL: z.url({ message: "http(s)://… 형식의 주소여야 합니다" }).optional(),
  TRUST_PROXY: flag.default(false),
  JIKJI_DEMO: flag.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PAGE_CACHE_MB: z.coerce
    .number({ message: "숫자여야 합니다" })
    .int("정수여야 합니다")
    .min(0, "0 이상이어야 합니다")
    .max(65_536, "65536 이하여야 합니다")
    .default(64),
});

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment into a frozen Config; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`환경 변수가 올바르지 않습니다:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const siteUrl = (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    siteUrl,
    trustProxy: e.TRUST_PROXY,
    loadDemo: e.JIKJI_DEMO,
    logLevel: e.LOG_LEVEL,
    pageCacheMb: e.PAGE_CACHE_MB,
  });
}
