import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "./redis-server.ts";

export interface MainProcess {
  child: ChildProcess;
  port: number;
  /** everything it wrote to stdout and stderr so far */
  output(): string;
}

/**
 * Starts the server with `env` and waits until it serves: `src/main.ts` through tsx, or `script` (the
 * compiled `main.js` that `npm start` runs).
 */
export async function startMain(env: Record<string, string>, script?: string): Promise<MainProcess> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, script ? [script] : ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn", JIKJI_DEMO: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, port, output: () => output };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start: ${output}`);
}

/** Sends SIGTERM and waits (15 s at most, then SIGKILL): how long it took and the exit code. */
export async function stopMain(child: ChildProcess): Promise<{ ms: number; code: number | null }> {
  if (child.exitCode !== null) return { ms: 0, code: child.exitCode };
  const started = performance.now();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  const value = await Promise.race([exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 15_000))]);
  const ms = performance.now() - started;
  if (value === "hung") child.kill("SIGKILL");
  return { ms, code: value === "hung" ? null : value };
}
