import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_URL } from "../support/app.ts";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

describe("the article page in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await server.import(
      newsroom([
        article({
          num: 4242,
          title: "반도체 수출 석 달 연속 증가",
          body: "<p>반도체 수출이 석 달 연속 늘었다.</p><p>업계는 하반기에도 증가세가 이어질 것으로 본다.</p>",
          leadImage: { src: await photoDataUri(), caption: "부산항 컨테이너 부두", credit: "테스트경제" },
          publishedAt: kst("2026-03-19 09:30:00"),
        }),
      ]),
    );
    browser = await launchBrowser();
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const bodyFontSize = () =>
    page.$eval("[data-article-body]", (el) => Number.parseFloat(getComputedStyle(el).fontSize));

  it("makes the text larger and smaller, and remembers the choice", async () => {
    await page.goto(`${server.url}/article/4242`);
    const base = await bodyFontSize();
    await page.getByRole("button", { name: "글자 확대" }).click();
    const larger = await bodyFontSize();
    expect(larger).toBeGreaterThan(base);
    await page.reload();
    expect(await bodyFontSize()).toBe(larger);
    await page.getByRole("button", { name: "글자 축소" }).click();
    await page.getByRole("button", { name: "글자 축소" }).click();
    expect(await bodyFontSize()).toBeLessThan(base);
    // back to the default for the next tests
    await page.getByRole("button", { name: "글자 확대" }).click();
    expect(await bodyFontSize()).toBe(base);
  });

  it("copies the article's URL and says so", async () => {
    await page.goto(`${server.url}/article/4242`);
    await page.getByRole("button", { name: "URL 복사" }).click();
    const toast = page.getByRole("status");
    await expect.poll(() => toast.textContent()).toBe("기사 주소가 복사되었습니다.");
    expect(await toast.isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE_URL}/article/4242`);
  });

  it("prints the story without the site around it", async () => {
    await page.goto(`${server.url}/article/4242`);
    await page.emulateMedia({ media: "print" });
    try {
      for (const selector of [".site-nav", ".share", ".comments", ".sidebar", ".event-banner, .font-size"]) {
        const shown = await page.$$eval(selector, (els) => els.some((el) => el.checkVisibility()));
        expect(shown, selector).toBe(false);
      }
      expect(await page.isVisible("h1.article__title")).toBe(true);
      expect(await page.isVisible(".article__lead img")).toBe(true);
      expect(await page.textContent(".print-url")).toBe(`${SITE_URL}/article/4242`);
      expect(await page.isVisible(".print-url")).toBe(true);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("counts comment bytes as the reader types, stopping at 400", async () => {
    await page.goto(`${server.url}/article/4242`);
    const box = page.getByLabel("댓글", { exact: true });
    const counter = page.locator("#comment-bytes");
    expect(await counter.textContent()).toBe("현재 0 byte / 최대 400byte");
    // 4 syllables (8) + 3 spaces (3) + an emoji (2) + "ok" (2)
    await box.fill("좋은 기사 👍 ok");
    expect(await counter.textContent()).toBe("현재 15 byte / 최대 400byte");
    await box.fill("가".repeat(210));
    expect(await counter.textContent()).toBe("현재 400 byte / 최대 400byte");
    expect(await box.inputValue()).toBe("가".repeat(200));
  });

  it("shows the photo with its ▲ caption and <credit>, and the dateline", async () => {
    await page.goto(`${server.url}/article/4242`);
    expect(await page.textContent(".article__lead figcaption")).toBe("▲ 부산항 컨테이너 부두 <테스트경제>");
    const img = page.locator(".article__lead img");
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(await page.textContent("[data-article-body] p")).toBe(
      "[테스트경제] 반도체 수출이 석 달 연속 늘었다.",
    );
  });

  it("fills 인기기사 from the shared box, and links to the list without scripts", async () => {
    await page.goto(`${server.url}/article/4242`);
    // the site script swaps the placeholder for the kept fragment: the list of stories
    await page.waitForSelector(".sidebar .most-read ol li");
    expect(await page.textContent(".sidebar .most-read ol li")).toContain("반도체 수출 석 달 연속 증가");
    expect(await page.$("[data-fragment]")).toBeNull();

    // a reader whose browser never runs the script (blocked, failed): the box links to the list
    const noScript = await browser.context.newPage();
    try {
      await noScript.route("**/assets/site.js*", (route) => route.abort());
      await noScript.goto(`${server.url}/article/4242`);
      await noScript.click(".sidebar .most-read a");
      await noScript.waitForURL("**/most-read");
      expect(await noScript.textContent("#most-read-day + ol")).toContain("반도체 수출 석 달 연속 증가");
    } finally {
      await noScript.close();
    }
  });
});
