import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, NOW, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

const GOOD = {
  article: "4200",
  kind: "reply",
  name: "홍길동",
  email: "Hong@Example.kr",
  phone: "010-1234-5678",
  relation: "기사에 언급된 당사자",
  statement: "홍길동이 회사 돈을 빼돌렸다는 대목",
  reason: "사실과 다릅니다. 감사 결과 문제가 없었습니다.",
  proposal: "홍길동 씨는 감사에서 문제가 없었다고 밝혀왔습니다.",
};

/** 언론중재법 §14–§16, end to end over HTTP, with the page cache on. */
describe("정정·반론·추후보도 requests", () => {
  let t: TestApp;
  let clock = NOW;
  let editor: StaffClient;

  const api = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: "/api/v1/corrections", payload: body as object, headers });

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([
        article({ num: 4200, title: "감사 의혹 기사", publishedAt: kst("2026-03-19 09:00:00") }),
        article({ num: 4201, title: "오래된 기사", publishedAt: kst("2025-08-01 09:00:00") }),
        article({ num: 4202, title: "내린 기사", status: "unpublished" }),
      ]),
    );
    await givePasswords(t, ["choi-desk", "park-sj"]);
    editor = await signIn(t, "desk@test.example.kr");
  });
  afterAll(async () => t?.close());

  it("refuses bad input with 400 and a Korean message per field", async () => {
    const res = await api({
      article: "기사",
      kind: "apology",
      email: "nope",
      phone: "전화",
      statement: "x".repeat(5001),
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("invalid_correction");
    expect(error.details.fields).toEqual({
      article: "기사 번호(숫자)나 기사 주소를 적어 주세요.",
      kind: "청구 종류는 정정보도, 반론보도, 추후보도 가운데 하나입니다.",
      name: "청구인 이름을 적어 주세요.",
      email: "이메일 주소를 확인해 주세요.",
      phone: "전화번호는 숫자와 - 로 적어 주세요.",
      statement: "문제가 된 보도 내용은 5,000자까지 쓸 수 있습니다.",
      reason: "청구 이유를 적어 주세요.",
      proposal: "게재를 원하는 정정·반론 내용을 적어 주세요.",
    });
    expect(error.message).toBe("기사 번호(숫자)나 기사 주소를 적어 주세요.");

    const unknown = await api({ ...GOOD, article: "4202" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields.article).toBe("해당 번호의 기사를 찾을 수 없습니다.");

    const wrongType = await api({ ...GOOD, name: { x: 1 } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details.fields.name).toBe("이름 값의 형식이 올바르지 않습니다.");

    const foreign = await api(GOOD, { origin: "https://evil.example" });
    expect(foreign.statusCode).toBe(403);
  });

  it("the form shows each field's message beside it and keeps what was typed", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/corrections/request",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...GOOD, email: "", reason: "" }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('data-field-error="email"');
    expect(res.body).toContain("답변을 받을 이메일을 적어 주세요.");
    expect(res.body).toContain("청구 이유를 적어 주세요.");
    expect(res.body).toContain('value="홍길동"');
    expect(res.headers["cache-control"]).toContain("no-store");
  });

  it("files a request with a receipt, answers it, publishes it on the article and in the feed", async () => {
    // the article links to the form, which fills the article
    const page = await t.app.inject("/article/4200");
    expect(page.body).toContain('href="/corrections/request?article=4200"');
    expect((await t.app.inject("/corrections/request?article=4200")).body).toContain('value="4200"');
    const feedBefore = await t.app.inject("/rss.xml");
    expect(feedBefore.body).not.toContain("반론보도");

    const res = await api({ ...GOOD, article: "http://jikji.test/article/4200" });
    expect(res.statusCode).toBe(201);
    const { receipt, answerDueAt, late } = res.json();
    expect(receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // received Friday 2026-03-20 12:00 KST: answer due by the end of Monday 03-23
    expect(answerDueAt).toBe("2026-03-24T00:00:00+09:00");
    expect(late).toBe(false);

    // the requester sees the status with their e-mail (any case), nobody else does
    const status = await t.app.inject(`/api/v1/corrections/${receipt}?email=hong@example.KR`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      receipt,
      kind: "reply",
      status: "received",
      article: { num: 4200 },
    });
    const wrong = await t.app.inject(`/api/v1/corrections/${receipt}?email=other@example.kr`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe("correction_not_found");
    expect((await t.app.inject("/api/v1/corrections/NOPE?email=x")).statusCode).toBe(404);

    // a reporter has no queue; the editor does
    const reporter = await signIn(t, "sjpark@test.example.kr");
    expect((await reporter.get("/newsroom/corrections")).statusCode).toBe(403);
    const queue = await editor.get("/newsroom/corrections");
    expect(queue.statusCode).toBe(200);
    expect(textOf(queue.body)).toContain("답변 2026-03-23까지 (3일 남음)");
    const id = Number(new RegExp(`href="/newsroom/corrections/(\\d+)">${receipt}`).exec(queue.body)?.[1]);

    // Tuesday: the answer is overdue, in red on the newsroom home
    clock = Date.parse("2026-03-24T09:00:00+09:00");
    editor = await signIn(t, "desk@test.example.kr"); // the session idled out meanwhile
    const home = await editor.get("/newsroom");
    expect(home.body).toContain('data-code="corrections_overdue"');
    expect(home.body).toContain("nr-alert--danger");
    expect((await editor.get("/newsroom/corrections")).body).toContain('data-overdue="1"');

    // refusing without a §15④ ground is refused
    const noGround = await editor.post(`/newsroom/corrections/${id}/answer`, { outcome: "refused" });
    expect(noGround.statusCode).toBe(400);
    expect(textOf(noGround.body)).toContain("거부할 때는 언론중재법 제15조제4항의 사유를 골라 주세요.");

    const accepted = await editor.post(`/newsroom/corrections/${id}/answer`, {
      outcome: "accepted",
      note: "반론 게재 합의",
    });
    expect(accepted.statusCode).toBe(303);
    expect((await editor.get("/newsroom")).body).not.toContain('data-code="corrections_overdue"');
    const again = await editor.post(`/newsroom/corrections/${id}/answer`, {
      outcome: "refused",
      ground: "no_interest",
    });
    expect(again.statusCode).toBe(409);

    // publication due 7 days after acceptance (Tuesday 03-24 → Tuesday 03-31)
    expect((await t.app.inject(`/api/v1/corrections/${receipt}?email=hong@example.kr`)).json()).toMatchObject(
      {
        status: "accepted",
        publishDueAt: "2026-04-01T00:00:00+09:00",
      },
    );

    clock += 3600_000;
    const published = await editor.post(`/newsroom/corrections/${id}/publish`, {
      title: "홍길동 씨 “감사에서 문제 없었다”",
      body: "본지 3월 19일 보도에 대해 홍길동 씨는 감사에서 문제가 없었다고 밝혀왔습니다.\n\n이 보도는 언론중재법에 따른 것입니다. <script>",
    });
    expect(published.statusCode).toBe(303);

    // the very next GETs show it: the box at the top of the article, the 수정 time, the feed item
    const after = await t.app.inject("/article/4200");
    const boxAt = after.body.indexOf('class="article-notice"');
    expect(boxAt).toBeGreaterThan(0);
    expect(boxAt).toBeLessThan(after.body.indexOf('class="article__title"'));
    expect(after.body).toContain("반론보도");
    expect(after.body).toContain("홍길동 씨 “감사에서 문제 없었다”");
    expect(after.body).toContain("언론중재법에 따른 것입니다. &lt;script></p>");
    expect(after.body).not.toContain("<script>");
    expect(textOf(after.body)).toMatch(/수정 2026-03-24 10:00/);
    const feed = await t.app.inject("/rss.xml");
    expect(feed.body).toContain("[반론보도] 홍길동 씨");
    expect(feed.body).toContain("&lt;aside class=&quot;article-notice&quot;&gt;");

    // the requester's status page
    const lookup = await t.app.inject({
      method: "POST",
      url: `/corrections/${receipt.toLowerCase()}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "email=hong%40example.kr",
    });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.body).toContain('data-status="published"');
    expect(textOf(lookup.body)).toContain("게재 완료");

    // every step, with who and when
    const detail = await editor.get(`/newsroom/corrections/${id}`);
    const history = textOf(/<ol class="nr-history">([\s\S]*?)<\/ol>/.exec(detail.body)?.[1] ?? "");
    expect(history).toMatch(/청구인 · 접수[\s\S]*최민호 · 수용 — 반론 게재 합의[\s\S]*최민호 · 게재/);

    // the CSV carries every request, formula-safe
    const csv = await editor.get("/newsroom/corrections.csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain(receipt);
    expect(csv.body).toContain("게재 완료");
  });

  it("takes late requests into the queue, flagged", async () => {
    const res = await api({ ...GOOD, article: "4201", kind: "correction" });
    expect(res.statusCode).toBe(201);
    expect(res.json().late).toBe(true);
    expect(textOf((await editor.get("/newsroom/corrections")).body)).toContain("기간 경과");
  });

  it("limits how many requests one address files", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await api({ ...GOOD, name: `청구인${i}` })).statusCode);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
  });
});
