import { escapeHtml } from "../lib/escape-html.ts";
import { paths } from "../web/paths.ts";
import type { ImageView } from "../web/public/view-models.ts";

/** Where a body's photos are shown: the article column, full width on phones. */
export const BODY_IMAGE_SIZES = "(max-width: 760px) calc(100vw - 32px), 720px";

const STORED_IMG = /<img\b[^>]*?\ssrc="\/media\/([^"]+)"[^>]*>/gi;
const ALT = /\salt="([^"]*)"/i;

/** The media paths (under /media/) of the photos in a sanitised body, each once. */
export function bodyMediaPaths(html: string): string[] {
  return [...new Set([...html.matchAll(STORED_IMG)].map((m) => m[1]!))];
}

/**
 * Serves a sanitised body's stored photos as responsive pictures: WebP renditions in srcset with
 * sizes, the original as fallback, width and height against layout shift, lazy loading and async
 * decoding. `images` maps a media path to its view; a photo not in it is left as it was.
 * The alt text is the body's own (already escaped by the sanitiser).
 */
export function pictureBodyImages(html: string, images: ReadonlyMap<string, ImageView>): string {
  return html.replace(STORED_IMG, (tag, mediaPath: string) => {
    const image = images.get(mediaPath);
    if (!image) return tag;
    const alt = ALT.exec(tag)?.[1] ?? "";
    const source = image.webpSrcset
      ? `<source type="image/webp" srcset="${escapeHtml(image.webpSrcset)}" sizes="${BODY_IMAGE_SIZES}" />`
      : "";
    return `<picture>${source}<img src="${escapeHtml(paths.media(mediaPath))}" alt="${alt}" width="${image.width}" height="${image.height}" loading="lazy" decoding="async" /></picture>`;
  });
}
