import { describe, expect, it } from "vitest";
import { registrationMail } from "../../src/events/registration.mail.ts";
import {
  composeMail,
  describeFailure,
  isMailAddress,
  isPermanentFailure,
  MAX_MAIL_ATTEMPTS,
  oneLine,
  retryDelayMs,
} from "../../src/mail/mail.ts";
import { outboxFileName } from "../../src/mail/mail.worker.ts";
import { hashResetToken, passwordResetMail, RESET_TOKEN } from "../../src/mail/password-reset.ts";

const site = { name: "직지<뉴스>", url: "https://news.example.kr" };

describe("composing mail", () => {
  it("escapes every field in the HTML part and keeps the text part plain", () => {
    const mail = composeMail(site, {
      kind: "story_returned",
      to: "a@example.kr",
      subject: "제목 <script>",
      greeting: "<b>홍길동</b> 님,",
      paragraphs: ['메모: "따옴표" & <img src=x onerror=alert(1)>\n둘째 줄'],
      facts: [["기사", "<i>제목</i>"]],
      action: { label: "열기", url: "https://news.example.kr/a?x=1&y=2" },
    });
    expect(mail.html).not.toMatch(/<(script|img|b|i)[\s>]/);
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;<br>둘째 줄");
    expect(mail.html).toContain('href="https://news.example.kr/a?x=1&amp;y=2"');
    expect(mail.html).toContain("직지&lt;뉴스&gt;");
    expect(mail.text).toContain('메모: "따옴표" & <img src=x onerror=alert(1)>');
    expect(mail.text).toContain("https://news.example.kr/a?x=1&y=2");
    expect(mail.subject).toBe("[직지<뉴스>] 제목 <script>");
  });

  it("never lets a line break into a subject (header injection)", () => {
    const mail = composeMail(site, {
      kind: "story_returned",
      to: "a@example.kr",
      subject: "제목\r\nBcc: victim@example.kr",
      greeting: "안녕하세요",
      paragraphs: [],
    });
    expect(mail.subject).toBe("[직지<뉴스>] 제목 Bcc: victim@example.kr");
    expect(oneLine("a\u0000b\nc")).toBe("a b c");
  });

  it("checks addresses plainly", () => {
    expect(isMailAddress("kim@example.kr")).toBe(true);
    for (const bad of [
      "kim",
      "kim@",
      "a b@example.kr",
      "a@b@example.kr",
      "<a@example.kr>",
      "a@example.kr,b@example.kr",
    ])
      expect(isMailAddress(bad), bad).toBe(false);
    expect(isMailAddress(`${"a".repeat(250)}@example.kr`)).toBe(false);
  });

  it("picks particles with es-hangul", () => {
    const event = { title: "AI 포럼", starts_at: Date.parse("2026-04-10T14:00:00+09:00"), venue: null };
    const r = { name: "김", email: "k@example.kr", confirmation_code: "ABC-DEF" };
    const urls = { cancelUrl: "https://x/c", eventUrl: "https://x/e" };
    expect(registrationMail({ event, registration: r, notice: "confirmed", ...urls }).paragraphs[0]).toMatch(
      /^AI 포럼은 2026-04-10 14:00에/,
    );
    const seminar = { ...event, title: "경제 세미나" };
    expect(
      registrationMail({ event: seminar, registration: r, notice: "confirmed", ...urls }).paragraphs[0],
    ).toMatch(/^경제 세미나는/);
    expect(
      registrationMail({ event: seminar, registration: r, notice: "promoted", ...urls }).paragraphs[0],
    ).toContain("경제 세미나가 참가 확정");
  });

  it("writes the reset mail with its deadline in KST", () => {
    const mail = passwordResetMail({
      to: "a@example.kr",
      name: "박서준",
      link: "https://x/newsroom/reset?token=t",
      expiresAt: Date.parse("2026-03-20T04:00:00Z"),
    });
    expect(mail.paragraphs[1]).toContain("2026-03-20 13:00까지(1시간)");
  });
});

describe("the queue's rules", () => {
  it("backs off from a minute, doubling, to at most six hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
    // 25 tries span days, not minutes: an outage over a weekend loses nothing.
    let total = 0;
    for (let a = 1; a < MAX_MAIL_ATTEMPTS; a++) total += retryDelayMs(a);
    expect(total).toBeGreaterThan(3 * 24 * 3600_000);
  });

  it("gives up only on a 5xx refusal of the recipient or message", () => {
    expect(isPermanentFailure({ code: "EENVELOPE", responseCode: 550 })).toBe(true);
    expect(isPermanentFailure({ code: "EMESSAGE", responseCode: 552 })).toBe(true);
    expect(isPermanentFailure({ code: "EENVELOPE", responseCode: 450 })).toBe(false);
    expect(isPermanentFailure({ code: "EAUTH", responseCode: 535 })).toBe(false);
    expect(isPermanentFailure({ code: "ECONNECTION" })).toBe(false);
    expect(isPermanentFailure(new Error("x"))).toBe(false);
  });

  it("keeps credentials out of the stored error", () => {
    const e = Object.assign(new Error("connect to smtp://user:secret@mail.example.kr failed"), {
      code: "ECONNECTION",
    });
    expect(describeFailure(e)).toBe("ECONNECTION connect to smtp://***@mail.example.kr failed");
  });

  it("names outbox files by time and id", () => {
    expect(outboxFileName({ id: 42, created_at: Date.parse("2026-03-20T03:00:05.123Z") })).toBe(
      "20260320-030005-000042.eml",
    );
  });

  it("stores reset tokens hashed and accepts only the shape it sends", () => {
    expect(hashResetToken("abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(RESET_TOKEN.test("A".repeat(43))).toBe(true);
    expect(RESET_TOKEN.test("A".repeat(42))).toBe(false);
    expect(RESET_TOKEN.test(`${"A".repeat(42)}/`)).toBe(false);
  });
});

describe("mail configuration", () => {
  it("reads SMTP_URL and MAIL_FROM, defaulting to the outbox and noreply@ the site", async () => {
    const { ConfigError, loadConfig } = await import("../../src/config.ts");
    const plain = loadConfig({ SITE_URL: "https://news.example.kr" });
    expect(plain.smtpUrl).toBeNull();
    expect(plain.mailFrom).toBe("noreply@news.example.kr");
    const set = loadConfig({
      SMTP_URL: "smtps://user:p%40ss@mail.example.kr:465",
      MAIL_FROM: "직지뉴스 <news@example.kr>",
    });
    expect(set.smtpUrl).toBe("smtps://user:p%40ss@mail.example.kr:465");
    expect(set.mailFrom).toBe("직지뉴스 <news@example.kr>");
    expect(loadConfig({ SMTP_URL: "", MAIL_FROM: "" }).smtpUrl).toBeNull();
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.kr" })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: "smtp://a b@host" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: "news" })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ MAIL_FROM: "a@b.kr\r\nBcc: x@y.kr" })).toThrow(/MAIL_FROM/);
  });
});
