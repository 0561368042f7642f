import type { FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Config } from "../config.ts";
import type { Dialect } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import type { InvalidationBus, StaleTag } from "../lib/invalidation-bus.ts";
import type { RateLimiter } from "../lib/rate-limit.ts";
import { createMediaStore, type MediaStore } from "../media/media-store.ts";
import { createMostReadSource, type MostReadSource } from "../ranking/most-read.ts";
import type { ReadCounter } from "../ranking/read-counter.ts";
import type { NewsroomAlertSource } from "./newsroom/alerts.ts";
import { keepInPageCache } from "./page-cache/http.ts";
import type { Assets } from "./public/assets.ts";
import { type Chrome, createChromeSource } from "./public/chrome.ts";
import type { SessionCookies } from "./session-cookie.ts";
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
  /** the local folder /media/ is served from (media.dir) */
  mediaDir: string;
  /** stored photos: this disk, a folder every instance mounts, or the database (MEDIA_STORE) */
  media: MediaStore;
  /** counters for rate limits, shared by all instances (Redis or the database) */
  limiter: RateLimiter;
  /** counts readers' beacons and keeps most-read fresh (shared through Redis or the database) */
  reads: ReadCounter;
  /** where use cases announce what they made stale (see lib/invalidation-bus.ts) */
  bus: InvalidationBus;
  /** the signed `jikji_vid` cookie: who a reader is for votes and reads */
  visitors: VisitorIds;
  /** the signed `jikji_session` cookie: the newsroom's sessions */
  sessions: SessionCookies;
  /** the frame of every public page, kept in memory until announced stale */
  chrome(): Promise<Chrome>;
  /** 인기기사 lists, kept in memory until the ranking or a public story changes */
  mostRead: MostReadSource;
  /**
   * What the newsroom home warns of (missing legal particulars, overdue correction requests): each
   * feature adds its source when its routes are registered, so the desk's page needs to import none.
   */
  newsroomAlerts: NewsroomAlertSource[];
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
  sessions: SessionCookies;
}): WebContext {
  const frame = createChromeSource({
    db: deps.db,
    siteUrl: deps.config.siteUrl,
    now: deps.now,
    bus: deps.bus,
  });
  const media = createMediaStore(deps.config, deps.db, deps.now);
  return {
    ...deps,
    mediaDir: media.dir,
    media,
    visitors: visitorIds(deps.db),
    chrome: frame.chrome,
    mostRead: createMostReadSource({ db: deps.db, bus: deps.bus }),
    newsroomAlerts: [],
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

/**
 * Keeps this public page in the page cache until one of `tags` is announced stale (every page also
 * goes with `*`), or until its frame changes by itself (the banner's event ends), or `maxAgeMs`.
 */
export function cachePublicPage(
  reply: FastifyReply,
  chrome: Pick<Chrome, "now" | "validUntil">,
  tags: Iterable<StaleTag>,
  maxAgeMs?: number,
): void {
  const limits = [chrome.validUntil, maxAgeMs === undefined ? null : chrome.now + maxAgeMs].filter(
    (t): t is number => t !== null,
  );
  keepInPageCache(reply, tags, { now: chrome.now, validUntil: limits.length ? Math.min(...limits) : null });
}
