import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { findMediaFile, insertMediaFile, mediaFileExists } from "./media-files.repo.ts";

/**
 * Where stored photos, their renditions and crops live. Every file is addressed by its path under
 * /media/ (`ab/ab12….jpg`), named by the content's hash, so a path's bytes never change and a second
 * write is a no-op — which is what lets several instances share one store without locks.
 *
 * - `disk` (default): files in one folder (MEDIA_DIR, default DATA_DIR/media). Several instances share
 *   media by mounting the same folder there.
 * - `database`: files in the database (`media_files`), so every instance on one PostgreSQL serves
 *   what any of them stored; each keeps the files it served in its own folder, a cache bounded by
 *   MEDIA_CACHE_MB (least recently used go first).
 */
export interface MediaStore {
  readonly kind: "disk" | "database";
  /** the local folder /media/ is served from: the store itself on disk, the cache with `database` */
  readonly dir: string;
  /** keeps a file unless one is already at that path */
  put(rel: string, data: Buffer): Promise<void>;
  has(rel: string): Promise<boolean>;
  /** the file's bytes, or null when the store has none */
  read(rel: string): Promise<Buffer | null>;
  /** makes sure the file is in `dir` (fetching it into the cache); false when the store has none */
  ensureLocal(rel: string): Promise<boolean>;
}

/** A path as the store names files: folders and a file name, never `..`, never absolute. */
const SAFE_PATH = /^(?:[0-9a-z_-]+\/){0,3}[0-9a-z_-]+(?:\.[0-9a-z]+)?$/i;

export function isStorePath(rel: string): boolean {
  return rel.length <= 200 && SAFE_PATH.test(rel);
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

async function readOrNull(file: string): Promise<Buffer | null> {
  return fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
    throw error;
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export function diskMediaStore(dir: string): MediaStore {
  const file = (rel: string) => {
    if (!isStorePath(rel)) throw new Error(`not a media path: ${rel}`);
    return path.join(dir, rel);
  };
  return {
    kind: "disk",
    dir,
    async put(rel, data) {
      if (!(await exists(file(rel)))) await writeAtomically(file(rel), data);
    },
    has: (rel) => exists(file(rel)),
    read: (rel) => readOrNull(file(rel)),
    ensureLocal: (rel) => (isStorePath(rel) ? exists(file(rel)) : Promise.resolve(false)),
  };
}

/**
 * The files an instance keeps on its own disk, least recently used first, within `boundBytes`.
 * What it holds is learnt from the folder on first use, so a restart keeps its cache.
 */
class DiskCache {
  private readonly entries = new Map<string, number>();
  private total = 0;
  private loaded: Promise<void> | null = null;

  constructor(
    readonly dir: string,
    private readonly boundBytes: number,
  ) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const files = await fs.readdir(this.dir, { recursive: true, withFileTypes: true }).catch(() => []);
      const found: { rel: string; size: number; mtime: number }[] = [];
      for (const f of files) {
        if (!f.isFile() || f.name.endsWith(".tmp")) continue;
        const full = path.join(f.parentPath, f.name);
        const stat = await fs.stat(full).catch(() => null);
        if (stat) found.push({ rel: path.relative(this.dir, full), size: stat.size, mtime: stat.mtimeMs });
      }
      found.sort((a, b) => a.mtime - b.mtime);
      for (const f of found) this.remember(f.rel, f.size);
    })();
    return this.loaded;
  }

  private remember(rel: string, size: number): void {
    const before = this.entries.get(rel);
    if (before !== undefined) {
      this.entries.delete(rel);
      this.total -= before;
    }
    this.entries.set(rel, size);
    this.total += size;
  }

  /** Marks a file used (it goes last in line for eviction); false when the cache does not hold it. */
  async touch(rel: string): Promise<boolean> {
    await this.load();
    const size = this.entries.get(rel);
    if (size === undefined) return false;
    if (!(await exists(path.join(this.dir, rel)))) {
      this.entries.delete(rel);
      this.total -= size;
      return false;
    }
    this.remember(rel, size);
    return true;
  }

  async add(rel: string, data: Buffer): Promise<void> {
    await this.load();
    await writeAtomically(path.join(this.dir, rel), data);
    this.remember(rel, data.length);
    await this.evict(rel);
  }

  /** Drops the least recently used files until the cache fits, never the one just added. */
  private async evict(keep: string): Promise<void> {
    for (const [rel, size] of this.entries) {
      if (this.total <= this.boundBytes) break;
      if (rel === keep) continue;
      this.entries.delete(rel);
      this.total -= size;
      await fs.rm(path.join(this.dir, rel), { force: true });
    }
  }

  get bytes(): number {
    return this.total;
  }
}

/** The database store, with its cache's figures for /metrics. */
export interface DatabaseMediaStore extends MediaStore {
  readonly kind: "database";
  /** bytes this instance keeps on its disk now */
  cachedBytes(): number;
  /** files fetched from the database into the cache since start */
  fetchedFiles(): number;
}

export function databaseMediaStore(options: {
  db: Kysely<Database>;
  cacheDir: string;
  cacheBytes: number;
  now: () => number;
}): DatabaseMediaStore {
  const cache = new DiskCache(options.cacheDir, options.cacheBytes);
  let fetched = 0;
  // One fetch per file at a time, however many requests ask for it at once.
  const fetching = new Map<string, Promise<boolean>>();
  const check = (rel: string) => {
    if (!isStorePath(rel)) throw new Error(`not a media path: ${rel}`);
  };
  async function fetchIntoCache(rel: string): Promise<boolean> {
    const data = await findMediaFile(options.db, rel);
    if (!data) return false;
    await cache.add(rel, data);
    fetched++;
    return true;
  }
  return {
    kind: "database",
    dir: options.cacheDir,
    async put(rel, data) {
      check(rel);
      await insertMediaFile(options.db, rel, data, options.now());
      await cache.add(rel, data);
    },
    async has(rel) {
      check(rel);
      return (await cache.touch(rel)) || mediaFileExists(options.db, rel);
    },
    async read(rel) {
      check(rel);
      if (await cache.touch(rel)) {
        const kept = await readOrNull(path.join(options.cacheDir, rel));
        if (kept) return kept;
      }
      return findMediaFile(options.db, rel);
    },
    async ensureLocal(rel) {
      if (!isStorePath(rel)) return false;
      if (await cache.touch(rel)) return true;
      let pending = fetching.get(rel);
      if (!pending) {
        pending = fetchIntoCache(rel).finally(() => fetching.delete(rel));
        fetching.set(rel, pending);
      }
      return pending;
    },
    cachedBytes: () => cache.bytes,
    fetchedFiles: () => fetched,
  };
}

export interface MediaStoreConfig {
  mediaStore: "disk" | "database";
  mediaDir: string;
  mediaCacheMb: number;
}

/** The store the configuration asks for (MEDIA_STORE, MEDIA_DIR, MEDIA_CACHE_MB). */
export function createMediaStore(
  config: MediaStoreConfig,
  db: Kysely<Database>,
  now: () => number = Date.now,
): MediaStore {
  if (config.mediaStore === "database") {
    return databaseMediaStore({
      db,
      cacheDir: config.mediaDir,
      cacheBytes: config.mediaCacheMb * 1024 * 1024,
      now,
    });
  }
  return diskMediaStore(config.mediaDir);
}
