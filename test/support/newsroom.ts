import type { LightMyRequestResponse } from "fastify";
import { setPassword } from "../../src/staff/auth.service.ts";
import type { TestApp } from "./app.ts";

export const PASSWORD = "correct-horse-battery";

/** Gives the named staff (by key) the test password. */
export async function givePasswords(t: TestApp, keys: string[]): Promise<void> {
  for (const key of keys) {
    const row = await t.database.db
      .selectFrom("staff")
      .select("id")
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    await setPassword({ db: t.database.db, now: Date.now }, row.id, PASSWORD);
  }
}

function cookiesFrom(res: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.cookies) out[c.name] = c.value;
  return out;
}

export interface StaffClient {
  cookie: string;
  csrf: string;
  get(path: string): Promise<LightMyRequestResponse>;
  /** a form post carrying the session's CSRF token unless `csrf: false` */
  post(
    path: string,
    form?: Record<string, string>,
    options?: { csrf?: boolean | string },
  ): Promise<LightMyRequestResponse>;
  json(path: string, body: unknown, options?: { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

/** Signs in through the real form (double-submit CSRF and all) and returns a client for that session. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<StaffClient> {
  const res = await signInResponse(t, email, password);
  if (res.statusCode !== 303) throw new Error(`sign-in failed for ${email}: ${res.statusCode}`);
  const session = cookiesFrom(res).jikji_session!;
  const cookie = `jikji_session=${session}`;
  let home = await t.app.inject({ url: "/newsroom", headers: { cookie, accept: "text/html" } });
  // Each role lands on its own page (a moderator's /newsroom is the comment queue).
  if (home.statusCode === 303 && String(home.headers.location).startsWith("/newsroom/")) {
    home = await t.app.inject({
      url: String(home.headers.location),
      headers: { cookie, accept: "text/html" },
    });
  }
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(home.body)?.[1];
  if (!csrf) throw new Error("no CSRF token on the newsroom page");
  return {
    cookie,
    csrf,
    get: (path) => t.app.inject({ url: path, headers: { cookie, accept: "text/html" } }),
    post: (path, form = {}, options = {}) => {
      const token =
        options.csrf === false ? undefined : typeof options.csrf === "string" ? options.csrf : csrf;
      return t.app.inject({
        method: "POST",
        url: path,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ ...form, ...(token ? { _csrf: token } : {}) }).toString(),
      });
    },
    json: (path, body, options = {}) =>
      t.app.inject({
        method: "POST",
        url: path,
        headers: {
          cookie,
          "content-type": "application/json",
          ...(options.csrf === false ? {} : { "x-csrf-token": csrf }),
        },
        payload: JSON.stringify(body),
      }),
  };
}

export async function signInResponse(
  t: TestApp,
  email: string,
  password: string,
  /** the client's address (default: light-my-request's 127.0.0.1) */
  from?: string,
): Promise<LightMyRequestResponse> {
  const page = await t.app.inject({ url: "/newsroom/login", ...(from ? { remoteAddress: from } : {}) });
  const loginCsrf = cookiesFrom(page).jikji_login_csrf!;
  const field = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return t.app.inject({
    method: "POST",
    url: "/newsroom/login",
    headers: { cookie: `jikji_login_csrf=${loginCsrf}`, "content-type": "application/x-www-form-urlencoded" },
    ...(from ? { remoteAddress: from } : {}),
    payload: new URLSearchParams({ email, password, _csrf: field, next: "/newsroom" }).toString(),
  });
}

/** Gives each of `staff` the test password and signs them in: a client per staff key. */
export async function signInAll(
  t: TestApp,
  staff: readonly { key: string; email: string }[],
): Promise<Record<string, StaffClient>> {
  await givePasswords(
    t,
    staff.map((s) => s.key),
  );
  const clients: Record<string, StaffClient> = {};
  for (const s of staff) clients[s.key] = await signIn(t, s.email);
  return clients;
}

/** The id of the section at `slug` (e.g. "industry/electronics"). */
export async function sectionIdOf(t: TestApp, slug: string): Promise<number> {
  const row = await t.database.db
    .selectFrom("sections")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return row.id;
}
