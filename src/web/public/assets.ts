import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { negotiateEncoding } from "../page-cache/encoding.ts";
import { etagOf, matchesEtag } from "../page-cache/page-cache.ts";

const ASSET_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "assets");
const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

export interface Asset {
  body: Buffer;
  /** the same bytes compressed once at boot (brotli at its best, gzip at 9) */
  br: Buffer;
  gzip: Buffer;
  type: string;
  hash: string;
}

/** The site's own CSS and scripts, read once at boot and served with a content hash in the URL. */
export interface Assets {
  files: Map<string, Asset>;
  url(name: string): string;
}

/** An asset from its bytes: hashed for its URL, compressed once for every answer after. */
export function toAsset(body: Buffer, type: string): Asset {
  return {
    body,
    br: zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
    gzip: zlib.gzipSync(body, { level: 9 }),
    type,
    hash: createHash("sha256").update(body).digest("hex").slice(0, 10),
  };
}

/** Answers with an asset in the coding the client takes, validated by its hash. */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string) {
  const encoding = negotiateEncoding(request.headers["accept-encoding"]);
  reply
    .type(asset.type)
    .header("cache-control", cacheControl)
    .header("vary", "Accept-Encoding")
    .header("etag", etagOf(asset.hash, encoding));
  if (matchesEtag(request.headers["if-none-match"], asset.hash)) return reply.code(304).send();
  if (encoding === "identity") return reply.send(asset.body);
  return reply.header("content-encoding", encoding).send(encoding === "br" ? asset.br : asset.gzip);
}

export function loadAssets(dir = ASSET_DIR): Assets {
  const files = new Map<string, Asset>();
  for (const name of fs.readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    files.set(name, toAsset(fs.readFileSync(path.join(dir, name)), type));
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
