import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./redis-server.ts";

/** Debian's nginx, installed by .ci/run. */
export const NGINX = process.env.TEST_NGINX ?? "/usr/sbin/nginx";
/** The configuration docs/deploy.md tells operators to install. */
export const DEPLOY_CONFIG = path.resolve(import.meta.dirname, "../../deploy/nginx/jikji.conf");
export const SERVER_NAME = "news.example.kr";

export interface RunningNginx {
  httpsPort: number;
  httpPort: number;
  dir: string;
  /** the access log so far (the `jikji` format: upstream and cache status per request) */
  accessLog(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs `deploy/nginx/jikji.conf` as nginx would on a server, with what only a test changes: the
 * instances' addresses, free loopback ports instead of 80/443, a self-signed certificate, and every
 * file (pid, logs, cache, temporary bodies) in a temporary folder. `bind` makes nginx reach the
 * instances from that address, so they can tell it from a client connecting to them directly.
 */
export async function startNginx(options: { upstreams: string[]; bind?: string }): Promise<RunningNginx> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-nginx-"));
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  await promisify(execFile)("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    `/CN=${SERVER_NAME}`,
    "-keyout",
    path.join(dir, "key.pem"),
    "-out",
    path.join(dir, "cert.pem"),
  ]);
  let site = await fs.readFile(DEPLOY_CONFIG, "utf8");
  const swap = (from: RegExp, to: string) => {
    if (!from.test(site)) throw new Error(`deploy/nginx/jikji.conf no longer has ${from}`);
    site = site.replace(from, to);
  };
  swap(
    /(\s*server 10\.0\.0\.\d+:3000[^;]*;)+/,
    options.upstreams.map((u) => `\n    server ${u} max_fails=3 fail_timeout=10s;`).join(""),
  );
  swap(/listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${httpPort};`);
  swap(/listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/, `listen 127.0.0.1:${httpsPort} ssl http2;`);
  swap(/\/etc\/letsencrypt\/live\/news\.example\.kr\/fullchain\.pem/, path.join(dir, "cert.pem"));
  swap(/\/etc\/letsencrypt\/live\/news\.example\.kr\/privkey\.pem/, path.join(dir, "key.pem"));
  swap(/\/var\/cache\/nginx\/jikji/, path.join(dir, "cache"));
  swap(/\/var\/log\/nginx\/jikji\.access\.log/, path.join(dir, "access.log"));
  swap(/\/var\/www\/letsencrypt/, path.join(dir, "acme"));
  // Which instance answered, on every answer (empty when nginx answered from its cache).
  site = site.replaceAll(
    "add_header X-Proxy-Cache $upstream_cache_status always;",
    "add_header X-Proxy-Cache $upstream_cache_status always;\n        add_header X-Upstream $upstream_addr always;",
  );
  swap(/(access_log [^;]+;)/, "$1\n    add_header X-Upstream $upstream_addr always;");
  if (options.bind)
    swap(/proxy_http_version 1\.1;/, `proxy_http_version 1.1;\n    proxy_bind ${options.bind};`);
  await fs.writeFile(path.join(dir, "jikji.conf"), site);
  const temp = (name: string) => path.join(dir, "tmp", name);
  await fs.writeFile(
    path.join(dir, "nginx.conf"),
    `# one process, in the foreground, every file in ${dir}
daemon off;
master_process off;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
    access_log off;
    include ${path.join(dir, "jikji.conf")};
}
`,
  );
  await fs.mkdir(path.join(dir, "tmp"), { recursive: true });
  await fs.mkdir(path.join(dir, "acme"), { recursive: true });
  await promisify(execFile)(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")]).catch((error) => {
    throw new Error(`nginx -t refused the configuration: ${error.stderr ?? error}`);
  });
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Ready when it answers on its port (its own redirect to https).
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(
        { host: "127.0.0.1", port: httpPort, path: "/", headers: { host: SERVER_NAME } },
        (res) => {
          res.resume();
          resolve(true);
        },
      );
      req.on("error", () => resolve(false));
    });
    if (ok) break;
    if (child.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    httpsPort,
    httpPort,
    dir,
    accessLog: () => fs.readFile(path.join(dir, "access.log"), "utf8").catch(() => ""),
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export interface ProxyResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/**
 * A request through nginx over TLS, as a client at `from` (a loopback address of the client's own,
 * 127.0.0.0/8, so the test has several "readers"); the certificate is the test's self-signed one.
 */
export function throughProxy(
  proxy: RunningNginx,
  options: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
    from?: string;
  },
): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port: proxy.httpsPort,
        servername: SERVER_NAME,
        rejectUnauthorized: false,
        method: options.method ?? "GET",
        path: options.path,
        localAddress: options.from ?? "127.0.0.1",
        agent: false,
        headers: { host: SERVER_NAME, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
