import { createHash } from "node:crypto";
import type { Metadata } from "sharp";
import { AppError, fail } from "../lib/errors.ts";
import type { MediaVariant } from "./media.ts";
import { diskMediaStore, type MediaStore } from "./media-store.ts";
import { loadSharp } from "./sharp.ts";

/** Uploads and imported photos: at most this many bytes and pixels. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 60_000_000;
/** WebP renditions for srcset; none is wider than the original. */
export const VARIANT_WIDTHS = [480, 960, 1440] as const;

const FORMATS = {
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
  webp: { mime: "image/webp", ext: "webp" },
} as const;

export interface ProcessedImage {
  sha256: string;
  path: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  variants: MediaVariant[];
}

type ImageProblem = "image_empty" | "image_too_large" | "image_unreadable" | "image_format";

/** A photo refused for its content; `source` names the file when several were sent. */
export class ImageError extends AppError {
  constructor(
    readonly problem: ImageProblem,
    source?: string,
  ) {
    const error =
      problem === "image_too_large" ? fail(problem, MAX_IMAGE_BYTES / 1024 / 1024) : fail(problem);
    super(problem, error.status, source ? `${source}: ${error.message}` : error.message);
  }
}

/**
 * Checks a photo by its content (not its name), stores the original under its SHA-256 and writes
 * WebP renditions beside it, in the configured store. Content addressing makes a second store of the same bytes a no-op, so
 * imports stay idempotent and two instances never fight over a file name.
 */
export async function processImage(target: MediaStore | string, data: Buffer): Promise<ProcessedImage> {
  // A folder name is the disk store in it (the bundle importer and tests pass one).
  const store = typeof target === "string" ? diskMediaStore(target) : target;
  if (data.length === 0) throw new ImageError("image_empty");
  if (data.length > MAX_IMAGE_BYTES) throw new ImageError("image_too_large");
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  } catch {
    throw new ImageError("image_unreadable");
  }
  const format = meta.format && meta.format in FORMATS ? FORMATS[meta.format as keyof typeof FORMATS] : null;
  if (!format || !meta.width || !meta.height) {
    throw new ImageError("image_format");
  }
  // EXIF orientation: report the size as it is shown, which is what the renditions will have.
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;

  const sha256 = createHash("sha256").update(data).digest("hex");
  const dir = sha256.slice(0, 2);
  const original = `${dir}/${sha256}.${format.ext}`;
  if (!(await store.has(original))) await store.put(original, data);

  const widths = [...VARIANT_WIDTHS.filter((w) => w < width), Math.min(width, 1920)];
  const variants: MediaVariant[] = [];
  for (const w of [...new Set(widths)]) {
    const rel = `${dir}/${sha256}-${w}.webp`;
    if (!(await store.has(rel))) {
      const out = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS })
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      await store.put(rel, out);
    }
    variants.push({ width: w, path: rel });
  }
  return { sha256, path: original, mime: format.mime, width, height, bytes: data.length, variants };
}
