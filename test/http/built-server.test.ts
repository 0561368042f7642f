import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript, run before anything is built (no declarations)
import { buildServer, isStale, ROOT, sourceFingerprint } from "../../scripts/build.mjs";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startMain, stopMain } from "../support/main-process.ts";

/**
 * Production runs compiled JavaScript (issue 16, part 8): `npm run build` writes dist/, and
 * `npm start` / `npm run jikji` run it, building first when the sources changed. Here the build goes
 * to a folder of this test's own beside src/ (the same depth, as dist/ is) and is run with plain node.
 */
describe("the compiled server", () => {
  let outdir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    outdir = path.join(ROOT, `.build-test-${process.pid}-${Date.now()}`);
    const report = await buildServer({ outdir });
    expect(report.files).toBeGreaterThan(100);
    database = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database?.destroy();
    if (outdir) await fs.rm(outdir, { recursive: true, force: true });
  });

  it("is JavaScript only, with the files modules read beside them, and fresh for these sources", async () => {
    const files = (await fs.readdir(outdir, { recursive: true })).map(String);
    expect(
      files.filter((f) => /\.tsx?$/.test(f) && !f.startsWith(path.join("web", "newsroom", "editor"))),
    ).toEqual([]);
    for (const f of ["main.js", "cli.js", "web/public/assets/site.css", "comments/filter/abuse-model.bin"]) {
      expect(files, f).toContain(f);
    }
    expect(isStale(outdir)).toBe(false);
    expect(isStale(path.join(outdir, "nowhere"))).toBe(true);
  });

  it("serves pages and the newsroom's editor bundle under plain node; its command line runs too", {
    timeout: 120_000,
  }, async () => {
    const server = await startMain(
      { DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? "" },
      path.join(outdir, "main.js"),
    );
    try {
      const base = `http://127.0.0.1:${server.port}`;
      for (const p of ["/", "/newsroom/login", "/robots.txt", "/readyz"]) {
        expect((await fetch(base + p)).status, p).toBe(200);
      }
      const editor = await fetch(`${base}/newsroom/assets/editor.js`);
      expect(editor.status).toBe(200);
      expect((await editor.text()).length).toBeGreaterThan(100_000);
    } finally {
      expect((await stopMain(server.child)).code).toBe(0);
    }
    // the compiled command line against the same database
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(outdir, "cli.js"), "staff", "list"],
      {
        env: { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? "" },
      },
    );
    expect(stdout).toContain("staff add EMAIL");
  });

  it("knows the sources changed by their names, sizes and times", async () => {
    const src = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-src-"));
    try {
      await fs.writeFile(path.join(src, "a.ts"), "export const a = 1;\n");
      const before = sourceFingerprint(src);
      expect(sourceFingerprint(src)).toBe(before);
      await fs.utimes(path.join(src, "a.ts"), new Date(), new Date(Date.now() + 5_000));
      expect(sourceFingerprint(src)).not.toBe(before);
    } finally {
      await fs.rm(src, { recursive: true, force: true });
    }
  });
});
