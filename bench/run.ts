import { createRequire } from "node:module";
import os from "node:os";
import autocannon from "autocannon";
import type { DialectName } from "../src/db/dialect.ts";
import { type Server, type ServerMemory, startServer } from "./fork-server.ts";
import { hasCommand, requestAll, type StaticServer, startNginx, type WrkResult, wrk } from "./load.ts";
import { addResultRow, gitCommit } from "./results-table.ts";
import { ARTICLE_COUNT, BENCH_SECTION, type SeededDatabase, seedDatabase } from "./seed.ts";
import { measureWritePath } from "./write-path.ts";

/**
 * `npm run bench`: the public pages under load on a database of 10,000 generated articles. The
 * article page is the headline figure (it is what search and social links land on); home and a
 * section page follow. See bench/README.md.
 */

interface Settings {
  /** run on each, in turn (BENCH_DIALECT: sqlite, postgres or both) */
  dialects: DialectName[];
  connections: number;
  /** seconds measured per route */
  duration: number;
  /** seconds of load per route before measuring: JIT, SQLite page cache, pg pool */
  warmup: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not '${raw}'`);
  return n;
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const dialect = env.BENCH_DIALECT || "both";
  if (dialect !== "sqlite" && dialect !== "postgres" && dialect !== "both") {
    throw new Error(`BENCH_DIALECT must be sqlite, postgres or both, not '${dialect}'`);
  }
  return {
    dialects: dialect === "both" ? ["sqlite", "postgres"] : [dialect],
    connections: Math.max(1, positiveInt(env, "BENCH_CONNECTIONS", 10)),
    duration: Math.max(1, positiveInt(env, "BENCH_DURATION", 10)),
    warmup: positiveInt(env, "BENCH_WARMUP", 2),
  };
}

interface Route {
  label: string;
  /** a fixed path, or a fresh one for every request */
  path: string | (() => string);
}

function routes(db: SeededDatabase): Route[] {
  const nums = db.publishedNums;
  return [
    {
      // A different story on each request, as real traffic is: one hot page would sit in every cache
      // (SQLite's pages, the CPU's) and flatter the figure.
      label: `/article/:num (random of ${nums.length.toLocaleString("en")})`,
      path: () => `/article/${nums[Math.floor(Math.random() * nums.length)]}`,
    },
    { label: "/", path: "/" },
    { label: `/section/${BENCH_SECTION}`, path: `/section/${BENCH_SECTION}` },
  ];
}

function load(base: string, route: Route, seconds: number, connections: number): Promise<autocannon.Result> {
  const { path } = route;
  return autocannon({
    url: typeof path === "string" ? base + path : base,
    connections,
    duration: seconds,
    ...(typeof path === "string"
      ? {}
      : { requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }] }),
  });
}

/** One request before the load: a page that does not answer 200 would make the figures meaningless. */
async function probe(base: string, route: Route): Promise<number> {
  const path = typeof route.path === "string" ? route.path : route.path();
  const res = await fetch(base + path);
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}, not 200`);
  return body.byteLength;
}

interface Row {
  route: Route;
  result: autocannon.Result;
  pageBytes: number;
}

const int = (n: number) => Math.round(n).toLocaleString("en");
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

/** A Markdown table, padded so it also reads well in a terminal. */
function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

function autocannonVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("autocannon/package.json") as { version: string }).version;
}

interface RunFacts {
  prepareSeconds: number;
  /** the 1-minute load average when the run began: other work on the machine skews every figure */
  loadAtStart: number;
}

function report(settings: Settings, db: SeededDatabase, facts: RunFacts, rows: Row[]): string {
  const cpus = os.cpus();
  const seed = db.seed.reused
    ? `a copy of the cached database, ready in ${facts.prepareSeconds.toFixed(1)} s (generating and importing it took ${db.seed.seconds.toFixed(1)} s)`
    : `generated and imported through the bundle import in ${db.seed.seconds.toFixed(1)} s, ready in ${facts.prepareSeconds.toFixed(1)} s`;
  const setup = [
    `dialect      ${db.dialect}`,
    `data         ${int(db.articles)} articles (${int(db.publishedNums.length)} published, ${int(db.withPhoto)} with a lead photo), ${int(db.comments)} comments on ${int(db.articlesWithComments)} articles`,
    `seed         ${seed}`,
    `load         autocannon ${autocannonVersion()}, ${settings.connections} connections, ${settings.duration} s per route after ${settings.warmup} s of warm-up, 127.0.0.1`,
    `machine      Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"})`,
    `             load average ${facts.loadAtStart.toFixed(2)} at the start; server and load generator in separate processes`,
  ];
  const body = table(
    ["route", "requests/s", "p50", "p99", "requests", "errors / non-2xx", "page"],
    rows.map(({ route, result, pageBytes }) => [
      route.label,
      // Completed requests over the time they took; autocannon's per-second mean drifts from it when
      // a sample second runs long on a busy machine.
      int(result.requests.total / result.duration),
      ms(result.latency.p50),
      ms(result.latency.p99),
      int(result.requests.total),
      `${result.errors} / ${result.non2xx}`,
      `${int(pageBytes / 1024)} KB`,
    ]),
    [false, true, true, true, true, true, true],
  );
  return `${setup.join("\n")}\n\n${body}\n`;
}

interface ReaderPath {
  dialect: DialectName;
  identityBytes: number;
  brotliBytes: number;
  gzipBytes: number;
  nginx: WrkResult;
  warm: WrkResult;
  random: WrkResult;
  randomPaths: number;
  warmSeconds: number;
  /** every round's warm/nginx ratio and random req/s; the figures above are their medians */
  warmRatios: number[];
  randomRates: number[];
  /** errors over every warm and random run, not only the median ones */
  failedRequests: number;
  memory: ServerMemory;
  loadAverage: number;
}

const READER_CONNECTIONS = 32;
/** runs per reader-path figure; the median is reported */
const ROUNDS = 3;

function median<T>(runs: readonly T[], by: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor(sorted.length / 2)]!;
}
const BROWSER_ENCODING = "gzip, deflate, br";

/**
 * The reader path (issue "The reader path"): the page cache on, measured with wrk as the issue's
 * figures are: one warm article page against nginx serving the same bytes from a file, then every
 * published article requested at random after one crawl has filled the cache.
 */
async function measureReaderPath(db: SeededDatabase, settings: Settings): Promise<ReaderPath> {
  const server = await startServer(db, 64);
  let nginx: StaticServer | null = null;
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const hot = `/article/${db.publishedNums[Math.floor(db.publishedNums.length / 2)]}`;
    const plain = Buffer.from(
      await (await fetch(base + hot, { headers: { "accept-encoding": "identity" } })).arrayBuffer(),
    );
    const sizeIn = async (encoding: string) => {
      const res = await fetch(base + hot, { headers: { "accept-encoding": encoding } });
      await res.arrayBuffer();
      return Number(res.headers.get("content-length"));
    };
    const [brotliBytes, gzipBytes] = [await sizeIn("br"), await sizeIn("gzip")];
    nginx = await startNginx("article.html", plain);
    console.error(
      `reader path on ${db.dialect}: nginx and the warm article page, ${ROUNDS} × ${settings.duration} s each…`,
    );
    const seconds = settings.duration;
    // Each figure is the median of ROUNDS runs: on a shared 2-core machine one 10 s run moved by up to
    // a third from one run to the next (other tenants, the kernel's own work, PostgreSQL after the crawl).
    const pairs: { nginx: WrkResult; warm: WrkResult }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const nginxRun = await wrk(nginx.url, { connections: READER_CONNECTIONS, seconds });
      const warmRun = await wrk(base + hot, { connections: READER_CONNECTIONS, seconds });
      pairs.push({ nginx: nginxRun, warm: warmRun });
    }
    await nginx.stop();
    nginx = null;
    const warmPair = median(pairs, (p) => p.warm.requestsPerSecond / p.nginx.requestsPerSecond);
    const paths = db.publishedNums.map((n) => `/article/${n}`);
    console.error(`reader path on ${db.dialect}: filling the cache with ${paths.length} articles…`);
    const started = performance.now();
    const crawl = await requestAll(base, paths, 8, BROWSER_ENCODING);
    if (crawl.failed) throw new Error(`${crawl.failed} articles did not answer 200 while filling the cache`);
    const warmSeconds = (performance.now() - started) / 1000;
    console.error(
      `reader path on ${db.dialect}: ${paths.length} articles at random, ${ROUNDS} × ${seconds} s…`,
    );
    const loadAverage = os.loadavg()[0] ?? 0;
    const randomRuns: WrkResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      randomRuns.push(
        await wrk(base, {
          connections: READER_CONNECTIONS,
          seconds,
          randomPaths: paths,
          acceptEncoding: BROWSER_ENCODING,
        }),
      );
    }
    const random = median(randomRuns, (r) => r.requestsPerSecond);
    const nginxResult = warmPair.nginx;
    const warm = warmPair.warm;
    const warmRatios = pairs.map((p) => p.warm.requestsPerSecond / p.nginx.requestsPerSecond);
    const randomRates = randomRuns.map((r) => r.requestsPerSecond);
    const memory = await server.memory();
    return {
      dialect: db.dialect,
      identityBytes: plain.length,
      brotliBytes,
      gzipBytes,
      nginx: nginxResult,
      warm,
      random,
      randomPaths: paths.length,
      warmSeconds,
      warmRatios,
      randomRates,
      failedRequests: [...pairs.map((p) => p.warm), ...randomRuns].reduce((n, r) => n + r.errors, 0),
      memory,
      loadAverage,
    };
  } finally {
    await nginx?.stop();
    await server.stop();
  }
}

function readerPathTable(runs: ReaderPath[]): string {
  const sqlite = runs.find((r) => r.dialect === "sqlite");
  const rows: string[][] = [];
  for (const r of runs) {
    const ratio = r.warm.requestsPerSecond / r.nginx.requestsPerSecond;
    rows.push(
      [
        `warm article page vs nginx, same bytes (${r.dialect})`,
        `${int(r.warm.requestsPerSecond)} vs ${int(r.nginx.requestsPerSecond)} req/s`,
        `${ratio.toFixed(2)}×`,
        `p99 ${ms(r.warm.p99Ms)} vs ${ms(r.nginx.p99Ms)}; median of ${r.warmRatios.map((x) => x.toFixed(2)).join(", ")}`,
      ],
      [
        `${int(r.randomPaths)} articles at random, br (${r.dialect})`,
        `${int(r.random.requestsPerSecond)} req/s`,
        sqlite && r !== sqlite
          ? `${(r.random.requestsPerSecond / sqlite.random.requestsPerSecond).toFixed(2)}× SQLite`
          : "",
        `p50 ${ms(r.random.p50Ms)}, p99 ${ms(r.random.p99Ms)}, ${r.failedRequests} errors in all; median of ${r.randomRates.map(int).join(", ")}`,
      ],
      [
        `server memory after the random run (${r.dialect})`,
        `RSS ${int(r.memory.rss / 1024 / 1024)} MB`,
        "",
        `heap ${int(r.memory.heapUsed / 1024 / 1024)} MB; cache ${int(r.memory.cacheEntries)} pages, ${(r.memory.cacheBytes / 1024 / 1024).toFixed(1)} MB`,
      ],
      [
        `article page on the wire (${r.dialect})`,
        `${(r.brotliBytes / 1024).toFixed(1)} KB br`,
        "",
        `${(r.gzipBytes / 1024).toFixed(1)} KB gzip, ${(r.identityBytes / 1024).toFixed(1)} KB plain`,
      ],
      [
        `filling the cache (${r.dialect})`,
        `${r.warmSeconds.toFixed(1)} s`,
        "",
        `8 at a time, load avg ${r.loadAverage.toFixed(2)} at the random run`,
      ],
    );
  }
  return table(["figure", "measured", "ratio", "detail"], rows, [false, true, true, false]);
}

/** Adds one line per run to the results table in bench/README.md (between its markers). */
async function recordResults(runs: ReaderPath[]): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const commit = await gitCommit();
  const sqlite = runs.find((r) => r.dialect === "sqlite");
  const pg = runs.find((r) => r.dialect === "postgres");
  const cell = (r: ReaderPath | undefined, f: (r: ReaderPath) => string) => (r ? f(r) : "–");
  const line = [
    date,
    commit,
    int(sqlite?.randomPaths ?? pg?.randomPaths ?? 0),
    cell(sqlite, (r) => `${(r.warm.requestsPerSecond / r.nginx.requestsPerSecond).toFixed(2)}×`),
    cell(sqlite, (r) => `${int(r.random.requestsPerSecond)} / ${ms(r.random.p99Ms)}`),
    cell(pg, (r) => `${int(r.random.requestsPerSecond)} / ${ms(r.random.p99Ms)}`),
    sqlite && pg ? `${(pg.random.requestsPerSecond / sqlite.random.requestsPerSecond).toFixed(2)}×` : "–",
    cell(sqlite ?? pg, (r) => `${int(r.memory.rss / 1024 / 1024)} MB`),
    cell(sqlite ?? pg, (r) => `${(r.brotliBytes / 1024).toFixed(1)} KB`),
    cell(sqlite ?? pg, (r) => r.loadAverage.toFixed(2)),
  ];
  await addResultRow("<!-- bench results: npm run bench adds a line under this table's header -->", line);
}

async function benchDialect(dialect: DialectName, settings: Settings): Promise<ReaderPath | null> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  console.error(`Preparing ${int(ARTICLE_COUNT)} articles on ${dialect}…`);
  const db = await seedDatabase(dialect);
  const prepareSeconds = (performance.now() - started) / 1000;

  let server: Server | null = null;
  let cleaning: Promise<void> | null = null;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await server?.stop();
      await db.destroy();
    })();
    return cleaning;
  };
  // Ctrl-C during the load must not leave a server, a copy of the database or jikji_bench behind.
  const onInterrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", onInterrupt);

  try {
    // Rendering on every request: the page cache off, so these are the cold-render figures.
    server = await startServer(db, 0);
    const base = `http://127.0.0.1:${server.port}`;
    const rows: Row[] = [];
    for (const route of routes(db)) {
      const pageBytes = await probe(base, route);
      console.error(`${route.label}: warming up ${settings.warmup} s, measuring ${settings.duration} s…`);
      if (settings.warmup > 0) await load(base, route, settings.warmup, settings.connections);
      const result = await load(base, route, settings.duration, settings.connections);
      rows.push({ route, result, pageBytes });
    }
    await server.stop();
    server = null;
    console.log(`\n${report(settings, db, { prepareSeconds, loadAtStart }, rows)}`);
    if (rows.some((r) => r.result.errors > 0 || r.result.non2xx > 0)) {
      console.error("Some requests failed: the figures above do not describe a working site.");
      process.exitCode = 1;
    }

    let reader: ReaderPath | null = null;
    if ((await hasCommand("wrk")) && (await hasCommand("nginx"))) {
      reader = await measureReaderPath(db, settings);
      if (reader.failedRequests > 0) process.exitCode = 1;
    } else {
      console.error(
        "wrk or nginx is missing (apt-get install wrk nginx): the reader-path figures are skipped.",
      );
    }

    console.error("The write path: desk actions on 100 published stories, one at a time…");
    const writes = await measureWritePath(db);
    console.log(
      `${table(
        ["desk action (use case, in-process)", "p50 ms", "p95 ms", "max ms", "tags announced"],
        writes.map((w) => [
          w.action,
          w.p50.toFixed(1),
          w.p95.toFixed(1),
          w.max.toFixed(1),
          w.tags.toFixed(1),
        ]),
        [false, true, true, true, true],
      )}\n`,
    );
    return reader;
  } finally {
    process.off("SIGINT", onInterrupt);
    await cleanUp();
  }
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const started = performance.now();
  const readers: ReaderPath[] = [];
  for (const dialect of settings.dialects) {
    const reader = await benchDialect(dialect, settings);
    if (reader) readers.push(reader);
  }
  if (readers.length) {
    console.log(
      `The reader path (page cache on; wrk, ${READER_CONNECTIONS} connections, ${settings.duration} s each):\n`,
    );
    console.log(`${readerPathTable(readers)}\n`);
    await recordResults(readers);
  }
  console.error(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
