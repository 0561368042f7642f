import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../src/articles/article.api.ts";
import { jsonPath, parseBundle } from "../../src/bundle/bundle.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { buildSectionTree, sectionAndDescendantIds, sectionTrail } from "../../src/sections/section.ts";

describe("section tree", () => {
  const tree = buildSectionTree([
    { id: 1, slug: "industry", name: "기업과산업", parent_id: null, position: 1 },
    { id: 2, slug: "industry/electronics", name: "전자", parent_id: 1, position: 2 },
    { id: 3, slug: "industry/auto", name: "자동차", parent_id: 1, position: 1 },
    { id: 4, slug: "finance", name: "금융", parent_id: null, position: 0 },
  ]);

  it("orders roots and children by position", () => {
    expect(tree.roots.map((s) => s.slug)).toEqual(["finance", "industry"]);
    expect(tree.bySlug.get("industry")!.children.map((s) => s.slug)).toEqual([
      "industry/auto",
      "industry/electronics",
    ]);
  });

  it("gives the trail and the ids a section page covers", () => {
    expect(sectionTrail(tree.bySlug.get("industry/electronics")!).map((s) => s.name)).toEqual([
      "기업과산업",
      "전자",
    ]);
    expect(sectionAndDescendantIds(tree.bySlug.get("industry")!)).toEqual([1, 3, 2]);
  });
});

describe("API cursors", () => {
  it("round-trip and refuse garbage", () => {
    const c = encodeCursor({ publishedAt: 1_773_000_000_000, id: 42 });
    expect(decodeCursor(c)).toEqual({ publishedAt: 1_773_000_000_000, id: 42 });
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from("1.2; drop table").toString("base64url"))).toBeNull();
  });
});

describe("bundle validation", () => {
  it("names paths as the CLI prints them", () => {
    expect(jsonPath(["articles", 1, "section"])).toBe("articles[1].section");
    expect(jsonPath(["events", 0, "speakers", 2])).toBe("events[0].speakers[2]");
    expect(jsonPath([])).toBe("(root)");
  });

  it("accepts a minimal bundle and refuses unknown fields, bad slugs and times without offsets", () => {
    expect(parseBundle({ format: "jikji-bundle", version: 1 }).problems).toEqual([]);
    const { problems } = parseBundle({
      format: "jikji-bundle",
      version: 1,
      sections: [{ slug: "a/b/c", name: "x" }],
      events: [{ key: "k", title: "t", startsAt: "2026-01-01 09:00" }],
      people: [{ key: "p", name: "n", colour: "red" }],
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      "events[0].startsAt",
      "people[0]",
      "sections[0].slug",
    ]);
  });
});

describe("config", () => {
  it("has the contract's defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: null,
      redisUrl: null,
      siteUrl: "http://localhost:3000",
      trustProxy: false,
      loadDemo: true,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("reads every variable and refuses bad values with their names", () => {
    const c = loadConfig({
      PORT: "8080",
      SITE_URL: "https://news.example.kr/",
      TRUST_PROXY: "1",
      JIKJI_DEMO: "0",
      DATABASE_URL: "postgres://u@h/db",
      REDIS_URL: "redis://127.0.0.1:6379",
    });
    expect(c).toMatchObject({
      port: 8080,
      siteUrl: "https://news.example.kr",
      trustProxy: 1,
      loadDemo: false,
      databaseUrl: "postgres://u@h/db",
    });
    expect(() => loadConfig({ PORT: "http", DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
  });

  it("loads the demo by default only outside production", () => {
    expect(loadConfig({}).loadDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).loadDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", JIKJI_DEMO: "1" }).loadDemo).toBe(true);
    expect(loadConfig({ JIKJI_DEMO: "0" }).loadDemo).toBe(false);
  });

  it("takes METRICS_TOKEN only when it is long enough to resist guessing", () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: "" }).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: "a1b2c3d4e5f6g7h8i9" }).metricsToken).toBe("a1b2c3d4e5f6g7h8i9");
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: 16자 이상/);
    expect(() => loadConfig({ METRICS_TOKEN: "has a space in it ok" })).toThrow(/METRICS_TOKEN/);
  });
});
