import type { FastifyInstance } from "fastify";

/**
 * Headers on every answer. Scripts and styles come only from our origin, so no inline script or
 * style can run even if markup slipped through (JSON-LD is data, not script, and CSP leaves it be).
 */
const CSP_PARTS = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];
const CSP = CSP_PARTS.join("; ");

/**
 * The policy of a page that embeds a YouTube video (영상 stories): the same, plus frames from the
 * privacy-enhanced host only. Set by that page's route; every other answer keeps `CSP`.
 */
export const CSP_WITH_YOUTUBE_FRAMES = [...CSP_PARTS, "frame-src https://www.youtube-nocookie.com"].join(
  "; ",
);

/** Browsers keep to https for a year once they have seen the site there (SITE_URL https only). */
const HSTS = "max-age=31536000";

export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook("onSend", async (_request, reply) => {
    if (options.https) reply.header("strict-transport-security", HSTS);
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "strict-origin-when-cross-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    reply.header("cross-origin-opener-policy", "same-origin");
  });
}
