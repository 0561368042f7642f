import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { DialectName } from "../src/db/dialect.ts";
import { ARTICLE_COUNT, BENCH_SECTION, type SeededDatabase, seedDatabase } from "./seed.ts";
import type { ServerMessage, ServerOptions } from "./server.ts";
import { measureWritePath } from "./write-path.ts";

/**
 * `npm run bench`: the public pages under load on a database of 10,000 generated articles. The
 * article page is the headline figure (it is what search and social links land on); home and a
 * section page follow. See bench/README.md.
 */

interface Settings {
  dialect: DialectName;
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
  const dialect = env.BENCH_DIALECT || "sqlite";
  if (dialect !== "sqlite" && dialect !== "postgres") {
    throw new Error(`BENCH_DIALECT must be sqlite or postgres, not '${dialect}'`);
  }
  return {
    dialect,
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

interface Server {
  port: number;
  stop(): Promise<void>;
}

async function startServer(db: SeededDatabase): Promise<Server> {
  const options: ServerOptions = { dataDir: db.dataDir, databaseUrl: db.databaseUrl };
  // fork() passes on this process's execArgv, which carries tsx's loader.
  const child: ChildProcess = fork(fileURLToPath(new URL("./server.ts", import.meta.url)), [
    JSON.stringify(options),
  ]);
  const port = await new Promise<number>((resolve, reject) => {
    child.on("message", (m: ServerMessage) => {
      if (m.type === "listening") resolve(m.port);
      else reject(new Error(`the server did not start:\n${m.message}`));
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.send("stop");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { port, stop };
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

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  console.error(`Preparing ${int(ARTICLE_COUNT)} articles on ${settings.dialect}…`);
  const db = await seedDatabase(settings.dialect);
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
  process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

  try {
    server = await startServer(db);
    const base = `http://127.0.0.1:${server.port}`;
    const rows: Row[] = [];
    for (const route of routes(db)) {
      const pageBytes = await probe(base, route);
      console.error(`${route.label}: warming up ${settings.warmup} s, measuring ${settings.duration} s…`);
      if (settings.warmup > 0) await load(base, route, settings.warmup, settings.connections);
      const result = await load(base, route, settings.duration, settings.connections);
      rows.push({ route, result, pageBytes });
    }
    console.log(`\n${report(settings, db, { prepareSeconds, loadAtStart }, rows)}`);
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
    console.error(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
    if (rows.some((r) => r.result.errors > 0 || r.result.non2xx > 0)) {
      console.error("Some requests failed: the figures above do not describe a working site.");
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
