import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * The load tools of the reader-path figures: wrk (Debian package) as the load generator, and nginx
 * (Debian package) serving the same bytes from a file as the yardstick. Both are separate processes,
 * so none of them shares an event loop with the server measured.
 */

export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** socket errors and non-2xx/3xx answers */
  errors: number;
  /** bytes read per second */
  transferPerSecond: number;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  if (unit === "us") return n / 1000;
  if (unit === "s") return n * 1000;
  if (unit === "m") return n * 60_000;
  return n;
}

function toBytes(value: string, unit: string): number {
  const n = Number(value);
  const scale: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
  return n * (scale[unit] ?? 1);
}

/** Parses `wrk --latency` output. */
export function parseWrk(out: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  const p50 = /\s50%\s+([\d.]+)(us|ms|s|m)\b/.exec(out);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)\b/.exec(out);
  const transfer = /Transfer\/sec:\s+([\d.]+)(B|KB|MB|GB)/.exec(out);
  if (!rps || !total || !p50 || !p99) throw new Error(`could not read wrk's output:\n${out}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const errors =
    (socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  return {
    requestsPerSecond: Number(rps[1]),
    requests: Number(total[1]),
    p50Ms: toMs(p50[1]!, p50[2]!),
    p99Ms: toMs(p99[1]!, p99[2]!),
    errors,
    transferPerSecond: transfer ? toBytes(transfer[1]!, transfer[2]!) : 0,
  };
}

/** Asks for one of the paths listed in the file given as its argument, at random, per request. */
const RANDOM_PATHS_LUA = `
local paths = {}
local headers = {}
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  if args[2] and args[2] ~= "" then headers["Accept-Encoding"] = args[2] end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end
function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
`;

export interface WrkOptions {
  connections: number;
  seconds: number;
  threads?: number;
  /** Accept-Encoding sent with each request; none when unset */
  acceptEncoding?: string;
  /** a path per request, picked at random from these (otherwise `url` each time) */
  randomPaths?: string[];
}

export async function wrk(url: string, options: WrkOptions): Promise<WrkResult> {
  const args = [
    `-t${options.threads ?? 2}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "--latency",
    "--timeout",
    "5s",
  ];
  let dir: string | null = null;
  if (options.randomPaths) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-wrk-"));
    const script = path.join(dir, "random.lua");
    const list = path.join(dir, "paths.txt");
    await fs.writeFile(script, RANDOM_PATHS_LUA);
    await fs.writeFile(list, `${options.randomPaths.join("\n")}\n`);
    args.push("-s", script, url, "--", list, options.acceptEncoding ?? "");
  } else {
    if (options.acceptEncoding) args.push("-H", `Accept-Encoding: ${options.acceptEncoding}`);
    args.push(url);
  }
  try {
    const { stdout } = await promisify(execFile)("wrk", args, { maxBuffer: 1024 * 1024 });
    return parseWrk(stdout);
  } finally {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function hasCommand(command: string): Promise<boolean> {
  try {
    await promisify(execFile)("sh", ["-c", `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StaticServer {
  /** the URL of `file` on nginx */
  url: string;
  stop(): Promise<void>;
}

/**
 * nginx serving one file from a folder of its own, as a static site would: sendfile, keep-alive,
 * no access log, one worker per core.
 */
export async function startNginx(fileName: string, body: Buffer): Promise<StaticServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-nginx-"));
  // nginx's workers run as an unprivileged user when started by root: they must be able to read it.
  await fs.chmod(dir, 0o755);
  await fs.mkdir(path.join(dir, "www"), { mode: 0o755 });
  await fs.writeFile(path.join(dir, "www", fileName), body, { mode: 0o644 });
  const port = await freePort();
  const conf = `
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  types { text/html html; }
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
  }
}
`;
  await fs.writeFile(path.join(dir, "nginx.conf"), conf);
  const child: ChildProcess = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const url = `http://127.0.0.1:${port}/${fileName}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Requests every path once, `concurrency` at a time: fills the page cache as a crawl would. */
export async function requestAll(base: string, paths: string[], concurrency: number, acceptEncoding: string) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < paths.length) {
      const p = paths[next++]!;
      const res = await fetch(base + p, { headers: { "accept-encoding": acceptEncoding } });
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { failed };
}
