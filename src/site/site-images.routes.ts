import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { WebContext } from "../web/context.ts";
import { absoluteUrl } from "../web/paths.ts";
import { getSiteImageChoice } from "./site-images.repo.ts";
import { type IconSize, icoFromPngs, renderSiteImage, type SiteImageKind } from "./site-images.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
/** Unversioned addresses (/favicon.ico asked for by browsers by name) may change with the settings. */
const REVALIDATE = "public, max-age=3600";

/**
 * The paper's images at the addresses browsers and crawlers look for: /favicon.ico,
 * /apple-touch-icon.png, /site/icon-192.png and -512.png, /site/logo.png, /site/share.png, and the
 * web manifest. Each is drawn on first request and kept in memory by version (a hash of the name and
 * the chosen photos), so every instance draws the same bytes and a change makes new URLs.
 */
export function registerSiteImageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const drawn = new Map<string, Promise<Buffer>>();
  const read = (rel: string) => ctx.media.read(rel);

  async function send(request: FastifyRequest, reply: FastifyReply, kind: SiteImageKind | "favicon") {
    const chrome = await ctx.chrome();
    const { version } = chrome.images;
    const cacheKey = `${version}:${JSON.stringify(kind)}`;
    let bytes = drawn.get(cacheKey);
    if (!bytes) {
      bytes = (async () => {
        const choice = await getSiteImageChoice(ctx.db);
        const name = chrome.site.name;
        if (kind === "favicon") {
          const sizes = [16, 32] as const;
          const pngs = await Promise.all(
            sizes.map((size) => renderSiteImage(read, name, choice, { icon: size })),
          );
          return icoFromPngs(sizes.map((size, i) => ({ size, png: pngs[i]! })));
        }
        return renderSiteImage(read, name, choice, kind);
      })();
      // Older versions are never asked for again once pages link the new ones.
      if (drawn.size > 64) drawn.clear();
      drawn.set(cacheKey, bytes);
      bytes.catch(() => drawn.delete(cacheKey));
    }
    const etag = `"${version}-${typeof kind === "string" ? kind : kind.icon}"`;
    const fresh = (request.query as { v?: string }).v === version;
    reply
      .type(kind === "favicon" ? "image/x-icon" : "image/png")
      .header("cache-control", fresh ? IMMUTABLE : REVALIDATE)
      .header("etag", etag);
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.send(await bytes);
  }

  app.get("/favicon.ico", (request, reply) => send(request, reply, "favicon"));
  app.get("/apple-touch-icon.png", (request, reply) => send(request, reply, { icon: 180 }));
  for (const size of [192, 512] as IconSize[]) {
    app.get(`/site/icon-${size}.png`, (request, reply) => send(request, reply, { icon: size }));
  }
  app.get("/site/logo.png", (request, reply) => send(request, reply, "logo"));
  app.get("/site/share.png", (request, reply) => send(request, reply, "share"));

  app.get("/manifest.webmanifest", async (_request, reply) => {
    const chrome = await ctx.chrome();
    const manifest = {
      name: chrome.site.name,
      short_name: chrome.site.name,
      lang: "ko",
      start_url: "/",
      scope: "/",
      display: "browser",
      background_color: "#ffffff",
      theme_color: "#0b2545",
      icons: ([192, 512] as const).map((size) => ({
        src: absoluteUrl(chrome.siteUrl, chrome.images.icon(size)),
        sizes: `${size}x${size}`,
        type: "image/png",
        purpose: "any",
      })),
    };
    return reply
      .type("application/manifest+json; charset=utf-8")
      .header("cache-control", REVALIDATE)
      .send(JSON.stringify(manifest));
  });
}
