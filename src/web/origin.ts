import type { FastifyRequest } from "fastify";
import { fail } from "../lib/errors.ts";
import type { WebContext } from "./context.ts";

/**
 * Refuses a write that another site's page sent: a request whose `Origin` is neither the configured
 * site nor the host it was sent to. Readers' forms and scripts carry no CSRF token, so for a comment, a
 * vote or a registration this is what stops a page elsewhere from writing in their name; the newsroom
 * checks it before its CSRF token. A request without `Origin` (curl, an old browser's same-origin
 * form) is let through.
 *
 * It lives in `web/` rather than in a feature because every feature with a public write needs it.
 */
export function checkOrigin(ctx: Pick<WebContext, "config">, request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (
    origin &&
    origin !== new URL(ctx.config.siteUrl).origin &&
    origin !== `${request.protocol}://${request.host}`
  ) {
    throw fail("forbidden_origin");
  }
}
