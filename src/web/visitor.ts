import type { FastifyReply, FastifyRequest } from "fastify";
import { randomToken } from "../lib/secrets.ts";

/**
 * The first-party visitor cookie. It tells one reader's browser from another without an account:
 * comment votes and reports count once per visitor, and reads count once per visitor and article.
 * It lives in `web/` because comments and ranking both read it; neither owns it.
 */
export const VISITOR_COOKIE = "jikji_vid";

/** A visitor id as the cookie carries it: what `randomToken` makes, nothing else. */
export const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;

const VISITOR_MAX_AGE_S = 365 * 24 * 3600;

/** The visitor id the request carries, when it carries a well-formed one. */
export function visitorIdOf(request: FastifyRequest): string | null {
  const id = request.cookies[VISITOR_COOKIE];
  return id && VISITOR_ID.test(id) ? id : null;
}

/** Gives the browser a new visitor id (for a year) and returns it. */
export function setVisitorCookie(request: FastifyRequest, reply: FastifyReply): string {
  const id = randomToken(16);
  reply.setCookie(VISITOR_COOKIE, id, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    maxAge: VISITOR_MAX_AGE_S,
    secure: request.protocol === "https",
  });
  return id;
}

/** The reader as a visitor (`v:` and their id); a reader without a well-formed cookie gets one now. */
export function visitorOf(request: FastifyRequest, reply: FastifyReply): string {
  return `v:${visitorIdOf(request) ?? setVisitorCookie(request, reply)}`;
}
