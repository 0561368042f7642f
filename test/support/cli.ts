import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command as operators do, from the repository's root, with `input` on a pipe as its standard
 * input. `command` defaults to the CLI (`node --import tsx src/cli.ts`).
 */
export function runCommand(
  args: string[],
  options: { env?: Record<string, string>; input?: string; command?: string } = {},
): Promise<CliRun> {
  const [file, prefix] = options.command
    ? [options.command, []]
    : [process.execPath, ["--import", "tsx", "src/cli.ts"]];
  const child = spawn(file, [...prefix, ...args], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: "", LOG_LEVEL: "silent", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  // Whole bytes first: a chunk may end inside a Korean character's UTF-8 sequence.
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (d: Buffer) => out.push(d));
  child.stderr.on("data", (d: Buffer) => err.push(d));
  child.stdin.end(options.input ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

/** The environment that points the CLI at a test database. */
export const databaseEnv = (d: { dataDir: string; databaseUrl: string | null }) => ({
  DATA_DIR: d.dataDir,
  DATABASE_URL: d.databaseUrl ?? "",
});
