import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFilterModel } from "../../src/comments/abuse-filter.repo.ts";
import {
  abuseFilterFor,
  paperExamples,
  retrainAbuseFilter,
} from "../../src/comments/abuse-filter.service.ts";
import { shippedModel } from "../../src/comments/filter/abuse-model.ts";
import { loadSplits } from "../../src/comments/filter/datasets.ts";
import { judgeComment } from "../../src/comments/filter/judge.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { COMMENT_MAX_BYTES, koreanByteLength } from "../../src/lib/korean-bytes.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";
import { textOf } from "../support/html.ts";
import { givePasswords, signIn } from "../support/newsroom.ts";

describe("the comment filter's model and the moderators who teach it", () => {
  let t: TestApp;
  const clock = Date.parse("2026-03-20T12:00:00+09:00");
  let ip = 10;
  const post = (body: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/articles/7101/comments",
      payload: { nickname: "독자5678", password: "pw5678", body },
      remoteAddress: `198.51.100.${++ip}`,
    });
  // Insults from the public sets' test splits that no listed word catches but the shipped model holds.
  const insults = ["korean-hate-speech", "curse-detection"]
    .flatMap((name) => loadSplits()[name as "korean-hate-speech"].test)
    .filter(
      (l) =>
        l.abusive &&
        koreanByteLength(l.text) <= COMMENT_MAX_BYTES &&
        judgeComment(l.text).action === "allow" &&
        judgeComment(l.text, shippedModel()).action === "hold",
    )
    .map((l) => l.text);
  const statusOf = async (id: number) =>
    await t.database.db
      .selectFrom("comments")
      .select(["status", "held_reason"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const examplesOf = (id: number) =>
    t.database.db
      .selectFrom("comment_filter_examples")
      .select(["body", "abusive", "decision", "staff_id", "created_at"])
      .where("comment_id", "=", id)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([article({ num: 7101, title: "댓글 필터 기사" })], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" },
          { key: "rep", name: "기자", email: "rep@test.example.kr", role: "reporter" },
        ],
      }),
    );
    await givePasswords(t, ["mod", "rep"]);
  });
  afterAll(() => t.close());

  it("holds an insult with no listed word (abuse_model); a moderator sees its score and n-grams, approves it, and the decision is kept for training", async () => {
    expect(insults.length).toBeGreaterThan(2);
    const res = await post(insults[0]!);
    expect(res.statusCode).toBe(201);
    const { comment } = res.json();
    expect(comment.status).toBe("held");
    expect(await statusOf(comment.id)).toEqual({ status: "held", held_reason: "abuse_model" });

    const mod = await signIn(t, "mod@test.example.kr");
    const queue = await mod.get("/newsroom/comments");
    expect(queue.statusCode).toBe(200);
    const item = textOf(queue.body.slice(queue.body.indexOf(`id="c${comment.id}"`)));
    expect(item).toContain("보류 이유: 악성 댓글 의심 (학습 모델)");
    expect(item).toMatch(/모델 점수 \d+점 \(보류 기준 \d+점\)/);
    expect(item).toContain("무게가 큰 글자 조각");
    expect(queue.body).toContain('class="nr-ngram"');

    // Only moderators decide: a reporter's approval is refused and teaches nothing.
    const rep = await signIn(t, "rep@test.example.kr");
    expect((await rep.post(`/newsroom/comments/${comment.id}/approve`)).statusCode).toBe(403);
    expect(await examplesOf(comment.id)).toEqual([]);

    expect((await mod.post(`/newsroom/comments/${comment.id}/approve`)).statusCode).toBe(303);
    expect((await statusOf(comment.id)).status).toBe("visible");
    const modId = (
      await t.database.db
        .selectFrom("staff")
        .select("id")
        .where("email", "=", "mod@test.example.kr")
        .executeTakeFirstOrThrow()
    ).id;
    expect(await examplesOf(comment.id)).toEqual([
      { body: insults[0], abusive: 0, decision: "approve", staff_id: modId, created_at: clock },
    ]);
  });

  it("keeps deletions as abusive examples, and only a comment's latest decision for training", async () => {
    const mod = await signIn(t, "mod@test.example.kr");
    const a = (await post(insults[1]!)).json().comment;
    const b = (await post(insults[2]!)).json().comment;
    await mod.post(`/newsroom/comments/${a.id}/delete`);
    await mod.post(`/newsroom/comments/${b.id}/approve`);
    await mod.post(`/newsroom/comments/${b.id}/delete`);
    expect((await examplesOf(a.id)).map((e) => [e.decision, e.abusive])).toEqual([["delete", 1]]);
    expect((await examplesOf(b.id)).map((e) => [e.decision, e.abusive])).toEqual([
      ["approve", 0],
      ["delete", 1],
    ]);
    const examples = await paperExamples(t.database.db);
    expect(examples.filter((e) => e.text === insults[2])).toEqual([
      { text: insults[2], abusive: true, source: "paper" },
    ]);
    expect(examples.filter((e) => e.text === insults[0])).toEqual([
      { text: insults[0], abusive: false, source: "paper" },
    ]);
  });

  it("retrains from another process (as jikji train-filter does) and the running site swaps the model in without a restart, never for a broken one", async () => {
    const running = abuseFilterFor(t.database.db);
    const before = await running.refresh();
    expect(before.hash).toBe(shippedModel().hash);
    expect(running.source()).toBeNull();
    const mod = await signIn(t, "mod@test.example.kr");
    expect(textOf((await mod.get("/newsroom/comments")).body)).toContain(
      "판단 모델: 기본 모델 (공개 데이터로 학습)",
    );

    // The CLI opens its own connection to the same database.
    const cli: DatabaseHandle = openDatabase({
      databaseUrl: t.database.databaseUrl,
      dataDir: t.database.dataDir,
      poolSize: 2,
    });
    try {
      const report = await retrainAbuseFilter({ db: cli.db, now: () => clock }, { every: 40 });
      expect(report.paperExamples).toBe(3);
      expect(report.model.info.examples.paper).toBe(3);
      expect(abuseFilterFor(cli.db).current().hash).toBe(report.model.hash);

      // The site still uses the old model until it looks, then the new one, whole.
      expect(running.current()).toBe(before);
      const after = await running.refresh();
      expect(after.hash).toBe(report.model.hash);
      expect(after.hash).not.toBe(before.hash);
      expect(running.current()).toBe(after);

      // A newer row that cannot be read leaves the model in use as it is.
      await insertFilterModel(cli.db, { hash: "0".repeat(64), model: "bm90IGEgbW9kZWw=", at: clock }, 2);
      expect(await running.refresh()).toBe(after);
      // ...and the next good model is taken again.
      const again = await retrainAbuseFilter({ db: cli.db, now: () => clock }, { every: 40 });
      expect((await running.refresh()).hash).toBe(again.model.hash);
      const rows = await t.database.db.selectFrom("comment_filter_models").select("id").execute();
      expect(rows).toHaveLength(2); // older models are not kept
    } finally {
      await cli.close();
    }

    // Comments are judged by the model in use: the moderation page names it and shows its threshold.
    const page = textOf((await mod.get("/newsroom/comments?tab=visible")).body);
    expect(page).toContain(`보류 기준 ${Math.floor(running.current().threshold * 100)}점`);
    expect(page).toContain(`판단 모델: 재학습 #${running.source()!.id}`);
    expect(page).toContain("이 신문의 승인·삭제 결정 3건 반영");
  });
});
