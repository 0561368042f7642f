import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { WebContext } from "../web/context.ts";
import { CROP_SHAPES, type CropShape, croppedFile } from "./crops.ts";
import { findMediaBySha } from "./media.repo.ts";

const Params = z.object({
  shape: z.enum(Object.keys(CROP_SHAPES) as [CropShape, ...CropShape[]]),
  dir: z.string().regex(/^[0-9a-f]{2}$/),
  file: z.string().regex(/^[0-9a-f]{64}\.jpg$/),
});

/**
 * `/crop/{16x9|4x3|1x1}/{dir}/{sha}.jpg`: a stored photo cut to a shape at its current focal point,
 * for structured data and link previews. Only photos in the library, only these shapes; the `f`
 * query names the focal point the page linked, so a moved point makes a new URL.
 */
export function registerCropRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/crop/:shape/:dir/:file", async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const sha256 = params.data.file.slice(0, 64);
    const media = await findMediaBySha(ctx.db, sha256);
    if (!media) return reply.callNotFound();
    const focus = { x: media.focus_x ?? 50, y: media.focus_y ?? 50 };
    const bytes = await croppedFile(ctx.media, media.path, sha256, params.data.shape, focus);
    if (!bytes) return reply.callNotFound();
    const linked = (request.query as { f?: string }).f === `${focus.x}-${focus.y}`;
    return reply
      .type("image/jpeg")
      .header("cache-control", linked ? "public, max-age=31536000, immutable" : "public, max-age=3600")
      .send(bytes);
  });
}
