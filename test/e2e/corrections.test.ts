import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchBrowser } from "../support/browser.ts";
import { article, newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import { startTestServer } from "../support/server.ts";

/** 언론중재법 §14–§16 as people meet it: a reader files a 반론보도 request, the desk publishes it. */
describe("a 반론보도 request in a browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let reader: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await server.import(newsroom([article({ num: 8090, title: "감사 의혹 보도" })]));
    await givePasswords(server, ["choi-desk"]);
    browser = await launchBrowser();
    reader = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is filed from the article, accepted and published by an editor, and seen by the reader", async () => {
    await reader.setViewportSize({ width: 360, height: 800 });
    await reader.goto(`${server.url}/article/8090`);
    await reader.locator(".article__claim").getByRole("link", { name: "정정·반론보도 청구" }).click();
    expect(await reader.getByLabel("기사 번호 또는 주소").inputValue()).toBe("8090");
    await reader.getByLabel("반론보도").check();
    await reader.getByLabel("이름").fill("홍길동");
    // a first try without an e-mail is refused beside the field, nothing typed is lost
    await reader.getByLabel("문제가 된 보도 내용").fill("회사 돈을 빼돌렸다는 대목");
    await reader.getByLabel("청구 이유").fill("감사 결과 문제가 없었습니다.");
    await reader.getByLabel("게재를 원하는 내용").fill("홍길동 씨는 감사에서 문제가 없었다고 밝혀왔습니다.");
    await reader.getByRole("button", { name: "청구서 제출" }).click();
    expect(await reader.locator('[data-field-error="email"]').textContent()).toBe(
      "답변을 받을 이메일을 적어 주세요.",
    );
    expect(await reader.getByLabel("이름").inputValue()).toBe("홍길동");
    await reader.getByLabel("이메일").fill("hong@example.kr");
    await reader.getByRole("button", { name: "청구서 제출" }).click();
    const receipt = (await reader.locator("[data-receipt]").getAttribute("data-receipt"))!;
    expect(receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const desk = await browser.context.newPage();
    await desk.goto(`${server.url}/newsroom/login`);
    await desk.getByLabel("이메일").fill("desk@test.example.kr");
    await desk.getByLabel("비밀번호").fill(PASSWORD);
    await desk.getByRole("button", { name: "로그인" }).click();
    await desk
      .getByRole("navigation", { name: "뉴스룸 메뉴" })
      .getByRole("link", { name: "정정·반론" })
      .click();
    await desk.getByRole("link", { name: receipt }).click();
    await desk.getByLabel("결정").selectOption("accepted");
    await desk.getByRole("button", { name: "기록" }).click();
    await expect.poll(() => desk.getByRole("status").textContent()).toBe("답변을 기록했습니다.");
    await desk.getByLabel("제목", { exact: true }).fill("홍길동 씨 “감사에서 문제 없었다”");
    await desk.getByRole("button", { name: "게재" }).click();
    await expect
      .poll(() => desk.getByRole("status").textContent())
      .toBe("기사 맨 위에 게재했습니다. 기사와 피드에 바로 나옵니다.");
    await desk.close();

    await reader.goto(`${server.url}/article/8090`);
    const box = reader.locator(".article-notice");
    expect(await box.locator(".article-notice__kind").textContent()).toBe("반론보도");
    expect(await box.locator(".article-notice__title").textContent()).toBe(
      "홍길동 씨 “감사에서 문제 없었다”",
    );
    const boxTop = (await box.boundingBox())!.y;
    const titleTop = (await reader.locator(".article__title").boundingBox())!.y;
    expect(boxTop).toBeLessThan(titleTop);
    await reader.goto(`${server.url}/corrections/${receipt}`);
    await reader.getByLabel("이메일").fill("hong@example.kr");
    await reader.getByRole("button", { name: "확인" }).click();
    expect(await reader.locator(".correction-status").textContent()).toBe("게재 완료");

    // the form and the status page fit a phone (the article page's share bar is issue 13's)
    for (const width of [320, 360, 390, 412]) {
      await reader.setViewportSize({ width, height: 800 });
      for (const path of ["/corrections/request?article=8090", `/corrections/${receipt}`]) {
        await reader.goto(`${server.url}${path}`);
        expect(
          await reader.evaluate(() => document.documentElement.scrollWidth),
          `${path} at ${width}`,
        ).toBeLessThanOrEqual(width);
      }
    }
  });
});
