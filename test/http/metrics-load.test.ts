import autocannon from "autocannon";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMediaFile } from "../../src/media/media-files.repo.ts";
import { NOW, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { parsePrometheus, type Sample, value } from "../support/prometheus.ts";
import { startTestServer } from "../support/server.ts";

/**
 * /metrics under load (issue 16, part 7): a listening server takes a few hundred page views and read
 * beacons from concurrent connections; every scrape parses as Prometheus text and the counters move
 * by what was sent. The photo store's cache (MEDIA_STORE=database) shows there too.
 */
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const PAGES = 300;
const BEACONS = 120;

describe("/metrics under load", () => {
  let t: TestApp & { url: string };
  beforeAll(async () => {
    t = await startTestServer({ now: () => NOW, env: { MEDIA_STORE: "database" } });
    await t.import(newsroom([article({ num: 9301 })]));
  });
  afterAll(async () => t?.close());

  async function scrape(): Promise<Sample[]> {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    return parsePrometheus(await res.text()).samples;
  }
  const delta = (before: Sample[], after: Sample[], name: string, labels: Record<string, string> = {}) =>
    (value(after, name, labels) ?? 0) - (value(before, name, labels) ?? 0);

  it("moves the request, latency, page-cache and beacon figures by what the load sent", {
    timeout: 60_000,
  }, async () => {
    const before = await scrape();
    const pages = await autocannon({ url: `${t.url}/article/9301`, connections: 10, amount: PAGES });
    expect(pages.non2xx).toBe(0);
    expect(pages.errors).toBe(0);
    const beacons = await autocannon({
      url: `${t.url}/api/v1/views`,
      connections: 6,
      amount: BEACONS,
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": CHROME },
      body: JSON.stringify({ article: 9301 }),
    });
    expect(beacons.non2xx).toBe(0);
    const after = await scrape();

    // A page view is answered from the cache (before Fastify), rendered (counted by route), or
    // waits for a render under way; together they are every request sent.
    const hits = delta(before, after, "jikji_page_cache_hits_total");
    const rendered = delta(before, after, "jikji_http_requests_total", {
      route: "/article/:num",
      status: "200",
    });
    const waited = delta(before, after, "jikji_page_cache_coalesced_total");
    expect(hits).toBeGreaterThan(PAGES / 2);
    expect(hits + rendered + waited).toBeGreaterThanOrEqual(PAGES);
    expect(
      delta(before, after, "jikji_http_request_duration_seconds_count", {
        route: "/article/:num",
        status: "200",
      }),
    ).toBe(rendered);

    const VIEWS = { method: "POST", route: "/api/v1/views", status: "204" };
    expect(delta(before, after, "jikji_http_requests_total", VIEWS)).toBe(BEACONS);
    expect(delta(before, after, "jikji_http_request_duration_seconds_count", VIEWS)).toBe(BEACONS);
    expect(delta(before, after, "jikji_http_request_duration_seconds_sum", VIEWS)).toBeGreaterThan(0);
    // the histogram's buckets are cumulative: the +Inf bucket holds every one
    expect(delta(before, after, "jikji_http_request_duration_seconds_bucket", { ...VIEWS, le: "+Inf" })).toBe(
      BEACONS,
    );
    expect(delta(before, after, "jikji_read_beacons_received_total")).toBe(BEACONS);

    await t.app.reads.flush();
    const flushed = await scrape();
    expect(value(flushed, "jikji_read_beacons_buffered")).toBe(0);
    expect(delta(before, flushed, "jikji_read_flushes_total")).toBeGreaterThanOrEqual(1);
    if (t.database.dialect.name === "postgres") {
      expect(value(flushed, "jikji_db_pool_connections")).toBeGreaterThanOrEqual(1);
      expect(value(flushed, "jikji_db_pool_max_connections")).toBeGreaterThan(0);
    }
  });

  it("shows the photo cache of the database store filling as photos are served", async () => {
    const before = await scrape();
    const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#123456" } })
      .webp()
      .toBuffer();
    // stored by "another instance": in the database only
    const rel = `ab/${"ab".repeat(32)}-480.webp`;
    await insertMediaFile(t.database.db, rel, bytes, NOW);
    for (let i = 0; i < 3; i++) expect((await fetch(`${t.url}/media/${rel}`)).status).toBe(200);
    const after = await scrape();
    expect(delta(before, after, "jikji_media_fetched_total")).toBe(1);
    expect(value(after, "jikji_media_cache_bytes")).toBeGreaterThanOrEqual(bytes.length);
  });
});
