import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

const NOTICE = "권리침해 신고에 따라 임시조치된 댓글입니다";
const SECRET = "홍길동 대표는 회삿돈을 빼돌린 사람입니다";
/** a folder to keep screenshots in for a person to look at (unset: none taken) */
const SHOTS = process.env.SCREENSHOTS_DIR;

/** 정보통신망법 §44의2 as people meet it: a 권리침해 신고, a moderator's 임시조치, the notice a reader sees. */
describe("임시조치 in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let reader: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await server.import(
      newsroom([article({ num: 8190, title: "한빛전자 감사 결과" })], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" },
        ],
        comments: [
          { article: 8190, nickname: "독자1234", body: SECRET, createdAt: kst("2026-03-20 08:00:00") },
          {
            article: 8190,
            nickname: "독자5678",
            body: "감사 결과를 지켜봅시다.",
            createdAt: kst("2026-03-20 09:00:00"),
          },
        ],
      }),
    );
    await givePasswords(server, ["mod"]);
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    reader = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a person files a 권리침해 신고, a moderator applies 임시조치, and a reader at 390 px sees the notice", async () => {
    await reader.goto(`${server.url}/article/8190`);
    const target = reader.locator(".comment", { hasText: SECRET });
    await target.getByRole("link", { name: "권리침해 신고" }).click();
    await reader.getByLabel("이름").fill("홍길동");
    await reader.getByLabel("명예훼손").check();
    await reader.getByLabel("신고 이유").fill("횡령한 적이 없는데 사실처럼 적었습니다.");
    // Without a contact the form says so beside the field and keeps what was typed.
    await reader.getByRole("button", { name: "권리침해 신고" }).click();
    expect(await reader.locator('[data-field-error="contact"]').textContent()).toBe(
      "연락받을 이메일이나 전화번호를 적어 주세요.",
    );
    expect(await reader.getByLabel("이름").inputValue()).toBe("홍길동");
    await reader.getByLabel("연락처").fill("hong@example.kr");
    await reader.getByRole("button", { name: "권리침해 신고" }).click();
    await reader.locator("[data-rights-received]").waitFor();
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const desk = await browser.context.newPage();
    await desk.setViewportSize({ width: 1280, height: 900 });
    await desk.goto(`${server.url}/newsroom/login`);
    await desk.getByLabel("이메일").fill("mod@test.example.kr");
    await desk.getByLabel("비밀번호").fill(PASSWORD);
    await desk.getByRole("button", { name: "로그인" }).click();
    await desk
      .getByRole("navigation", { name: "뉴스룸 메뉴" })
      .getByRole("link", { name: "댓글", exact: true })
      .click();
    await desk.getByRole("link", { name: "권리침해 신고" }).click();
    const request = desk.locator("[data-rights-request]", { hasText: "홍길동" });
    await request.getByLabel("임시조치 기간(일)").fill("14");
    await request.getByRole("button", { name: "임시조치" }).click();
    await expect
      .poll(() => desk.getByRole("status").textContent())
      .toBe("임시조치했습니다. 독자에게는 댓글 대신 임시조치 안내가 보입니다.");
    const blocked = desk.locator('[data-rights-request][data-status="blocked"]');
    expect(await blocked.textContent()).toContain("임시조치 14일");
    expect(await blocked.textContent()).toContain("신고인에게 알림");
    expect(await blocked.textContent()).toContain("작성자에게 알림");
    if (SHOTS) await desk.screenshot({ path: `${SHOTS}/takedown-newsroom-1280.png`, fullPage: true });
    await desk.close();

    await reader.goto(`${server.url}/article/8190#comments`);
    const taken = reader.locator("[data-comment-taken-down]");
    expect(await taken.locator(".comment__body").textContent()).toBe(NOTICE);
    expect(await reader.content()).not.toContain(SECRET);
    // The other comment is untouched, with its own 권리침해 신고 link.
    const otherForm = await reader
      .locator(".comment", { hasText: "감사 결과를 지켜봅시다." })
      .getByRole("link", { name: "권리침해 신고" })
      .getAttribute("href");
    expect(otherForm).toMatch(/^\/comments\/\d+\/rights-report$/);
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await taken.scrollIntoViewIfNeeded();
    if (SHOTS) await reader.screenshot({ path: `${SHOTS}/takedown-reader-390.png` });
    for (const width of [320, 360, 412]) {
      await reader.setViewportSize({ width, height: 800 });
      await reader.goto(`${server.url}${otherForm}`);
      expect(
        await reader.evaluate(() => document.documentElement.scrollWidth),
        `form at ${width}`,
      ).toBeLessThanOrEqual(width);
    }
  });
});
