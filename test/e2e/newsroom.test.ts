import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDueArticles } from "../../src/articles/desk.service.ts";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

const TABLET = { width: 1024, height: 1366 };

describe("a day at the desk, in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let reporterBrowser: Browser;
  let editorBrowser: Browser;
  let reporter: Page;
  let editor: Page;
  let clock = Date.now();
  let photo: Buffer;

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
      newsroom([], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" },
        ],
      }),
    );
    await givePasswords(server, ["park-sj", "choi-desk"]);
    photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a6ea5" } })
      .jpeg()
      .toBuffer();
    reporterBrowser = await launchBrowser({ viewport: TABLET });
    editorBrowser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
    reporter = await reporterBrowser.context.newPage();
    editor = await editorBrowser.context.newPage();
    // Publishing with warnings and unpublishing ask for confirmation; the people in this test say yes.
    for (const p of [reporter, editor]) p.on("dialog", (d) => void d.accept());
  });
  afterAll(async () => {
    await reporterBrowser?.close();
    await editorBrowser?.close();
    await server?.close();
  });

  let editUrl = "";
  const title = "반도체 수출 석 달 연속 증가…하반기도 호조";

  it("a reporter writes a story with a photo and files it, with no way to publish", async () => {
    await signInAs(reporter, "sjpark@test.example.kr");
    await reporter.getByRole("link", { name: "새 기사 쓰기" }).click();
    await reporter.getByLabel("제목", { exact: true }).fill(title);
    await reporter.getByLabel("섹션").selectOption({ label: "기업과산업 › 전자·전기·정보통신" });
    const body = reporter.locator(".ProseMirror");
    await body.click();
    await reporter.keyboard.type(
      "반도체 수출이 석 달 연속 늘었다. 업계는 하반기에도 증가세가 이어질 것으로 본다.",
    );
    await reporter.keyboard.press("Enter");
    await reporter.keyboard.type("메모리 가격 회복이 수출을 이끌었다는 분석이 나온다.");
    await reporter
      .getByLabel("사진 설명 (▲ 뒤에 나옵니다)")
      .fill("부산항 신선대부두에 컨테이너가 쌓여 있다.");
    await reporter.getByLabel("출처", { exact: true }).fill("테스트경제");
    await reporter
      .getByLabel("새 사진 올리기 (JPEG, PNG, WebP)")
      .setInputFiles({ name: "port.jpg", mimeType: "image/jpeg", buffer: photo });
    await expect.poll(() => reporter.locator(".nr-lead-preview img").count()).toBe(1);
    await reporter.getByRole("button", { name: "저장", exact: true }).click();
    await expect.poll(() => reporter.getByRole("status").textContent()).toBe("저장했습니다.");
    editUrl = reporter.url().replace(/\?.*$/, "");
    expect(await reporter.getByRole("button", { name: "지금 발행" }).count()).toBe(0);
    await reporter.getByRole("button", { name: "송고" }).click();
    await expect
      .poll(() => reporter.getByRole("status").textContent())
      .toBe("송고했습니다. 데스크 검토를 기다립니다.");
    expect(await reporter.getByRole("button", { name: "지금 발행" }).count()).toBe(0);
    expect(await reporter.getByRole("button", { name: "예약" }).count()).toBe(0);
  });

  it("the editor finds it in the queue and returns it with a note; the reporter fixes it and files again", async () => {
    await signInAs(editor, "desk@test.example.kr");
    const queue = editor.locator('section[aria-labelledby="queue"]');
    await queue.getByRole("link", { name: title }).click();
    await editor.getByLabel("돌려보내는 이유").fill("증가 폭을 숫자로 적어 주세요.");
    await editor.getByRole("button", { name: "기자에게 돌려보내기" }).click();
    await expect.poll(() => editor.getByRole("status").textContent()).toBe("기자에게 돌려보냈습니다.");

    await reporter.goto(`${server.url}/newsroom`);
    expect(await reporter.locator(".nr-desknote").first().textContent()).toBe(
      "데스크 메모: 증가 폭을 숫자로 적어 주세요.",
    );
    await reporter.goto(editUrl);
    await reporter.locator(".ProseMirror").click();
    await reporter.keyboard.press("Control+End");
    await reporter.keyboard.press("Enter");
    await reporter.keyboard.type("지난달 수출은 1년 전보다 12.4% 늘었다.");
    await reporter.getByRole("button", { name: "저장", exact: true }).click();
    await reporter.getByRole("button", { name: "송고" }).click();
    await expect
      .poll(() => reporter.getByRole("status").textContent())
      .toBe("송고했습니다. 데스크 검토를 기다립니다.");
  });

  it("the editor publishes it and it appears on the home page and its section", async () => {
    await editor.goto(editUrl);
    await editor.getByRole("button", { name: "지금 발행" }).click();
    await expect.poll(() => editor.getByRole("status").textContent()).toBe("발행했습니다.");
    expect(await editor.getByRole("link", { name: "독자 화면에서 보기" }).count()).toBe(1);
    const home = await editor.context().newPage();
    await home.goto(`${server.url}/`);
    expect(await home.locator(".top-story__title").textContent()).toBe(title);
    await home.goto(`${server.url}/section/industry/electronics`);
    const list = home.locator(".article-list");
    expect(await list.getByRole("link", { name: title }).count()).toBe(1);
    await list.getByRole("link", { name: title }).click();
    expect(await home.locator(".article__lead figcaption").textContent()).toBe(
      "▲ 부산항 신선대부두에 컨테이너가 쌓여 있다. <테스트경제>",
    );
    expect(await home.locator("[data-article-body]").textContent()).toContain("12.4% 늘었다.");
    await home.close();
  });

  it("an edit creates a revision, and the diff shows it", async () => {
    await editor.goto(editUrl);
    await editor.getByLabel("제목", { exact: true }).fill(`${title}(종합)`);
    await editor.getByRole("button", { name: "저장", exact: true }).click();
    await editor.getByRole("link", { name: "판 기록" }).click();
    await editor.getByRole("button", { name: "두 판 비교" }).click();
    const titleRow = editor.locator(".nr-diff tr.is-changed", { hasText: "제목" });
    expect(await titleRow.locator("ins").textContent()).toContain("(종합)");
  });

  it("a scheduled story appears at its time", async () => {
    await editor.goto(`${server.url}/newsroom/articles/new`);
    await editor.getByLabel("제목", { exact: true }).fill("내일 아침 예약 기사");
    await editor.locator(".ProseMirror").click();
    await editor.keyboard.type("정해진 시각에 나가는 기사입니다. 독자는 그 전에는 볼 수 없습니다.");
    await editor.getByRole("button", { name: "저장", exact: true }).click();
    const num = Number(
      (await editor.locator(".nr-meta").first().textContent())!.match(/기사 번호 (\d+)/)![1],
    );
    // the form offers an hour from now; keep it
    await editor.getByRole("button", { name: "예약" }).click();
    await expect
      .poll(() => editor.getByRole("status").textContent())
      .toBe("예약했습니다. 정한 시각에 발행됩니다.");
    const reader = await editor.context().newPage();
    expect((await reader.goto(`${server.url}/article/${num}`))!.status()).toBe(404);
    clock += 61 * 60_000;
    // what the scheduler does every few seconds
    await publishDueArticles({
      db: server.database.db,
      dialect: server.database.dialect,
      bus: server.app.bus,
      now: () => clock,
    });
    expect((await reader.goto(`${server.url}/article/${num}`))!.status()).toBe(200);
    expect(await reader.locator("h1").textContent()).toBe("내일 아침 예약 기사");
    await reader.close();
  });
});
