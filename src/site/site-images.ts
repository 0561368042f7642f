import { createHash } from "node:crypto";
import type { Sharp } from "sharp";
import { cropAround } from "../media/crops.ts";
import { loadSharp } from "../media/sharp.ts";

/**
 * The paper's images: a logo (for headers and publisher.logo), a square icon (favicon, home screen)
 * and a default share image (og:image of pages without a photo of their own). Admins may pick each
 * from the media library; without one, a clean wordmark is drawn from the paper's name, so every
 * page always has all three.
 */

/** A stored photo chosen as one of the paper's images. */
export interface ChosenPhoto {
  mediaId: number;
  path: string;
  width: number;
  height: number;
  focusX: number;
  focusY: number;
}

export interface SiteImageChoice {
  logo: ChosenPhoto | null;
  icon: ChosenPhoto | null;
  share: ChosenPhoto | null;
}

export const SHARE_SIZE = { width: 1200, height: 630 } as const;
/** Google's publisher logo must fit 600×60. */
export const LOGO_BOX = { width: 600, height: 60 } as const;
export const ICON_SIZES = [16, 32, 180, 192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** What pages need to link the images: their size and a version that changes with them. */
export interface SiteImagesView {
  version: string;
  logo: { src: string; width: number; height: number };
  share: { src: string; width: number; height: number; alt: string };
  icon: (size: IconSize) => string;
}

/** The logo's size inside 600×60, keeping its shape (a wordmark is drawn at the full box). */
export function logoSize(photo: ChosenPhoto | null): { width: number; height: number } {
  if (!photo) return { ...LOGO_BOX };
  const scale = Math.min(LOGO_BOX.width / photo.width, LOGO_BOX.height / photo.height);
  return {
    width: Math.max(1, Math.round(photo.width * scale)),
    height: Math.max(1, Math.round(photo.height * scale)),
  };
}

export function siteImagesVersion(name: string, choice: SiteImageChoice): string {
  const parts = [
    name,
    ...[choice.logo, choice.icon, choice.share].map((p) => (p ? `${p.path}@${p.focusX},${p.focusY}` : "-")),
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 10);
}

export function siteImagesView(name: string, choice: SiteImageChoice): SiteImagesView {
  const version = siteImagesVersion(name, choice);
  return {
    version,
    logo: { src: `/site/logo.png?v=${version}`, ...logoSize(choice.logo) },
    share: { src: `/site/share.png?v=${version}`, ...SHARE_SIZE, alt: name },
    icon: (size) =>
      size === 180
        ? `/apple-touch-icon.png?v=${version}`
        : size === 32
          ? `/favicon.ico?v=${version}`
          : `/site/icon-${size}.png?v=${version}`,
  };
}

const INK = "#0b2545";
const PAPER = "#ffffff";

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The name's visual width in em, roughly: Hangul and CJK count 1, everything else about 0.55. */
function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u4e00-\u9fff]/.test(ch) ? 1 : 0.55;
  return Math.max(1, w);
}

const SERIF = "'NanumMyeongjo', 'Noto Serif KR', 'Nanum Myeongjo', serif";

/** A wordmark: the name in a serif, as large as fits the box, in ink on white or white on ink. */
function wordmarkSvg(
  text: string,
  width: number,
  height: number,
  inverse: boolean,
  maxFontRatio: number,
): Buffer {
  const fontSize = Math.floor(Math.min(height * maxFontRatio, (width * 0.86) / emWidth(text)));
  const bg = inverse ? INK : PAPER;
  const fg = inverse ? PAPER : INK;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<rect width="100%" height="100%" fill="${bg}"/>` +
      `<text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" font-family="${SERIF}" font-weight="800" font-size="${fontSize}" fill="${fg}">${escapeXml(text)}</text>` +
      "</svg>",
  );
}

/** A 16–512 px square icon: the name's first letter, white on ink. */
function iconSvg(name: string, size: number): Buffer {
  const first = [...name.trim()][0] ?? "N";
  return wordmarkSvg(first, size, size, true, 0.62);
}

/** Reads where stored photos are (MediaStore.read). */
export type MediaReader = (rel: string) => Promise<Buffer | null>;

async function photoBytes(read: MediaReader, photo: ChosenPhoto): Promise<Buffer> {
  const bytes = await read(photo.path);
  if (!bytes) throw new Error(`media file missing: ${photo.path}`);
  return bytes;
}

async function fromPhoto(read: MediaReader, photo: ChosenPhoto): Promise<Sharp> {
  const sharp = await loadSharp();
  return sharp(await photoBytes(read, photo)).rotate();
}

export type SiteImageKind = "logo" | "share" | { icon: IconSize };

/** Draws one of the paper's images as PNG: from the chosen photo, or the wordmark. */
export async function renderSiteImage(
  read: MediaReader,
  name: string,
  choice: SiteImageChoice,
  kind: SiteImageKind,
): Promise<Buffer> {
  const sharp = await loadSharp();
  if (kind === "logo") {
    const size = logoSize(choice.logo);
    if (choice.logo)
      return (await fromPhoto(read, choice.logo))
        .resize(size.width, size.height, { fit: "fill" })
        .png()
        .toBuffer();
    return sharp(wordmarkSvg(name, size.width, size.height, false, 0.8))
      .png()
      .toBuffer();
  }
  if (kind === "share") {
    const photo = choice.share;
    if (photo) {
      const input = await photoBytes(read, photo);
      return (
        await cropAround(input, { x: photo.focusX, y: photo.focusY }, SHARE_SIZE.width, SHARE_SIZE.height)
      )
        .png()
        .toBuffer();
    }
    return sharp(wordmarkSvg(name, SHARE_SIZE.width, SHARE_SIZE.height, true, 0.3))
      .png()
      .toBuffer();
  }
  const size = kind.icon;
  const photo = choice.icon;
  if (photo) {
    const input = await photoBytes(read, photo);
    return (await cropAround(input, { x: photo.focusX, y: photo.focusY }, size, size)).png().toBuffer();
  }
  return sharp(iconSvg(name, size)).png().toBuffer();
}

/**
 * An .ico file holding PNG images (the format every browser since 2007 reads): one directory entry
 * per size, each image stored as PNG bytes.
 */
export function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2);
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}
