import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

describe("comments in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  // The server's clock; each test moves it on so the 15-second flood limit does not mix tests up.
  let clock = Date.now();

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    await server.import(
      newsroom([article({ num: 8080, title: "댓글 기사" })], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" },
        ],
      }),
    );
    await givePasswords(server, ["mod"]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("types with a live counter, posts, sees the comment, and deletes it with the password", async () => {
    await page.goto(`${server.url}/article/8080`);
    await page.getByLabel("닉네임").fill("아침독자");
    await page.getByLabel("비밀번호").fill("pw1234");
    const box = page.getByLabel("댓글", { exact: true });
    await box.pressSequentially("수출 회복 소식 반갑네요 🙂");
    expect(await page.locator("#comment-bytes").textContent()).toBe("현재 26 byte / 최대 400byte");
    await page.getByRole("button", { name: "등록" }).click();
    const first = page.locator(".comment-list .comment").first();
    await expect.poll(() => first.locator(".comment__body").textContent()).toBe("수출 회복 소식 반갑네요 🙂");
    expect(await first.locator(".comment__nick").textContent()).toBe("아침**");
    expect(await page.locator("[data-comment-count]").textContent()).toBe("1");
    expect(await page.locator("#comment-bytes").textContent()).toBe("현재 0 byte / 최대 400byte");

    await page.reload();
    const saved = page.locator(".comment-list .comment").first();
    expect(await saved.locator(".comment__nick").textContent()).toBe("아침**");
    await saved.getByRole("button", { name: "삭제" }).click();
    await saved.getByLabel("비밀번호").fill("wrong");
    await saved.locator(".comment__inline").getByRole("button", { name: "삭제" }).click();
    await expect.poll(() => saved.locator(".comment__note").textContent()).toBe("비밀번호가 맞지 않습니다.");
    await saved.getByLabel("비밀번호").fill("pw1234");
    await saved.locator(".comment__inline").getByRole("button", { name: "삭제" }).click();
    await expect.poll(() => page.locator(".comment-list .comment").count()).toBe(0);
    expect(await page.locator("[data-comment-count]").textContent()).toBe("0");
  });

  it("holds an abusive comment, and a moderator approves it", async () => {
    clock += 60_000;
    await page.goto(`${server.url}/article/8080`);
    await page.getByLabel("닉네임").fill("화난독자");
    await page.getByLabel("비밀번호").fill("pw1234");
    await page.getByLabel("댓글", { exact: true }).fill("ㅅㅂ 이런 기사를 왜 쓰냐");
    await page.getByRole("button", { name: "등록" }).click();
    await expect
      .poll(() => page.locator(".comment-form__message").textContent())
      .toBe("관리자가 확인한 뒤 게시됩니다.");
    expect(await page.locator(".comment-list .comment").count()).toBe(0);

    const mod = await browser.context.newPage();
    await mod.goto(`${server.url}/newsroom/login`);
    await mod.getByLabel("이메일").fill("mod@test.example.kr");
    await mod.getByLabel("비밀번호").fill(PASSWORD);
    await mod.getByRole("button", { name: "로그인" }).click();
    await mod
      .getByRole("navigation", { name: "뉴스룸 메뉴" })
      .getByRole("link", { name: "댓글", exact: true })
      .click();
    const held = mod.locator(".nr-comments > li", { hasText: "이런 기사를 왜 쓰냐" });
    expect(await held.locator(".nr-desknote").textContent()).toContain("보류 이유: 욕설");
    await held.getByRole("button", { name: "승인(게시)" }).click();
    await expect
      .poll(() => mod.getByRole("status").textContent())
      .toBe("댓글을 승인했습니다. 독자에게 보입니다.");
    await mod.close();

    await page.reload();
    expect(await page.locator(".comment-list .comment__body").first().textContent()).toBe(
      "ㅅㅂ 이런 기사를 왜 쓰냐",
    );
  });
});
