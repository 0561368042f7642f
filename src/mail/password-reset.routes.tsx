import type { FastifyInstance, FastifyReply } from "fastify";
import type { VNode } from "preact";
import { z } from "zod";
import { AppError, fail } from "../lib/errors.ts";
import { safeEqual } from "../lib/secrets.ts";
import { getSiteSettings } from "../site/site-settings.repo.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { cookieOptions, LOGIN_CSRF_COOKIE, newLoginCsrf } from "../web/newsroom/auth.ts";
import { checkOrigin } from "../web/origin.ts";
import {
  checkResetLink,
  completePasswordReset,
  type PasswordResetDeps,
  requestPasswordReset,
} from "./password-reset.service.ts";
import { ResetLinkInvalidPage, ResetPasswordPage, ResetRequestPage } from "./password-reset.view.tsx";

const RequestForm = z.object({
  // Longer than any address: refused as one (400) by the use case, not cut here.
  email: z.string().trim().max(1000).catch(""),
  _csrf: z.string().max(100).optional().catch(undefined),
});

const TokenQuery = z.object({ token: z.string().max(200).optional() });

const CompleteForm = z.object({
  token: z.string().max(200),
  password: z.string().max(1000),
  confirm: z.string().max(1000),
  _csrf: z.string().max(100).optional(),
});

/**
 * `/newsroom/reset` (the contract's path): a staff member who forgot their password asks for a link
 * by e-mail, and the link (`?token=…`) opens a form for a new one. Open to everyone like the sign-in
 * page, with the same double-submit CSRF cookie and the Origin check; nothing here tells whether an
 * address belongs to staff.
 */
export function registerPasswordResetRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: PasswordResetDeps = {
    db: ctx.db,
    now: ctx.now,
    limiter: ctx.limiter,
    siteUrl: ctx.config.siteUrl,
  };

  const send = async (reply: FastifyReply, page: (siteName: string, csrf: string) => VNode, status = 200) => {
    const site = await getSiteSettings(ctx.db);
    const csrf = newLoginCsrf();
    reply.setCookie(LOGIN_CSRF_COOKIE, csrf, cookieOptions(ctx, 3600));
    // The token is in this page's address: it must not travel on in a Referer.
    reply.header("referrer-policy", "no-referrer").header("x-robots-tag", "noindex, nofollow");
    return sendPage(reply, page(site.name, csrf), status, "no-store");
  };

  const invalid = (reply: FastifyReply, error: AppError) =>
    send(
      reply,
      (siteName) => <ResetLinkInvalidPage siteName={siteName} assets={ctx.assets} message={error.message} />,
      error.status,
    );

  const csrfOk = (cookie: string | undefined, sent: string | undefined) =>
    Boolean(cookie && sent && safeEqual(cookie, sent));

  app.get("/newsroom/reset", async (request, reply) => {
    const q = TokenQuery.safeParse(request.query ?? {});
    const token = q.success ? q.data.token : undefined;
    if (token === undefined) {
      return send(reply, (siteName, csrf) => (
        <ResetRequestPage siteName={siteName} assets={ctx.assets} csrf={csrf} />
      ));
    }
    try {
      await checkResetLink(deps, token);
    } catch (error) {
      if (error instanceof AppError) return invalid(reply, error);
      throw error;
    }
    return send(reply, (siteName, csrf) => (
      <ResetPasswordPage siteName={siteName} assets={ctx.assets} csrf={csrf} token={token} />
    ));
  });

  app.post("/newsroom/reset", async (request, reply) => {
    checkOrigin(ctx, request);
    const form = RequestForm.safeParse(request.body ?? {});
    const email = form.success ? form.data.email.slice(0, 254) : "";
    const page =
      (error: string | null, sent = false) =>
      (siteName: string, csrf: string) => (
        <ResetRequestPage
          siteName={siteName}
          assets={ctx.assets}
          csrf={csrf}
          email={email}
          error={error}
          sent={sent}
        />
      );
    if (!form.success || !csrfOk(request.cookies[LOGIN_CSRF_COOKIE], form.data._csrf)) {
      return send(reply, page(fail("csrf_invalid").message), 403);
    }
    try {
      await requestPasswordReset(deps, { email: form.data.email, address: request.ip });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.details?.retryAfterSeconds)
        reply.header("retry-after", String(error.details.retryAfterSeconds));
      return send(reply, page(error.message), error.status);
    }
    return send(reply, page(null, true));
  });

  app.post("/newsroom/reset/password", async (request, reply) => {
    checkOrigin(ctx, request);
    const form = CompleteForm.safeParse(request.body ?? {});
    if (!form.success) return invalid(reply, fail("reset_link_invalid"));
    const { token } = form.data;
    if (!csrfOk(request.cookies[LOGIN_CSRF_COOKIE], form.data._csrf)) {
      return send(
        reply,
        (siteName, csrf) => (
          <ResetPasswordPage
            siteName={siteName}
            assets={ctx.assets}
            csrf={csrf}
            token={token}
            error={fail("csrf_invalid").message}
          />
        ),
        403,
      );
    }
    try {
      await completePasswordReset(deps, form.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "reset_link_invalid") return invalid(reply, error);
      return send(
        reply,
        (siteName, csrf) => (
          <ResetPasswordPage
            siteName={siteName}
            assets={ctx.assets}
            csrf={csrf}
            token={token}
            error={error.message}
          />
        ),
        error.status,
      );
    }
    reply.clearCookie(LOGIN_CSRF_COOKIE, cookieOptions(ctx));
    return reply.redirect("/newsroom/login?notice=password_reset", 303);
  });
}
