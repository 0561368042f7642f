import fs from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { isStorePath } from "../../media/media-store.ts";
import type { WebContext } from "../context.ts";
import { sendAsset } from "./assets.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The site's CSS and scripts (from memory, hashed URLs) and stored photos (content-addressed files). */
export async function registerStaticRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  app.get<{ Params: { name: string }; Querystring: { v?: string } }>(
    "/assets/:name",
    async (request, reply) => {
      const asset = ctx.assets.files.get(request.params.name);
      if (!asset) return reply.callNotFound();
      // Pages link assets with their hash (`?v=`): those URLs never change, so browsers keep them.
      const fresh = request.query.v === asset.hash;
      return sendAsset(request, reply, asset, fresh ? IMMUTABLE : "public, max-age=300");
    },
  );

  fs.mkdirSync(ctx.mediaDir, { recursive: true });
  if (ctx.media.kind === "database") {
    // The folder is this instance's cache: a photo another instance stored is fetched into it first,
    // then served like any file (same headers, ranges, conditional requests).
    app.addHook("onRequest", async (request) => {
      if (!request.url.startsWith("/media/")) return;
      let rel: string;
      try {
        rel = decodeURIComponent(request.url.slice("/media/".length).split("?")[0] ?? "");
      } catch {
        return; // malformed escapes: the static handler answers 404 as for any unknown file
      }
      if (isStorePath(rel)) await ctx.media.ensureLocal(rel);
    });
  }
  await app.register(fastifyStatic, {
    root: ctx.mediaDir,
    prefix: "/media/",
    decorateReply: false,
    index: false,
    dotfiles: "deny",
    // File names are content hashes: a URL's bytes never change.
    immutable: true,
    maxAge: 31536000 * 1000,
  });
}
