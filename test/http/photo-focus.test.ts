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

  it("gives a person page the photo an editor picks from the library, and refuses an unknown number", async () => {
    const person = await t.database.db
      .selectFrom("people")
      .selectAll()
      .where("key", "=", "han-dy")
      .executeTakeFirstOrThrow();
    const form = {
      key: "han-dy",
      name: person.name,
      role: person.role ?? "",
      organization: person.organization ?? "",
      aliases: "",
      contextWords: "",
      bio: "",
      num: "",
    };
    const bad = await desk.post(`/newsroom/people/${person.id}`, { ...form, photo: "#99999" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("인물 사진으로 고른 사진을 사진 보관함에서 찾을 수 없습니다.");
    expect(bad.body).toContain('value="#99999"');
    const before = (await t.app.inject("/people/han-dy")).body;
    expect(before).toContain('class="profile__initial"');
    const ok = await desk.post(`/newsroom/people/${person.id}`, { ...form, photo: `#${mediaId}` });
    expect(ok.statusCode).toBe(303);
    const page = (await t.app.inject("/people/han-dy")).body;
    expect(page).toMatch(/<div class="profile__photo"><picture><source type="image\/webp"[^>]*sizes="96px"/);
    expect(page).toContain('alt="한도윤"');
    expect(page).toMatch(/<meta property="og:image" content="http:\/\/jikji\.test\/media\//);
    // emptied: no photo again
    await desk.post(`/newsroom/people/${person.id}`, { ...form, photo: "" });
    expect((await t.app.inject("/people/han-dy")).body).toContain('class="profile__initial"');
  });
});
