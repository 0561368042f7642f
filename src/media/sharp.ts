import type Sharp from "sharp";

/**
 * sharp (libvips), loaded the first time an image is made. Importing it maps libvips and starts its
 * thread pool: +29 MB of RSS measured on Node 20, which an instance that serves kept pages and never
 * draws an image (most of them, most of the time) need not pay.
 */
let loading: Promise<typeof Sharp> | null = null;

export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import("sharp").then((m) => m.default);
  return loading;
}
