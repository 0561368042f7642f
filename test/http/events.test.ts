import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredRegistrations, RETENTION_AFTER_EVENT_MS } from "../../src/events/registration.purge.ts";
import { createTestApp, SITE_URL, type TestApp } from "../support/app.ts";
import { kst, newsroom } from "../support/factories.ts";
import { givePasswords, signIn } from "../support/newsroom.ts";

describe("event registrations", () => {
  let t: TestApp;
  const clock = Date.parse("2026-03-20T12:00:00+09:00");
  // Each request comes from its own address unless the test is about rate limits.
  let n = 0;
  const uniqueIp = () => {
    n++;
    return `10.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
  };

  const register = (key: string, body: Record<string, unknown>, from = uniqueIp()) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/events/${key}/registrations`,
      payload: body,
      remoteAddress: from,
    });
  let seq = 0;
  const person = (extra: Record<string, unknown> = {}) => ({
    name: `참가자${++seq}`,
    email: `guest${seq}@example.kr`,
    organization: "테스트전자",
    consent: true,
    ...extra,
  });
  const event = (key: string, extra: Record<string, unknown> = {}) => ({
    key,
    title: `행사 ${key}`,
    startsAt: kst("2026-04-10 14:00:00"),
    endsAt: kst("2026-04-10 17:00:00"),
    venue: "서울 중구 세종대로 110",
    capacity: 10,
    registrationOpen: true,
    ...extra,
  });
  const statuses = async (key: string) => {
    const rows = await t.database.db
      .selectFrom("event_registrations as r")
      .innerJoin("events as e", "e.id", "r.event_id")
      .select(["r.status", "r.email"])
      .where("e.key", "=", key)
      .execute();
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    return {
      confirmed: count("confirmed"),
      waitlisted: count("waitlisted"),
      cancelled: count("cancelled"),
      rows,
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([], {
        staff: [
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
          { key: "mod", name: "모더", email: "mod@test.example.kr", role: "moderator" },
          { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" },
        ],
        events: [
          event("small", { capacity: 2 }),
          event("rush", { capacity: 10 }),
          event("dup"),
          event("closed", { registrationOpen: false }),
          event("past", { startsAt: kst("2026-03-01 14:00:00"), endsAt: kst("2026-03-01 17:00:00") }),
          event("input"),
          event("limits"),
          event("form", { capacity: 5 }),
          event("desk", { capacity: 1 }),
        ],
      }),
    );
    await givePasswords(t, ["park-sj", "mod", "choi-desk"]);
  });
  afterAll(() => t.close());

  it("confirms up to the capacity, then waitlists; the page shows the seats left", async () => {
    const page0 = await t.app.inject("/events/small");
    expect(page0.body).toContain('data-testid="seats-left">2석');
    const a = await register("small", person());
    expect(a.statusCode).toBe(201);
    const body = a.json();
    expect(body.status).toBe("confirmed");
    expect(body.confirmationCode).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(body.cancelUrl).toMatch(new RegExp(`^${SITE_URL}/events/small/cancel\\?token=[A-Za-z0-9_-]+$`));
    expect((await register("small", person())).json().status).toBe("confirmed");
    expect((await register("small", person())).json().status).toBe("waitlisted");
    expect((await register("small", person())).json().status).toBe("waitlisted");
    const page = await t.app.inject("/events/small");
    expect(page.body).toContain('data-testid="seats-left">0석');
    expect(page.body).toContain("대기자로 등록됩니다");
    // the token is stored only as its hash
    const token = new URL(body.cancelUrl).searchParams.get("token")!;
    const raw = JSON.stringify(await t.database.db.selectFrom("event_registrations").selectAll().execute());
    expect(raw).not.toContain(token);
  });

  it("the cancel link asks before it cancels; a waiting registrant cancelling moves nobody", async () => {
    const fresh = await register("small", person({ email: "canceller@example.kr" }));
    expect(fresh.json().status).toBe("waitlisted");
    const cancelUrl = new URL(fresh.json().cancelUrl);
    const token = cancelUrl.searchParams.get("token")!;
    const show = await t.app.inject(`${cancelUrl.pathname}${cancelUrl.search}`);
    expect(show.statusCode).toBe(200);
    expect(show.body).toContain("신청 취소");
    expect((await statuses("small")).cancelled).toBe(0);
    const post = await t.app.inject({ method: "POST", url: "/events/small/cancel", payload: { token } });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain("신청이 취소되었습니다");
    const after = await statuses("small");
    expect([after.confirmed, after.cancelled]).toEqual([2, 1]);
    // twice is harmless
    const again = await t.app.inject({ method: "POST", url: "/events/small/cancel", payload: { token } });
    expect(again.statusCode).toBe(200);
    expect((await statuses("small")).cancelled).toBe(1);
    // having cancelled, they may register again (at the end of the queue, with a new code and link)
    const back = await register("small", person({ email: "Canceller@example.kr" }));
    expect(back.statusCode).toBe(201);
    expect(back.json().status).toBe("waitlisted");
    expect(back.json().cancelUrl).not.toBe(fresh.json().cancelUrl);
    expect((await statuses("small")).cancelled).toBe(0);
    const old = await t.app.inject(`${cancelUrl.pathname}${cancelUrl.search}`);
    expect(old.statusCode).toBe(404);
  });

  it("promotes from the waiting list in order when a confirmed attendee cancels", async () => {
    const holder = (await register("desk", person({ email: "seat@example.kr" }))).json();
    expect(holder.status).toBe("confirmed");
    const w1 = (await register("desk", person({ email: "wait1@example.kr" }))).json();
    const w2 = (await register("desk", person({ email: "wait2@example.kr" }))).json();
    expect([w1.status, w2.status]).toEqual(["waitlisted", "waitlisted"]);
    const token = new URL(holder.cancelUrl).searchParams.get("token")!;
    const res = await t.app.inject({ method: "POST", url: "/events/desk/cancel", payload: { token } });
    expect(res.statusCode).toBe(200);
    const rows = (await statuses("desk")).rows;
    expect(rows.find((r) => r.email === "seat@example.kr")!.status).toBe("cancelled");
    expect(rows.find((r) => r.email === "wait1@example.kr")!.status).toBe("confirmed");
    expect(rows.find((r) => r.email === "wait2@example.kr")!.status).toBe("waitlisted");
    // a bad token is a 404
    const bad = await t.app.inject("/events/desk/cancel?token=AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(bad.statusCode).toBe(404);
  });

  it("answers a second registration with the same e-mail like any other, and changes nothing", async () => {
    const first = await register("dup", person({ email: "Kim.Minji@Example.KR", name: "김민지" }));
    expect(first.statusCode).toBe(201);
    const before = await t.database.db.selectFrom("event_registrations").selectAll().orderBy("id").execute();
    const again = await register("dup", person({ email: "  kim.minji@example.kr ", name: "다른 사람" }));
    // the same answer a new address gets: nobody learns who registered
    const fresh = await register("dup", person({ email: "someone.new@example.kr" }));
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(Object.keys(again.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(again.json().status).toBe(fresh.json().status);
    expect(again.json().confirmationCode).toMatch(/^[A-Z0-9-]+$/);
    expect(again.json().confirmationCode).not.toBe(first.json().confirmationCode);
    expect(again.json().cancelUrl).not.toBe(first.json().cancelUrl);
    // the registrant's own registration is untouched, and the second one took nothing
    const after = await t.database.db.selectFrom("event_registrations").selectAll().orderBy("id").execute();
    expect(after.filter((r) => !before.some((b) => b.id === r.id)).map((r) => r.email)).toEqual([
      "someone.new@example.kr",
    ]);
    expect(after.find((r) => r.email === "kim.minji@example.kr")).toEqual(
      before.find((r) => r.email === "kim.minji@example.kr"),
    );
    // and the link it got leads to no one's registration
    const cancel = new URL(again.json().cancelUrl);
    expect((await t.app.inject(`${cancel.pathname}${cancel.search}`)).statusCode).toBe(404);
  });

  it("refuses closed and ended events with 409 and a Korean message", async () => {
    const closed = await register("closed", person());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: "registration_closed" });
    expect(closed.json().error.message).toMatch(/신청/);
    const past = await register("past", person());
    expect(past.statusCode).toBe(409);
    expect(past.json().error.code).toBe("event_ended");
    const page = await t.app.inject("/events/closed");
    expect(page.body).not.toContain('name="email"');
    const missing = await register("no-such-event", person());
    expect(missing.statusCode).toBe(404);
  });

  it("refuses bad input with 400 and a stable code", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "  " }, "name_required"],
      [{ name: "가".repeat(101) }, "name_too_long"],
      [{ email: "not-an-email" }, "email_invalid"],
      [{ email: `${"a".repeat(250)}@x.kr` }, "email_invalid"],
      [{ organization: "가".repeat(201) }, "organization_too_long"],
      [{ phone: "call me" }, "phone_invalid"],
      [{ consent: false }, "consent_required"],
      [{ consent: undefined }, "consent_required"],
    ];
    for (const [extra, code] of cases) {
      const res = await register("input", person(extra));
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const notJson = await register("input", { name: 5 });
    expect(notJson.statusCode).toBe(400);
    expect((await statuses("input")).rows).toHaveLength(0);
  });

  it("limits how often one address registers (429 with Retry-After)", async () => {
    const from = "192.0.2.77";
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await register("limits", person(), from)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
    const last = await register("limits", person(), from);
    expect(last.json().error.code).toBe("rate_limited");
    expect(last.headers["retry-after"]).toMatch(/^\d+$/);
  });

  it("never exceeds the capacity: 50 registrations at once against 10 seats", async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        register("rush", person({ email: `rush${i}@example.kr`, name: `동시${i}` })),
      ),
    );
    expect(results.map((r) => r.statusCode).every((c) => c === 201)).toBe(true);
    const answered = results.map((r) => r.json().status);
    expect(answered.filter((s) => s === "confirmed")).toHaveLength(10);
    expect(answered.filter((s) => s === "waitlisted")).toHaveLength(40);
    const s = await statuses("rush");
    expect([s.confirmed, s.waitlisted]).toEqual([10, 40]);
  });

  it("registers through the page's form without JavaScript, and shows refusals in place", async () => {
    const form = (fields: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: "/events/form/registrations",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams(fields).toString(),
        remoteAddress: uniqueIp(),
      });
    const refused = await form({ name: "김민지", email: "minji@example.kr", organization: "직지일보" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('data-code="consent_required"');
    expect(refused.body).toContain('value="minji@example.kr"');
    const ok = await form({
      name: "김민지",
      email: "minji@example.kr",
      organization: "직지일보",
      consent: "1",
    });
    expect(ok.statusCode).toBe(303);
    const location = ok.headers.location as string;
    expect(location).toMatch(/^\/events\/form\/registered\?token=/);
    const done = await t.app.inject(location);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(done.body).toMatch(/확인 번호 <strong data-testid="confirmation-code">[A-Z2-9]{3}-[A-Z2-9]{3}</);
    expect(done.body).toContain("참가가 확정되었습니다");
    const page = await t.app.inject("/events/form");
    expect(page.body).toContain('data-testid="seats-left">4석');
    expect(page.body).toContain("보유 기간");
    const foreign = await t.app.inject({
      method: "POST",
      url: "/api/v1/events/form/registrations",
      headers: { origin: "https://evil.example" },
      payload: person(),
    });
    expect(foreign.statusCode).toBe(403);
  });

  describe("newsroom", () => {
    const eventId = async (key: string) =>
      (await t.database.db.selectFrom("events").select("id").where("key", "=", key).executeTakeFirstOrThrow())
        .id;
    const regId = async (email: string) =>
      (
        await t.database.db
          .selectFrom("event_registrations")
          .select("id")
          .where("email", "=", email)
          .executeTakeFirstOrThrow()
      ).id;

    it("is for editors and admins only: reporters and moderators get 403", async () => {
      const id = await eventId("form");
      const rid = await regId("minji@example.kr");
      const pages = [
        "/newsroom/events",
        "/newsroom/events/new",
        `/newsroom/events/${id}/edit`,
        `/newsroom/events/${id}/registrations`,
        `/newsroom/events/${id}/registrations.csv`,
        `/newsroom/events/${id}/checkin?q=minji`,
      ];
      for (const email of ["sjpark@test.example.kr", "mod@test.example.kr"]) {
        const staff = await signIn(t, email);
        for (const path of pages) expect((await staff.get(path)).statusCode, `${email} ${path}`).toBe(403);
        const move = await staff.post(`/newsroom/events/${id}/registrations/${rid}/move`, {
          to: "cancelled",
        });
        expect(move.statusCode).toBe(403);
        const home = await staff.get("/newsroom");
        expect(home.body).not.toContain('href="/newsroom/events"');
      }
      const editor = await signIn(t, "desk@test.example.kr");
      for (const path of pages) expect((await editor.get(path)).statusCode, path).toBe(200);
      expect((await editor.get("/newsroom")).body).toContain('href="/newsroom/events"');
      const list = await editor.get("/newsroom/events");
      expect(list.body).toContain("행사 form");
      expect((await t.app.inject("/newsroom/events")).statusCode).not.toBe(200);
    });

    it("moves between the confirmed and waiting lists, confirming past capacity only when told to", async () => {
      const editor = await signIn(t, "desk@test.example.kr");
      const id = await eventId("desk");
      // desk: capacity 1; wait1 confirmed (promoted), wait2 waiting
      const wait2 = await regId("wait2@example.kr");
      const refused = await editor.post(`/newsroom/events/${id}/registrations/${wait2}/move`, {
        to: "confirmed",
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('data-code="event_full"');
      const forced = await editor.post(`/newsroom/events/${id}/registrations/${wait2}/move`, {
        to: "confirmed",
        overbook: "1",
      });
      expect(forced.statusCode).toBe(303);
      expect(forced.headers.location).toContain("notice=registration_moved");
      expect((await statuses("desk")).confirmed).toBe(2);
      const back = await editor.post(`/newsroom/events/${id}/registrations/${wait2}/move`, {
        to: "waitlisted",
      });
      expect(back.statusCode).toBe(303);
      expect((await statuses("desk")).confirmed).toBe(1);
      const noCsrf = await editor.post(
        `/newsroom/events/${id}/registrations/${wait2}/move`,
        { to: "confirmed", overbook: "1" },
        { csrf: false },
      );
      expect(noCsrf.statusCode).toBe(403);
    });

    it("exports CSV with a BOM, Hangul intact, and spreadsheet formulas neutralised", async () => {
      const id = await eventId("form");
      for (const [name, organization] of [
        ['=HYPERLINK("http://evil","클릭")', "+82 회사"],
        ["@SUM(A1)", '-10, "따옴표"'],
      ])
        expect((await register("form", person({ name, organization }))).statusCode).toBe(201);
      const editor = await signIn(t, "desk@test.example.kr");
      const res = await editor.get(`/newsroom/events/${id}/registrations.csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers["content-disposition"]).toMatch(/^attachment; .*filename\*=UTF-8''/);
      expect(res.headers["content-disposition"]).toContain(encodeURIComponent("행사 form 신청자.csv"));
      const raw = res.rawPayload;
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = raw.toString("utf8");
      expect(text).toContain("확인 번호,이름,이메일,소속");
      expect(text).toContain("김민지,minji@example.kr,직지일보");
      expect(text).toContain(`,"'=HYPERLINK(""http://evil"",""클릭"")",`);
      expect(text).toContain(",'+82 회사,");
      expect(text).toContain(",'@SUM(A1),");
      expect(text).toContain(`,"'-10, ""따옴표""",`);
      expect(text).not.toMatch(/(^|,)[=+@-]/m);
    });

    it("creates and edits events: KST times, sanitised description, speakers; more seats promote the waiting list", async () => {
      const editor = await signIn(t, "desk@test.example.kr");
      expect((await editor.get("/newsroom/events/new")).statusCode).toBe(200);
      const fields = {
        key: "new-forum",
        title: "새 포럼",
        startsAt: "2026-05-01T14:00",
        endsAt: "2026-05-01T17:30",
        venue: "부산 벡스코",
        description: '<p>소개</p><script>alert(1)</script><img src=x onerror="alert(1)">',
        capacity: "1",
        registrationOpen: "1",
        speakers: "rivers, han-dy",
      };
      const bad = await editor.post("/newsroom/events", { ...fields, speakers: "nobody" });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('data-code="unknown_speaker"');
      expect(bad.body).toContain('value="새 포럼"');
      const backwards = await editor.post("/newsroom/events", { ...fields, endsAt: "2026-05-01T13:00" });
      expect(backwards.body).toContain('data-code="event_ends_before_start"');
      const created = await editor.post("/newsroom/events", fields);
      expect(created.statusCode).toBe(303);
      expect(created.headers.location).toBe("/newsroom/events?notice=events_saved");
      expect((await editor.post("/newsroom/events", fields)).statusCode).toBe(409);
      const row = await t.database.db
        .selectFrom("events")
        .selectAll()
        .where("key", "=", "new-forum")
        .executeTakeFirstOrThrow();
      expect(Number(row.starts_at)).toBe(Date.parse("2026-05-01T14:00:00+09:00"));
      expect(row.description_html).toContain("<p>소개</p>");
      expect(row.description_html).not.toMatch(/script|onerror/);
      const page = await t.app.inject("/events/new-forum");
      expect(page.body).toContain("마크 리버스");
      expect(page.body.indexOf("마크 리버스")).toBeLessThan(page.body.indexOf("한도윤"));

      expect((await register("new-forum", person({ email: "nf1@example.kr" }))).json().status).toBe(
        "confirmed",
      );
      expect((await register("new-forum", person({ email: "nf2@example.kr" }))).json().status).toBe(
        "waitlisted",
      );
      const edit = await editor.get(`/newsroom/events/${row.id}/edit`);
      expect(edit.body).toContain('value="2026-05-01T14:00"');
      const { key: _key, ...rest } = fields;
      const saved = await editor.post(`/newsroom/events/${row.id}`, { ...rest, capacity: "2" });
      expect(saved.statusCode).toBe(303);
      expect((await statuses("new-forum")).confirmed).toBe(2);
      // an unticked checkbox sends nothing: registration closes
      const closed = await editor.post(`/newsroom/events/${row.id}`, {
        title: "새 포럼",
        startsAt: "2026-05-01T14:00",
      });
      expect(closed.statusCode).toBe(303);
      expect((await register("new-forum", person())).json().error.code).toBe("registration_closed");
    });

    it("checks people in at the door by name, e-mail or code", async () => {
      const id = await eventId("form");
      const editor = await signIn(t, "desk@test.example.kr");
      const code = await t.database.db
        .selectFrom("event_registrations")
        .select(["id", "confirmation_code"])
        .where("email", "=", "minji@example.kr")
        .executeTakeFirstOrThrow();
      for (const q of ["김민지", "MINJI@example", code.confirmation_code.toLowerCase().replace("-", "")]) {
        const found = await editor.get(`/newsroom/events/${id}/checkin?q=${encodeURIComponent(q)}`);
        expect(found.statusCode).toBe(200);
        expect(found.body, q).toContain("김민지");
        expect(found.body).toContain("입장 확인</button>");
      }
      const done = await editor.post(`/newsroom/events/${id}/checkin/${code.id}`, { q: "김민지" });
      expect(done.statusCode).toBe(303);
      const after = await editor.get(done.headers.location as string);
      expect(after.body).toContain("입장을 확인했습니다");
      expect(after.body).toContain("입장 완료");
      const row = await t.database.db
        .selectFrom("event_registrations")
        .select("checked_in_at")
        .where("id", "=", code.id)
        .executeTakeFirstOrThrow();
      expect(Number(row.checked_in_at)).toBe(clock);
      // someone on the waiting list cannot be let in
      const waiting = await regId("wait2@example.kr");
      const refused = await editor.post(`/newsroom/events/${await eventId("desk")}/checkin/${waiting}`, {});
      expect(refused.statusCode).toBe(409);
    });
  });

  // Last: it deletes data the tests above use.
  it("deletes registrations three months after their event ends, as the consent notice says", async () => {
    expect((await statuses("small")).rows.length).toBeGreaterThan(0);
    const endsSmall = Date.parse("2026-04-10T17:00:00+09:00");
    expect(await purgeExpiredRegistrations(t.database.db, endsSmall + RETENTION_AFTER_EVENT_MS - 1000)).toBe(
      0,
    );
    const n = await purgeExpiredRegistrations(t.database.db, endsSmall + RETENTION_AFTER_EVENT_MS + 1000);
    expect(n).toBeGreaterThan(0);
    expect((await statuses("small")).rows).toHaveLength(0);
    expect((await statuses("new-forum")).rows.length).toBeGreaterThan(0);
  });
});
