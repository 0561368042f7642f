import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import sharp from "sharp";
import { importBundle } from "../src/bundle/bundle.import.ts";
import type { Bundle } from "../src/bundle/bundle.ts";
import { migrateToLatest, openDatabase } from "../src/db/client.ts";
import type { Dialect, DialectName } from "../src/db/dialect.ts";
import { migrations } from "../src/db/migrations/index.ts";
import type { Database } from "../src/db/schema.ts";
import { createLocalBus } from "../src/lib/invalidation-bus.ts";
import { toKstIso } from "../src/lib/kst-time.ts";
import { createProgress } from "../src/lib/progress.ts";
import { type BenchNewsroom, generateNewsroom } from "./content.ts";

/**
 * The benchmark database: 10,000 generated articles written through the ordinary bundle import, the
 * same path a paper's archive takes, so the tables and the search index hold exactly what the app
 * would write. On SQLite that takes about half a minute on a 2-core machine, so the result is cached
 * in the temp folder and each run works on a copy of it. PostgreSQL gets a fresh database each run.
 */

/** Bump whenever content.ts or the way the data is written changes: cached copies are then rebuilt. */
export const SEED_VERSION = 1;
/** `BENCH_ARTICLES` sets another size (the memory figure is taken on 100,000); each size is cached apart. */
export const ARTICLE_COUNT = Number(process.env.BENCH_ARTICLES || 10_000);
if (!Number.isInteger(ARTICLE_COUNT) || ARTICLE_COUNT < 100) {
  throw new Error(
    `BENCH_ARTICLES must be a whole number of at least 100, not '${process.env.BENCH_ARTICLES}'`,
  );
}
/** The subsection whose page is benchmarked; one of the busiest desks. */
export const BENCH_SECTION = "industry/tech";

const CACHE_DIR = path.join(
  os.tmpdir(),
  ARTICLE_COUNT === 10_000 ? `jikji-bench-${SEED_VERSION}` : `jikji-bench-${SEED_VERSION}-${ARTICLE_COUNT}`,
);
const MANIFEST = "bench-manifest.json";
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PG_DATABASE = "jikji_bench";

export interface SeededDatabase {
  dialect: DialectName;
  /** DATA_DIR for the server: the SQLite file (on SQLite) and the photos */
  dataDir: string;
  databaseUrl: string | null;
  articles: number;
  /** numbers of the articles the public may see, for random article requests */
  publishedNums: number[];
  withPhoto: number;
  comments: number;
  articlesWithComments: number;
  /** seconds it took to generate and import the data, and whether this run reused a cached copy */
  seed: { seconds: number; reused: boolean };
  /** removes this run's copy (SQLite) or drops the database (PostgreSQL) */
  destroy(): Promise<void>;
}

interface Manifest {
  version: number;
  articles: number;
  /** the schema the copy was built with: a new migration means a rebuild */
  migrations: string[];
  /** the `now` the data was generated for */
  seededAt: number;
  seedSeconds: number;
}

/** One lead photo for every article that has one: a real JPEG, stored once like any upload. */
async function photoDataUri(): Promise<string> {
  const width = 1200;
  const height = 800;
  // A soft gradient rather than a flat colour, so the encoder does roughly the work a photo needs.
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = 40 + Math.floor((x / width) * 90);
      pixels[i + 1] = 90 + Math.floor((y / height) * 70);
      pixels[i + 2] = 150 + Math.floor(((x + y) / (width + height)) * 80);
    }
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

function toBundle(room: BenchNewsroom, photo: string): Bundle {
  return {
    format: "jikji-bundle",
    version: 1,
    site: room.site,
    sections: room.sections,
    staff: room.staff.map((s) => ({ ...s, role: "reporter" as const })),
    articles: room.articles.map((a) => ({
      num: a.num,
      title: a.title,
      ...(a.subtitle ? { subtitle: a.subtitle } : {}),
      section: a.section,
      authors: a.authors,
      status: a.status,
      ...(a.publishedAt !== null ? { publishedAt: toKstIso(a.publishedAt) } : {}),
      ...(a.updatedAt !== null ? { updatedAt: toKstIso(a.updatedAt) } : {}),
      body: a.bodyHtml,
      tags: a.tags,
      views: a.views,
      ...(a.lead ? { leadImage: { src: photo, ...a.lead } } : {}),
    })),
    comments: room.comments.map((c) => ({
      article: c.articleNum,
      nickname: c.nickname,
      body: c.body,
      createdAt: toKstIso(c.createdAt),
    })),
  };
}

/** Generates the newsroom for `now` and imports it; returns the seconds it took. */
async function importNewsroom(
  db: Kysely<Database>,
  dialect: Dialect,
  dataDir: string,
  now: number,
): Promise<number> {
  const started = performance.now();
  const room = generateNewsroom({ now, articles: ARTICLE_COUNT });
  const bundle = toBundle(room, await photoDataUri());
  await importBundle(
    { db, dialect, bus: createLocalBus(), mediaDir: path.join(dataDir, "media"), now: () => now },
    bundle,
    {
      baseDir: dataDir,
      onProgress: createProgress(),
    },
  );
  return (performance.now() - started) / 1000;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(dir, MANIFEST), "utf8")) as Manifest;
    const current = Object.keys(migrations);
    const sameSchema =
      m.migrations.length === current.length && m.migrations.every((n, i) => n === current[i]);
    return m.version === SEED_VERSION && m.articles === ARTICLE_COUNT && sameSchema ? m : null;
  } catch {
    return null;
  }
}

/**
 * Runs `work`; if it fails, runs `cleanup` before passing the error on. Ctrl-C is another matter: the
 * SQLite import never yields to the event loop, so no signal handler could run during it; a killed
 * run's leftovers are swept by the next one instead (removeLeftovers).
 */
async function orCleanUp<T>(cleanup: () => Promise<unknown>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await cleanup().catch(() => {});
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes what earlier runs left: caches of other versions, and the half-built caches and run copies
 * of runs that were killed (their folder names carry their process id). Only our own names are touched.
 */
async function removeLeftovers(): Promise<void> {
  for (const name of await fs.readdir(os.tmpdir())) {
    const owner = /^jikji-bench-(?:\d+\.building|run)-(\d+)(?:-|$)/.exec(name)?.[1];
    // Caches of an older SEED_VERSION (any size); other sizes of this version are kept.
    const version = /^jikji-bench-(\d+)(-\d+)?$/.exec(name)?.[1];
    const oldCache = version !== undefined && Number(version) !== SEED_VERSION;
    if (oldCache || (owner !== undefined && !isRunning(Number(owner)))) {
      await fs.rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/**
 * Builds the cached SQLite copy in a folder of its own, then renames it into place, so a run that is
 * interrupted half-way never leaves a cache that looks complete.
 */
async function buildSqliteCache(): Promise<Manifest> {
  await fs.rm(CACHE_DIR, { recursive: true, force: true });
  const building = `${CACHE_DIR}.building-${process.pid}`;
  const removeBuilding = () => fs.rm(building, { recursive: true, force: true });
  await removeBuilding();
  return orCleanUp(removeBuilding, async () => {
    const seededAt = Math.floor(Date.now() / 1000) * 1000;
    const handle = openDatabase({ databaseUrl: null, dataDir: building });
    let seedSeconds: number;
    try {
      await migrateToLatest(handle.db);
      seedSeconds = await importNewsroom(handle.db, handle.dialect, building, seededAt);
    } finally {
      // Closing the only connection checkpoints the WAL into the file, so a plain copy is complete.
      await handle.close();
    }
    const manifest: Manifest = {
      version: SEED_VERSION,
      articles: ARTICLE_COUNT,
      migrations: Object.keys(migrations),
      seededAt,
      seedSeconds,
    };
    await fs.writeFile(path.join(building, MANIFEST), JSON.stringify(manifest, null, 2));
    try {
      await fs.rename(building, CACHE_DIR);
    } catch (error) {
      // Another run finished its copy first; theirs is as good as ours.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
    }
    return manifest;
  });
}

/**
 * Moves every time forward by `deltaMs`, so a copy generated days ago still has its newest stories
 * minutes old and its 7-day most-read list full, as on the day it was made.
 */
async function shiftTimes(db: Kysely<Database>, deltaMs: number): Promise<void> {
  if (deltaMs <= 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("articles")
      .set({
        published_at: sql`published_at + ${deltaMs}`,
        updated_at: sql`updated_at + ${deltaMs}`,
        created_at: sql`created_at + ${deltaMs}`,
      })
      .execute();
    await trx
      .updateTable("comments")
      .set({ created_at: sql`created_at + ${deltaMs}` })
      .execute();
  });
}

async function describe(db: Kysely<Database>, now: number) {
  const [published, total, photos, comments] = await Promise.all([
    db
      .selectFrom("articles")
      .select("num")
      .where("status", "=", "published")
      .where("published_at", "<=", now)
      .orderBy("num")
      .execute(),
    db
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("articles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("lead_media_id", "is not", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("comments")
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.count<number>("article_id").distinct().as("articles"),
      ])
      .where("status", "=", "visible")
      .executeTakeFirstOrThrow(),
  ]);
  const section = await db
    .selectFrom("sections")
    .select("id")
    .where("slug", "=", BENCH_SECTION)
    .executeTakeFirst();
  if (!section) throw new Error(`the benchmark section ${BENCH_SECTION} is missing`);
  return {
    articles: Number(total.n),
    publishedNums: published.map((r) => Number(r.num)),
    withPhoto: Number(photos.n),
    comments: Number(comments.n),
    articlesWithComments: Number(comments.articles),
  };
}

async function seedSqlite(): Promise<SeededDatabase> {
  let manifest = await readManifest(CACHE_DIR);
  const reused = manifest !== null;
  if (!manifest) manifest = await buildSqliteCache();

  // Each run gets its own copy: whatever the app writes while under load must not leak into the next run.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `jikji-bench-run-${process.pid}-`));
  const destroy = () => fs.rm(dataDir, { recursive: true, force: true });
  const seed = { seconds: manifest.seedSeconds, reused };
  const seeded = manifest.seededAt;
  return orCleanUp(destroy, async () => {
    await fs.cp(CACHE_DIR, dataDir, { recursive: true });
    const handle = openDatabase({ databaseUrl: null, dataDir });
    try {
      // The cached copy may predate migrations added since: bring it up to date, as `npm start` would.
      await migrateToLatest(handle.db);
      const now = Date.now();
      await shiftTimes(handle.db, Math.floor((now - seeded) / 1000) * 1000);
      const facts = await describe(handle.db, now);
      return { dialect: "sqlite", dataDir, databaseUrl: null, ...facts, seed, destroy };
    } finally {
      await handle.close();
    }
  });
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database each run (importing into PostgreSQL is quick enough), dropped afterwards. */
async function seedPostgres(): Promise<SeededDatabase> {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  const databaseUrl = url.toString();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `jikji-bench-run-${process.pid}-`));
  const destroy = async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  return orCleanUp(destroy, async () => {
    // A run killed outright (no clean-up) leaves the database behind; start from nothing either way.
    await adminQuery(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    // C.UTF-8 as in production: without a UTF-8 LC_CTYPE, Hangul gets no trigrams.
    await adminQuery(
      `CREATE DATABASE ${PG_DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    const handle = openDatabase({ databaseUrl, dataDir, poolSize: 2 });
    try {
      await migrateToLatest(handle.db);
      const now = Math.floor(Date.now() / 1000) * 1000;
      const seconds = await importNewsroom(handle.db, handle.dialect, dataDir, now);
      // A live database has been vacuumed and analysed by autovacuum long ago; without this the
      // planner has no statistics yet, and autovacuum could wake up in the middle of the measurement.
      await sql`vacuum analyze`.execute(handle.db);
      const facts = await describe(handle.db, Date.now());
      const seed = { seconds, reused: false };
      return { dialect: "postgres" as const, dataDir, databaseUrl, ...facts, seed, destroy };
    } finally {
      await handle.close();
    }
  });
}

export async function seedDatabase(dialect: DialectName): Promise<SeededDatabase> {
  await removeLeftovers();
  return dialect === "postgres" ? seedPostgres() : seedSqlite();
}
