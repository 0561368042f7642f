import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import type { SeededDatabase } from "./seed.ts";

/**
 * The app as an operator runs it: `node scripts/start.mjs main`, which is `npm start` — compiled
 * JavaScript under plain node (no TypeScript loader: under tsx the server's RSS was 30–60 MB higher
 * and not what production pays), the scheduler and the invalidation bus running, glibc's own malloc
 * settings. Only the environment below is passed, so a stray PORT or TRUST_PROXY in the caller's
 * shell does not count.
 */
export interface Server {
  port: number;
  pid: number;
  stop(): Promise<void>;
  memory(): Promise<ServerMemory>;
}

export interface ServerMemory {
  /** resident set of the server process, bytes (/proc/PID/status VmRSS) */
  rss: number;
  /** V8's heap in use, from /metrics (nodejs_heap_size_used_bytes) */
  heapUsed: number;
  /** what /metrics reports of the page cache */
  cacheBytes: number;
  cacheEntries: number;
}

const START = fileURLToPath(new URL("../scripts/start.mjs", import.meta.url));

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

function metric(text: string, name: string): number {
  const value = new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1];
  if (value === undefined) throw new Error(`/metrics has no ${name}`);
  return Number(value);
}

export async function startServer(db: SeededDatabase, pageCacheMb: number): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [START, "main"], {
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      DATA_DIR: db.dataDir,
      DATABASE_URL: db.databaseUrl ?? "",
      SITE_URL: "http://127.0.0.1",
      HOST: "127.0.0.1",
      PORT: String(port),
      JIKJI_DEMO: "0",
      LOG_LEVEL: "error",
      PAGE_CACHE_MB: String(pageCacheMb),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the server did not start");
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  // Ready when /healthz answers; the first start may compile dist/ (a few seconds).
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the server did not answer /healthz within 120 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const memory = async (): Promise<ServerMemory> => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return {
      rss: residentBytes(pid),
      heapUsed: metric(text, "nodejs_heap_size_used_bytes"),
      cacheBytes: metric(text, "jikji_page_cache_bytes"),
      cacheEntries: metric(text, "jikji_page_cache_entries"),
    };
  };
  return { port, pid, stop, memory };
}
