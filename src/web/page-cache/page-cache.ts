import { createHash } from "node:crypto";
import type { StaleTag } from "../../lib/invalidation-bus.ts";
import { compressNow, decompressBrotli, type Encoding } from "./encoding.ts";

/**
 * Rendered public pages kept in memory, per URL, until a mutation announces one of their tags stale
 * (see lib/invalidation-bus.ts) or they age out. Bounded in bytes: the least recently served page goes
 * first. Each page is kept brotli-compressed (what nearly every browser asks for); the gzip and
 * uncompressed forms are made on first demand and then kept too, so nothing is compressed twice.
 *
 * Correctness rule: a page rendered while a purge happened is not kept (it may hold what the purge
 * removed), so `begin` notes the purge count and `complete` checks it.
 */

/** What a cached page answers with, besides its body. */
export interface StoredPage {
  /**
   * Response headers as the app set them, without the per-coding ones (length, coding, ETag, Vary),
   * flat: name, value, name, value… — the form `writeHead` takes fastest (see `writePage`).
   */
  headers: readonly string[];
  /** hash of the uncompressed bytes: the strong ETag's stem */
  hash: string;
  tags: readonly StaleTag[];
  /** performance.now() after which the page is rendered again */
  expiresAt: number;
  variants: Partial<Record<Encoding, Buffer>>;
  bytes: number;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  /** pages rendered and kept */
  fills: number;
  /** requests that waited for another request's render of the same URL instead of rendering */
  coalesced: number;
  purges: number;
  evictions: number;
}

/** A render in progress for one URL; other requests for it wait on `settled`. */
export interface Fill {
  key: string;
  purgesAtStart: number;
  settled: Promise<StoredPage | null>;
  resolve(page: StoredPage | null): void;
}

/**
 * Memory per page beyond its bytes, counted so the bound is honest, as measured with 10,000 article
 * pages of 9 tags each (`node --expose-gc`, heap before and after): the entry, its key, its slot in
 * the map, the Buffer object and its hash came to 529–543 bytes, and each tag to 28 (its slot in the
 * page's list, plus the interned string, see `internTags`, shared by the pages naming it). Header
 * lists are shared by pages with the same headers (`sharedHeaders`), so they are not counted per page.
 *
 * There is no index from tag to pages: it cost 85 bytes per tag and page, about 12 % of a kept
 * article page, while a purge (a write in the newsroom) scans 10,000 pages' tags in well under a
 * millisecond.
 */
const ENTRY_OVERHEAD = 560;
const TAG_OVERHEAD = 28;
/** A page bigger than this share of the bound is served but not kept: it would evict dozens. */
const LARGEST_SHARE = 8;

export const etagOf = (hash: string, encoding: Encoding) =>
  encoding === "identity" ? `"${hash}"` : `"${hash}-${encoding === "br" ? "br" : "gz"}"`;

export function hashBody(body: Buffer): string {
  return createHash("sha1").update(body).digest("base64url").slice(0, 22);
}

/** True when an `If-None-Match` list names this page in any coding (or is `*`). */
export function matchesEtag(header: string | undefined, hash: string): boolean {
  if (!header) return false;
  for (const raw of header.split(",")) {
    const tag = raw.trim().replace(/^W\//, "");
    if (tag === "*") return true;
    const stem = tag.replace(/^"|"$/g, "").replace(/-(br|gz)$/, "");
    if (stem === hash) return true;
  }
  return false;
}

export class PageCache {
  private readonly pages = new Map<string, StoredPage>();
  private readonly fills = new Map<string, Fill>();
  private bytes = 0;
  private purgeCount = 0;
  private readonly counters = { hits: 0, misses: 0, fills: 0, coalesced: 0, purges: 0, evictions: 0 };

  constructor(readonly maxBytes: number) {}

  /** The page for a URL key, fresh, marked as just served; undefined when not kept or too old. */
  get(key: string, at = performance.now()): StoredPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.expiresAt <= at) {
      this.delete(key);
      return undefined;
    }
    // Most recently served goes to the end: Map keeps insertion order, the front is evicted first.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  countHit(): void {
    this.counters.hits++;
  }

  countMiss(): void {
    this.counters.misses++;
  }

  /** The render in progress for this URL, for a request that should wait instead of rendering too. */
  pending(key: string): Fill | undefined {
    const fill = this.fills.get(key);
    if (fill) this.counters.coalesced++;
    return fill;
  }

  /** Starts a render of this URL that others may wait on; `complete` must follow, with or without a page. */
  begin(key: string): Fill {
    let resolve!: (page: StoredPage | null) => void;
    const settled = new Promise<StoredPage | null>((r) => {
      resolve = r;
    });
    const fill: Fill = {
      key,
      purgesAtStart: this.purgeCount,
      settled,
      resolve: (page) => {
        if (this.fills.get(key) === fill) this.fills.delete(key);
        resolve(page);
      },
    };
    this.fills.set(key, fill);
    return fill;
  }

  /**
   * Ends a render: keeps the page unless a purge ran meanwhile or it is too large, and hands it to
   * whoever waited (they are served the rendered page either way, kept or not).
   */
  complete(fill: Fill, page: StoredPage | null): void {
    if (page && fill.purgesAtStart === this.purgeCount && page.bytes <= this.maxBytes / LARGEST_SHARE) {
      this.put(fill.key, page);
      this.counters.fills++;
    }
    fill.resolve(page);
  }

  private put(key: string, page: StoredPage): void {
    this.delete(key);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    this.evictOver();
  }

  private evictOver(): void {
    for (const key of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(key);
      this.counters.evictions++;
    }
  }

  private delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }

  /** Drops every page carrying any of the tags (`*`: every page). Renders under way are not kept. */
  purge(tags: readonly StaleTag[]): void {
    this.purgeCount++;
    this.counters.purges++;
    if (tags.includes("*")) {
      this.pages.clear();
      this.bytes = 0;
      return;
    }
    // Deleting the entry being visited is safe in a Map's for-of.
    for (const [key, page] of this.pages) {
      if (carriesAny(page.tags, tags)) this.delete(key);
    }
  }

  /**
   * The page's bytes in a coding, made (once) from what is kept when first asked for. The bound is
   * re-checked, so a burst of gzip clients cannot grow the cache past it.
   */
  variant(key: string, page: StoredPage, encoding: Encoding): Buffer {
    const kept = page.variants[encoding];
    if (kept) return kept;
    const identity = page.variants.identity ?? decompressBrotli(page.variants.br!);
    const made = encoding === "identity" ? identity : compressNow(identity, encoding, 6);
    if (this.pages.get(key) === page) {
      page.variants[encoding] = made;
      page.bytes += made.length;
      this.bytes += made.length;
      this.evictOver();
    }
    return made;
  }

  stats(): PageCacheStats {
    return { entries: this.pages.size, bytes: this.bytes, maxBytes: this.maxBytes, ...this.counters };
  }
}

/** Size in the bound of a page with these parts. */
export function pageBytes(key: string, tags: readonly StaleTag[], variants: StoredPage["variants"]): number {
  let n = ENTRY_OVERHEAD + key.length + tags.length * TAG_OVERHEAD;
  for (const b of Object.values(variants)) n += b?.length ?? 0;
  return n;
}

/** Plain loops: a purge names one to a few tags, and this runs for every kept page. */
function carriesAny(pageTags: readonly StaleTag[], stale: readonly StaleTag[]): boolean {
  for (let i = 0; i < pageTags.length; i++) {
    const tag = pageTags[i];
    for (let j = 0; j < stale.length; j++) if (tag === stale[j]) return true;
  }
  return false;
}

const internedTags = new Map<StaleTag, StaleTag>();
/**
 * Past this many it starts over. An entry costs 37 bytes of map (measured, --expose-gc) and keeps its
 * string alive after the pages naming it are gone: at the former 100,000, a 100,000-article site
 * carried ~6–9 MB of it. Pages that share a tag (a story and those that list it as related) are kept
 * at about the same time, so a shorter memory shares nearly as much.
 */
const INTERNED_TAGS_MAX = 20_000;

/**
 * The same tags, each as the one string object every kept page shares: "article:300250" appears on
 * that article's page and on the five that list it as related. Bounded like `sharedHeaders`.
 */
export function internTags(tags: Iterable<StaleTag>): StaleTag[] {
  const out: StaleTag[] = [];
  for (const tag of tags) {
    let kept = internedTags.get(tag);
    if (kept === undefined) {
      if (internedTags.size >= INTERNED_TAGS_MAX) internedTags.clear();
      internedTags.set(tag, tag);
      kept = tag;
    }
    if (!out.includes(kept)) out.push(kept);
  }
  return out;
}

const headerLists = new Map<string, StoredPage["headers"]>();

/**
 * One list object per distinct set of headers: thousands of kept pages share the few the app sends
 * (the security headers alone are ~700 bytes). Bounded: past 1,000 distinct lists it starts over.
 */
export function sharedHeaders(headers: Array<[string, string]>): StoredPage["headers"] {
  const signature = headers.map(([k, v]) => `${k}\n${v}`).join("\n\n");
  const known = headerLists.get(signature);
  if (known) return known;
  if (headerLists.size >= 1000) headerLists.clear();
  const flat = headers.flat();
  headerLists.set(signature, flat);
  return flat;
}
