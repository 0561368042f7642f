/**
 * Views benchmark: how many read beacons (POST /api/v1/views) the app takes per second, and how long
 * the most-read refresh takes on a database of 100,000 articles and 10 million stored reads.
 *
 *   npx tsx bench/views.ts [--duration 10] [--connections 32] [--no-redis] [--fresh]
 *
 * - The database is SQLite, built once with direct inserts (no bundle import: the reads are what
 *   matter here) and cached in the temp folder (`--fresh` rebuilds it); each run works on a copy.
 *   Reads are stored as the app stores them, per article and hour, so 10 million reads are under two
 *   million rows. Most of a story's reads come in its first day, with a long tail, and a few stories
 *   take most of them.
 * - Refresh: `ReadCounter.refresh()` in this process (both windows, 24 hours and 7 days, computed and
 *   stored), and the query a page runs for its 인기기사 box, each timed many times.
 * - Beacons: the app in a child process on 127.0.0.1 (as bench/run.ts does, so the load generator does
 *   not share its event loop), loaded by autocannon with a different visitor cookie, story and address
 *   (X-Forwarded-For, TRUST_PROXY=1) on every request, as real traffic is. The app buffers beacons and
 *   flushes every second meanwhile; its flush figures are printed too. First a bare node:http server
 *   that answers 204 and does nothing else takes the same load: the machine's ceiling, which makes the
 *   app's figure readable on a busy machine. Then the app with the database store, then (when Redis
 *   answers at REDIS_URL, default redis://127.0.0.1:6379) with the Redis store, under a key prefix of
 *   this run's own, deleted afterwards.
 *
 * Aims on this machine: 10,000 beacons/s, refresh under 50 ms. A run takes under a minute once the
 * cache exists (building it takes about 20 s more).
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import SQLite from "better-sqlite3";
import pino from "pino";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { migrateToLatest, openDatabase } from "../src/db/client.ts";
import { migrations } from "../src/db/migrations/index.ts";
import { listMostRead } from "../src/ranking/most-read.ts";
import { ReadCounter, type ReadCounterStats } from "../src/ranking/read-counter.ts";
import { DAY_MS, HOUR_MS, hourStart } from "../src/ranking/read-window.ts";
import { signedVisitorId, visitorKey } from "../src/web/visitor.ts";

/** Bump when the generator changes, so the cached database is rebuilt. */
const DATA_VERSION = 2;
const ARTICLES = 100_000;
const TOTAL_READS = 10_000_000;
const SPREAD_DAYS = 1000;
const SECTIONS = 16;
const STAFF = 20;
const CACHE_DIR = path.join(os.tmpdir(), `jikji-views-bench-v${DATA_VERSION}`);
const AIM_BEACONS_PER_S = 10_000;
const AIM_REFRESH_MS = 50;

interface Manifest {
  version: number;
  migrations: string[];
  /** the moment the data was generated for; the app's clock in a run starts there */
  seededAt: number;
  articles: number;
  reads: number;
  rows: number;
  /** numbers of published articles at most 7 days old (most beacons go to them) */
  recentNums: number[];
  /** numbers of older published articles (some beacons go to them) */
  olderSample: number[];
  buildSeconds: number;
}

// ------------------------------------------------------------------------------------------------
// Data
// ------------------------------------------------------------------------------------------------

/** mulberry32: the same data on every build. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// biome-ignore format: word lists read better in rows
const WORDS = ["반도체", "금리", "수출", "배터리", "부동산", "환율", "인공지능", "조선", "물가", "증시", "전기차", "원전", "고용", "관세", "가계부채", "바이오"];
// biome-ignore format: word lists read better in rows
const ENDS = ["확대", "전망", "비상", "회복세", "가속", "주목", "우려", "반등"];

/**
 * Splits `total` reads of a story published `ageHours` ago over the hours since: most in the first
 * day (halving every ~8 hours), the rest in a tail of up to 12 later hours.
 */
function spreadReads(total: number, ageHours: number, random: () => number): Map<number, number> {
  const hours = new Map<number, number>();
  const add = (h: number, n: number) => n > 0 && hours.set(h, (hours.get(h) ?? 0) + n);
  const firstDays = Math.min(ageHours, 72);
  const early = ageHours > 72 ? Math.round(total * 0.9) : total;
  let weights = 0;
  for (let h = 0; h <= firstDays; h++) weights += Math.exp(-h / 12);
  let given = 0;
  for (let h = 0; h <= firstDays; h++) {
    const n = Math.floor((early * Math.exp(-h / 12)) / weights);
    add(h, n);
    given += n;
  }
  add(0, early - given);
  const tail = total - early;
  if (tail > 0) {
    const spots = Math.min(12, tail);
    for (let i = 0; i < spots; i++) {
      const h = 73 + Math.floor(random() * (ageHours - 73));
      add(h, Math.floor(tail / spots) + (i < tail % spots ? 1 : 0));
    }
  }
  return hours;
}

/** Builds the cached database with plain prepared inserts in one transaction per table. */
async function buildCache(): Promise<Manifest> {
  const started = performance.now();
  const building = `${CACHE_DIR}.building-${process.pid}`;
  await fs.rm(building, { recursive: true, force: true });
  const handle = openDatabase({ databaseUrl: null, dataDir: building });
  await migrateToLatest(handle.db);
  await handle.close();

  const seededAt = hourStart(Date.now()) + 30 * 60_000;
  const random = prng(20261130);
  const file = path.join(building, "jikji.sqlite");
  const db = new SQLite(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");

  const insertSection = db.prepare(
    "insert into sections (id, slug, name, parent_id, position) values (?, ?, ?, ?, ?)",
  );
  const insertStaff = db.prepare(
    "insert into staff (id, key, name, email, role, desk, active, created_at) values (?, ?, ?, ?, 'reporter', null, 1, ?)",
  );
  const insertArticle = db.prepare(
    `insert into articles (id, num, title, subtitle, section_id, status, published_at, updated_at, created_at,
       body_html, excerpt, view_count) values (?, ?, ?, null, ?, ?, ?, null, ?, ?, ?, ?)`,
  );
  const insertAuthor = db.prepare(
    "insert into article_authors (article_id, staff_id, position) values (?, ?, 0)",
  );
  const insertReads = db.prepare(
    "insert into article_reads_hourly (article_id, hour, reads) values (?, ?, ?)",
  );

  // 2% drafts; heavy-tailed popularity (Pareto, alpha 1.1) scaled to 10 million reads over the rest.
  const drafts = Array.from({ length: ARTICLES }, () => random() < 0.02);
  const weights = drafts.map((draft) => (draft ? 0 : Math.min(2000, (1 - random()) ** (-1 / 1.1))));
  const scale = TOTAL_READS / weights.reduce((s, w) => s + w, 0);
  const recentNums: number[] = [];
  const olderSample: number[] = [];
  let reads = 0;
  let rows = 0;

  db.transaction(() => {
    for (let i = 1; i <= SECTIONS; i++) {
      insertSection.run(i, `desk-${i}`, `데스크 ${i}`, i <= 4 ? null : 1 + (i % 4), i);
    }
    for (let i = 1; i <= STAFF; i++) {
      insertStaff.run(
        i,
        `reporter-${i}`,
        `기자${i}`,
        `reporter${i}@bench.example.kr`,
        seededAt - 2000 * DAY_MS,
      );
    }
  })();

  const writeArticles = db.transaction(() => {
    for (let i = 1; i <= ARTICLES; i++) {
      // Evenly over 1,000 days, the newest a few minutes old.
      const publishedAt = Math.floor(
        seededAt - 5 * 60_000 - ((ARTICLES - i) / ARTICLES) * SPREAD_DAYS * DAY_MS,
      );
      const draft = drafts[i - 1]!;
      const num = 500_000 + i;
      const total = draft ? 0 : Math.round(weights[i - 1]! * scale);
      const title = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${ENDS[i % ENDS.length]} (${i})`;
      const body = `<p>${title} 기사의 본문입니다. 벤치마크용으로 만든 문장입니다.</p>`;
      const ageHours = Math.floor((seededAt - publishedAt) / HOUR_MS);
      const hours = draft ? [] : [...spreadReads(total, ageHours, random)].sort((x, y) => x[0] - y[0]);
      const sum = hours.reduce((s, [, n]) => s + n, 0);
      insertArticle.run(
        i,
        num,
        title,
        1 + (i % SECTIONS),
        draft ? "draft" : "published",
        draft ? null : publishedAt,
        publishedAt,
        body,
        title,
        sum,
      );
      insertAuthor.run(i, 1 + (i % STAFF));
      if (draft) continue;
      if (seededAt - publishedAt <= 7 * DAY_MS) recentNums.push(num);
      else if (i % 50 === 0) olderSample.push(num);
      const firstHour = hourStart(publishedAt);
      for (const [h, n] of hours) insertReads.run(i, firstHour + h * HOUR_MS, n);
      rows += hours.length;
      reads += sum;
    }
  });
  writeArticles();
  db.pragma("journal_mode = DELETE");
  db.close();

  const manifest: Manifest = {
    version: DATA_VERSION,
    migrations: Object.keys(migrations),
    seededAt,
    articles: ARTICLES,
    reads,
    rows,
    recentNums,
    olderSample,
    buildSeconds: (performance.now() - started) / 1000,
  };
  await fs.writeFile(path.join(building, "manifest.json"), JSON.stringify(manifest));
  await fs.rm(CACHE_DIR, { recursive: true, force: true });
  await fs.rename(building, CACHE_DIR);
  // Caches of earlier versions of this generator are of no more use.
  for (const name of await fs.readdir(os.tmpdir())) {
    if (/^jikji-views-bench-v\d+$/.test(name) && path.join(os.tmpdir(), name) !== CACHE_DIR) {
      await fs.rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  return manifest;
}

async function cachedManifest(): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(CACHE_DIR, "manifest.json"), "utf8")) as Manifest;
    const current = Object.keys(migrations);
    const same = m.migrations.length === current.length && m.migrations.every((n, i) => n === current[i]);
    return m.version === DATA_VERSION && same ? m : null;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------------------
// The servers (child processes)
// ------------------------------------------------------------------------------------------------

type ToServer = "stats" | "stop";
type FromServer =
  | { type: "listening"; port: number }
  | { type: "stats"; stats: ReadCounterStats | null }
  | { type: "failed"; message: string };

interface ServeOptions {
  /** "bare": node:http answering 204 and nothing else, the machine's ceiling for this load */
  kind: "app" | "bare";
  dataDir: string;
  seededAt: number;
  redisUrl: string | null;
  redisKeyPrefix: string;
}

async function serve(options: ServeOptions): Promise<void> {
  const send = (m: FromServer) => process.send?.(m);
  process.on("disconnect", () => process.exit(0));
  if (options.kind === "bare") {
    const server = http.createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        response.statusCode = 204;
        response.end();
      });
    });
    process.on("message", (message: ToServer) => {
      if (message === "stats") send({ type: "stats", stats: null });
      else process.exit(0);
    });
    server.listen(0, "127.0.0.1", () =>
      send({ type: "listening", port: (server.address() as AddressInfo).port }),
    );
    return;
  }
  const config = loadConfig({
    DATA_DIR: options.dataDir,
    REDIS_URL: options.redisUrl ?? "",
    SITE_URL: "http://127.0.0.1",
    TRUST_PROXY: "1",
    JIKJI_DEMO: "0",
    LOG_LEVEL: "error",
  });
  const handle = openDatabase({ databaseUrl: null, dataDir: config.dataDir });
  const startedAt = Date.now();
  const app = await buildApp({
    config,
    db: handle.db,
    dialect: handle.dialect,
    // The data was generated for `seededAt`; the app's clock runs on from there.
    now: () => options.seededAt + (Date.now() - startedAt),
    logger: pino({ level: "error" }),
    redisKeyPrefix: options.redisKeyPrefix,
  });
  process.on("message", async (message: ToServer) => {
    if (message === "stats") {
      await app.reads.flush();
      send({ type: "stats", stats: app.reads.stats() });
    } else if (message === "stop") {
      await app.close();
      await handle.close();
      process.exit(0);
    }
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  send({ type: "listening", port: (app.server.address() as AddressInfo).port });
}

// ------------------------------------------------------------------------------------------------
// The run
// ------------------------------------------------------------------------------------------------

interface Args {
  duration: number;
  connections: number;
  redis: boolean;
  fresh: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { duration: 10, connections: 32, redis: true, fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--duration") args.duration = Number(argv[++i]);
    else if (a === "--connections") args.connections = Number(argv[++i]);
    else if (a === "--no-redis") args.redis = false;
    else if (a === "--fresh") args.fresh = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!(args.duration > 0) || !(args.connections > 0)) {
    throw new Error("--duration and --connections must be positive");
  }
  return args;
}

const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
const int = (n: number) => Math.round(n).toLocaleString("en");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeIt(times: number, warmup: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1]! };
}

/** The refresh and the page query, timed in this process on the run's copy of the database. */
async function timeRefresh(dataDir: string, seededAt: number) {
  const handle = openDatabase({ databaseUrl: null, dataDir });
  const startedAt = Date.now();
  const now = () => seededAt + (Date.now() - startedAt);
  const counter = new ReadCounter({
    db: handle.db,
    dialect: handle.dialect,
    redis: null,
    now,
    log: pino({ level: "silent" }),
  });
  try {
    const first = await counter.refresh();
    const window = await handle.db
      .selectFrom("article_reads_hourly")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("hour", ">=", now() - 7 * DAY_MS - HOUR_MS)
      .executeTakeFirstOrThrow();
    const refresh = await timeIt(30, 3, () => counter.refresh());
    const home = await timeIt(50, 5, () => listMostRead(handle.db, now()));
    const section = await timeIt(50, 5, () => listMostRead(handle.db, now(), [3]));
    return { first, rowsInWeek: Number(window.n), refresh, home, section };
  } finally {
    await handle.close();
  }
}

interface Server {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

async function startServer(options: ServeOptions): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", JSON.stringify(options)]);
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: FromServer) => {
      if (m.type === "listening") resolve(m.port);
      else reject(new Error(m.type === "failed" ? m.message : "unexpected message"));
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.send("stop");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, port, stop };
}

function ask(child: ChildProcess, message: ToServer): Promise<FromServer> {
  return new Promise((resolve) => {
    child.once("message", resolve);
    child.send(message);
  });
}

const CHROME =
  "Mozilla/5.0 (Linux; Android 14; SM-S928N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36";

/** Beacons as readers send them: a different visitor, story and address on every request. */
function beaconLoad(port: number, manifest: Manifest, seconds: number, connections: number, key: Buffer) {
  // Cookies as the site signs them (an unsigned one would count as no cookie).
  const visitors = Array.from(
    { length: 200_000 },
    () => `jikji_vid=${signedVisitorId(key, randomBytes(16).toString("base64url"))}`,
  );
  const addresses = Array.from(
    { length: 20_000 },
    (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  );
  const bodies = [...manifest.recentNums, ...manifest.olderSample].map((n) => JSON.stringify({ article: n }));
  const recent = manifest.recentNums.length;
  const pick = <T>(list: T[], n = list.length) => list[Math.floor(Math.random() * n)]!;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/api/v1/views",
        setupRequest: (req) => ({
          ...req,
          // Nine in ten beacons are for stories of the last 7 days, as on a news site.
          body: Math.random() < 0.9 ? pick(bodies, recent) : pick(bodies),
          headers: {
            "content-type": "application/json",
            "user-agent": CHROME,
            cookie: pick(visitors),
            "x-forwarded-for": pick(addresses),
          },
        }),
      },
    ],
  });
}

interface LoadFigures {
  label: string;
  perSecond: number;
  result: autocannon.Result;
  stats: ReadCounterStats | null;
}

async function measure(
  label: string,
  options: ServeOptions,
  manifest: Manifest,
  args: Args,
): Promise<LoadFigures> {
  console.error(`${label}: 2 s of warm-up, ${args.duration} s measured…`);
  const handle = openDatabase({ databaseUrl: null, dataDir: options.dataDir });
  const key = await visitorKey(handle.db);
  await handle.close();
  const server = await startServer(options);
  try {
    await beaconLoad(server.port, manifest, 2, args.connections, key);
    const result = await beaconLoad(server.port, manifest, args.duration, args.connections, key);
    const reply = (await ask(server.child, "stats")) as Extract<FromServer, { type: "stats" }>;
    return { label, perSecond: result.requests.total / result.duration, result, stats: reply.stats };
  } finally {
    await server.stop();
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function cleanRedis(url: string, prefix: string): Promise<void> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url);
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 5000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await redis.quit();
}

function loadLine(f: LoadFigures): string[] {
  const { result, stats } = f;
  const aim = f.label.startsWith("reference")
    ? ""
    : `   ${f.perSecond >= AIM_BEACONS_PER_S ? "ok" : "below the aim"}`;
  const lines = [
    `  ${f.label.padEnd(26)} ${int(f.perSecond).padStart(7)}/s   p50 ${ms(result.latency.p50)}  p99 ${ms(result.latency.p99)}   ${result.errors} errors, ${result.non2xx} non-2xx${aim}`,
  ];
  if (stats) {
    lines.push(
      `  ${"".padEnd(26)} took ${int(stats.received)} beacons (warm-up included), counted ${int(stats.counted)} in ${int(stats.flushes)} flushes: ${((stats.flushMs * 1000) / Math.max(1, stats.received)).toFixed(1)} µs of flushing a beacon, slowest flush ${ms(stats.slowestFlushMs)}; dropped ${int(stats.dropped)}`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  let manifest = args.fresh ? null : await cachedManifest();
  const reused = manifest !== null;
  if (!manifest) {
    console.error(`Building ${int(ARTICLES)} articles and ${int(TOTAL_READS)} reads (cached afterwards)…`);
    manifest = await buildCache();
  }
  const runDir = path.join(os.tmpdir(), `jikji-views-bench-run-${process.pid}`);
  await fs.rm(runDir, { recursive: true, force: true });
  await fs.mkdir(runDir, { recursive: true });
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const withRedis = args.redis && (await redisAnswers(redisUrl));
  const redisKeyPrefix = `jikji-bench-${process.pid}-${randomBytes(3).toString("hex")}:`;
  try {
    await fs.copyFile(path.join(CACHE_DIR, "jikji.sqlite"), path.join(runDir, "jikji.sqlite"));
    console.error("Timing the most-read refresh…");
    const r = await timeRefresh(runDir, manifest.seededAt);

    const base = { dataDir: runDir, seededAt: manifest.seededAt, redisKeyPrefix };
    const loads = [
      await measure("reference: bare node:http", { ...base, kind: "bare", redisUrl: null }, manifest, args),
      await measure("app, database store", { ...base, kind: "app", redisUrl: null }, manifest, args),
    ];
    if (withRedis)
      loads.push(await measure("app, Redis store", { ...base, kind: "app", redisUrl }, manifest, args));

    const cpus = os.cpus();
    const lines = [
      `machine    Node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"}); load average ${loadAtStart.toFixed(2)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end`,
      `data       SQLite, ${int(manifest.articles)} articles over ${SPREAD_DAYS} days, ${int(manifest.reads)} reads stored as ${int(manifest.rows)} article-hour rows (${reused ? "cached" : `built in ${manifest.buildSeconds.toFixed(1)} s`})`,
      "",
      "most-read refresh: both windows (24 h, 7 d) computed and stored",
      `  ${int(r.first.day.length)} stories ranked for the day, ${int(r.first.week.length)} for the week; ${int(r.rowsInWeek)} hour rows in the 7-day range`,
      `  refresh      p50 ${ms(r.refresh.p50)}  p95 ${ms(r.refresh.p95)}  max ${ms(r.refresh.max)}   (aim: under ${AIM_REFRESH_MS} ms: ${r.refresh.p50 < AIM_REFRESH_MS ? "ok" : "missed"})`,
      `  인기기사 box  home p50 ${ms(r.home.p50)}  p95 ${ms(r.home.p95)};  a section p50 ${ms(r.section.p50)}  p95 ${ms(r.section.p95)}`,
      "",
      `beacons: POST /api/v1/views, autocannon ${args.connections} connections on 127.0.0.1, a fresh visitor, story and address per request (aim: ${int(AIM_BEACONS_PER_S)}/s)`,
      ...loads.flatMap(loadLine),
      ...(withRedis
        ? []
        : [`  (Redis store skipped: ${args.redis ? `no answer at ${redisUrl}` : "--no-redis"})`]),
    ];
    console.log(`\n${lines.join("\n")}\n`);
    console.error(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
    if (loads.some((l) => l.result.errors > 0 || l.result.non2xx > 0)) process.exitCode = 1;
  } finally {
    await fs.rm(runDir, { recursive: true, force: true });
    if (withRedis) await cleanRedis(redisUrl, redisKeyPrefix);
  }
}

if (process.argv[2] === "--serve") {
  serve(JSON.parse(process.argv[3]!) as ServeOptions).catch((error: unknown) => {
    process.send?.({
      type: "failed",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
