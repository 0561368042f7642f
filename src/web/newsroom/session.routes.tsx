import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { safeEqual } from "../../lib/secrets.ts";
import { getSiteSettings } from "../../site/site-settings.repo.ts";
import { signIn, signOut } from "../../staff/auth.service.ts";
import { sendPage, type WebContext } from "../context.ts";
import { SESSION_COOKIE } from "../session-cookie.ts";
import { cookieOptions, LOGIN_CSRF_COOKIE, newLoginCsrf } from "./auth.ts";
import { LoginPage } from "./login.view.tsx";
import { noticeFrom } from "./notices.ts";

const LoginForm = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(200),
  next: z.string().max(500).optional(),
  _csrf: z.string().max(100).optional(),
});

/** Only our own newsroom paths are followed after sign-in: never an open redirect. */
export function safeNext(next: string | undefined): string {
  return next && /^\/newsroom(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(next) && !next.startsWith("//")
    ? next
    : "/newsroom";
}

/** Sign-in and sign-out. Sign-in's CSRF check uses a double-submit cookie, since there is no session yet. */
export function registerSessionRoutes(app: FastifyInstance, ctx: WebContext): void {
  const page = async (
    reply: Parameters<typeof sendPage>[0],
    csrf: string,
    opts: { next: string; email?: string; error?: string | null; notice?: string | null; status?: number },
  ) => {
    const site = await getSiteSettings(ctx.db);
    reply.setCookie(LOGIN_CSRF_COOKIE, csrf, cookieOptions(ctx, 3600));
    return sendPage(
      reply,
      <LoginPage siteName={site.name} assets={ctx.assets} csrf={csrf} {...opts} />,
      opts.status ?? 200,
      "no-store",
    );
  };

  app.get("/newsroom/login", async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    reply.header("x-robots-tag", "noindex, nofollow");
    return page(reply, newLoginCsrf(), { next, notice: noticeFrom(request.query) });
  });

  app.post("/newsroom/login", async (request, reply) => {
    const form = LoginForm.safeParse(request.body ?? {});
    const cookieCsrf = request.cookies[LOGIN_CSRF_COOKIE];
    const next = safeNext(form.success ? form.data.next : undefined);
    if (!form.success || !cookieCsrf || !form.data._csrf || !safeEqual(cookieCsrf, form.data._csrf)) {
      return page(reply, newLoginCsrf(), {
        next,
        error: "보안 확인이 만료되었습니다. 다시 로그인해 주세요.",
        status: 403,
      });
    }
    try {
      const { token } = await signIn(
        { db: ctx.db, now: ctx.now, sleep: ctx.sleep },
        {
          email: form.data.email,
          password: form.data.password,
          address: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        },
      );
      reply.clearCookie(LOGIN_CSRF_COOKIE, cookieOptions(ctx));
      reply.setCookie(SESSION_COOKIE, ctx.sessions.sign(token), cookieOptions(ctx));
      return reply.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.details?.retryAfterSeconds)
        reply.header("retry-after", String(error.details.retryAfterSeconds));
      return page(reply, newLoginCsrf(), {
        next,
        email: form.data.email,
        error: error.message,
        status: error.status,
      });
    }
  });
}

/** Sign-out is registered behind the guard: it needs the session and its CSRF token. */
export function registerSignOut(app: FastifyInstance, ctx: WebContext): void {
  app.post("/newsroom/logout", async (request, reply) => {
    if (request.session) await signOut({ db: ctx.db, now: ctx.now }, request.session.id);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(ctx));
    return reply.redirect("/newsroom/login?notice=signed_out", 303);
  });
}
