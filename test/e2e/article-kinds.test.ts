import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

const SHOTS = process.env.E2E_SCREENSHOTS;

describe("labels, the 속보 bar and 연재 navigation in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer();
    const photo = await photoDataUri();
    await server.import(
      newsroom(
        [
          article({
            num: 9101,
            title: "배터리 전쟁 1부 원료를 쥔 자가 이긴다",
            publishedAt: kst("2026-03-18 09:00:00"),
            series: { key: "battery", part: 1 },
            labels: ["feature"],
          }),
          article({
            num: 9102,
            title: "배터리 전쟁 2부 공장은 어디로 가나, 미국과 유럽의 보조금 경쟁",
            publishedAt: kst("2026-03-19 09:00:00"),
            series: { key: "battery", part: 2 },
            labels: ["feature", "exclusive"],
            leadImage: { src: photo, caption: "배터리 공장", credit: "테스트경제" },
          }),
          article({
            num: 9103,
            title: "배터리 전쟁 3부 사람을 붙잡아라",
            publishedAt: kst("2026-03-20 09:00:00"),
            series: { key: "battery", part: 3 },
          }),
          article({
            num: 9104,
            title: "한국은행 기준금리 0.25%포인트 전격 인하, 석 달 만에 통화정책 방향 바꿔",
            section: "finance",
            publishedAt: kst("2026-03-20 11:50:00"),
            labels: ["breaking"],
          }),
        ],
        { series: [{ key: "battery", title: "배터리 전쟁", description: "K배터리의 세 전선을 짚는다." }] },
      ),
    );
  });
  afterAll(() => server?.close());

  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  for (const width of [390, 1280]) {
    describe(`at ${width} px`, () => {
      let browser: Browser;
      let page: Page;
      beforeAll(async () => {
        browser = await launchBrowser({ viewport: { width, height: 900 } });
        page = await browser.context.newPage();
      });
      afterAll(() => browser?.close());

      it("shows the labels as badges on the headline's first line, before its text", async () => {
        await page.goto(`${server.url}/article/9102`);
        const h1 = page.locator("h1.article__title");
        const badges = h1.locator(".label-badge");
        expect(await badges.allTextContents()).toEqual(["단독", "기획"]);
        const badge = (await badges.first().boundingBox())!;
        const heading = (await h1.boundingBox())!;
        expect(badge.x).toBeLessThanOrEqual(heading.x + 1);
        expect(badge.y).toBeLessThan(heading.y + 40);
        expect(await badges.first().isVisible()).toBe(true);
        expect(await page.getAttribute('meta[property="og:title"]', "content")).toBe(
          "[단독][기획] 배터리 전쟁 2부 공장은 어디로 가나, 미국과 유럽의 보조금 경쟁",
        );
        expect(await overflow(page)).toBe(0);
      });

      it("shows the 속보 bar on every page, on one line, without widening the page", async () => {
        for (const path of ["/", "/article/9101", "/series/battery"]) {
          await page.goto(`${server.url}${path}`);
          const bar = page.locator(".breaking-bar");
          expect(await bar.isVisible(), path).toBe(true);
          expect(await bar.textContent()).toContain("한국은행 기준금리");
          // a long headline is cut with an ellipsis, never wrapped into a tall bar
          expect((await bar.boundingBox())!.height).toBeLessThan(60);
          expect(await overflow(page), path).toBe(0);
        }
      });

      it("goes through a 연재 part by part, and back to the series page", async () => {
        await page.goto(`${server.url}/article/9102`);
        expect(await page.textContent(".article__series")).toBe("배터리 전쟁 연재 2회");
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-part-${width}.png`, fullPage: true });
        await page.getByRole("link", { name: /다음 회/ }).click();
        await page.waitForURL(`${server.url}/article/9103`);
        expect(await page.textContent("h1.article__title")).toBe("배터리 전쟁 3부 사람을 붙잡아라");
        expect(await page.textContent(".series-nav__next")).toBe("마지막 회입니다");
        await page.getByRole("link", { name: /이전 회/ }).click();
        await page.waitForURL(`${server.url}/article/9102`);
        await page.getByRole("link", { name: /이전 회/ }).click();
        await page.waitForURL(`${server.url}/article/9101`);
        expect(await page.textContent(".series-nav__prev")).toBe("첫 회입니다");
        await page.getByRole("link", { name: "연재 〈배터리 전쟁〉 전체 보기" }).click();
        await page.waitForURL(`${server.url}/series/battery`);
        expect(await page.locator(".series-parts__part").allTextContents()).toEqual([
          "연재 1회",
          "연재 2회",
          "연재 3회",
        ]);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-page-${width}.png`, fullPage: true });
        expect(await overflow(page)).toBe(0);
      });
    });
  }

  it("fits a 320 px phone too", async () => {
    const browser = await launchBrowser({ viewport: { width: 320, height: 700 } });
    try {
      const page = await browser.context.newPage();
      for (const path of ["/article/9102", "/series/battery", "/"]) {
        await page.goto(`${server.url}${path}`);
        expect(await overflow(page), path).toBe(0);
      }
    } finally {
      await browser.close();
    }
  });
});
