import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, kst, newsroom, photoDataUri } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

/** Screenshots go here when SCREENSHOT_DIR is set (to look at them), nowhere otherwise. */
const SHOTS = process.env.SCREENSHOT_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

describe("an editor lays out the front page, in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let desk: Browser;
  let phone: Browser;
  let editor: Page;
  const clock = Date.parse(kst("2026-03-20 12:00:00"));
  // the two the editor chooses: older stories that would never lead by themselves
  const TOP = { num: 5007, title: "조선업 수주 잔량 10년 만에 최대" };
  const SUBTOP = { num: 5105, title: "시중은행 예대금리차 다시 벌어져" };

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
    const photo = await photoDataUri();
    await server.import(
      newsroom(
        [
          ...Array.from({ length: 8 }, (_, i) =>
            article({
              num: 5000 + i,
              title: i === 7 ? TOP.title : `반도체 소식 ${i}`,
              section: i === 7 ? "industry/shipbuilding" : "industry/electronics",
              publishedAt: new Date(clock - (i + 1) * 3600_000).toISOString(),
              ...(i % 2 === 1
                ? { leadImage: { src: photo, caption: `사진 ${i}`, credit: "테스트경제" } }
                : {}),
            }),
          ),
          ...Array.from({ length: 6 }, (_, i) =>
            article({
              num: 5100 + i,
              title: i === 5 ? SUBTOP.title : `금융 소식 ${i}`,
              section: "finance",
              authors: ["lee-ha"],
              publishedAt: new Date(clock - (i + 1) * 5400_000).toISOString(),
            }),
          ),
          // older stories with photos: they fill the section blocks and the 포토 strip
          ...Array.from({ length: 12 }, (_, i) =>
            article({
              num: 5200 + i,
              title: `포토 소식 ${i}`,
              publishedAt: new Date(clock - 30 * 3600_000 - i * 3600_000).toISOString(),
              leadImage: { src: photo, caption: `포토 ${i}`, credit: "테스트경제" },
            }),
          ),
        ],
        {
          staff: [
            { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
            { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter" },
            { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" },
          ],
        },
      ),
    );
    await givePasswords(server, ["choi-desk"]);
    desk = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    phone = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true });
    editor = await desk.context.newPage();
  });
  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await server?.close();
  });

  it("places a chosen story in 톱 and another in 서브톱, previews, and applies", async () => {
    await editor.goto(`${server.url}/newsroom/login`);
    await editor.getByLabel("이메일").fill("desk@test.example.kr");
    await editor.getByLabel("비밀번호").fill(PASSWORD);
    await editor.getByRole("button", { name: "로그인" }).click();
    await editor.waitForURL(`${server.url}/newsroom`);
    await editor.locator(".nr-head__actions").getByRole("link", { name: "편집판" }).click();
    await editor.waitForURL(`${server.url}/newsroom/frontpage`);

    await editor.getByLabel("톱 기사 번호").fill(String(TOP.num));
    // closes the number field's suggestion list, which would cover the rows
    await editor.keyboard.press("Escape");
    // 서브톱 by dragging the story from the list onto the row (the script fills the number)
    const row = editor.getByLabel("서브톱 1 기사 번호").locator("xpath=ancestor::div[@data-row]");
    await editor.locator(`.fp-stories [data-num="${SUBTOP.num}"]`).dragTo(row);
    await expect.poll(() => editor.getByLabel("서브톱 1 기사 번호").inputValue()).toBe(String(SUBTOP.num));

    await editor.getByRole("button", { name: "미리보기" }).click();
    const preview = editor.locator(".fp-result[data-preview]");
    await expect.poll(() => preview.count()).toBe(1);
    const previewed = await preview.locator("li").allTextContents();
    expect(previewed[0]).toContain(TOP.title);
    expect(previewed[1]).toContain(SUBTOP.title);
    // nothing applied yet
    const before = await desk.context.newPage();
    await before.goto(server.url);
    expect(await before.locator(".top-story__title").textContent()).not.toBe(TOP.title);
    await before.close();

    await editor.getByRole("button", { name: "지금 적용" }).click();
    await expect
      .poll(() => editor.getByRole("status").textContent())
      .toBe("편집판을 적용했습니다. 독자 화면에 바로 나옵니다.");
    await shot(editor, "newsroom-frontpage-1280");
  });

  async function checkHome(page: Page, width: number) {
    await page.goto(server.url);
    expect(await page.locator(".top-story__title").textContent()).toBe(TOP.title);
    const subtop = await page.locator(".subtop .card__title").allTextContents();
    expect(subtop[0]).toBe(SUBTOP.title);
    // on the screen too: the top above the first 서브톱 story, and nothing wider than the window
    const topBox = await page.locator(".top-story").boundingBox();
    const subBox = await page.locator(".subtop .card").first().boundingBox();
    expect(topBox!.y).toBeLessThan(subBox!.y);
    const links = await page
      .locator(".home-main a[href^='/article/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(new Set(links).size).toBe(links.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await shot(page, `home-${width}`);
  }

  it("shows them in that order on the desktop home page", async () => {
    const page = await desk.context.newPage();
    await checkHome(page, 1280);
    await page.close();
  });

  it("shows them in that order on a 390 px phone, and fits 320, 360 and 412 px with the 포토 strip", async () => {
    const page = await phone.context.newPage();
    await checkHome(page, 390);
    expect(await page.locator(".photo-strip__item").count()).toBeGreaterThan(0);
    for (const width of [320, 360, 412]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(server.url);
      expect(await page.locator(".top-story__title").textContent()).toBe(TOP.title);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${width}px`,
      ).toBeLessThanOrEqual(width);
    }
    await page.close();
  });

  it("lists both placements in the layout log", async () => {
    await editor.getByRole("link", { name: "편집판 기록" }).click();
    await editor.waitForURL(/\/newsroom\/frontpage\/log/);
    const rows = await editor.locator("table.fp-log tbody tr").allTextContents();
    const top = rows.find((r) => r.includes(TOP.title));
    const sub = rows.find((r) => r.includes(SUBTOP.title));
    expect(top).toMatch(/^홈톱.*자사수동2026-03-20 12:00:00게재 중$/);
    expect(sub).toMatch(/^홈서브톱 1.*자사수동2026-03-20 12:00:00게재 중$/);
    await shot(editor, "newsroom-frontpage-log-1280");
  });
});
