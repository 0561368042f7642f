import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { article, newsroom } from "../support/factories.ts";

const comment = (t: TestApp, forwardedFor: string, body: string, socket = "127.0.0.1") =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/articles/7601/comments",
    payload: { nickname: "독자", password: "pw1234", body },
    remoteAddress: socket,
    headers: { "x-forwarded-for": forwardedFor },
  });

describe("TRUST_PROXY: the client's address behind a proxy", () => {
  it("parses a hop count or address ranges, and never trusts everything", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1/8, 10.0.0.0/8,::1" }).trustProxy).toEqual([
      "127.0.0.1/8",
      "10.0.0.0/8",
      "::1",
    ]);
    for (const bad of ["*", "yes", "10.0.0.0/33", "10.0.0/8", "all", "127.0.0.1/8,"])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: "*" })).toThrow(/TRUST_PROXY/);
  });

  for (const [trust, socket] of [
    ["1", "127.0.0.1"],
    ["127.0.0.1/8,10.0.0.0/8", "10.1.2.3"],
  ] as const) {
    describe(`TRUST_PROXY=${trust}`, () => {
      let t: TestApp;
      const clock = Date.parse("2026-03-20T12:00:00+09:00");
      beforeAll(async () => {
        t = await createTestApp({ now: () => clock, env: { TRUST_PROXY: trust } });
        await t.import(newsroom([article({ num: 7601, title: "프록시 뒤" })]));
      });
      afterAll(() => t.close());

      it("takes the address the proxy appended, not a forged first entry", async () => {
        // the same reader (198.51.100.9, as nginx saw them) rotating a made-up first entry
        expect((await comment(t, "6.6.6.1, 198.51.100.9", "첫 댓글", socket)).statusCode).toBe(201);
        expect((await comment(t, "6.6.6.2, 198.51.100.9", "둘째 댓글", socket)).statusCode).toBe(429);
        // another reader behind the same proxy is someone else
        expect((await comment(t, "198.51.100.10", "다른 독자", socket)).statusCode).toBe(201);
      });
    });
  }

  describe("with an address list, a request not from a listed proxy", () => {
    let t: TestApp;
    const clock = Date.parse("2026-03-20T12:00:00+09:00");
    beforeAll(async () => {
      t = await createTestApp({ now: () => clock, env: { TRUST_PROXY: "10.0.0.0/8" } });
      await t.import(newsroom([article({ num: 7601, title: "프록시 밖" })]));
    });
    afterAll(() => t.close());

    it("is its own socket's address, whatever X-Forwarded-For says", async () => {
      expect((await comment(t, "198.51.100.1", "하나", "203.0.113.5")).statusCode).toBe(201);
      expect((await comment(t, "198.51.100.2", "둘", "203.0.113.5")).statusCode).toBe(429);
    });
  });
});

describe("transport and logs", () => {
  let https: TestApp;
  let http: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { requestForLog } = await import("../../src/web/client-address.ts");
    https = await createTestApp({
      env: { SITE_URL: "https://news.example.kr" },
      logger: pino({ level: "info", serializers: { req: requestForLog } }, sink),
    });
    http = await createTestApp();
  });
  afterAll(async () => {
    await https.close();
    await http.close();
  });

  it("sends Strict-Transport-Security only when SITE_URL is https", async () => {
    expect((await https.app.inject("/healthz")).headers["strict-transport-security"]).toBe(
      "max-age=31536000",
    );
    expect((await http.app.inject("/healthz")).headers["strict-transport-security"]).toBeUndefined();
  });

  it("never writes a cancel token to the request log", async () => {
    await https.app.inject("/events/some-event/cancel?token=SECRET-CANCEL-TOKEN-123&x=1");
    await https.app.inject("/events/some-event/registered?token=SECRET-CANCEL-TOKEN-456");
    const log = lines.join("");
    expect(log).toContain("/events/some-event/cancel?token=[redacted]&x=1");
    expect(log).not.toContain("SECRET-CANCEL-TOKEN");
  });

  it("limits how long a client may take to send its request", () => {
    expect(http.app.server.requestTimeout).toBeGreaterThan(0);
    expect(http.app.server.requestTimeout).toBeLessThanOrEqual(60_000);
    expect(http.app.server.timeout).toBeGreaterThan(0);
  });
});
