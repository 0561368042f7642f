import http from "node:http";
import path from "node:path";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { registerDeskRoutes } from "./articles/article.newsroom.routes.tsx";
import { registerArticleRoutes } from "./articles/article.routes.tsx";
import { registerCommentRoutes } from "./comments/comment.routes.ts";
import { registerModerationRoutes } from "./comments/moderation.routes.tsx";
import type { Config } from "./config.ts";
import { registerCorrectionNewsroomRoutes } from "./corrections/correction.newsroom.routes.tsx";
import { registerCorrectionRoutes } from "./corrections/correction.routes.tsx";
import type { DatabasePoolStats } from "./db/client.ts";
import type { Dialect } from "./db/dialect.ts";
import { pingDatabase } from "./db/health.repo.ts";
import type { Database } from "./db/schema.ts";
import { registerEventNewsroomRoutes } from "./events/event.newsroom.routes.tsx";
import { registerEventRoutes } from "./events/event.routes.tsx";
import { registerFeedRoutes } from "./feeds/feed.routes.ts";
import { createInvalidationBus, type InvalidationBus, stale } from "./lib/invalidation-bus.ts";
import { databaseRateLimiter, fallbackRateLimiter, redisRateLimiter } from "./lib/rate-limit.ts";
import { closeRedis, createRedisClient } from "./lib/redis.ts";
import { registerMailRoutes } from "./mail/mail.routes.tsx";
import { createMailWorker, type MailWorker } from "./mail/mail.worker.ts";
import { registerPasswordResetRoutes } from "./mail/password-reset.routes.tsx";
import { registerCropRoutes } from "./media/crop.routes.ts";
import { registerMediaRoutes } from "./media/media.routes.tsx";
import { registerMetricsRoute } from "./metrics/metrics.routes.ts";
import { registerPersonNewsroomRoutes } from "./people/person.newsroom.routes.tsx";
import { registerPersonRoutes } from "./people/person.routes.tsx";
import { registerMostReadRoutes } from "./ranking/most-read.routes.tsx";
import { ReadCounter } from "./ranking/read-counter.ts";
import { registerReadsNewsroomRoutes } from "./ranking/reads.newsroom.routes.tsx";
import { registerViewRoutes } from "./ranking/views.routes.ts";
import { registerSearchRoutes } from "./search/search.routes.tsx";
import { registerSectionNewsroomRoutes } from "./sections/section.newsroom.routes.tsx";
import { registerPolicyNewsroomRoutes, registerPolicyRoutes } from "./site/policy.routes.tsx";
import { registerSiteImageRoutes } from "./site/site-images.routes.ts";
import { registerSiteSettingsRoutes } from "./site/site-settings.routes.tsx";
import { registerStaffRoutes } from "./staff/staff.routes.tsx";
import { trustProxyOption } from "./web/client-address.ts";
import { createWebContext } from "./web/context.ts";
import { registerErrorHandlers } from "./web/errors.tsx";
import { registerInputNormalisation } from "./web/input.ts";
import { registerNewsroom } from "./web/newsroom/newsroom.routes.tsx";
import { createPageCacheHttp, registerPageCache } from "./web/page-cache/http.ts";
import { type Assets, loadAssets } from "./web/public/assets.ts";
import { registerHomeRoutes } from "./web/public/home.routes.tsx";
import { registerLegacyRoutes } from "./web/public/legacy.routes.ts";
import { registerReporterPageRoutes } from "./web/public/reporter-page.routes.tsx";
import { registerSectionPageRoutes } from "./web/public/section-page.routes.tsx";
import { registerStaticRoutes } from "./web/public/static.routes.ts";
import { registerReadinessRoute } from "./web/readiness.routes.ts";
import { registerSecurityHeaders } from "./web/security.ts";
import { sessionCookies } from "./web/session-cookie.ts";

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  /** what differs between SQLite and PostgreSQL, as decided by openDatabase */
  dialect: Dialect;
  /** the clock; defaults to Date.now, fixed in tests */
  now?: () => number;
  /** waits before answering repeated failed sign-ins; tests pass one that returns at once */
  sleep?: (ms: number) => Promise<void>;
  /** a pino logger, or false for none (tests) */
  logger?: FastifyBaseLogger | false;
  assets?: Assets;
  /** prefix of this app's Redis keys and channel (default `jikji:`); tests give each run its own */
  redisKeyPrefix?: string;
  /** the invalidation bus; by default one on Redis (REDIS_URL) or this process alone */
  bus?: InvalidationBus;
  /** the database pool's figures for /metrics (DatabaseHandle.poolStats) */
  databasePool?: () => DatabasePoolStats | null;
  /** how often the mail worker looks for due mail (ms); 0: only when `app.mail.deliverDue()` is called */
  mailPollMs?: number;
}

declare module "fastify" {
  interface FastifyInstance {
    /** this instance's mail worker (src/mail): delivers the queue over SMTP or into DATA_DIR/outbox */
    mail: MailWorker;
  }
}

/** A request must arrive in full, and an idle connection is closed, within these. */
const REQUEST_TIMEOUT_MS = 60_000;
const CONNECTION_TIMEOUT_MS = 60_000;

/** Builds the HTTP app without listening: main.ts listens, tests call app.inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const sessions = await sessionCookies(deps.db);
  const pageCache = createPageCacheHttp(deps.config.pageCacheMb * 1024 * 1024, sessions.carriedBy);
  const app = Fastify({
    // Kept pages are answered by the server's own handler, before Fastify routes the request.
    // Fastify leaves a factory's server as made, so the timeouts below are set here too.
    serverFactory: (handler) => {
      const server = http.createServer((req, res) => pageCache.serve(req, res, () => handler(req, res)));
      server.requestTimeout = REQUEST_TIMEOUT_MS;
      server.keepAliveTimeout = 72_000;
      server.setTimeout(CONNECTION_TIMEOUT_MS);
      return server;
    },
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    trustProxy: trustProxyOption(deps.config.trustProxy),
    // A client that sends its request slowly (or half a body, then nothing) is cut off.
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    // Article bodies may reach 1 MB of HTML; every route still checks its own fields' limits.
    bodyLimit: 2 * 1024 * 1024,
    // Korean slugs and percent-encoded keys are longer than the default allows.
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });
  // Shared counters: Redis when configured (many instances), else the database (still shared).
  // Fails fast while Redis is away (500 ms at most), and rate limits fall back to the database.
  const redis = deps.config.redisUrl ? createRedisClient(deps.config.redisUrl, app.log) : null;
  if (redis) app.addHook("onClose", () => closeRedis(redis));
  const limiter = redis
    ? fallbackRateLimiter(redisRateLimiter(redis), databaseRateLimiter(deps.db), app.log)
    : databaseRateLimiter(deps.db);
  // What use cases announce as stale reaches every subscriber here and, with Redis, on every instance.
  const bus =
    deps.bus ??
    (await createInvalidationBus({
      redisUrl: deps.config.redisUrl,
      db: deps.db,
      channel: `${deps.redisKeyPrefix ?? "jikji:"}stale`,
      log: app.log,
    }));
  if (!deps.bus) app.addHook("onClose", async () => bus.close());
  app.decorate("bus", bus);
  // Reads are buffered and written every second; the last batch is written on close, before Redis
  // quits (onClose hooks run last-registered first).
  const reads = new ReadCounter({
    db: deps.db,
    dialect: deps.dialect,
    redis,
    keyPrefix: deps.redisKeyPrefix,
    now: deps.now ?? Date.now,
    log: app.log,
    bus,
  });
  app.decorate("reads", reads);
  app.addHook("onReady", async () => reads.start());
  app.addHook("onClose", async () => reads.stop());

  // Mail queued by any instance is delivered by whichever worker claims it first.
  const mail = createMailWorker({
    db: deps.db,
    now: deps.now ?? Date.now,
    smtpUrl: deps.config.smtpUrl,
    mailFrom: deps.config.mailFrom,
    outboxDir: path.join(deps.config.dataDir, "outbox"),
    log: app.log,
    pollMs: deps.mailPollMs,
  });
  app.decorate("mail", mail);
  app.addHook("onReady", async () => mail.start());
  app.addHook("onClose", async () => mail.stop());

  const ctx = createWebContext({
    config: deps.config,
    db: deps.db,
    dialect: deps.dialect,
    assets: deps.assets ?? loadAssets(),
    now: deps.now ?? Date.now,
    sleep: deps.sleep,
    limiter,
    reads,
    bus,
    sessions,
  });

  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  await app.register(cookie);
  registerInputNormalisation(app);
  registerSecurityHeaders(app, { https: deps.config.siteUrl.startsWith("https://") });
  // After the security headers (a kept page keeps them), before every route.
  registerPageCache(app, pageCache, bus, (tags) => (ctx.mostRead.touches(tags) ? [stale.mostRead] : []));
  registerErrorHandlers(app, ctx);

  app.get("/healthz", async (_request, reply) => {
    try {
      await pingDatabase(ctx.db);
      // The site serves without Redis (it falls back), so it is still ok; the operator sees it here.
      const body = redis
        ? { ok: true, redis: redis.status === "ready" ? "ok" : "unavailable" }
        : { ok: true };
      return reply.header("cache-control", "no-store").send(body);
    } catch {
      return reply.status(503).header("cache-control", "no-store").send({ ok: false });
    }
  });

  registerReadinessRoute(app, ctx.db, redis);
  registerMetricsRoute(app, {
    ...ctx,
    pageCache: app.pageCache,
    reads,
    databasePool: deps.databasePool,
    token: deps.config.metricsToken,
  });
  await registerStaticRoutes(app, ctx);
  registerSiteImageRoutes(app, ctx);
  registerCropRoutes(app, ctx);
  registerHomeRoutes(app, ctx);
  registerMostReadRoutes(app, ctx);
  registerSectionPageRoutes(app, ctx);
  registerArticleRoutes(app, ctx);
  registerReporterPageRoutes(app, ctx);
  registerPersonRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  registerCommentRoutes(app, ctx);
  registerViewRoutes(app, ctx);
  registerCorrectionRoutes(app, ctx);
  registerPolicyRoutes(app, ctx);
  registerPasswordResetRoutes(app, ctx);
  // The newsroom's shell (sign-in, the guard, the account page); each feature's staff routes inside it.
  await registerNewsroom(app, ctx, [
    registerDeskRoutes,
    registerModerationRoutes,
    registerMediaRoutes,
    registerStaffRoutes,
    registerSectionNewsroomRoutes,
    registerSiteSettingsRoutes,
    registerReadsNewsroomRoutes,
    registerEventNewsroomRoutes,
    registerPersonNewsroomRoutes,
    registerCorrectionNewsroomRoutes,
    registerPolicyNewsroomRoutes,
    registerMailRoutes,
  ]);
  registerSearchRoutes(app, ctx);
  registerLegacyRoutes(app, ctx);

  return app;
}
