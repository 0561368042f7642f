import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

const AD = "한빛전자 신제품 체험기, 하루 써 보니 배터리가 이틀을 버텼다";
/** a folder to keep screenshots in for a person to look at (unset: none taken) */
const SHOTS = process.env.SCREENSHOTS_DIR;

/** 신문법 §6③ as readers see it: the "광고" label stays beside the headline at every phone width. */
describe("the 광고 label in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    await server.import(
      newsroom([
        article({ num: 8290, title: "반도체 수출 석 달 연속 증가", publishedAt: kst("2026-03-20 08:00:00") }),
        article({
          num: 8291,
          title: AD,
          origin: "sponsored",
          originSource: "한빛전자",
          publishedAt: kst("2026-03-20 09:00:00"),
        }),
      ]),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("labels the sponsored story on the home page, its section and its own page, without overflow", async () => {
    const page = await browser.context.newPage();
    for (const width of [320, 360, 390, 412, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ["/", "/section/industry/electronics", "/article/8291"]) {
        await page.goto(`${server.url}${path}`);
        const heading = page.locator("h1, h2, h3", { hasText: AD }).first();
        expect(await heading.locator(".ad-label").textContent(), `${path} at ${width}`).toBe("광고");
        const label = (await heading.locator(".ad-label").boundingBox())!;
        expect(label.x + label.width, `${path} at ${width}`).toBeLessThanOrEqual(width);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} at ${width}`,
        ).toBeLessThanOrEqual(width);
        if (SHOTS && width === 320)
          await page.screenshot({ path: `${SHOTS}/ad-label${path.replaceAll("/", "_")}-320.png` });
      }
    }
    // The story beside it carries no label.
    await page.goto(`${server.url}/article/8290`);
    expect(await page.locator("h1 .ad-label").count()).toBe(0);
  });
});
