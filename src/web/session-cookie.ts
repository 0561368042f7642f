import type { IncomingMessage } from "node:http";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { installSecret, keyedHash, safeEqual } from "../lib/secrets.ts";

/**
 * The newsroom's session cookie. Its own module because the page cache must recognise staff
 * requests (never cached) without depending on the newsroom's sign-in code.
 *
 * The value is the session token and a signature (`token.signature`, an HMAC with this
 * installation's own key, shared by its instances). Only a signed value counts as a session: the
 * page cache skips requests that carry one, so an unsigned or changed value, which anyone can send,
 * must not be a way to make every request render.
 */
export const SESSION_COOKIE = "jikji_session";

const SIGNED = /^([A-Za-z0-9_-]{20,64})\.([A-Za-z0-9_-]{22})$/;

export interface SessionCookies {
  /** the cookie's value for a session token */
  sign(token: string): string;
  /** the session token in a cookie value this site signed; undefined for anything else */
  tokenOf(value: string | undefined): string | undefined;
  /** whether a request's Cookie header carries a session cookie this site signed */
  carriedBy(request: IncomingMessage): boolean;
}

export async function sessionCookies(db: Kysely<Database>): Promise<SessionCookies> {
  const key = await installSecret(db, "session_cookie");
  const signatureOf = (token: string) =>
    Buffer.from(keyedHash(key, `session:${token}`), "hex")
      .toString("base64url")
      .slice(0, 22);
  const tokenOf = (value: string | undefined) => {
    const m = value ? SIGNED.exec(value) : null;
    return m && safeEqual(m[2]!, signatureOf(m[1]!)) ? m[1]! : undefined;
  };
  return {
    sign: (token) => `${token}.${signatureOf(token)}`,
    tokenOf,
    carriedBy(request) {
      const header = request.headers.cookie;
      if (!header?.includes(`${SESSION_COOKIE}=`)) return false;
      for (const pair of header.split(";")) {
        const at = pair.indexOf("=");
        if (at < 0 || pair.slice(0, at).trim() !== SESSION_COOKIE) continue;
        if (tokenOf(pair.slice(at + 1).trim())) return true;
      }
      return false;
    },
  };
}
