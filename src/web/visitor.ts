import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { addressKey } from "../lib/address-key.ts";
import { installSecret, keyedHash, randomToken, safeEqual } from "../lib/secrets.ts";

/**
 * The first-party visitor cookie. It tells one reader's browser from another without an account:
 * comment votes count once per visitor, and reads count once per visitor and article. It lives in
 * `web/` because comments and ranking both read it; neither owns it.
 *
 * The site signs what it issues (`id.signature`, an HMAC with this installation's own key, the same
 * on every instance): a value the site did not sign, or one that was changed, counts as no cookie at
 * all, so making up values buys nothing. A reader without a valid cookie is known by their address.
 */
export const VISITOR_COOKIE = "jikji_vid";

const VISITOR_MAX_AGE_S = 365 * 24 * 3600;
const SIGNED = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

export interface VisitorIds {
  /** the visitor id the request carries, when the site signed it; else null */
  idOf(request: FastifyRequest): Promise<string | null>;
  /** gives the browser a new signed id (for a year) and returns it */
  issue(request: FastifyRequest, reply: FastifyReply): Promise<string>;
  /**
   * Who the reader is for counting: `v:` and their signed id, or (no valid cookie) `a:` and a keyed
   * hash of their address. Fits the 64-character columns that store it.
   */
  readerOf(request: FastifyRequest): Promise<string>;
}

const signatureOf = (key: Buffer, id: string) =>
  Buffer.from(keyedHash(key, `visitor:${id}`), "hex")
    .toString("base64url")
    .slice(0, 22);

/** The cookie's value for a visitor id (22 characters of [A-Za-z0-9_-]), signed with `key`. */
export function signedVisitorId(key: Buffer, id: string): string {
  return `${id}.${signatureOf(key, id)}`;
}

/** The key the site signs visitor ids with (this installation's own, shared by its instances). */
export function visitorKey(db: Kysely<Database>): Promise<Buffer> {
  return installSecret(db, "visitor_cookie");
}

/** The reader as an address: `a:` and 40 hex characters of its keyed hash. */
export async function addressReader(db: Kysely<Database>, address: string): Promise<string> {
  return `a:${(await addressKey(db, address)).slice(0, 40)}`;
}

export function visitorIds(db: Kysely<Database>): VisitorIds {
  const key = () => visitorKey(db);
  const ids: VisitorIds = {
    async idOf(request) {
      const value = request.cookies[VISITOR_COOKIE];
      const m = value ? SIGNED.exec(value) : null;
      if (!m) return null;
      return safeEqual(m[2]!, signatureOf(await key(), m[1]!)) ? m[1]! : null;
    },
    async issue(request, reply) {
      const id = randomToken(16);
      reply.setCookie(VISITOR_COOKIE, signedVisitorId(await key(), id), {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        maxAge: VISITOR_MAX_AGE_S,
        secure: request.protocol === "https",
      });
      return id;
    },
    async readerOf(request) {
      const id = await ids.idOf(request);
      return id ? `v:${id}` : addressReader(db, request.ip);
    },
  };
  return ids;
}
