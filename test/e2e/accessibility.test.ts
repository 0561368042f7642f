import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { publicPagesNewsroom } from "../support/public-pages.ts";
import { startTestServer } from "../support/server.ts";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
// vnu-jar's own path (its package main is the jar's path)
const VNU: string = require("vnu-jar");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe("accessibility (axe-core) and valid HTML (Nu checker) on the pages people use", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pages: Record<string, string> = {};
  const clock = Date.now();

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    const fixture = await publicPagesNewsroom(clock);
    await server.import(fixture.bundle);
    await givePasswords(server, ["choi-desk"]);
    const story = await server.database.db
      .selectFrom("articles")
      .select("id")
      .where("num", "=", 9001)
      .executeTakeFirstOrThrow();
    const { notFound: _, events: __, reporter: ___, ...publicPages } = fixture.pages;
    pages = {
      ...publicPages,
      "newsroom login": "/newsroom/login",
      "newsroom home": "/newsroom",
      editor: `/newsroom/articles/${story.id}/edit`,
      "media library": "/newsroom/media",
    };
    browser = await launchBrowser({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn() {
    await page.goto(`${server.url}/newsroom/login`);
    await page.getByLabel("이메일").fill("desk@test.example.kr");
    await page.getByLabel("비밀번호").fill(PASSWORD);
    await page.getByRole("button", { name: "로그인" }).click();
    await page.waitForURL(`${server.url}/newsroom`);
  }

  // Every public page kind and the newsroom's at two widths: over a minute on a busy 2-core machine.
  it("has no critical or serious axe-core violations", { timeout: 180_000 }, async () => {
    const found: string[] = [];
    for (const [name, url] of Object.entries(pages)) {
      if (name === "newsroom home") await signIn();
      await page.goto(`${server.url}${url}`);
      if (name === "editor") await page.locator(".ProseMirror").first().waitFor({ timeout: 30_000 });
      await page.addScriptTag({ path: AXE });
      const violations = (await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe-core is injected into the page at run time
        const axe = (window as any).axe;
        const result = await axe.run(document, {
          resultTypes: ["violations"],
          // experimental in axe-core, so off by default; voice-control users meet it on every article
          rules: { "label-content-name-mismatch": { enabled: true } },
        });
        return result.violations;
      })) as AxeViolation[];
      for (const v of violations) {
        if (v.impact === "critical" || v.impact === "serious") {
          found.push(
            `${name}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
          );
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("serves HTML the Nu HTML Checker finds no error in", { timeout: 180_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-vnu-"));
    try {
      await signIn();
      const files: string[] = [];
      for (const [name, url] of Object.entries(pages)) {
        // what the server sent, before any script ran (the session's cookie goes along)
        const html = await (await page.request.get(`${server.url}${url}`)).text();
        const file = path.join(dir, `${name.replace(/\W+/g, "-")}.html`);
        await fs.writeFile(file, html);
        files.push(file);
      }
      const { stdout, stderr } = await promisify(execFile)(
        "java",
        ["-jar", VNU, "--errors-only", "--format", "json", "--exit-zero-always", "--stdout", ...files],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      const report = JSON.parse(stdout || stderr) as {
        messages: { type: string; url: string; message: string; extract?: string }[];
      };
      const errors = report.messages
        .filter((m) => m.type === "error")
        .map(
          (m) => `${path.basename(m.url)}: ${m.message} ${m.extract ? `[${m.extract.slice(0, 80)}]` : ""}`,
        );
      expect(errors).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
