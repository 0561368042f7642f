import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { registerArticleRoutes } from "./articles/article.routes.tsx";
import type { Config } from "./config.ts";
import type { DialectName } from "./db/dialect.ts";
import type { Database } from "./db/schema.ts";
import { registerEventRoutes } from "./events/event.routes.tsx";
import { registerFeedRoutes } from "./feeds/feed.routes.ts";
import { registerPersonRoutes } from "./people/person.routes.tsx";
import { registerSectionRoutes } from "./sections/section.routes.tsx";
import { registerReporterRoutes } from "./staff/reporter.routes.tsx";
import { createWebContext } from "./web/context.ts";
import { registerErrorHandlers } from "./web/errors.tsx";
import { type Assets, loadAssets } from "./web/public/assets.ts";
import { registerHomeRoutes } from "./web/public/home.routes.tsx";
import { registerLegacyRoutes } from "./web/public/legacy.routes.ts";
import { registerStaticRoutes } from "./web/public/static.routes.ts";
import { registerSecurityHeaders } from "./web/security.ts";

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  dialect: DialectName;
  /** the clock; defaults to Date.now, fixed in tests */
  now?: () => number;
  /** a pino logger, or false for none (tests) */
  logger?: FastifyBaseLogger | false;
  assets?: Assets;
}

/** Builds the HTTP app without listening: main.ts listens, tests call app.inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Korean slugs and percent-encoded keys are longer than the default allows.
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });
  const ctx = createWebContext({
    config: deps.config,
    db: deps.db,
    dialect: deps.dialect,
    assets: deps.assets ?? loadAssets(),
    now: deps.now ?? Date.now,
  });

  await app.register(formbody, { bodyLimit: 64 * 1024 });
  registerSecurityHeaders(app);
  registerErrorHandlers(app, ctx);

  app.get("/healthz", async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return reply.header("cache-control", "no-store").send({ ok: true });
    } catch {
      return reply.status(503).header("cache-control", "no-store").send({ ok: false });
    }
  });

  await registerStaticRoutes(app, ctx);
  registerHomeRoutes(app, ctx);
  registerSectionRoutes(app, ctx);
  registerArticleRoutes(app, ctx);
  registerReporterRoutes(app, ctx);
  registerPersonRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  registerLegacyRoutes(app, ctx);

  return app;
}
