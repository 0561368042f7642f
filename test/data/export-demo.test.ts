import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBundle } from "../../src/bundle/bundle.export.ts";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import type { Bundle } from "../../src/bundle/bundle.ts";
import { loadDemoNewsroom } from "../../src/demo/demo.ts";
import { createLocalBus } from "../../src/lib/invalidation-bus.ts";
import { NOW } from "../support/app.ts";
import { databaseEnv, runCommand } from "../support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const mediaDirOf = (d: TestDatabase) => path.join(d.dataDir, "media");
const deps = (d: TestDatabase) => ({
  db: d.db,
  dialect: d.dialect,
  bus: createLocalBus(),
  mediaDir: mediaDirOf(d),
  now: () => NOW,
});
/** The file `jikji export` writes. */
const exportText = async (d: TestDatabase) =>
  `${JSON.stringify(await exportBundle({ db: d.db, mediaDir: mediaDirOf(d) }), null, 2)}\n`;

describe("export of the demo newsroom", () => {
  let demo: TestDatabase;
  let first: string;

  beforeAll(async () => {
    demo = await createTestDatabase();
    await loadDemoNewsroom(deps(demo));
    first = await exportText(demo);
  }, 120_000);
  afterAll(async () => {
    await demo.destroy();
  });

  it("carries every kind of data the demo holds", () => {
    const b = JSON.parse(first) as Bundle;
    const articles = b.articles ?? [];
    expect(b.site?.legal?.registrationNumber).toBeTruthy();
    expect(b.site?.shareImage).toMatch(/^data:image\//);
    expect(b.people?.some((p) => p.photo?.startsWith("data:image/"))).toBe(true);
    expect(articles.some((a) => a.correction?.note.includes("바로잡습니다"))).toBe(true);
    expect(articles.some((a) => a.notices?.[0]?.kind === "correction")).toBe(true);
    expect(articles.some((a) => /<img src="data:image\//.test(a.body))).toBe(true);
    expect(articles.filter((a) => a.series?.key === "semiconductor-next").map((a) => a.series?.part)).toEqual(
      expect.arrayContaining([1, 2, 3]),
    );
    expect(articles.some((a) => a.labels?.includes("exclusive"))).toBe(true);
    expect(articles.some((a) => a.origin === "wire" && a.originSource === "연합뉴스")).toBe(true);
    expect(articles.some((a) => a.embargoUntil)).toBe(true);
    expect(b.series?.[0]?.key).toBe("semiconductor-next");
    expect(b.policies?.find((p) => p.slug === "privacy")?.versions).toHaveLength(2);
    expect(b.comments?.length).toBeGreaterThan(0);
    expect(b.events?.length).toBeGreaterThan(0);
    // The library: photos only it holds travel with their bytes; the others by their hash.
    const library = b.media ?? [];
    expect(library.filter((m) => m.src).map((m) => m.name)).toEqual(
      expect.arrayContaining(["harbour-cranes.jpg", "tower-night.jpg"]),
    );
    expect(library.some((m) => !m.src && m.focus)).toBe(true);
    // Nothing points at this site's media folder: the file stands alone.
    expect(first).not.toMatch(/"\/media\//);
  });

  it("export → import into an empty newsroom → export gives the same file, byte for byte", {
    timeout: 180_000,
  }, async () => {
    const other = await createTestDatabase();
    try {
      await importBundle(deps(other), JSON.parse(first), { baseDir: other.dataDir });
      const second = await exportText(other);
      expect(second.length).toBe(first.length);
      expect(second === first).toBe(true);
      // Every photo file came across too, library-only ones included.
      const count = async (d: TestDatabase) =>
        (await fs.readdir(mediaDirOf(d), { recursive: true })).filter((f) => !String(f).startsWith("crops"))
          .length;
      expect(await count(other)).toBe(await count(demo));
      // A second import of the same file changes nothing.
      await importBundle(deps(other), JSON.parse(first), { baseDir: other.dataDir });
      expect(await exportText(other)).toBe(first);
    } finally {
      await other.destroy();
    }
  });

  it("`jikji export` (the package's bin, what `npx jikji` runs) writes only JSON", {
    timeout: 120_000,
  }, async () => {
    // The bin run by this very Node: `npx` would take whichever `node` is first on PATH, which on the
    // Node 24 run of CI is not the one the native modules were built for.
    const r = await runCommand(["bin/jikji.js", "export"], {
      command: process.execPath,
      env: databaseEnv(demo),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(first);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
