import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { negotiateEncoding } from "../../src/web/page-cache/encoding.ts";
import { pageCacheKey } from "../../src/web/page-cache/http.ts";
import {
  etagOf,
  hashBody,
  matchesEtag,
  PageCache,
  pageBytes,
  type StoredPage,
} from "../../src/web/page-cache/page-cache.ts";

function page(key: string, html: string, tags: string[] = []): StoredPage {
  const br = zlib.brotliCompressSync(Buffer.from(html), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 },
  });
  const variants = { br };
  const headers = ["content-type", "text/html; charset=utf-8"];
  return {
    headers,
    hash: hashBody(Buffer.from(html)),
    tags,
    expiresAt: performance.now() + 60_000,
    variants,
    bytes: pageBytes(key, tags, variants),
  };
}

function keep(cache: PageCache, key: string, p: StoredPage) {
  cache.complete(cache.begin(key), p);
}

describe("PageCache", () => {
  it("stays within its byte bound under 10,000 distinct URLs, dropping the least recently served", () => {
    const max = 1024 * 1024;
    const cache = new PageCache(max);
    // One rendered article's bytes (~1.5 KB compressed), kept under 10,000 URLs.
    const template = page("/article/x", `<p>${"기사 본문 ".repeat(200)} ${Math.sin(1)}</p>`);
    for (let i = 0; i < 10_000; i++) {
      const key = `/article/${i}`;
      const variants = { br: template.variants.br! };
      keep(cache, key, { ...template, variants, bytes: pageBytes(key, template.tags, variants) });
      if (i % 100 === 0) cache.get("/article/0"); // served often: never the one dropped
      expect(cache.stats().bytes).toBeLessThanOrEqual(max);
    }
    const stats = cache.stats();
    expect(stats.evictions).toBeGreaterThan(0);
    expect(stats.entries).toBeLessThan(10_000);
    expect(cache.get("/article/0")).toBeDefined();
    expect(cache.get("/article/1")).toBeUndefined();
    expect(cache.get("/article/9999")).toBeDefined();
  });

  it("counts the forms made on demand in its bound", () => {
    const cache = new PageCache(200_000);
    const html = `<p>${"반도체 수출이 늘었다. ".repeat(300)}</p>`;
    keep(cache, "/a", page("/a", html));
    const before = cache.stats().bytes;
    const stored = cache.get("/a")!;
    const identity = cache.variant("/a", stored, "identity");
    expect(identity.toString()).toBe(html);
    const gzip = cache.variant("/a", stored, "gzip");
    expect(zlib.gunzipSync(gzip).toString()).toBe(html);
    expect(cache.stats().bytes).toBe(before + identity.length + gzip.length);
    // Made once: the same buffer the next time.
    expect(cache.variant("/a", stored, "gzip")).toBe(gzip);
  });

  it("purges by tag, and everything with *", () => {
    const cache = new PageCache(10_000_000);
    keep(cache, "/article/1", page("/article/1", "a1", ["article:1", "most-read"]));
    keep(cache, "/article/2", page("/article/2", "a2", ["article:2", "article:1"]));
    keep(cache, "/", page("/", "home", ["home"]));
    cache.purge(["article:1"]);
    expect(cache.get("/article/1")).toBeUndefined();
    expect(cache.get("/article/2")).toBeUndefined();
    expect(cache.get("/")).toBeDefined();
    cache.purge(["*"]);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it("does not keep a page whose render a purge overtook, but still hands it to those who waited", async () => {
    const cache = new PageCache(10_000_000);
    const fill = cache.begin("/article/1");
    const waiting = cache.pending("/article/1")!.settled;
    cache.purge(["article:1"]);
    const rendered = page("/article/1", "old headline", ["article:1"]);
    cache.complete(fill, rendered);
    expect(await waiting).toBe(rendered);
    expect(cache.get("/article/1")).toBeUndefined();
    expect(cache.stats().coalesced).toBe(1);
  });

  it("renders again once a page is older than it may be", () => {
    const cache = new PageCache(10_000_000);
    const p = page("/events", "events", []);
    p.expiresAt = performance.now() + 1_000;
    keep(cache, "/events", p);
    expect(cache.get("/events", performance.now())).toBeDefined();
    expect(cache.get("/events", performance.now() + 1_001)).toBeUndefined();
    expect(cache.stats().bytes).toBe(0);
  });

  it("serves but does not keep a page larger than an eighth of the bound", () => {
    const cache = new PageCache(8_000);
    keep(cache, "/big", { ...page("/big", "x"), bytes: 1_001 });
    expect(cache.get("/big")).toBeUndefined();
  });
});

describe("validators and codings", () => {
  it("matches If-None-Match in any coding, with W/ and lists, and *", () => {
    const hash = hashBody(Buffer.from("page"));
    expect(matchesEtag(etagOf(hash, "identity"), hash)).toBe(true);
    expect(matchesEtag(etagOf(hash, "br"), hash)).toBe(true);
    expect(matchesEtag(`"other", W/${etagOf(hash, "gzip")}`, hash)).toBe(true);
    expect(matchesEtag("*", hash)).toBe(true);
    expect(matchesEtag('"other"', hash)).toBe(false);
    expect(matchesEtag(undefined, hash)).toBe(false);
  });

  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1.0, br;q=0.5", "gzip"],
    ["*", "br"],
    ["identity", "identity"],
    ["gzip;q=0, br;q=0", "identity"],
    ["deflate", "identity"],
    [";;;,,q=", "identity"],
  ])("Accept-Encoding %j → %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe("cache keys", () => {
  it("keeps public pages by path and meaningful query, without the tracking parameters portals add", () => {
    expect(pageCacheKey("/article/12")).toBe("/article/12");
    expect(pageCacheKey("/article/12?utm_source=kakao&utm_medium=talk")).toBe("/article/12");
    expect(pageCacheKey("/article/12?fbclid=abc&cpage=2")).toBe("/article/12?cpage=2");
    expect(pageCacheKey("/section/industry?page=2&NaPm=ct%3Dx")).toBe("/section/industry?page=2");
    expect(pageCacheKey("/article/12?csort=likes&cpage=2")).toBe(
      pageCacheKey("/article/12?cpage=2&csort=likes"),
    );
  });

  it("never keeps staff pages, the API, searches, files or probes", () => {
    for (const url of [
      "/newsroom",
      "/newsroom/articles/1/edit",
      "/api/v1/articles",
      "/search?q=반도체",
      "/media/abc.webp",
      "/assets/site.css?v=1",
      "/healthz",
      "/readyz",
      "/metrics",
      "/corrections/R-1",
      `/article/${"9".repeat(600)}`,
    ]) {
      expect(pageCacheKey(url), url).toBeNull();
    }
  });
});
