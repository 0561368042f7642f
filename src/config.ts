import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { parseInterval } from "./backup/backup.ts";

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
  /**
   * Which proxies' X-Forwarded-For is believed: false (none: the socket's address is the client), a
   * hop count (the address that many proxies back, counted from the right), or the proxies' address
   * ranges. Never "everything": the leftmost entry is whatever the client wrote.
   */
  readonly trustProxy: false | number | readonly string[];
  readonly loadDemo: boolean;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** bound of the rendered-page cache in megabytes; 0 keeps nothing */
  readonly pageCacheMb: number;
  /** bearer token that opens `/metrics` to addresses other than loopback; null: loopback only */
  readonly metricsToken: string | null;
  /**
   * Where photos are kept: `disk` (the folder mediaDir; instances share media by mounting one folder
   * there) or `database` (every instance reads what any stored; mediaDir is then this instance's cache)
   */
  readonly mediaStore: "disk" | "database";
  /** MEDIA_DIR, default DATA_DIR/media */
  readonly mediaDir: string;
  /** bound of the local media cache with MEDIA_STORE=database, in megabytes */
  readonly mediaCacheMb: number;
  /** outgoing mail over SMTP (`smtp://user:pass@host:587`, `smtps://…:465`); null: `.eml` files in DATA_DIR/outbox */
  readonly smtpUrl: string | null;
  /** the From of every mail (`직지뉴스 <news@example.com>`); default `noreply@` the site's host */
  readonly mailFrom: string;
  /** BACKUP_EVERY in milliseconds: how often the running site writes an archive; null: never */
  readonly backupEveryMs: number | null;
  /** BACKUP_KEEP: how many scheduled archives DATA_DIR/backups keeps */
  readonly backupKeep: number;
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
  TRUST_PROXY: z
    .string()
    .default("0")
    .transform((v, ctx) => parseTrustProxy(v, ctx)),
  JIKJI_DEMO: flag.optional().or(z.literal("").transform(() => undefined)),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PAGE_CACHE_MB: z.coerce
    .number({ message: "숫자여야 합니다" })
    .int("정수여야 합니다")
    .min(0, "0 이상이어야 합니다")
    .max(65_536, "65536 이하여야 합니다")
    .default(64),
  // Compared in constant time; short tokens are guessable, so at least 16 characters.
  METRICS_TOKEN: z
    .string()
    .min(16, "16자 이상이어야 합니다")
    .max(512, "512자 이하여야 합니다")
    .regex(/^[\x21-\x7e]+$/, "공백 없는 ASCII 문자여야 합니다")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MEDIA_STORE: z.enum(["disk", "database"], { message: "disk 또는 database여야 합니다" }).default("disk"),
  MEDIA_DIR: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MEDIA_CACHE_MB: z.coerce
    .number({ message: "숫자여야 합니다" })
    .int("정수여야 합니다")
    .min(1, "1 이상이어야 합니다")
    .max(1_048_576, "1048576 이하여야 합니다")
    .default(1024),
  SMTP_URL: z
    .string()
    .max(2000)
    .regex(/^smtps?:\/\/[^\s]+$/, "smtp://사용자:비밀번호@호스트:587 형식이어야 합니다")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // An address, optionally with a display name: `직지뉴스 <news@example.com>`.
  MAIL_FROM: z
    .string()
    .max(300)
    .regex(
      /^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      "news@example.com 또는 이름 <news@example.com> 형식이어야 합니다",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  BACKUP_EVERY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "" || v.trim() === "0") return null;
      const ms = parseInterval(v);
      if (ms === null) {
        ctx.addIssue({
          code: "custom",
          message: "30m, 6h, 24h, 7d처럼 분(m)·시간(h)·일(d) 단위여야 합니다 (1분 이상)",
        });
        return z.NEVER;
      }
      return ms;
    }),
  BACKUP_KEEP: z.coerce
    .number({ message: "숫자여야 합니다" })
    .int("정수여야 합니다")
    .min(1, "1 이상이어야 합니다")
    .max(10_000, "10000 이하여야 합니다")
    .default(7),
});

const TRUST_PROXY_MESSAGE =
  "0, 프록시 단계 수(1, 2 …) 또는 프록시 주소 범위(예: 127.0.0.1/8,10.0.0.0/8)여야 합니다";

/** `0`/`false` (none), a hop count (`1`; `true` means 1), or a comma-separated list of addresses/CIDRs. */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const v = value.trim();
  if (v === "" || v === "0" || v === "false") return false;
  if (v === "true") return 1;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const ranges = v.split(",").map((r) => r.trim());
  const valid = ranges.every((r) => {
    const [address, bits, ...rest] = r.split("/");
    const family = isIP(address ?? "");
    if (!family || rest.length > 0) return false;
    if (bits === undefined) return true;
    const max = family === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(bits) && Number(bits) >= 1 && Number(bits) <= max;
  });
  if (!valid || ranges.length === 0) {
    ctx.addIssue({ code: "custom", message: TRUST_PROXY_MESSAGE });
    return z.NEVER;
  }
  return ranges;
}

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
  const dataDir = path.resolve(e.DATA_DIR);
  const siteUrl = (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    siteUrl,
    trustProxy: Array.isArray(e.TRUST_PROXY) ? Object.freeze([...e.TRUST_PROXY]) : e.TRUST_PROXY,
    // A production start never invents staff accounts unless asked to.
    loadDemo: e.JIKJI_DEMO ?? e.NODE_ENV !== "production",
    logLevel: e.LOG_LEVEL,
    pageCacheMb: e.PAGE_CACHE_MB,
    metricsToken: e.METRICS_TOKEN ?? null,
    mediaStore: e.MEDIA_STORE,
    mediaDir: e.MEDIA_DIR ? path.resolve(e.MEDIA_DIR) : path.join(dataDir, "media"),
    mediaCacheMb: e.MEDIA_CACHE_MB,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `noreply@${new URL(siteUrl).hostname}`,
    backupEveryMs: e.BACKUP_EVERY,
    backupKeep: e.BACKUP_KEEP,
  });
}
