import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ASSET_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "assets");
const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

export interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

/** The site's own CSS and scripts, read once at boot and served with a content hash in the URL. */
export interface Assets {
  files: Map<string, Asset>;
  url(name: string): string;
}

export function loadAssets(dir = ASSET_DIR): Assets {
  const files = new Map<string, Asset>();
  for (const name of fs.readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(dir, name));
    files.set(name, { body, type, hash: createHash("sha256").update(body).digest("hex").slice(0, 10) });
  }
  return {
    files,
    url(name) {
      const a = files.get(name);
      if (!a) throw new Error(`unknown asset ${name}`);
      return `/assets/${name}?v=${a.hash}`;
    },
  };
}
