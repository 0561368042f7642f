import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { newsroom } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

describe("event registration in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const clock = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    await server.import(
      newsroom([], {
        events: [
          {
            key: "forum-2026",
            title: "2026 반도체 미래 포럼",
            startsAt: iso(clock + 7 * 24 * 3600_000),
            endsAt: iso(clock + 7 * 24 * 3600_000 + 3 * 3600_000),
            venue: "서울 중구 세종대로 110",
            capacity: 100,
            registrationOpen: true,
            promoted: true,
          },
        ],
      }),
    );
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("goes from the home page's banner to the event page and registers with the form", async () => {
    await page.goto(`${server.url}/`);
    await page.locator(".event-banner a").first().click();
    await page.waitForURL(/\/events\/forum-2026$/);
    expect(await page.locator("h1").textContent()).toBe("2026 반도체 미래 포럼");
    expect(await page.getByTestId("seats-left").textContent()).toBe("100석");
    await page.getByLabel("이름", { exact: true }).fill("김민지");
    await page.getByLabel("이메일", { exact: true }).fill("minji@example.kr");
    await page.getByLabel("소속", { exact: true }).fill("직지전자");
    await page.getByLabel("개인정보 수집·이용에 동의합니다").check();
    await page.getByRole("button", { name: "신청하기" }).click();
    await page.waitForURL(/\/events\/forum-2026\/registered\?token=/);
    expect(await page.getByTestId("confirmation-code").textContent()).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(await page.locator(".event-register__status").textContent()).toContain("참가가 확정되었습니다");

    await page.goto(`${server.url}/events/forum-2026`);
    expect(await page.getByTestId("seats-left").textContent()).toBe("99석");
  });
});
