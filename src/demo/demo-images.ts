import { loadSharp } from "../media/sharp.ts";

/**
 * Stand-in photos for the demo newsroom, drawn here so that the demo carries no third-party images:
 * abstract skylines, charts and horizons in a newspaper's muted palette. No text, so no font needed.
 */
const PALETTES: [string, string, string][] = [
  ["#1f3b57", "#4f7ca8", "#e8eef5"],
  ["#2d4a3e", "#6f9f7a", "#eef4ea"],
  ["#4a2f2a", "#b0714f", "#f6ece4"],
  ["#2b2d42", "#8d99ae", "#edf2f4"],
  ["#3d405b", "#e07a5f", "#f4f1de"],
  ["#14213d", "#fca311", "#e5e5e5"],
  ["#22333b", "#5e503f", "#eae0d5"],
  ["#003049", "#d62828", "#fcbf49"],
  ["#264653", "#2a9d8f", "#e9c46a"],
  ["#3a0ca3", "#4895ef", "#caf0f8"],
  ["#283618", "#606c38", "#fefae0"],
  ["#370617", "#9d0208", "#ffba08"],
];

function pseudoRandom(seed: number) {
  let s = seed * 2654435761;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return (s >>> 8) / 0xffffff;
  };
}

function svgFor(index: number, width: number, height: number): string {
  const [dark, mid, light] = PALETTES[index % PALETTES.length]!;
  const rand = pseudoRandom(index + 1);
  const kind = index % 3;
  let shapes = "";
  if (kind === 0) {
    // a skyline
    let x = 0;
    while (x < width) {
      const w = 40 + rand() * 110;
      const h = height * (0.2 + rand() * 0.55);
      shapes += `<rect x="${x.toFixed(0)}" y="${(height - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${dark}" opacity="${(0.7 + rand() * 0.3).toFixed(2)}"/>`;
      x += w + 4;
    }
  } else if (kind === 1) {
    // a rising chart
    const points: string[] = [];
    for (let i = 0; i <= 12; i++)
      points.push(
        `${((width / 12) * i).toFixed(0)},${(height * (0.8 - i * 0.04 - rand() * 0.12)).toFixed(0)}`,
      );
    shapes = `<polyline points="${points.join(" ")}" fill="none" stroke="${light}" stroke-width="14" stroke-linejoin="round"/>`;
    for (let i = 0; i < 12; i++) {
      const h = height * (0.1 + rand() * 0.3);
      shapes += `<rect x="${((width / 12) * i + 10).toFixed(0)}" y="${(height - h).toFixed(0)}" width="${(width / 12 - 20).toFixed(0)}" height="${h.toFixed(0)}" fill="${dark}" opacity="0.55"/>`;
    }
  } else {
    // a horizon with a sun and waves
    shapes = `<circle cx="${(width * (0.3 + rand() * 0.4)).toFixed(0)}" cy="${(height * 0.45).toFixed(0)}" r="${(height * 0.16).toFixed(0)}" fill="${light}" opacity="0.9"/>`;
    for (let i = 0; i < 6; i++) {
      const y = height * (0.6 + i * 0.07);
      shapes += `<path d="M0 ${y.toFixed(0)} Q ${width * 0.25} ${(y - 25).toFixed(0)} ${width * 0.5} ${y.toFixed(0)} T ${width} ${y.toFixed(0)} V ${height} H 0 Z" fill="${dark}" opacity="${(0.25 + i * 0.1).toFixed(2)}"/>`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${light}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
}

/** A demo photo as a JPEG data: URI, the way a bundle carries images. */
export async function demoImageDataUri(index: number, width = 1200, height = 800): Promise<string> {
  const sharp = await loadSharp();
  const jpeg = await sharp(Buffer.from(svgFor(index, width, height)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}
