import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Sharp } from "sharp";
import type { ImageView } from "../web/public/view-models.ts";
import type { MediaStore } from "./media-store.ts";
import { loadSharp } from "./sharp.ts";

/** The shapes search engines ask of an article's image (16:9, 4:3, 1:1), 1200 px wide. */
export const CROP_SHAPES = {
  "16x9": { width: 1200, height: 675 },
  "4x3": { width: 1200, height: 900 },
  "1x1": { width: 1200, height: 1200 },
} as const;
export type CropShape = keyof typeof CROP_SHAPES;

/** A photo cut to `width`×`height` around its focal point: scaled to cover, then moved to the point. */
export async function cropAround(
  input: Buffer,
  focus: { x: number; y: number },
  width: number,
  height: number,
): Promise<Sharp> {
  const sharp = await loadSharp();
  const upright = await sharp(input).rotate().toBuffer({ resolveWithObject: true });
  const w = upright.info.width;
  const h = upright.info.height;
  const scale = Math.max(width / w, height / h);
  const sw = Math.max(width, Math.round(w * scale));
  const sh = Math.max(height, Math.round(h * scale));
  const left = Math.min(Math.max(0, Math.round((sw * focus.x) / 100 - width / 2)), sw - width);
  const top = Math.min(Math.max(0, Math.round((sh * focus.y) / 100 - height / 2)), sh - height);
  const scaled = await sharp(upright.data).resize(sw, sh, { fit: "fill" }).toBuffer();
  return sharp(scaled).extract({ left, top, width, height });
}

/** The address of a stored photo cut to a shape at its focal point (served by crop.routes.ts). */
export function cropUrl(image: Pick<ImageView, "src" | "focus">, shape: CropShape): string {
  const stored = image.src.replace(/^\/media\//, "");
  return `/crop/${shape}/${stored.replace(/\.[a-z]+$/, ".jpg")}?f=${image.focus.x}-${image.focus.y}`;
}

/**
 * The JPEG of `original` (a path in the media store) cut to `shape` at the focal point, drawn once and
 * kept under crops/ by content hash, shape and point in the store's local folder: instances sharing a
 * media folder share it; with the database store each instance draws its own (it is derived).
 * Null when the store has no such original.
 */
export async function croppedFile(
  media: Pick<MediaStore, "dir" | "read">,
  original: string,
  sha256: string,
  shape: CropShape,
  focus: { x: number; y: number },
): Promise<Buffer | null> {
  const file = path.join(media.dir, "crops", shape, `${sha256}-${focus.x}-${focus.y}.jpg`);
  const kept = await fs.readFile(file).catch(() => null);
  if (kept) return kept;
  const { width, height } = CROP_SHAPES[shape];
  const input = await media.read(original);
  if (!input) return null;
  const bytes = await (await cropAround(input, focus, width, height))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
  return bytes;
}
