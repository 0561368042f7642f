import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { publicPagesNewsroom } from "../support/public-pages.ts";
import { startTestServer } from "../support/server.ts";

const WIDTHS = [320, 360, 390, 412, 768, 1280];

describe("every public page fits the screen, from a small phone to a desktop", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pages: Record<string, string> = {};
  const clock = Date.now();

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    const fixture = await publicPagesNewsroom(clock);
    pages = fixture.pages;
    await server.import(fixture.bundle);
    browser = await launchBrowser({ viewport: { width: 320, height: 720 } });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Elements that stick out to the right of the page (for the failure message). */
  const overflowing = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && el.checkVisibility())
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}`,
        );
    });

  it("has no sideways scrolling at 320, 360, 390, 412, 768 and 1280 px", async () => {
    const failures: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 720 });
      for (const [name, path] of Object.entries(pages)) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), name).toBe(name === "notFound" ? 404 : 200);
        const documentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (documentWidth > width) {
          failures.push(
            `${name} at ${width}px is ${documentWidth}px wide: ${(await overflowing()).join(", ")}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps the comment form and its 등록 button on a 320 px screen", async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}${pages.article}`);
    for (const label of ["닉네임", "비밀번호"]) {
      const box = await page.getByLabel(label, { exact: true }).boundingBox();
      expect(box, label).not.toBeNull();
      expect(box!.x, label).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, label).toBeLessThanOrEqual(320);
    }
    const submit = page.getByRole("button", { name: "등록" });
    await submit.scrollIntoViewIfNeeded();
    const box = await submit.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    // and it is the button that answers a tap there, not something laid over it
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest("button")?.textContent?.trim(),
      { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
    );
    expect(hit).toBe("등록");
  });

  it("crops a portrait lead photo instead of showing it a screen and a half tall", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}${pages.article}`);
    const box = await page.locator(".article__lead img").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height).toBeLessThanOrEqual(box!.width);
  });
});
