import type { MediaRow } from "../db/schema.ts";
import { paths } from "../web/paths.ts";
import type { ImageView } from "../web/public/view-models.ts";

export interface MediaVariant {
  width: number;
  path: string;
}

export function parseVariants(json: string): MediaVariant[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? (parsed as MediaVariant[]) : [];
}

/** Builds the view of a stored photo with this use's alt text, caption and credit. */
export function toImageView(
  media: Pick<MediaRow, "path" | "width" | "height" | "variants" | "mime" | "bytes"> &
    Partial<Pick<MediaRow, "focus_x" | "focus_y">>,
  use: { alt: string | null; caption: string | null; credit: string | null },
): ImageView {
  const variants = parseVariants(media.variants);
  return {
    src: paths.media(media.path),
    width: media.width,
    height: media.height,
    webpSrcset: variants.map((v) => `${paths.media(v.path)} ${v.width}w`).join(", "),
    mime: media.mime,
    bytes: media.bytes,
    alt: use.alt ?? use.caption ?? "",
    caption: use.caption,
    credit: use.credit,
    focus: { x: media.focus_x ?? 50, y: media.focus_y ?? 50 },
  };
}
