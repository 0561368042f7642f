import zlib from "node:zlib";

/** The content codings Jikji sends: brotli for browsers, gzip for older clients, none for the rest. */
export type Encoding = "br" | "gzip" | "identity";

/**
 * The coding to send for an `Accept-Encoding` header: brotli when accepted, else gzip, else none.
 * Honours `q=0` (refused) and `*`; ignores codings we do not make. Never throws on junk.
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return "identity";
  let br = -1;
  let gzip = -1;
  let star = -1;
  for (const part of header.split(",")) {
    const [rawName, ...params] = part.split(";");
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q)) q = 0;
    if (name === "br") br = q;
    else if (name === "gzip" || name === "x-gzip") gzip = q;
    else if (name === "*") star = q;
  }
  if (br < 0) br = star;
  if (gzip < 0) gzip = star;
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  if (br > 0) return "br";
  return "identity";
}

const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|manifest\+json|javascript)|image\/svg\+xml)/i;

/** Whether a response of this Content-Type is worth compressing (text, not photos). */
export function isCompressible(contentType: string | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}

/**
 * Brotli quality for pages kept in the cache. Measured on 40 article pages of the benchmark (24 KB
 * each, see bench/README.md): quality 6 makes 6.47 KB on average, 7 makes 6.31 KB in about the same
 * time with a 128 KB window (`PAGE_BROTLI_LGWIN`); 10–11 make ~5.8 KB but take 8–20 ms a page, too
 * much for a cache refill after a purge.
 */
export const CACHED_BROTLI_QUALITY = 7;
/** For answers compressed on every request (JSON, newsroom pages): cheap and still ~4× smaller. */
export const LIVE_BROTLI_QUALITY = 4;

/**
 * The window: 128 KB holds any page whole (a bigger one only matters past that size), and the hash
 * tables qualities 7+ set up grow with it, so a small one keeps each compression cheap.
 */
const PAGE_BROTLI_LGWIN = 17;

function brotliOptions(quality: number, size: number): zlib.BrotliOptions {
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
      [zlib.constants.BROTLI_PARAM_LGWIN]: size <= 1 << PAGE_BROTLI_LGWIN ? PAGE_BROTLI_LGWIN : 22,
    },
  };
}

/** Compresses on libuv's thread pool, so a large page does not stall other requests. */
export function compress(
  body: Buffer,
  encoding: Exclude<Encoding, "identity">,
  quality: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(out));
    if (encoding === "br") zlib.brotliCompress(body, brotliOptions(quality, body.length), done);
    else zlib.gzip(body, { level: Math.min(quality, 9) }, done);
  });
}

/**
 * A buffer of exactly its bytes. zlib's synchronous calls return a view into their 16 KB output chunk:
 * kept for hours in the page cache, a 5 KB page would hold 16 KB of memory the byte count never sees.
 */
export function exactBuffer(view: Buffer): Buffer {
  if (view.byteOffset === 0 && view.buffer.byteLength === view.length) return view;
  const copy = Buffer.allocUnsafeSlow(view.length);
  view.copy(copy);
  return copy;
}

/** The same, in this thread: for small bodies where a trip to the pool costs more than the work. */
export function compressNow(body: Buffer, encoding: Exclude<Encoding, "identity">, quality: number): Buffer {
  return exactBuffer(
    encoding === "br"
      ? zlib.brotliCompressSync(body, brotliOptions(quality, body.length))
      : zlib.gzipSync(body, { level: Math.min(quality, 9) }),
  );
}

export function decompressBrotli(body: Buffer): Buffer {
  return exactBuffer(zlib.brotliDecompressSync(body));
}
