import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { NOW, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner, textOf } from "../support/html.ts";
import { startTwoInstances, type TwoInstances } from "../support/instances.ts";
import { multipart } from "../support/multipart.ts";
import { givePasswords, PASSWORD } from "../support/newsroom.ts";
import {
  type ProxyResponse,
  type RunningNginx,
  SERVER_NAME,
  startNginx,
  throughProxy,
} from "../support/nginx.ts";

/**
 * The deployment docs/deploy.md describes, run for real (issue 16, part 6): Debian's nginx with
 * deploy/nginx/jikji.conf (TLS, X-Forwarded-For, the cache in front) before two instances on one
 * PostgreSQL and one Redis, photos in the database. Everything below goes through nginx over TLS,
 * as readers and staff at different addresses (127.0.0.3, .4 … on loopback); nginx reaches the
 * instances from 127.0.0.2, the only address they trust (TRUST_PROXY).
 *
 * PostgreSQL only: several instances need a database server (vitest.config.ts leaves *.postgres.test.ts
 * out of the sqlite project).
 */
const NGINX_ADDRESS = "127.0.0.2";
const READER = "127.0.0.3";
const OTHER_READER = "127.0.0.4";
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const STAFF = [
  { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const },
  { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter" as const },
];
const NUM = 4101;

interface Session {
  cookie: string;
  csrf: string;
}

function cookiesOf(res: ProxyResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers["set-cookie"] ?? []) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    out[pair!.slice(0, eq)] = pair!.slice(eq + 1);
  }
  return out;
}

describe("nginx in front of two instances on PostgreSQL and Redis", () => {
  let instances: TwoInstances;
  let proxy: RunningNginx;
  let upstream: { a: string; b: string };
  let mediaRoot: string;

  const get = (p: string, options: { from?: string; headers?: Record<string, string> } = {}) =>
    throughProxy(proxy, { path: p, ...options });
  /** Which instance answered ("a" or "b"), from the X-Upstream header the test's nginx adds. */
  const servedBy = (res: ProxyResponse) => {
    const addr = String(res.headers["x-upstream"] ?? "");
    return addr === upstream.a ? "a" : addr === upstream.b ? "b" : null;
  };

  /** The sign-in form's CSRF pair (a cookie and the same token in the form), as a browser gets it. */
  async function loginForm(from: string) {
    const page = await get("/newsroom/login", { from });
    expect(page.status).toBe(200);
    return {
      cookie: `jikji_login_csrf=${cookiesOf(page).jikji_login_csrf!}`,
      field: /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!,
    };
  }

  async function signInThroughProxy(
    email: string,
    password: string,
    from: string,
    options: { forwardedFor?: string; form?: { cookie: string; field: string } } = {},
  ) {
    const form = options.form ?? (await loginForm(from));
    return throughProxy(proxy, {
      method: "POST",
      path: "/newsroom/login",
      from,
      headers: {
        ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}),
        cookie: form.cookie,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email, password, _csrf: form.field, next: "/newsroom" }).toString(),
    });
  }

  async function session(email: string, from: string): Promise<Session> {
    const res = await signInThroughProxy(email, PASSWORD, from);
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    const cookie = `jikji_session=${cookiesOf(res).jikji_session}`;
    const home = await get("/newsroom", { from, headers: { cookie } });
    const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(home.text)![1]!;
    return { cookie, csrf };
  }

  /** Asks until both instances have answered (nginx takes turns), at most `tries` times. */
  async function fromBoth(
    ask: (i: number) => Promise<ProxyResponse>,
    tries = 8,
  ): Promise<Record<"a" | "b", ProxyResponse>> {
    const seen: Partial<Record<"a" | "b", ProxyResponse>> = {};
    for (let i = 0; i < tries && !(seen.a && seen.b); i++) {
      const res = await ask(i);
      const by = servedBy(res);
      if (by) seen[by] ??= res;
    }
    expect(Object.keys(seen).sort(), "both instances answered through nginx").toEqual(["a", "b"]);
    return seen as Record<"a" | "b", ProxyResponse>;
  }

  beforeAll(async () => {
    mediaRoot = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-proxy-media-"));
    instances = await startTwoInstances({
      now: () => NOW,
      redisKeyPrefix: `jikji-test-${process.pid}-${randomBytes(4).toString("hex")}:`,
      env: (which) => ({
        SITE_URL: `https://${SERVER_NAME}`,
        TRUST_PROXY: NGINX_ADDRESS,
        MEDIA_STORE: "database",
        MEDIA_DIR: path.join(mediaRoot, which),
      }),
    });
    const { database, a } = instances;
    await importBundle(
      {
        db: database.db,
        dialect: database.dialect,
        now: () => NOW,
        bus: a.bus,
        mediaDir: path.join(mediaRoot, "a"),
      },
      newsroom([article({ num: NUM, title: "처음 제목", publishedAt: kst("2026-03-20 08:00:00") })], {
        staff: STAFF,
      }),
      { baseDir: database.dataDir },
    );
    await givePasswords(
      { app: a, database } as TestApp,
      STAFF.map((s) => s.key),
    );
    const ports: number[] = [];
    for (const app of [instances.a, instances.b]) {
      await app.listen({ port: 0, host: "127.0.0.1" });
      ports.push((app.server.address() as AddressInfo).port);
    }
    upstream = { a: `127.0.0.1:${ports[0]}`, b: `127.0.0.1:${ports[1]}` };
    proxy = await startNginx({ upstreams: [upstream.a, upstream.b], bind: NGINX_ADDRESS });
  });

  afterAll(async () => {
    await proxy?.stop();
    await instances?.close();
    await fs.rm(mediaRoot, { recursive: true, force: true });
  });

  it("terminates TLS: plain http moves to https, and the instances know the request was https", async () => {
    const plain = await new Promise<{ status: number; location: string }>((resolve, reject) => {
      import("node:http").then(({ default: http }) =>
        http
          .get(
            {
              host: "127.0.0.1",
              port: proxy.httpPort,
              path: "/article/1?x=1",
              headers: { host: SERVER_NAME },
            },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, location: String(res.headers.location) });
            },
          )
          .on("error", reject),
      );
    });
    expect(plain).toEqual({ status: 301, location: `https://${SERVER_NAME}/article/1?x=1` });
    const page = await get(`/article/${NUM}`);
    expect(page.status).toBe(200);
    expect(page.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(page.text).toContain(`<link rel="canonical" href="https://${SERVER_NAME}/article/${NUM}"`);
    // the probes and metrics are not the world's
    for (const p of ["/metrics", "/readyz"]) expect((await get(p)).status, p).toBe(404);
  });

  it("keeps public pages in front as long as Jikji allows, never for a newsroom session", async () => {
    const first = await get(`/article/${NUM}?edge=1`);
    const second = await get(`/article/${NUM}?edge=1`);
    expect(first.headers["x-proxy-cache"]).toBe("MISS");
    expect(second.headers["x-proxy-cache"]).toBe("HIT");
    expect(second.text).toBe(first.text);
    const desk = await session(STAFF[0]!.email, READER);
    const staffView = await get(`/article/${NUM}?edge=1`, { headers: { cookie: desk.cookie } });
    expect(staffView.headers["x-proxy-cache"]).toBe("BYPASS");
    // versioned assets: a year, and from nginx's disk the second time
    const css = /href="(\/assets\/[^"]+\?v=[^"]+)"/.exec(first.text)![1]!.replaceAll("&amp;", "&");
    await get(css);
    const again = await get(css);
    expect(again.status).toBe(200);
    expect(again.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(again.headers["x-proxy-cache"]).toBe("HIT");
  });

  it("a sign-in on one instance is valid on the other", async () => {
    const desk = await session(STAFF[0]!.email, READER);
    const answers = await fromBoth(() =>
      get("/newsroom", { from: READER, headers: { cookie: desk.cookie } }),
    );
    for (const res of Object.values(answers)) {
      expect(res.status).toBe(200);
      expect(res.text).toContain(STAFF[0]!.name);
      expect(res.headers["x-proxy-cache"]).toBeUndefined();
    }
  });

  it("a photo uploaded through one instance is served by both", async () => {
    const desk = await session(STAFF[0]!.email, READER);
    const original = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2a6f97" } })
      .jpeg()
      .toBuffer();
    const body = multipart({ _csrf: desk.csrf, caption: "공장 전경", credit: "직지", alt: "" }, [
      { filename: "공장.jpg", type: "image/jpeg", data: original },
    ]);
    const upload = await throughProxy(proxy, {
      method: "POST",
      path: "/newsroom/media",
      from: READER,
      headers: { cookie: desk.cookie, "content-type": body.contentType },
      body: body.payload,
    });
    expect(upload.status, upload.text.slice(0, 300)).toBe(303);
    const photo = await instances.database.db
      .selectFrom("media")
      .select(["path", "variants"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const rendition = (JSON.parse(photo.variants) as { path: string }[])[0]!.path;
    const originals = await fromBoth((i) => get(`/media/${photo.path}?n=${i}`));
    const renditions = await fromBoth((i) => get(`/media/${rendition}?n=${i}`));
    for (const res of Object.values(originals)) {
      expect(res.status).toBe(200);
      expect(res.body.equals(original)).toBe(true);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
    for (const res of Object.values(renditions)) {
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("image/webp");
    }
  });

  it("counts sign-in failures per client address across both instances; a forged X-Forwarded-For changes nothing", async () => {
    const reporter = STAFF[1]!.email;
    const servedWrong = new Set<string | null>();
    const form = await loginForm(READER);
    for (let i = 0; i < 5; i++) {
      // the guesser pretends, each time, to be someone else; the fifth failure locks its address out
      const res = await signInThroughProxy(reporter, `wrong-${i}`, READER, {
        form,
        forwardedFor: `198.51.100.${i + 10}`,
      });
      expect(res.status).toBe(i < 4 ? 401 : 429);
      servedWrong.add(servedBy(res));
    }
    expect([...servedWrong].sort()).toEqual(["a", "b"]);
    const locked = await signInThroughProxy(reporter, PASSWORD, READER, { forwardedFor: "198.51.100.99" });
    expect(locked.status).toBe(429);
    // the reporter at another address still gets in: the instances saw each client's own address
    expect((await signInThroughProxy(reporter, PASSWORD, OTHER_READER)).status).toBe(303);
  });

  it("shares the comment flood limit through Redis, per client address", async () => {
    const comment = (from: string, forwardedFor?: string) =>
      throughProxy(proxy, {
        method: "POST",
        path: `/api/v1/articles/${NUM}/comments`,
        from,
        headers: {
          "content-type": "application/json",
          "user-agent": CHROME,
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
        body: JSON.stringify({ nickname: "독자", password: "1234", body: "좋은 기사 잘 읽었습니다." }),
      });
    const first = await comment(READER);
    expect(first.status, first.text).toBe(201);
    // one comment per address per 15 s, whichever instance is asked and whatever the header says
    const refused = new Set<string | null>([servedBy(first)]);
    for (let i = 0; i < 3; i++) {
      const res = await comment(READER, `198.51.100.${i + 30}`);
      expect(res.status).toBe(429);
      expect(JSON.parse(res.text).error.code).toBeTypeOf("string");
      refused.add(servedBy(res));
    }
    expect([...refused].sort()).toEqual(["a", "b"]);
    expect((await comment(OTHER_READER)).status).toBe(201);
  });

  it("ignores X-Forwarded-For from a client that is not the proxy", async () => {
    // Straight to an instance, not through nginx: the header is the client's own word.
    const direct = (app: "a" | "b", forwardedFor: string) =>
      instances[app].inject({
        method: "POST",
        url: "/api/v1/views",
        remoteAddress: "127.0.0.9",
        headers: {
          "content-type": "application/json",
          "user-agent": CHROME,
          "x-forwarded-for": forwardedFor,
        },
        payload: JSON.stringify({ article: NUM }),
      });
    const before = await viewCount();
    for (let i = 0; i < 4; i++)
      expect((await direct(i % 2 ? "a" : "b", `203.0.113.${i}`)).statusCode).toBe(204);
    await flush();
    // four "readers" by their forged headers, one by the address they came from
    expect(await viewCount()).toBe(before + 1);
  });

  async function viewCount(): Promise<number> {
    const row = await instances.database.db
      .selectFrom("articles")
      .select("view_count")
      .where("num", "=", NUM)
      .executeTakeFirstOrThrow();
    return row.view_count;
  }
  async function flush() {
    await instances.a.reads.flush();
    await instances.b.reads.flush();
  }

  it("counts reads by the address nginx saw, once per reader across both instances", async () => {
    const before = await viewCount();
    const beacon = (from: string, forwardedFor?: string) =>
      throughProxy(proxy, {
        method: "POST",
        path: "/api/v1/views",
        from,
        headers: {
          "content-type": "application/json",
          "user-agent": CHROME,
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
        body: JSON.stringify({ article: NUM }),
      });
    const served = new Set<string | null>();
    for (const [from, forged] of [
      [READER],
      [READER, "198.51.100.1"],
      [READER, "198.51.100.2"],
      [OTHER_READER],
      [OTHER_READER],
    ] as [string, string?][]) {
      const res = await beacon(from, forged);
      expect(res.status).toBe(204);
      served.add(servedBy(res));
    }
    expect([...served].sort()).toEqual(["a", "b"]);
    await flush();
    expect(await viewCount()).toBe(before + 2);
  });

  it("a story the desk changes through one instance is fresh on both", async () => {
    // Both instances keep the page (tracking parameters are one page to Jikji, new URLs to nginx).
    const title = async (res: ProxyResponse) => textOf(inner(res.text, "h1") ?? "");
    const warm = await fromBoth((i) => get(`/article/${NUM}?utm_source=warm${i}`));
    for (const res of Object.values(warm)) expect(await title(res)).toBe("처음 제목");
    const kept = await fromBoth((i) => get(`/article/${NUM}?utm_source=kept${i}`));
    for (const res of Object.values(kept)) expect(res.headers["x-cache"]).toBe("hit");

    const desk = await session(STAFF[0]!.email, READER);
    const row = await instances.database.db
      .selectFrom("articles")
      .select(["id", "section_id", "body_html"])
      .where("num", "=", NUM)
      .executeTakeFirstOrThrow();
    const edit = await throughProxy(proxy, {
      method: "POST",
      path: `/newsroom/articles/${row.id}`,
      from: READER,
      headers: { cookie: desk.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: desk.csrf,
        title: "고친 제목",
        subtitle: "",
        sectionId: String(row.section_id),
        body: row.body_html,
        tags: "",
        leadMediaId: "",
        leadCaption: "",
        leadCredit: "",
        leadAlt: "",
      }).toString(),
    });
    expect(edit.status, edit.text.slice(0, 300)).toBe(303);
    const fresh = await fromBoth((i) => get(`/article/${NUM}?utm_source=fresh${i}`));
    for (const res of Object.values(fresh)) expect(await title(res)).toBe("고친 제목");
  });
});
