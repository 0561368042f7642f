import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe("two editors on one story: the soft lock and its takeover, in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let deskBrowser: Browser;
  let phoneBrowser: Browser;
  let kim: Page;
  let choi: Page;
  let editUrl = "";
  const clock = Date.parse("2026-03-20T09:00:00+09:00");

  async function signInAs(page: Page, email: string) {
    await page.goto(`${server.url}/newsroom/login`);
    await page.getByLabel("이메일").fill(email);
    await page.getByLabel("비밀번호").fill(PASSWORD);
    await page.getByRole("button", { name: "로그인" }).click();
    await page.waitForURL(`${server.url}/newsroom`);
  }

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    await server.import(
      newsroom(
        [
          article({
            num: 9201,
            title: "조선 수주 회복세",
            status: "draft",
            publishedAt: undefined,
            authors: ["kim-dc"],
          }),
        ],
        {
          staff: [
            { key: "kim-dc", name: "김대철", email: "dc@test.example.kr", role: "editor" },
            { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" },
          ],
        },
      ),
    );
    await givePasswords(server, ["kim-dc", "choi-desk"]);
    const { id } = await server.database.db
      .selectFrom("articles")
      .select("id")
      .where("num", "=", 9201)
      .executeTakeFirstOrThrow();
    editUrl = `${server.url}/newsroom/articles/${id}/edit`;
    deskBrowser = await launchBrowser({ viewport: DESKTOP });
    phoneBrowser = await launchBrowser({ viewport: PHONE, isMobile: true });
    kim = await deskBrowser.context.newPage();
    choi = await phoneBrowser.context.newPage();
    // The takeover asks for confirmation; the editor in this test says yes.
    for (const p of [kim, choi]) p.on("dialog", (d) => void d.accept());
  });
  afterAll(async () => {
    await deskBrowser?.close();
    await phoneBrowser?.close();
    await server?.close();
  });

  it("the second editor (on a phone) sees who edits, and takes the story over after confirming", async () => {
    await signInAs(kim, "dc@test.example.kr");
    // The heartbeat runs on the page's clock, which the test moves instead of waiting.
    await kim.clock.install();
    await kim.goto(editUrl);
    await kim.getByLabel("제목", { exact: true }).fill("김대철이 고치던 제목");

    await signInAs(choi, "desk@test.example.kr");
    await choi.goto(editUrl);
    const banner = choi.locator("[data-lock-holder]");
    await expect.poll(() => banner.textContent()).toContain("김대철 기자가 편집 중입니다");
    await choi.screenshot({ path: "/tmp/jikji-e2e-lock-phone.png", fullPage: false });
    const overflow = await choi.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await choi.getByRole("button", { name: "편집 넘겨받기" }).click();
    await expect
      .poll(() => choi.getByRole("status").first().textContent())
      .toContain("편집을 넘겨받았습니다");
    expect(await choi.locator("[data-lock-holder]").count()).toBe(0);
  });

  it("the first editor (desktop) is told at the next heartbeat and their typed text stays; their save is refused", async () => {
    await kim.clock.fastForward(31_000);
    const lost = kim.locator("[data-lock-lost]");
    await expect.poll(() => lost.count()).toBe(1);
    expect(await lost.textContent()).toContain("최민호 기자가 편집 중입니다");
    expect(await kim.getByLabel("제목", { exact: true }).inputValue()).toBe("김대철이 고치던 제목");
    await kim.screenshot({ path: "/tmp/jikji-e2e-lock-desktop.png", fullPage: false });

    await kim.getByRole("button", { name: "저장", exact: true }).click();
    await kim.waitForLoadState("domcontentloaded");
    await expect
      .poll(() => kim.getByRole("alert").first().textContent())
      .toContain("최민호 기자가 편집 중입니다");
    expect(await kim.getByLabel("제목", { exact: true }).inputValue()).toBe("김대철이 고치던 제목");
    const stored = await server.database.db
      .selectFrom("articles")
      .select("title")
      .where("num", "=", 9201)
      .executeTakeFirstOrThrow();
    expect(stored.title).toBe("조선 수주 회복세");
  });

  it("the list finds the story by a word of its title, on a phone and on a desktop, without widening the page", async () => {
    for (const [page, name] of [
      [choi, "phone"],
      [kim, "desktop"],
    ] as const) {
      await page.goto(`${server.url}/newsroom/articles`);
      await page.getByLabel("검색어 (제목·본문·기자)").fill("조선");
      await page.getByRole("button", { name: "찾기" }).click();
      await page.waitForURL(/q=/);
      expect(await page.getByRole("link", { name: "조선 수주 회복세" }).count()).toBe(1);
      expect(await page.getByRole("checkbox", { name: "조선 수주 회복세 선택" }).count()).toBe(1);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, name).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/jikji-e2e-list-${name}.png`, fullPage: true });
    }
  });
});
