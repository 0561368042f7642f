import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { parsePrometheus, value } from "../support/prometheus.ts";

const TOKEN = "metrics-token-for-tests-0123456789";

describe("/metrics", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
    await t.import(
      newsroom([
        article({ num: 9101 }),
        article({ num: 9102, status: "scheduled", publishedAt: kst("2026-03-20 11:00:00") }),
      ]),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const scrape = async () => {
    const res = await t.app.inject("/metrics");
    expect(res.statusCode).toBe(200);
    return parsePrometheus(res.body).samples;
  };
  const ARTICLE = { method: "GET", route: "/article/:num", status: "200" };

  it("answers loopback in Prometheus text format, never kept by a cache", async () => {
    const res = await t.app.inject("/metrics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers["cache-control"]).toBe("no-store");
    const { types, samples } = parsePrometheus(res.body);
    expect(types.get("jikji_http_requests_total")).toBe("counter");
    expect(types.get("jikji_http_request_duration_seconds")).toBe("histogram");
    expect(types.get("jikji_page_cache_hits_total")).toBe("counter");
    expect(types.get("jikji_read_beacons_buffered")).toBe("gauge");
    expect(types.get("process_resident_memory_bytes")).toBe("gauge");
    // The scheduled story due at 11:00 still waits at 12:00 (no scheduler runs here).
    expect(value(samples, "jikji_scheduler_overdue_seconds")).toBe(3600);
    expect((await t.app.inject("/metrics")).headers["x-cache"]).toBeUndefined();
  });

  it("counts requests by route pattern and status, with latency, and the page cache's own figures", async () => {
    const before = await scrape();
    const countBefore = value(before, "jikji_http_requests_total", ARTICLE) ?? 0;
    const bucketsBefore = value(before, "jikji_http_request_duration_seconds_count", ARTICLE) ?? 0;
    const hitsBefore = value(before, "jikji_page_cache_hits_total") ?? 0;
    const missesBefore = value(before, "jikji_page_cache_misses_total") ?? 0;

    expect((await t.app.inject("/article/9101")).statusCode).toBe(200);
    const kept = await t.app.inject("/article/9101");
    expect(kept.headers["x-cache"]).toBe("hit");
    expect((await t.app.inject("/article/999999")).statusCode).toBe(404);
    expect((await t.app.inject("/no/such/page")).statusCode).toBe(404);

    const after = await scrape();
    expect(value(after, "jikji_page_cache_hits_total")).toBe(hitsBefore + 1);
    expect(value(after, "jikji_page_cache_misses_total")).toBeGreaterThan(missesBefore);
    expect(value(after, "jikji_page_cache_entries")).toBeGreaterThanOrEqual(1);
    expect(value(after, "jikji_page_cache_bytes")).toBeGreaterThan(0);
    // The raw URLs never become labels: one series per route.
    expect(value(after, "jikji_http_requests_total", ARTICLE)).toBeGreaterThan(countBefore);
    expect(value(after, "jikji_http_request_duration_seconds_count", ARTICLE)).toBeGreaterThan(bucketsBefore);
    expect(
      value(after, "jikji_http_requests_total", { route: "/article/:num", status: "404" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(after, "jikji_http_requests_total", { route: "(unmatched)", status: "404" }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      after.some((s) => Object.values(s.labels).some((v) => v.includes("9101") || v.includes("/no/such"))),
    ).toBe(false);
  });

  it("shows the read-beacon queue and, on PostgreSQL, the connection pool", async () => {
    const before = value(await scrape(), "jikji_read_beacons_received_total") ?? 0;
    const beacon = await t.app.inject({ method: "POST", url: "/api/v1/views", payload: { article: 9101 } });
    expect(beacon.statusCode).toBe(204);
    const samples = await scrape();
    expect(value(samples, "jikji_read_beacons_received_total")).toBe(before + 1);
    if (t.database.dialect.name === "postgres") {
      expect(value(samples, "jikji_db_pool_max_connections")).toBe(4);
      expect(value(samples, "jikji_db_pool_connections")).toBeGreaterThanOrEqual(1);
      expect(value(samples, "jikji_db_pool_waiting_queries")).toBe(0);
    } else {
      expect(value(samples, "jikji_db_pool_connections")).toBeUndefined();
    }
  });

  it("refuses other addresses and forwarded requests without the token, and opens with it", async () => {
    const outside = { remoteAddress: "203.0.113.9" };
    const none = await t.app.inject({ url: "/metrics", ...outside });
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toContain("Bearer");
    expect(none.headers["cache-control"]).toBe("no-store");
    expect(none.body).toContain("METRICS_TOKEN");
    expect(none.body).not.toContain("jikji_");
    const wrong = await t.app.inject({
      url: "/metrics",
      ...outside,
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.statusCode).toBe(401);
    // Through a proxy on this machine the socket is loopback, but the request came from outside.
    const forwarded = await t.app.inject({ url: "/metrics", headers: { "x-forwarded-for": "127.0.0.1" } });
    expect(forwarded.statusCode).toBe(401);
    const right = await t.app.inject({
      url: "/metrics",
      ...outside,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(() => parsePrometheus(right.body)).not.toThrow();
  });

  it("without METRICS_TOKEN answers loopback only (403 elsewhere)", async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.app.inject("/metrics")).statusCode).toBe(200);
      expect((await plain.app.inject({ url: "/metrics", remoteAddress: "198.51.100.4" })).statusCode).toBe(
        403,
      );
      const guessed = await plain.app.inject({
        url: "/metrics",
        remoteAddress: "198.51.100.4",
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(guessed.statusCode).toBe(403);
    } finally {
      await plain.close();
    }
  });

  it("counts pages the server answers from the page cache before Fastify routes them", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const metrics = async () => parsePrometheus(await (await fetch(`${base}/metrics`)).text()).samples;
    await fetch(`${base}/article/9101`).then((r) => r.text());
    const hitsBefore = value(await metrics(), "jikji_page_cache_hits_total")!;
    const routedBefore = value(await metrics(), "jikji_http_requests_total", ARTICLE)!;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${base}/article/9101`);
      expect(res.headers.get("x-cache")).toBe("hit");
      await res.text();
    }
    const after = await metrics();
    expect(value(after, "jikji_page_cache_hits_total")).toBe(hitsBefore + 5);
    expect(value(after, "jikji_http_requests_total", ARTICLE)).toBe(routedBefore);
  });
});
