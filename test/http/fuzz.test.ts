import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle } from "../../src/bundle/bundle.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

/**
 * Random and hostile input against every public API and every newsroom form, on both databases:
 * never a 5xx, never an answer slower than 2 s, and a refused request (4xx) changes no stored data.
 * Seeded, so a failure can be replayed (`FUZZ_SEED=… npx vitest run … fuzz`), and sized to run in
 * well under three minutes per database.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SLOW_MS = 2_000;

const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202Eevil\u202C",
  "\u2066x\u2069",
  "\uD800",
  "\uDFFFx\uD800",
  "e\u0301".repeat(10),
  `a${"\u0301".repeat(10_000)}`,
  "가".repeat(70_000),
  "x".repeat(300_000),
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE articles; --",
  "%00%ff",
  "../../etc/passwd",
  "0",
  "-1",
  "1e309",
  "99999999999999999999",
  "NaN",
  "null",
  "true",
  "[object Object]",
  "2026-13-45T99:99",
  "😀👍🏽🇰🇷",
  "ㅎㅇㅌㅈ",
  "\r\n\t",
];

/** A hostile text: anything Unicode can carry (lone surrogates included), or a known nasty one. */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  {
    // ordinary text with one poisonous character in it: gets past validation, then meets storage
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom("반도체 수출", "홍길동", "사진 설명", "fuzz-key", "2026-05-01T10:00"),
        fc.constantFrom("\u0000", "\u202E", "\uD800", "\u0007", "\uFEFF", "\u2028"),
      )
      .map(([ok, bad]) => `${ok.slice(0, 2)}${bad}${ok.slice(2)}`),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 50 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** A hostile JSON value where a field goes: text mostly, sometimes the wrong type altogether. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 3 }) },
);

/** Percent-encodes for a form, keeping what encodeURIComponent refuses (lone surrogates) as raw bytes. */
function formEncode(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += `%ED%${(0xa0 + ((code >> 6) & 0x1f)).toString(16)}%${(0x80 + (code & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

const formBody = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`)
    .join("&");

/** Malformed bodies sent as they are, whatever the route expects. */
const RAW_BODIES: { type: string; body: string | Buffer }[] = [
  { type: "application/json", body: "{ not json" },
  { type: "application/json", body: `${"[".repeat(5000)}${"]".repeat(5000)}` },
  { type: "application/json", body: '{"__proto__": {"admin": true}, "constructor": {"prototype": 1}}' },
  { type: "application/json", body: "null" },
  { type: "application/json", body: '"just a string"' },
  { type: "application/x-www-form-urlencoded", body: "a=%ZZ&b=%&=&&==" },
  { type: "application/x-www-form-urlencoded", body: "title=%00%ED%A0%80%FF&sectionId[]=1&sectionId[]=2" },
  { type: "text/plain", body: "\u0000\u0001\u0002" },
  { type: "application/octet-stream", body: Buffer.from([0, 255, 254, 0]) },
  {
    type: "multipart/form-data; boundary=x",
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n\u0000\r\n--x--',
  },
  { type: "application/json", body: JSON.stringify({ body: "x".repeat(3 * 1024 * 1024) }) },
];

interface Target {
  name: string;
  method: "GET" | "POST" | "DELETE";
  /** the path; `{n}` becomes a random path segment (numbers and nasty text) */
  path: string;
  /** who sends it: a reader (no session) or a signed-in staff member */
  as: "reader" | "admin" | "reporter";
  body: "json" | "form" | "query" | "none";
  fields: string[];
  /** values that would be accepted: most runs replace one or two of them, to get past validation */
  valid?: Record<string, string>;
}

const reader = (
  name: string,
  method: Target["method"],
  p: string,
  body: Target["body"],
  fields: string[],
  valid?: Record<string, string>,
): Target => ({ name, method, path: p, as: "reader", body, fields, valid });
const staff = (
  name: string,
  p: string,
  fields: string[],
  valid?: Record<string, string>,
  as: Target["as"] = "admin",
  body: Target["body"] = "form",
): Target => ({ name, method: "POST", path: p, as, body, fields, valid });

const COMMENT = { nickname: "독자", password: "pw1234", body: "좋은 기사입니다" };
const REGISTRATION = {
  name: "김민지",
  email: "minji@example.kr",
  organization: "한빛",
  phone: "010-1234-5678",
  consent: "1",
};
const STORY = {
  title: "반도체 수출 늘어",
  subtitle: "석 달째",
  sectionId: "{section}",
  body: "<p>본문입니다.</p>",
  tags: "반도체, 수출",
  leadMediaId: "",
  leadAlt: "",
  leadCaption: "",
  leadCredit: "",
};
const PERSON = {
  key: "fuzz-person",
  name: "홍길동",
  aliases: "길동",
  role: "대표",
  organization: "한빛",
  bio: "소개",
  contextWords: "",
  num: "",
};
const EVENT = {
  title: "퍼즈 포럼",
  startsAt: "2026-05-01T10:00",
  endsAt: "2026-05-01T12:00",
  venue: "서울",
  description: "<p>소개</p>",
  capacity: "100",
  registrationOpen: "1",
  speakers: "",
  key: "fuzz-forum",
};

// The ids below are resolved against the imported newsroom: {article}, {comment}, {event}, {person}, {victim}, {section}, {media}.
const TARGETS: Target[] = [
  // readers: the public API and forms
  reader(
    "comment (API)",
    "POST",
    "/api/v1/articles/600001/comments",
    "json",
    ["nickname", "password", "body"],
    COMMENT,
  ),
  reader(
    "comment (form)",
    "POST",
    "/article/600001/comments",
    "form",
    ["nickname", "password", "body"],
    COMMENT,
  ),
  reader("comment on a random article", "POST", "/api/v1/articles/{n}/comments", "json", [
    "nickname",
    "password",
    "body",
  ]),
  reader("comment list", "GET", "/api/v1/articles/600001/comments", "query", ["page", "sort"]),
  reader("vote", "POST", "/api/v1/comments/{comment}/votes", "json", ["value"], { value: "like" }),
  reader("report", "POST", "/api/v1/comments/{comment}/reports", "json", ["reason"], { reason: "욕설" }),
  reader("delete a comment", "DELETE", "/api/v1/comments/{comment}", "json", ["password"]),
  reader("read beacon", "POST", "/api/v1/views", "json", ["article"], { article: "600001" }),
  reader(
    "event registration (API)",
    "POST",
    "/api/v1/events/climate-forum-2026/registrations",
    "json",
    ["name", "email", "organization", "phone", "consent"],
    REGISTRATION,
  ),
  reader(
    "event registration (form)",
    "POST",
    "/events/climate-forum-2026/registrations",
    "form",
    ["name", "email", "organization", "phone", "consent"],
    REGISTRATION,
  ),
  reader("cancel a registration", "POST", "/events/climate-forum-2026/cancel", "form", ["token"]),
  reader("registered page", "GET", "/events/climate-forum-2026/registered", "query", ["token"]),
  reader("search", "GET", "/search", "query", ["q", "sort", "section", "from", "to", "page"], {
    q: "반도체",
    sort: "recent",
    section: "industry",
    from: "2026-01-01",
    to: "2026-12-31",
    page: "1",
  }),
  reader("article list API", "GET", "/api/v1/articles", "query", ["page", "section", "q"]),
  reader("an article", "GET", "/article/{n}", "query", ["page", "sort", "comment"]),
  reader("a section", "GET", "/section/{n}", "query", ["page"]),
  reader("a reporter", "GET", "/reporter/{n}", "query", ["page"]),
  reader("a person", "GET", "/people/{n}", "query", ["page"]),
  reader("an event", "GET", "/events/{n}", "none", []),
  reader("legacy URL", "GET", "/BP", "query", ["command", "num"]),
  reader("sign-in", "POST", "/newsroom/login", "form", ["email", "password", "next", "_csrf"]),
  // the newsroom's forms
  staff("new story", "/newsroom/articles", Object.keys(STORY), STORY, "reporter"),
  staff(
    "save a story",
    "/newsroom/articles/{article}",
    [...Object.keys(STORY), "correctionNote", "baseRevisionId"],
    STORY,
  ),
  staff(
    "autosave",
    "/newsroom/api/articles/{article}/autosave",
    ["title", "sectionId", "body", "tags", "baseRevisionId"],
    STORY,
    "admin",
    "json",
  ),
  staff(
    "someone else's story, as a reporter",
    "/newsroom/articles/{draft}",
    ["title", "sectionId", "body"],
    STORY,
    "reporter",
  ),
  staff("return with a note", "/newsroom/articles/{article}/return", ["note"], { note: "다시" }),
  staff("schedule", "/newsroom/articles/{article}/schedule", ["at"]),
  staff("restore a revision", "/newsroom/articles/{article}/revisions/{n}/restore", []),
  staff("link a person", "/newsroom/articles/{article}/people/pick", ["spelling", "personId"], {
    spelling: "한도윤",
    personId: "{person}",
  }),
  staff("new section", "/newsroom/sections", ["slug", "name", "parentId", "position"], {
    slug: "fuzz",
    name: "퍼즈",
    parentId: "",
    position: "9",
  }),
  staff("edit a section", "/newsroom/sections/{section}", ["name", "position"], {
    name: "산업",
    position: "1",
  }),
  staff("new person", "/newsroom/people", Object.keys(PERSON), PERSON),
  staff("edit a person", "/newsroom/people/{person}", Object.keys(PERSON), { ...PERSON, key: "han-dy-2" }),
  staff("merge people", "/newsroom/people/{person}/merge", ["into"]),
  staff(
    "new staff member",
    "/newsroom/staff",
    ["name", "email", "role", "desk", "key", "password", "active"],
    {
      name: "새 기자",
      email: "new@news.example.kr",
      role: "reporter",
      desk: "산업부",
      key: "new-one",
      password: "long-enough-pw",
      active: "1",
    },
  ),
  staff("edit a staff member", "/newsroom/staff/{victim}", ["name", "email", "role", "desk", "active"], {
    name: "대상",
    email: "victim@news.example.kr",
    role: "reporter",
    desk: "",
    active: "1",
  }),
  staff("set a password", "/newsroom/staff/{victim}/password", ["password"]),
  // issue 15: the list's bulk actions, a public profile, the lock, a 수정 요청's return
  staff("bulk action", "/newsroom/articles/bulk", ["ids", "action", "sectionId", "label", "back"], {
    ids: "{draft}",
    action: "label_add",
    label: "feature",
  }),
  staff(
    "a public profile",
    "/newsroom/staff/{victim}/profile",
    ["photo", "jobTitle", "bio", "linkLabel1", "linkUrl1"],
    { jobTitle: "선임기자", linkLabel1: "X", linkUrl1: "https://x.com/a" },
  ),
  staff("take a story over", "/newsroom/articles/{article}/lock/takeover", []),
  staff("lock heartbeat", "/newsroom/api/articles/{article}/lock", [], {}, "admin", "json"),
  staff(
    "my password",
    "/newsroom/account/password",
    ["current", "next", "confirm"],
    { current: "wrong-password", next: "new-password-1", confirm: "new-password-1" },
    "reporter",
  ),
  staff("site settings", "/newsroom/settings", ["name", "dateline", "youtubeUrl"], {
    name: "한빛경제",
    dateline: "한빛경제",
    youtubeUrl: "",
  }),
  staff("new event", "/newsroom/events", Object.keys(EVENT), EVENT),
  staff("edit an event", "/newsroom/events/{event}", Object.keys(EVENT), {
    ...EVENT,
    key: "climate-forum-2026",
  }),
  staff("move a registration", "/newsroom/events/{event}/registrations/{n}/move", ["to", "overbook"]),
  staff("photo text", "/newsroom/media/{n}", ["alt", "caption", "credit"], {
    alt: "사진",
    caption: "설명",
    credit: "기자",
  }),
  staff("block a commenter", "/newsroom/comments/{comment}/block", ["kind", "days", "reason"], {
    kind: "nickname",
    days: "7",
    reason: "욕설",
  }),
  staff("moderate", "/newsroom/comments/{n}/hide", []),
];

/** What the site stores that a refused request must leave alone (counters, sessions, throttles aside). */
const WATCHED = [
  "articles",
  "article_authors",
  "article_tags",
  "article_revisions",
  "article_events",
  "sections",
  "staff",
  "people",
  "person_redirects",
  "media",
  "comments",
  "comment_votes",
  "comment_reports",
  "comment_blocks",
  "moderation_log",
  "events",
  "event_speakers",
  "event_registrations",
] as const;

describe("fuzzing every public API and newsroom form", () => {
  let t: TestApp;
  let clock = Date.parse("2026-03-20T12:00:00+09:00");
  const clients: Partial<Record<Target["as"], StaffClient>> = {};
  const ids: Record<string, string> = {};

  async function fingerprint(): Promise<string> {
    const hash = createHash("sha256");
    for (const table of WATCHED) {
      const rows = await t.database.db.selectFrom(table).selectAll().execute();
      const sorted = rows.map((r) => JSON.stringify(r)).sort();
      hash.update(`${table}:${sorted.join("\n")}`);
    }
    const settings = await t.database.db
      .selectFrom("site_settings")
      .selectAll()
      .where("key", "not like", "secret.%")
      .execute();
    hash.update(JSON.stringify(settings.map((r) => JSON.stringify(r)).sort()));
    return hash.digest("hex");
  }

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    const bundle = JSON.parse(
      await fs.readFile(path.join(import.meta.dirname, "../fixtures/example-bundle.json"), "utf8"),
    ) as Bundle & { staff: Bundle["staff"] };
    bundle.staff!.push(
      { key: "fuzz-admin", name: "관리자", email: "admin@news.example.kr", role: "admin" },
      { key: "fuzz-victim", name: "대상", email: "victim@news.example.kr", role: "reporter" },
    );
    await t.import(bundle);
    await givePasswords(t, ["fuzz-admin", "park-sj", "fuzz-victim"]);
    clients.admin = await signIn(t, "admin@news.example.kr");
    clients.reporter = await signIn(t, "sjpark@news.example.kr");
    const one = async <T>(q: Promise<T | undefined>) => (await q) as T;
    const db = t.database.db;
    ids.article = String(
      (await one(db.selectFrom("articles").select("id").where("num", "=", 600001).executeTakeFirst()))!.id,
    );
    ids.draft = String(
      (await one(db.selectFrom("articles").select("id").where("num", "=", 600003).executeTakeFirst()))!.id,
    );
    ids.section = String((await one(db.selectFrom("sections").select("id").executeTakeFirst()))!.id);
    ids.person = String(
      (await one(db.selectFrom("people").select("id").where("key", "=", "han-dy-2").executeTakeFirst()))!.id,
    );
    ids.victim = String(
      (await one(db.selectFrom("staff").select("id").where("key", "=", "fuzz-victim").executeTakeFirst()))!
        .id,
    );
    ids.event = String((await one(db.selectFrom("events").select("id").executeTakeFirst()))!.id);
    const posted = await t.app.inject({
      method: "POST",
      url: "/api/v1/articles/600001/comments",
      payload: { nickname: "퍼즈", password: "pw1234", body: "퍼즈 대상 댓글" },
      remoteAddress: "192.0.2.250",
    });
    ids.comment = String(posted.json().comment.id);
  });
  afterAll(() => t.close());

  const segment = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "1",
        "0",
        "-1",
        "600001",
        "999999999999",
        "abc",
        "%00",
        "%ED%A0%80",
        "%E2%80%AE",
        "..%2F..",
        "x".repeat(300),
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => formEncode(s) || "x") },
  );

  async function send(
    target: Target,
    values: Record<string, unknown>,
    n: string,
    raw: (typeof RAW_BODIES)[number] | null,
    from: string,
  ) {
    const url = target.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "n" ? n : ids[name]!));
    const client = target.as === "reader" ? null : clients[target.as]!;
    const headers: Record<string, string> = client ? { cookie: client.cookie } : {};
    if (client && target.body === "json") headers["x-csrf-token"] = client.csrf;
    values = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        typeof v === "string" ? v.replace(/^\{(\w+)\}$/, (_, id: string) => ids[id]!) : v,
      ]),
    );
    const stringFields = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
    if (target.body === "query" || target.method === "GET") {
      const query = formBody(stringFields);
      return t.app.inject({
        method: "GET",
        url: query ? `${url}?${query}` : url,
        headers,
        remoteAddress: from,
      });
    }
    if (raw) {
      return t.app.inject({
        method: target.method,
        url,
        headers: { ...headers, "content-type": raw.type },
        payload: raw.body,
        remoteAddress: from,
      });
    }
    if (target.body === "json") {
      return t.app.inject({
        method: target.method,
        url,
        headers: { ...headers, "content-type": "application/json" },
        payload: JSON.stringify(values),
        remoteAddress: from,
      });
    }
    const form = client ? { ...stringFields, _csrf: client.csrf } : stringFields;
    return t.app.inject({
      method: target.method,
      url,
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      payload: formBody(form),
      remoteAddress: from,
    });
  }

  for (const target of TARGETS) {
    it(`${target.method} ${target.path} (${target.name})`, async () => {
      const arbitraries = Object.fromEntries(
        target.fields.map((f) => [f, target.body === "json" ? jsonValue : text]),
      );
      const hostile = fc.record(arbitraries, { requiredKeys: [] });
      const everyField = fc.record(arbitraries);
      // Mostly a valid request with one or two fields replaced (to reach the code behind validation),
      // sometimes nothing valid at all.
      const base = target.valid ?? {};
      const mutated = target.fields.length
        ? fc
            .tuple(
              fc.subarray(target.fields, { minLength: 1, maxLength: Math.min(2, target.fields.length) }),
              everyField,
            )
            .map(([chosen, values]) => {
              const out: Record<string, unknown> = { ...base };
              for (const f of chosen) out[f] = values[f];
              return out;
            })
        : fc.constant({ ...base } as Record<string, unknown>);
      const fields = target.valid
        ? fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: hostile })
        : hostile;
      // One request in five is a malformed body instead.
      const rawBody = fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
      );
      const address = fc
        .tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 1, max: 254 }))
        .map(([a, b]) => `10.${a}.${b}.7`);
      await fc.assert(
        fc.asyncProperty(fields, segment, rawBody, address, async (values, n, raw, from) => {
          clock += 61_000;
          const before = await fingerprint();
          const started = performance.now();
          const res: LightMyRequestResponse = await send(target, values, n, raw, from);
          const ms = performance.now() - started;
          if (process.env.DEBUG_FUZZ)
            console.log(target.name, res.statusCode, JSON.stringify(values).slice(0, 150), raw ? "raw" : "");
          expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
          expect(ms).toBeLessThan(SLOW_MS);
          if (res.statusCode >= 400)
            expect(await fingerprint(), `refused with ${res.statusCode} yet data changed`).toBe(before);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});
