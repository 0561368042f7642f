import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom, photoDataUri } from "../support/factories.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

describe("a photo's focal point, where its crops centre", () => {
  let t: TestApp;
  let desk: StaffClient;
  let mediaId = 0;
  const stale: string[][] = [];
  const leadImg = async () =>
    /<figure class="article__lead"><picture>[\s\S]*?(<img [^>]*>)/.exec(
      (await t.app.inject("/article/5100")).body,
    )?.[1] ?? "";

  beforeAll(async () => {
    t = await createTestApp();
    await t.import(
      newsroom([
        article({ num: 5100, leadImage: { src: await photoDataUri("#445566", 600, 1000), caption: "인물" } }),
      ]),
    );
    await givePasswords(t, ["choi-desk"]);
    desk = await signIn(t, "desk@test.example.kr");
    mediaId = (await t.database.db.selectFrom("media").select("id").executeTakeFirstOrThrow()).id;
    t.app.bus.subscribe((tags) => stale.push([...tags]));
  });
  afterAll(() => t.close());

  it("crops around the centre until an editor sets a focal point", async () => {
    expect(await leadImg()).not.toContain("focus-");
  });

  it("moves every crop of the photo to the focal point an editor sets, and makes pages stale", async () => {
    const res = await desk.post(`/newsroom/media/${mediaId}`, {
      caption: "인물",
      credit: "",
      alt: "",
      focus_x: "30",
      focus_y: "14",
    });
    expect(res.statusCode).toBe(303);
    expect(await leadImg()).toContain('class="focus-x-30 focus-y-10"');
    expect(stale.at(-1)).toEqual(["*"]);
    const form = (await desk.get(`/newsroom/media/${mediaId}`)).body;
    expect(form).toMatch(/name="focus_x"[^>]*value="30"/);
    // back to the centre: empty fields
    await desk.post(`/newsroom/media/${mediaId}`, { caption: "인물", focus_x: "", focus_y: "" });
    expect(await leadImg()).not.toContain("focus-");
  });

  it("refuses a focal point outside 0–100 in Korean and keeps what was typed", async () => {
    const count = stale.length;
    const res = await desk.post(`/newsroom/media/${mediaId}`, {
      caption: "바꾼 설명",
      focus_x: "150",
      focus_y: "abc",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("초점은 0에서 100 사이의");
    expect(res.body).toContain('value="바꾼 설명"');
    const row = await t.database.db
      .selectFrom("media")
      .select(["caption", "focus_x"])
      .where("id", "=", mediaId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ caption: "인물", focus_x: null });
    expect(stale.length).toBe(count);
  });
});
