import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, newsroom, photoDataUri } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

describe("setting a photo's focal point in the media library, in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let mediaId = 0;

  beforeAll(async () => {
    server = await startTestServer();
    await server.import(
      newsroom([article({ num: 5200, leadImage: { src: await photoDataUri("#556677", 800, 1200) } })]),
    );
    await givePasswords(server, ["choi-desk"]);
    mediaId = (await server.database.db.selectFrom("media").select("id").executeTakeFirstOrThrow()).id;
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    page = await browser.context.newPage();
    await page.goto(`${server.url}/newsroom/login`);
    await page.getByLabel("이메일").fill("desk@test.example.kr");
    await page.getByLabel("비밀번호").fill(PASSWORD);
    await page.getByRole("button", { name: "로그인" }).click();
    await page.waitForURL(`${server.url}/newsroom`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("takes the point clicked on the preview, saves it, and the article's lead photo crops there", async () => {
    await page.goto(`${server.url}/newsroom/media/${mediaId}`);
    const preview = page.locator("img[data-focus-preview]");
    const box = (await preview.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.2);
    expect(Number(await page.getByLabel(/가로 %/).inputValue())).toBeCloseTo(25, -1);
    expect(Number(await page.getByLabel(/세로 %/).inputValue())).toBeCloseTo(20, -1);
    await page.getByRole("button", { name: "저장" }).click();
    await page.waitForURL(/notice=saved/);
    await page.goto(`${server.url}/article/5200`);
    const position = await page
      .locator(".article__lead img")
      .evaluate((img) => getComputedStyle(img).objectPosition);
    expect(position).toBe("30% 20%");
  });
});
