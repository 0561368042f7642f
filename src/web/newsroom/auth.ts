import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import { fail } from "../../lib/errors.ts";
import { randomToken, safeEqual } from "../../lib/secrets.ts";
import { resumeSession } from "../../staff/auth.service.ts";
import type { SessionWithUser } from "../../staff/session.repo.ts";
import { can, type Permission, type StaffUser } from "../../staff/staff.ts";
import type { WebContext } from "../context.ts";
import { checkOrigin } from "../origin.ts";
import { SESSION_COOKIE } from "../session-cookie.ts";

export const LOGIN_CSRF_COOKIE = "jikji_login_csrf";

declare module "fastify" {
  interface FastifyRequest {
    session: SessionWithUser | null;
  }
}

/** The signed-in staff member; only call behind `loadSession` + `requireStaff`. */
export function staffOf(request: FastifyRequest): StaffUser {
  if (!request.session) throw fail("unauthenticated");
  return request.session.user;
}

export function cookieOptions(ctx: WebContext, maxAgeSeconds?: number) {
  return {
    path: "/newsroom",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: ctx.config.siteUrl.startsWith("https://"),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function wantsHtml(request: FastifyRequest): boolean {
  return (
    request.method === "GET" &&
    !request.url.includes("/api/") &&
    (request.headers.accept ?? "").includes("text/html")
  );
}

/**
 * Every newsroom request past the sign-in page: a live session, and for anything that changes state a
 * CSRF token matching the session's (form field `_csrf` or header `x-csrf-token`) from our own origin.
 */
export function newsroomGuard(ctx: WebContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header("cache-control", "no-store").header("x-robots-tag", "noindex, nofollow");
    request.session = await resumeSession(
      { db: ctx.db, now: ctx.now },
      ctx.sessions.tokenOf(request.cookies[SESSION_COOKIE]),
    );
    if (!request.session) {
      if (wantsHtml(request)) {
        const next = encodeURIComponent(request.url);
        return reply.redirect(`/newsroom/login?next=${next}`, 303);
      }
      throw fail("unauthenticated");
    }
    if (!SAFE_METHODS.has(request.method)) checkCsrf(ctx, request, request.session.csrfToken);
  };
}

export function checkCsrf(ctx: WebContext, request: FastifyRequest, expected: string): void {
  checkOrigin(ctx, request);
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === "string" ? body._csrf : undefined) ?? request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !safeEqual(sent, expected)) {
    throw fail("csrf_invalid");
  }
}

export function requirePermission(request: FastifyRequest, permission: Permission): StaffUser {
  const user = staffOf(request);
  if (!can(user.role, permission)) throw fail("forbidden");
  return user;
}

export const newLoginCsrf = () => randomToken(24);
