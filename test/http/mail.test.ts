import fs from "node:fs/promises";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailWorker } from "../../src/mail/mail.worker.ts";
import { createTestApp, NOW, SITE_URL, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { givePasswords, PASSWORD, type StaffClient, signIn, signInResponse } from "../support/newsroom.ts";
import { linkIn, startTestSmtp, type TestSmtp } from "../support/smtp.ts";

const MINUTE = 60_000;

function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

/** What a page says, without the per-request CSRF token, to compare two answers. */
const withoutTokens = (html: string) => html.replace(/value="[A-Za-z0-9_-]{20,}"/g, 'value="…"');

let ip = 0;
const nextIp = () => {
  ip++;
  return `10.9.${Math.floor(ip / 256) % 256}.${ip % 256}`;
};

/** The reset form as a person uses it: open the page (CSRF cookie + field), post the e-mail. */
async function askForReset(t: TestApp, email: string, from = nextIp()) {
  const page = await t.app.inject({ url: "/newsroom/reset", remoteAddress: from });
  const cookie = cookieOf(page, "jikji_login_csrf")!;
  const field = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return t.app.inject({
    method: "POST",
    url: "/newsroom/reset",
    remoteAddress: from,
    headers: { cookie: `jikji_login_csrf=${cookie}`, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ email, _csrf: field }).toString(),
  });
}

/** Opens a reset link and posts a new password through the page it shows. */
async function setNewPassword(t: TestApp, link: string, password: string, confirm = password) {
  const url = link.replace(SITE_URL, "");
  const page = await t.app.inject({ url });
  if (page.statusCode !== 200) return page;
  const token = new URL(link).searchParams.get("token")!;
  const cookie = cookieOf(page, "jikji_login_csrf")!;
  const field = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return t.app.inject({
    method: "POST",
    url: "/newsroom/reset/password",
    headers: { cookie: `jikji_login_csrf=${cookie}`, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ token, password, confirm, _csrf: field }).toString(),
  });
}

const queueRows = (t: TestApp) => t.database.db.selectFrom("mail_queue").selectAll().orderBy("id").execute();

describe("mail over SMTP", () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let clock = NOW;
  let editor: StaffClient;

  const deliver = () => t.app.mail.deliverDue();
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      now: () => clock,
      env: { SMTP_URL: smtp.url, MAIL_FROM: "테스트경제 <news@test.example.kr>" },
    });
    await t.import(
      newsroom([article({ num: 7001, title: "반려될 <기사> & 초고", status: "submitted" })], {
        events: [
          {
            key: "forum",
            title: "AI 포럼",
            startsAt: kst("2026-04-10 14:00:00"),
            endsAt: kst("2026-04-10 17:00:00"),
            venue: "서울 중구 세종대로 110",
            capacity: 1,
            registrationOpen: true,
          },
        ],
      }),
    );
    await givePasswords(t, ["park-sj", "choi-desk"]);
    editor = await signIn(t, "desk@test.example.kr");
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it("offers the reset on the sign-in page", async () => {
    const login = await t.app.inject("/newsroom/login");
    expect(login.body).toContain('<a href="/newsroom/reset">비밀번호를 잊으셨나요?</a>');
  });

  it("resets a password end to end: one mail, a link that works once, other sessions ended", async () => {
    const reporter = await signIn(t, "sjpark@test.example.kr");
    const before = (await queueRows(t)).length;

    const known = await askForReset(t, "SJPark@test.example.kr");
    const unknown = await askForReset(t, "nobody@test.example.kr");
    // The same answer whether or not the address is staff's.
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(withoutTokens(unknown.body)).toBe(withoutTokens(known.body).replace("SJPark@", "nobody@"));
    expect(known.body).toContain("링크를 보냈습니다");
    // Only the known address queued a mail, in the same transaction as its link.
    const rows = await queueRows(t);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ kind: "password_reset", to_address: "sjpark@test.example.kr" });
    expect(await t.database.db.selectFrom("password_resets").selectAll().execute()).toHaveLength(1);

    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = mailsTo("sjpark@test.example.kr");
    expect(mail).toBeDefined();
    expect(mail!.user).toBe("jikji");
    expect(mail!.parsed.from?.value[0]).toMatchObject({
      address: "news@test.example.kr",
      name: "테스트경제",
    });
    expect(mail!.parsed.subject).toBe("[테스트경제] 뉴스룸 비밀번호 재설정 안내");
    expect(mail!.parsed.text).toContain("박서준 님, 안녕하세요.");
    expect(mail!.parsed.html).toContain('lang="ko"');
    const link = linkIn(mail!, `${SITE_URL}/newsroom/reset?token=`);
    expect(mail!.parsed.html).toContain(`href="${link}"`);
    // The database keeps only the token's hash.
    const stored = await t.database.db.selectFrom("password_resets").select("token_hash").execute();
    expect(JSON.stringify(stored)).not.toContain(new URL(link).searchParams.get("token"));

    // Wrong confirmations and short passwords are refused in Korean; the link stays usable.
    const differ = await setNewPassword(t, link, "new-password-123", "new-password-124");
    expect(differ.statusCode).toBe(400);
    expect(differ.body).toContain("두 칸이 서로 다릅니다");
    const short = await setNewPassword(t, link, "short");
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("10자 이상");

    const done = await setNewPassword(t, link, "new-password-123");
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/newsroom/login?notice=password_reset");
    // The reporter's other session is over; the new password signs in, the old one does not.
    const old = await t.app.inject({
      url: "/newsroom",
      headers: { cookie: reporter.cookie, accept: "text/html" },
    });
    expect(old.statusCode).toBe(303);
    expect((await signInResponse(t, "sjpark@test.example.kr", PASSWORD, nextIp())).statusCode).toBe(401);
    expect((await signInResponse(t, "sjpark@test.example.kr", "new-password-123", nextIp())).statusCode).toBe(
      303,
    );

    // Single use: the same link again is a clear 400, on the page and on the form.
    const again = await t.app.inject({ url: link.replace(SITE_URL, "") });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("이미 쓰였습니다");
    expect(again.body).toContain('href="/newsroom/reset"');
  });

  it("expires a link after one hour (by the clock, not by waiting)", async () => {
    const start = clock;
    await askForReset(t, "sjpark@test.example.kr");
    await deliver();
    const link = linkIn(mailsTo("sjpark@test.example.kr").at(-1)!, `${SITE_URL}/newsroom/reset?token=`);
    clock = start + 59 * MINUTE;
    expect((await t.app.inject(link.replace(SITE_URL, ""))).statusCode).toBe(200);
    clock = start + 60 * MINUTE;
    const expired = await setNewPassword(t, link, "another-password-1");
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain("만료되었거나");
    // Even a form opened in time is refused once the hour is over.
    clock = start + 30 * MINUTE;
    const page = await t.app.inject(link.replace(SITE_URL, ""));
    const field = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    clock = start + 61 * MINUTE;
    const late = await t.app.inject({
      method: "POST",
      url: "/newsroom/reset/password",
      headers: {
        cookie: `jikji_login_csrf=${cookieOf(page, "jikji_login_csrf")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({
        token: new URL(link).searchParams.get("token")!,
        password: "another-password-1",
        confirm: "another-password-1",
        _csrf: field,
      }).toString(),
    });
    expect(late.statusCode).toBe(400);
    expect((await signInResponse(t, "sjpark@test.example.kr", "new-password-123", nextIp())).statusCode).toBe(
      303,
    );
    clock = start + 2 * 3600_000;
  });

  it("answers bad links and forged forms with a Korean message, never a 500", async () => {
    for (const url of [
      "/newsroom/reset?token=abc",
      `/newsroom/reset?token=${"A".repeat(43)}`,
      `/newsroom/reset?token=${"%00".repeat(300)}`,
    ]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain("재설정 링크가 올바르지 않거나");
    }
    const noForm = await t.app.inject({
      method: "POST",
      url: "/newsroom/reset/password",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "token=x",
    });
    expect(noForm.statusCode).toBe(400);
    // Without the CSRF cookie the request form is refused and nothing is queued.
    const before = (await queueRows(t)).length;
    const forged = await t.app.inject({
      method: "POST",
      url: "/newsroom/reset",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "email=sjpark%40test.example.kr&_csrf=forged",
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("보안 토큰이 맞지 않습니다");
    const otherSite = await t.app.inject({
      method: "POST",
      url: "/newsroom/reset",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      payload: "email=sjpark%40test.example.kr",
    });
    expect(otherSite.statusCode).toBe(403);
    for (const address of ["not-an-address", `${"a".repeat(300)}@test.example.kr`]) {
      const bad = await askForReset(t, address);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain("이메일 주소를 확인해 주세요");
    }
    expect((await askForReset(t, "  ")).body).toContain("이메일을 적어 주세요");
    expect((await queueRows(t)).length).toBe(before);
  });

  it("rate-limits resets per address asked for and per client, alike for unknown addresses", async () => {
    clock += 3600_000; // a fresh window
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await askForReset(t, "desk@test.example.kr")).statusCode);
    const unknown = [];
    for (let i = 0; i < 4; i++) unknown.push((await askForReset(t, "ghost@test.example.kr")).statusCode);
    expect(answers).toEqual([200, 200, 200, 429]);
    expect(unknown).toEqual([200, 200, 200, 429]);
    const refused = await askForReset(t, "desk@test.example.kr");
    expect(refused.body).toContain("재설정 요청이 너무 잦습니다");
    expect(refused.headers["retry-after"]).toBeDefined();

    // One client trying many addresses
    const from = "10.200.0.1";
    const codes = [];
    for (let i = 0; i < 11; i++)
      codes.push((await askForReset(t, `probe${i}@test.example.kr`, from)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
    expect(codes[10]).toBe(429);
    await deliver();
  });

  it("mails a registrant at each state, with a cancel link that works", async () => {
    const register = (name: string, email: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/events/forum/registrations",
        remoteAddress: nextIp(),
        payload: { name, email, organization: "<테스트> & 회사", consent: true },
      });
    const first = await register("김첫째", "first@example.kr");
    const second = await register("이둘째", "second@example.kr");
    expect(first.json().status).toBe("confirmed");
    expect(second.json().status).toBe("waitlisted");
    await deliver();

    const confirmed = mailsTo("first@example.kr")[0]!;
    expect(confirmed.parsed.subject).toBe("[테스트경제] 참가 확정: AI 포럼");
    expect(confirmed.parsed.text).toContain("AI 포럼은 2026-04-10 14:00에 열립니다");
    expect(confirmed.parsed.text).toContain(`확인 번호: ${first.json().confirmationCode}`);
    const cancelLink = linkIn(confirmed, `${SITE_URL}/events/forum/cancel?token=`);
    // The mail's link is the one the API answered with.
    expect(cancelLink).toBe(first.json().cancelUrl);

    const waiting = mailsTo("second@example.kr")[0]!;
    expect(waiting.parsed.subject).toBe("[테스트경제] 대기 등록: AI 포럼");
    expect(waiting.parsed.text).toContain("대기자로 등록해 두었습니다");
    expect(linkIn(waiting, `${SITE_URL}/events/forum/cancel?token=`)).toBe(second.json().cancelUrl);

    // The first cancels through the mail's link: they are told, and the second moves up.
    const token = new URL(cancelLink).searchParams.get("token")!;
    const cancel = await t.app.inject({
      method: "POST",
      url: "/events/forum/cancel",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `token=${token}`,
    });
    expect(cancel.statusCode).toBe(200);
    await deliver();
    const cancelled = mailsTo("first@example.kr")[1]!;
    expect(cancelled.parsed.subject).toBe("[테스트경제] 신청 취소: AI 포럼");
    expect(linkIn(cancelled, `${SITE_URL}/events/`)).toBe(`${SITE_URL}/events/forum`);
    const promoted = mailsTo("second@example.kr")[1]!;
    expect(promoted.parsed.subject).toBe("[테스트경제] 대기 중 참가 확정: AI 포럼");
    expect(promoted.parsed.text).toContain("AI 포럼이 참가 확정으로 바뀌었습니다");
    const promotedLink = linkIn(promoted, `${SITE_URL}/events/forum/cancel?token=`);
    expect(promotedLink).toBe(second.json().cancelUrl);
    expect((await t.app.inject(promotedLink.replace(SITE_URL, ""))).statusCode).toBe(200);

    // The editor moves the second back to the waiting list: they hear of it too.
    const ids = await t.database.db
      .selectFrom("event_registrations")
      .select(["id", "event_id", "email"])
      .where("email", "=", "second@example.kr")
      .executeTakeFirstOrThrow();
    const move = await editor.post(`/newsroom/events/${ids.event_id}/registrations/${ids.id}/move`, {
      to: "waitlisted",
    });
    expect(move.statusCode).toBe(303);
    await deliver();
    expect(mailsTo("second@example.kr")[2]!.parsed.subject).toBe("[테스트경제] 대기 등록: AI 포럼");
    // Names typed by registrants are escaped in the HTML part.
    expect(confirmed.parsed.html).not.toContain("<테스트>");
  });

  it("mails the reporter when the desk returns their story, the note escaped", async () => {
    const { id } = await t.database.db
      .selectFrom("articles")
      .select("id")
      .where("num", "=", 7001)
      .executeTakeFirstOrThrow();
    const note = "첫 문단 <b>출처</b> & 수치를 확인해 주세요.";
    const res = await editor.post(`/newsroom/articles/${id}/return`, { note });
    expect(res.statusCode).toBe(303);
    const row = (await queueRows(t)).at(-1)!;
    expect(row).toMatchObject({
      kind: "story_returned",
      to_address: "sjpark@test.example.kr",
      sent_at: null,
    });
    await deliver();
    const mail = mailsTo("sjpark@test.example.kr").at(-1)!;
    expect(mail.parsed.subject).toBe("[테스트경제] 기사 반려: 반려될 <기사> & 초고");
    expect(mail.parsed.text).toContain("최민호가 기사를 돌려보냈습니다");
    expect(mail.parsed.text).toContain(note);
    expect(mail.parsed.html).toContain("첫 문단 &lt;b&gt;출처&lt;/b&gt; &amp; 수치");
    expect(linkIn(mail, SITE_URL)).toBe(`${SITE_URL}/newsroom/articles/${id}/edit`);
  });

  it("mails the correction requester a receipt and the answer", async () => {
    await t.import(
      newsroom([article({ num: 7002, title: "정정 대상 기사", publishedAt: kst("2026-03-19 09:00:00") })]),
    );
    const filed = await t.app.inject({
      method: "POST",
      url: "/api/v1/corrections",
      remoteAddress: nextIp(),
      payload: {
        article: 7002,
        kind: "correction",
        name: "홍길동",
        email: "hong@example.kr",
        statement: "틀린 대목",
        reason: "사실과 다릅니다.",
        proposal: "바로잡습니다.",
      },
    });
    expect(filed.statusCode).toBe(201);
    const { receipt } = filed.json();
    await deliver();
    const receiptMail = mailsTo("hong@example.kr")[0]!;
    expect(receiptMail.parsed.subject).toBe(`[테스트경제] 정정보도 청구 접수: ${receipt}`);
    expect(receiptMail.parsed.text).toContain("정정보도 청구를 접수했습니다");
    expect(linkIn(receiptMail, SITE_URL)).toBe(`${SITE_URL}/corrections/${receipt}`);

    const { id } = await t.database.db
      .selectFrom("correction_requests")
      .select("id")
      .where("receipt", "=", receipt)
      .executeTakeFirstOrThrow();
    const answer = await editor.post(`/newsroom/corrections/${id}/answer`, {
      outcome: "refused",
      ground: "clearly_false",
      note: "취재 자료로 확인했습니다.",
    });
    expect(answer.statusCode).toBe(303);
    await deliver();
    const outcome = mailsTo("hong@example.kr")[1]!;
    expect(outcome.parsed.subject).toBe(`[테스트경제] 정정보도 청구 답변(거부): ${receipt}`);
    expect(outcome.parsed.text).toContain("명백히 사실과 반대됨");
    expect(outcome.parsed.text).toContain("취재 자료로 확인했습니다.");
  });

  it("keeps mail queued while the SMTP server is down and sends it when it is back", async () => {
    await smtp.stop();
    const reset = await askForReset(t, "desk@test.example.kr", nextIp());
    // The per-address limit of the earlier test may still hold in this window; move on a window.
    if (reset.statusCode === 429) {
      clock += 3600_000;
      expect((await askForReset(t, "desk@test.example.kr", nextIp())).statusCode).toBe(200);
    }
    const received = smtp.received.length;
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [waiting] = (await queueRows(t)).filter((r) => r.sent_at === null);
    expect(waiting).toMatchObject({ attempts: 1, failed_at: null, next_attempt_at: clock + MINUTE });
    expect(waiting!.last_error).toContain("ECONNREFUSED");
    expect(waiting!.last_error).not.toContain("smtp-secret");

    // Not due again before its back-off ends, and tried again (longer back-off) while still down.
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock += MINUTE;
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const again = (await queueRows(t)).find((r) => r.id === waiting!.id)!;
    expect(again.next_attempt_at).toBe(clock + 2 * MINUTE);

    // The metrics gauge shows it waiting.
    const metrics = await t.app.inject("/metrics");
    expect(metrics.body).toContain('jikji_mail_queue{state="queued"} 1');

    await smtp.start();
    clock += 2 * MINUTE;
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received.length).toBe(received + 1);
    expect(smtp.received.at(-1)!.to).toEqual(["desk@test.example.kr"]);
    expect((await queueRows(t)).filter((r) => r.sent_at === null)).toEqual([]);
  });

  it("gives up a mail the server refuses for good, and says why", async () => {
    clock += 3600_000;
    await t.app.inject({
      method: "POST",
      url: "/api/v1/events/forum/registrations",
      remoteAddress: nextIp(),
      payload: { name: "반송", email: "bounce@example.kr", consent: true },
    });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = (await queueRows(t)).at(-1)!;
    expect(row).toMatchObject({ to_address: "bounce@example.kr", attempts: 1, sent_at: null });
    expect(row.failed_at).toBe(clock);
    expect(row.last_error).toContain("550");
    expect((await t.app.inject("/metrics")).body).toContain('jikji_mail_queue{state="failed"} 1');
  });

  it("never sends one mail twice when several instances deliver at once", async () => {
    const others = [1, 2].map(() =>
      createMailWorker({
        db: t.database.db,
        now: () => clock,
        smtpUrl: smtp.url,
        mailFrom: "news@test.example.kr",
        outboxDir: path.join(t.database.dataDir, "outbox"),
        log: { info() {}, warn() {} },
        pollMs: 0,
      }),
    );
    clock += 3600_000;
    const emails = Array.from({ length: 6 }, (_, i) => `crowd${i}@example.kr`);
    for (const [i, email] of emails.entries()) {
      await t.app.inject({
        method: "POST",
        url: "/api/v1/events/forum/registrations",
        remoteAddress: `10.77.0.${i + 1}`,
        payload: { name: `참가자${i}`, email, consent: true },
      });
    }
    const reports = await Promise.all([deliver(), ...others.map((w) => w.deliverDue())]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    for (const w of others) await w.stop();
  });
});

describe("mail without SMTP_URL: the outbox", () => {
  let t: TestApp;
  const clock = NOW;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(
      newsroom([], {
        staff: [
          { key: "boss", name: "관리자", email: "admin@test.example.kr", role: "admin" },
          { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" },
          { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" },
        ],
      }),
    );
    await givePasswords(t, ["boss", "choi-desk", "park-sj"]);
  });
  afterAll(async () => t?.close());

  it("writes each mail as an .eml file and lists it for admins only", async () => {
    expect((await askForReset(t, "sjpark@test.example.kr")).statusCode).toBe(200);
    expect(await t.app.mail.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const outbox = path.join(t.database.dataDir, "outbox");
    const files = await fs.readdir(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{8}-\d{6}-\d{6}\.eml$/);
    const parsed = await simpleParser(await fs.readFile(path.join(outbox, files[0]!)));
    expect(parsed.subject).toBe("[테스트경제] 뉴스룸 비밀번호 재설정 안내");
    expect(parsed.to && "text" in parsed.to ? parsed.to.text : "").toBe("sjpark@test.example.kr");
    expect(parsed.from?.value[0]?.address).toBe("noreply@jikji.test");
    expect(parsed.text).toContain(`${SITE_URL}/newsroom/reset?token=`);
    const [row] = await queueRows(t);
    expect(row).toMatchObject({ outbox_file: files[0], sent_at: clock });

    const admin = await signIn(t, "admin@test.example.kr");
    const list = await admin.get("/newsroom/mail");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("SMTP_URL이 설정되지 않아");
    expect(list.body).toContain("sjpark@test.example.kr");
    expect(list.body).toContain("보관함에 저장");
    expect(list.body).toContain('href="/newsroom/mail"');
    const detail = await admin.get(`/newsroom/mail/${row!.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain("박서준 님, 안녕하세요.");
    const eml = await admin.get(`/newsroom/mail/${row!.id}/eml`);
    expect(eml.statusCode).toBe(200);
    expect(eml.headers["content-type"]).toContain("message/rfc822");
    expect((await admin.get("/newsroom/mail/999999")).statusCode).toBe(404);
    expect((await admin.get("/newsroom/mail/abc")).statusCode).toBe(404);

    // Editors and reporters may not read others' mail (reset links!), and say so; nobody signed out may.
    for (const email of ["desk@test.example.kr", "sjpark@test.example.kr"]) {
      const staff = await signIn(t, email);
      for (const url of ["/newsroom/mail", `/newsroom/mail/${row!.id}`, `/newsroom/mail/${row!.id}/eml`]) {
        const res = await staff.get(url);
        expect(res.statusCode, `${email} ${url}`).toBe(403);
        expect(res.body).not.toContain("token=");
      }
      expect((await staff.get("/newsroom")).body).not.toContain('href="/newsroom/mail"');
    }
    const anonymous = await t.app.inject({ url: "/newsroom/mail", headers: { accept: "text/html" } });
    expect(anonymous.statusCode).toBe(303);
    expect((await t.app.inject(`/newsroom/mail/${row!.id}/eml`)).statusCode).toBe(401);
    // Retrying needs the CSRF token, and only a failed mail can be retried.
    expect((await admin.post(`/newsroom/mail/${row!.id}/retry`, {}, { csrf: false })).statusCode).toBe(403);
    expect((await admin.post(`/newsroom/mail/${row!.id}/retry`)).statusCode).toBe(400);
  });
});
