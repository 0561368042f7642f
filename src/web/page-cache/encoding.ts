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
 * Brotli quality for pages kept in the cache. Measured on a 21 KB article page (bench/README.md):
 * quality 6 makes 5.7 KB in about 1 ms; 11 makes 5.3 KB in 40–60 ms; 7–10 set up hash tables that cost
 * up to 200 ms a page on a busy machine. A cache refill after a purge must stay cheap, so 6.
 */
export const CACHED_BROTLI_QUALITY = 6;
/** For answers compressed on every request (JSON, newsroom pages): cheap and still ~4× smaller. */
export const LIVE_BROTLI_QUALITY = 4;

function brotliOptions(quality: number, size: number): zlib.BrotliOptions {
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
      // A 1 MB window is more than any page needs, and smaller windows cost less to set up.
      [zlib.constants.BROTLI_PARAM_LGWIN]: 20,
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
