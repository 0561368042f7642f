import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

describe("searching in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await server.import(
      newsroom([
        article({
          num: 5101,
          title: "하이투자증권, 반도체 목표주가 상향",
          publishedAt: kst("2026-03-19 09:30:00"),
          body: "<p>반도체 업황이 좋아지면서 목표주가를 올렸다.</p>",
        }),
        article({
          num: 5102,
          title: "기준금리 동결",
          section: "finance",
          publishedAt: kst("2026-03-18 09:30:00"),
          body: "<p>한국은행이 기준금리를 동결했다.</p>",
        }),
      ]),
    );
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("types a Korean query in the header box, submits it and sees highlighted results", async () => {
    await page.goto(server.url);
    const box = page.getByRole("searchbox", { name: "기사 검색" });
    // Type it as a reader would, syllable by syllable, then send it with the button.
    await box.pressSequentially("반도체");
    await page.getByRole("button", { name: "검색", exact: true }).first().click();
    await page.waitForURL(/\/search\?q=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe("?q=반도체");
    expect(await page.textContent(".search-count")).toBe("검색 결과 1건");
    const title = page.locator(".search-result__title");
    expect(await title.textContent()).toBe("하이투자증권, 반도체 목표주가 상향");
    expect(await title.locator("mark").allTextContents()).toEqual(["반도체"]);
    expect(await page.locator(".search-result__snippet mark").first().textContent()).toBe("반도체");
    expect(await page.inputValue("#search-q")).toBe("반도체");
    const mark = page.locator(".search-result__title mark");
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  });

  it("finds initial consonants, then narrows the search with the filter form", async () => {
    await page.goto(server.url);
    await page.getByRole("searchbox", { name: "기사 검색" }).fill("ㄱㅈㄱㄹ");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator(".search-result__title mark").textContent()).toBe("기준금리");
    await page.getByRole("combobox", { name: "섹션" }).selectOption("industry");
    await page.locator(".search-form__query button").click();
    await page.waitForURL(/section=industry/);
    expect(await page.textContent(".search-count")).toBe("검색 결과 0건");
    expect(await page.textContent(".search-empty")).toContain("검색 결과가 없습니다.");
  });
});
