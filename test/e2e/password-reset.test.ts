import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_URL } from "../support/app.ts";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";
import { linkIn, startTestSmtp, type TestSmtp } from "../support/smtp.ts";

const SHOTS = process.env.SCREENSHOT_DIR;
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core's critical and serious findings on the page as it is. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core is injected into the page at run time
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  })) as { id: string; impact: string | null; help: string }[];
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${page.url()}: ${v.id} ${v.help}`);
}

async function noSideways(page: Page, width: number) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll, page.url()).toBeLessThanOrEqual(width);
}

describe("a reporter who forgot their password, on a phone", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let smtp: TestSmtp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: "news@test.example.kr" } });
    await server.import(
      newsroom([], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "boss", name: "관리자", email: "admin@test.example.kr", role: "admin" },
        ],
      }),
    );
    await givePasswords(server, ["park-sj", "boss"]);
    browser = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, bypassCSP: true });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.stop();
  });

  it("asks for a link, gets it by mail, sets a new password and signs in with it", async () => {
    await page.goto(`${server.url}/newsroom/login`);
    await page.getByRole("link", { name: "비밀번호를 잊으셨나요?" }).click();
    await page.waitForURL(`${server.url}/newsroom/reset`);
    await noSideways(page, 390);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel("이메일").fill("sjpark@test.example.kr");
    await page.getByRole("button", { name: "재설정 링크 받기" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("링크를 보냈습니다");
    await noSideways(page, 390);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reset-requested-390.png`, fullPage: true });

    await server.app.mail.deliverDue();
    const mail = smtp.received.find((m) => m.to.includes("sjpark@test.example.kr"))!;
    const link = linkIn(mail, `${SITE_URL}/newsroom/reset?token=`).replace(SITE_URL, server.url);

    await page.goto(link);
    await noSideways(page, 390);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel("새 비밀번호", { exact: true }).fill("a-brand-new-pass");
    await page.getByLabel("새 비밀번호 확인").fill("a-different-pass");
    await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("서로 다릅니다");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reset-mismatch-390.png`, fullPage: true });
    await page.getByLabel("새 비밀번호", { exact: true }).fill("a-brand-new-pass");
    await page.getByLabel("새 비밀번호 확인").fill("a-brand-new-pass");
    await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
    await page.waitForURL(`${server.url}/newsroom/login?notice=password_reset`);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("새 비밀번호를 정했습니다");

    await page.getByLabel("이메일").fill("sjpark@test.example.kr");
    await page.getByLabel("비밀번호").fill("a-brand-new-pass");
    await page.getByRole("button", { name: "로그인" }).click();
    await page.waitForURL(`${server.url}/newsroom`);

    // The link is spent.
    await page.goto(link);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("이미 쓰였습니다");
    await noSideways(page, 390);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reset-used-390.png`, fullPage: true });
  });

  it("shows the admin every mail, readable on a phone and on a desktop", async () => {
    // Signing in as the admin replaces the reporter's session cookie in this browser.
    const own = await browser.context.newPage();
    await own.goto(`${server.url}/newsroom/login`);
    await own.getByLabel("이메일").fill("admin@test.example.kr");
    await own.getByLabel("비밀번호").fill(PASSWORD);
    await own.getByRole("button", { name: "로그인" }).click();
    await own.waitForURL(`${server.url}/newsroom`);
    for (const width of [390, 1280]) {
      await own.setViewportSize({ width, height: 900 });
      await own.goto(`${server.url}/newsroom/mail`);
      await expect.poll(() => own.locator("h1").textContent()).toBe("보낸 메일");
      await noSideways(own, width);
      if (SHOTS) await own.screenshot({ path: `${SHOTS}/mail-list-${width}.png`, fullPage: true });
      await own.getByRole("link", { name: "[테스트경제] 뉴스룸 비밀번호 재설정 안내" }).click();
      await expect.poll(() => own.locator("pre").textContent()).toContain("박서준 님, 안녕하세요.");
      await noSideways(own, width);
      if (SHOTS) await own.screenshot({ path: `${SHOTS}/mail-detail-${width}.png`, fullPage: true });
    }
  });
});
