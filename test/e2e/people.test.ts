import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

describe("people in the editor, in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let editUrl = "";

  beforeAll(async () => {
    server = await startTestServer();
    const base = newsroom();
    await server.import(
      newsroom(
        [
          article({
            num: 720001,
            title: "퓨처AI 대표 방한",
            status: "draft",
            publishedAt: undefined,
            body:
              "<p>샘 올트먼 퓨처AI 대표가 방한해 한도윤 장관을 만났다.</p>" +
              "<p>울트먼은 협력을 약속했다. 알트만과 장관은 웃었다. 울트먼의 말이다.</p>",
          }),
        ],
        {
          people: [
            ...(base.people ?? []),
            { key: "ortman", name: "샘 올트먼", aliases: ["올트먼", "알트만"], organization: "퓨처AI" },
          ],
        },
      ),
    );
    await givePasswords(server, ["choi-desk"]);
    const id = (
      await server.database.db
        .selectFrom("articles")
        .select("id")
        .where("num", "=", 720001)
        .executeTakeFirstOrThrow()
    ).id;
    editUrl = `${server.url}/newsroom/articles/${id}/edit`;
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
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

  it("shows the links found and warns about one name spelt three ways", async () => {
    await page.goto(editUrl);
    const panel = page.locator("[data-people-panel]");
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('[data-person-link="ortman"]').textContent()).toContain("샘 올트먼");
    expect(await panel.locator('[data-person-link="han-dy"]').textContent()).toContain("한도윤");
    const warning = panel.locator('[data-spelling-warning="ortman"]');
    const text = await warning.textContent();
    expect(text).toContain("샘 올트먼 ×1");
    expect(text).toContain("울트먼 ×2");
    expect(text).toContain("알트만 ×1");
  });

  it("unifies the spellings: the body is rewritten and the warning goes", async () => {
    await page.goto(editUrl);
    await page.locator('[data-spelling-warning="ortman"]').getByRole("button", { name: "표기 통일" }).click();
    await page.waitForURL(/notice=names_unified/);
    expect(await page.getByRole("status").first().textContent()).toContain("표기를 통일했습니다");
    expect(await page.locator('[data-spelling-warning="ortman"]').count()).toBe(0);
    const body = page.locator(".ProseMirror");
    await expect.poll(() => body.textContent()).toContain("샘 올트먼은 협력을 약속했다");
    const text = (await body.textContent()) ?? "";
    expect(text).not.toContain("울트먼");
    expect(text).not.toContain("알트만");
  });
});
