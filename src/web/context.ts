import path from "node:path";
import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Config } from "../config.ts";
import type { Dialect } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import type { InvalidationBus } from "../lib/invalidation-bus.ts";
import type { RateLimiter } from "../lib/rate-limit.ts";
import type { ReadCounter } from "../ranking/read-counter.ts";
import type { Assets } from "./public/assets.ts";
import { type Chrome, loadChrome } from "./public/chrome.ts";
import { type VisitorIds, visitorIds } from "./visitor.ts";

/** What route handlers may use: passed in at the edge, never imported as module state. */
export interface WebContext {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  assets: Assets;
  /** the clock; tests fix it */
  now: () => number;
  /** waits (sign-in slow-down); tests pass one that does not */
  sleep?: (ms: number) => Promise<void>;
  mediaDir: string;
  /** counters for rate limits, shared by all instances (Redis or the database) */
  limiter: RateLimiter;
  /** counts readers' beacons and keeps most-read fresh (shared through Redis or the database) */
  reads: ReadCounter;
  /** where use cases announce what they made stale (see lib/invalidation-bus.ts) */
  bus: InvalidationBus;
  /** the signed `jikji_vid` cookie: who a reader is for votes and reads */
  visitors: VisitorIds;
  chrome(): Promise<Chrome>;
}

export function createWebContext(deps: {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  assets: Assets;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  limiter: RateLimiter;
  reads: ReadCounter;
  bus: InvalidationBus;
}): WebContext {
  return {
    ...deps,
    mediaDir: path.join(deps.config.dataDir, "media"),
    visitors: visitorIds(deps.db),
    chrome: () => loadChrome(deps.db, deps.config.siteUrl, deps.now()),
  };
}

/** Public pages may sit in a shared cache briefly; publishing is seen within half a minute. */
export const PUBLIC_CACHE = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";

export function sendPage(reply: FastifyReply, page: VNode, status = 200, cache = PUBLIC_CACHE): FastifyReply {
  return reply
    .status(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", status >= 400 ? "no-store" : cache)
    .send(`<!doctype html>${renderToString(page)}`);
}
