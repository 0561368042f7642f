import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { oldestDueScheduledAt } from "../articles/desk.repo.ts";
import type { DatabasePoolStats } from "../db/client.ts";
import type { Database } from "../db/schema.ts";
import { countMailQueue } from "../mail/mail.repo.ts";
import type { DatabaseMediaStore, MediaStore } from "../media/media-store.ts";
import type { ReadCounter } from "../ranking/read-counter.ts";
import type { PageCache } from "../web/page-cache/page-cache.ts";

export interface MetricsSources {
  db: Kysely<Database>;
  now: () => number;
  pageCache: PageCache;
  reads: ReadCounter;
  /** the PostgreSQL pool's figures; absent or null on SQLite */
  databasePool?: () => DatabasePoolStats | null;
  /** where photos are kept; the database store's local cache is shown */
  media?: MediaStore;
  /** METRICS_TOKEN: opens /metrics to other addresses; null keeps it loopback only */
  token: string | null;
}

/** Seconds: from a cheap page answered from memory (1 ms) to a slow search or upload (10 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A counter whose total another part of the app keeps; read at each scrape. */
function mirroredCounter(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

function gauge(registry: Registry, name: string, help: string, read: () => number | Promise<number>): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      this.set(await read());
    },
  });
}

function sameToken(given: string, expected: string): boolean {
  // Digests have one length, so the comparison takes the same time whatever was sent.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Loopback means the socket's peer is this machine and no proxy forwarded the request: behind a
 * proxy on the same host every connection comes from 127.0.0.1, so a forwarded request (it carries
 * X-Forwarded-For, Forwarded or X-Real-IP) is treated as coming from outside, whatever TRUST_PROXY says.
 */
function fromLoopback(request: FastifyRequest): boolean {
  const h = request.headers;
  if (h["x-forwarded-for"] !== undefined || h.forwarded !== undefined || h["x-real-ip"] !== undefined)
    return false;
  return LOOPBACK.test(request.socket.remoteAddress ?? "");
}

function bearer(request: FastifyRequest): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
  return m?.[1] ?? null;
}

/**
 * `/metrics` in Prometheus text format: requests by route pattern and status with latency
 * histograms, the page cache, the database pool, the read-beacon queue, scheduler lag and the
 * process (memory, CPU, event-loop delay). Each app has a registry of its own.
 *
 * Pages kept by the page cache are answered before Fastify routes them, so they are not in the
 * request counts; the cache's own counters (`jikji_page_cache_hits_total`) count them.
 */
export function registerMetricsRoute(app: FastifyInstance, sources: MetricsSources): void {
  const registry = new Registry();
  // The process's own figures (memory, CPU, event-loop delay, GC) start with the first scrape, so an
  // app nobody scrapes (tests build hundreds) carries no GC observer or event-loop monitor.
  let processMetrics = false;

  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({
    name: "jikji_http_requests_total",
    help: "HTTP requests Fastify answered (not the page cache's hits), by route pattern and status",
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "jikji_http_request_duration_seconds",
    help: "Time from request to the last byte of the answer, by route pattern and status",
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    // The pattern (`/article/:num`), never the raw URL: one series per route, not per page.
    const route = request.routeOptions.url ?? "(unmatched)";
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  const cache = () => sources.pageCache.stats();
  mirroredCounter(
    registry,
    "jikji_page_cache_hits_total",
    "Requests answered from the page cache",
    () => cache().hits,
  );
  mirroredCounter(
    registry,
    "jikji_page_cache_misses_total",
    "Cacheable requests not found in the page cache",
    () => cache().misses,
  );
  mirroredCounter(registry, "jikji_page_cache_fills_total", "Pages rendered and kept", () => cache().fills);
  mirroredCounter(
    registry,
    "jikji_page_cache_coalesced_total",
    "Requests that waited for another's render of the same page",
    () => cache().coalesced,
  );
  mirroredCounter(
    registry,
    "jikji_page_cache_purges_total",
    "Pages dropped because something they show changed",
    () => cache().purges,
  );
  mirroredCounter(
    registry,
    "jikji_page_cache_evictions_total",
    "Pages dropped to stay within PAGE_CACHE_MB",
    () => cache().evictions,
  );
  gauge(registry, "jikji_page_cache_entries", "Pages kept now", () => cache().entries);
  gauge(registry, "jikji_page_cache_bytes", "Bytes the kept pages take", () => cache().bytes);
  gauge(
    registry,
    "jikji_page_cache_max_bytes",
    "The page cache's bound (PAGE_CACHE_MB)",
    () => cache().maxBytes,
  );

  const reads = () => sources.reads.stats();
  mirroredCounter(
    registry,
    "jikji_read_beacons_received_total",
    "Read beacons received",
    () => reads().received,
  );
  mirroredCounter(
    registry,
    "jikji_read_beacons_counted_total",
    "Read beacons counted as reads",
    () => reads().counted,
  );
  mirroredCounter(
    registry,
    "jikji_read_beacons_dropped_total",
    "Read beacons dropped (the buffer was full)",
    () => reads().dropped,
  );
  gauge(
    registry,
    "jikji_read_beacons_buffered",
    "Read beacons waiting to be written",
    () => reads().buffered,
  );
  mirroredCounter(
    registry,
    "jikji_read_flushes_total",
    "Writes of buffered read beacons",
    () => reads().flushes,
  );
  mirroredCounter(
    registry,
    "jikji_read_flush_seconds_total",
    "Time spent writing read beacons",
    () => reads().flushMs / 1000,
  );
  gauge(
    registry,
    "jikji_read_flush_slowest_seconds",
    "The slowest write of read beacons so far",
    () => reads().slowestFlushMs / 1000,
  );

  if (sources.databasePool?.()) {
    const pool = () => sources.databasePool?.() ?? { total: 0, idle: 0, waiting: 0, max: 0 };
    gauge(
      registry,
      "jikji_db_pool_connections",
      "Open database connections (busy and idle)",
      () => pool().total,
    );
    gauge(
      registry,
      "jikji_db_pool_idle_connections",
      "Open database connections not in use",
      () => pool().idle,
    );
    gauge(
      registry,
      "jikji_db_pool_waiting_queries",
      "Queries waiting for a free connection",
      () => pool().waiting,
    );
    gauge(registry, "jikji_db_pool_max_connections", "The pool's bound", () => pool().max);
  }

  const media = sources.media;
  if (media?.kind === "database" && "cachedBytes" in media) {
    const store = media as DatabaseMediaStore;
    gauge(
      registry,
      "jikji_media_cache_bytes",
      "Photo bytes this instance keeps on its disk (MEDIA_STORE=database)",
      () => store.cachedBytes(),
    );
    mirroredCounter(
      registry,
      "jikji_media_fetched_total",
      "Photo files fetched from the database into this instance's cache",
      () => store.fetchedFiles(),
    );
  }

  gauge(
    registry,
    "jikji_scheduler_overdue_seconds",
    "How long the longest-overdue scheduled story has waited past its time (0: none waits); NaN when the database does not answer",
    async () => {
      try {
        const now = sources.now();
        const due = await oldestDueScheduledAt(sources.db, now);
        return due === null ? 0 : (now - due) / 1000;
      } catch {
        return Number.NaN;
      }
    },
  );

  new Gauge({
    name: "jikji_mail_queue",
    help: "Mails by state: queued (waiting to be sent or retried) and failed (given up); NaN when the database does not answer",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      try {
        const counts = await countMailQueue(sources.db);
        this.set({ state: "queued" }, counts.queued);
        this.set({ state: "failed" }, counts.failed);
      } catch {
        this.set({ state: "queued" }, Number.NaN);
        this.set({ state: "failed" }, Number.NaN);
      }
    },
  });

  app.get("/metrics", async (request, reply) => {
    reply.header("cache-control", "no-store");
    const token = bearer(request);
    const allowed =
      (sources.token !== null && token !== null && sameToken(token, sources.token)) ||
      (token === null && fromLoopback(request));
    if (!allowed) {
      reply.type("text/plain; charset=utf-8");
      if (sources.token === null)
        return reply
          .status(403)
          .send(
            "지표는 이 서버 안(루프백)에서만 볼 수 있습니다. 다른 곳에서 보려면 METRICS_TOKEN을 정하세요.\n",
          );
      return reply
        .status(401)
        .header("www-authenticate", 'Bearer realm="metrics"')
        .send("지표를 보려면 Authorization: Bearer METRICS_TOKEN 헤더가 필요합니다.\n");
    }
    if (!processMetrics) {
      collectDefaultMetrics({ register: registry });
      processMetrics = true;
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}
