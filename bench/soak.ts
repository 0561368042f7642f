import os from "node:os";
import autocannon from "autocannon";
import { type Server, startServer } from "./fork-server.ts";
import { requestAll } from "./load.ts";
import { addResultRow, gitCommit } from "./results-table.ts";
import { seedDatabase } from "./seed.ts";

/**
 * `npm run bench:soak`: the site under a reader's mix for ten minutes (SOAK_SECONDS), at 80 % of the
 * peak the same mix reaches on this machine, measured first. Prints, per 30-second window, requests,
 * errors, p99 and the server's RSS; then whether it held: no errors, RSS at the end within 10 % of the
 * RSS after the first window. Every article page is requested once first, as a site that has been up
 * a while has them in its page cache.
 *
 * The mix, as readers make it: article pages (most of it, at random over every published story),
 * home, a section, the comments of a story as the article page's script loads them, the read beacon
 * every article view sends, and a search.
 */

const CONNECTIONS = 32;
const WINDOW_S = 30;
const PEAK_S = 10;
const SHARE = 0.8;

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0, not '${raw}'`);
  return n;
}

interface MixRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const BROWSER = {
  "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1",
  "accept-encoding": "gzip, deflate, br",
};
const SEARCHES = ["반도체", "금리", "배터리", "수출", "부동산", "카드", "유통", "조선"];

function mix(nums: readonly number[], section: string): () => MixRequest {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  return () => {
    const roll = Math.random();
    const num = pick(nums);
    if (roll < 0.55) return { method: "GET", path: `/article/${num}`, headers: BROWSER };
    if (roll < 0.65) return { method: "GET", path: "/", headers: BROWSER };
    if (roll < 0.7) return { method: "GET", path: `/section/${section}`, headers: BROWSER };
    if (roll < 0.8) return { method: "GET", path: `/api/v1/articles/${num}/comments`, headers: BROWSER };
    if (roll < 0.95) {
      return {
        method: "POST",
        path: "/api/v1/views",
        body: JSON.stringify({ article: num }),
        headers: { ...BROWSER, "content-type": "application/json" },
      };
    }
    return { method: "GET", path: `/search?q=${encodeURIComponent(pick(SEARCHES))}`, headers: BROWSER };
  };
}

function run(
  base: string,
  next: () => MixRequest,
  seconds: number,
  rate?: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const r = next();
          return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
}

interface Window {
  at: number;
  requests: number;
  errors: number;
  p99: number;
  rssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const seconds = positiveInt("SOAK_SECONDS", 600);
  const db = await seedDatabase("sqlite");
  let server: Server | null = null;
  try {
    server = await startServer(db, 64);
    const base = `http://127.0.0.1:${server.port}`;
    const next = mix(db.publishedNums, "industry/tech");
    // A site that has been up a while has its page cache full: start from there, so the RSS compared
    // below is the steady state and not the cache filling.
    console.error(`soak: filling the page cache with ${db.publishedNums.length} articles…`);
    await requestAll(
      base,
      db.publishedNums.map((n) => `/article/${n}`),
      8,
      BROWSER["accept-encoding"],
    );
    console.error(`soak: measuring the peak of the mix for ${PEAK_S} s…`);
    const peak = await run(base, next, PEAK_S);
    const peakRate = peak.requests.total / peak.duration;
    const rate = Math.max(1, Math.round(peakRate * SHARE));
    console.error(`soak: peak ${Math.round(peakRate)} req/s; ${seconds} s at ${rate} req/s…`);
    const windows: Window[] = [];
    const startRss = (await server.memory()).rss;
    for (let done = 0; done < seconds; done += WINDOW_S) {
      const span = Math.min(WINDOW_S, seconds - done);
      const r = await run(base, next, span, rate);
      const rss = (await server.memory()).rss;
      windows.push({
        at: done + span,
        requests: r.requests.total,
        errors: r.errors + r.timeouts + r.non2xx,
        p99: r.latency.p99,
        rssMb: mb(rss),
      });
      const w = windows.at(-1)!;
      console.log(
        `${String(w.at).padStart(4)} s  ${String(w.requests).padStart(7)} requests  ${w.errors} errors  p99 ${w.p99} ms  RSS ${w.rssMb} MB`,
      );
    }
    const errors = windows.reduce((n, w) => n + w.errors, 0);
    const first = windows[0]!.rssMb;
    const last = windows.at(-1)!.rssMb;
    const growth = (last - first) / first;
    const worstP99 = Math.max(...windows.map((w) => w.p99));
    console.log(
      `\nmix peak ${Math.round(peakRate)} req/s, soak at ${rate} req/s for ${seconds} s: ${errors} errors; ` +
        `RSS ${mb(startRss)} MB before, ${first} MB after the first window, ${last} MB at the end ` +
        `(${(growth * 100).toFixed(1)} %); worst p99 ${worstP99} ms`,
    );
    const held = errors === 0 && growth < 0.1;
    if (!held) process.exitCode = 1;
    await addResultRow("<!-- soak results: npm run bench:soak adds a line under this table's header -->", [
      new Date().toISOString().slice(0, 10),
      await gitCommit(),
      `${seconds} s`,
      String(Math.round(peakRate)),
      String(rate),
      String(errors),
      `${worstP99} ms`,
      `${first} → ${last} MB (${(growth * 100).toFixed(1)} %)`,
      (os.loadavg()[0] ?? 0).toFixed(2),
      held ? "held" : "failed",
    ]);
  } finally {
    await server?.stop();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
