import type { FastifyRequest } from "fastify";
import { getSiteSettings } from "../../site/site-settings.repo.ts";
import type { WebContext } from "../context.ts";
import { staffOf } from "./auth.ts";
import { noticeFrom } from "./notices.ts";

/** The props every guarded newsroom page needs: who is signed in, their CSRF token, the paper's name. */
export async function pageBase(ctx: WebContext, request: FastifyRequest) {
  const site = await getSiteSettings(ctx.db);
  return {
    siteName: site.name,
    assets: ctx.assets,
    user: staffOf(request),
    csrfToken: request.session?.csrfToken,
    notice: noticeFrom(request.query),
  };
}
