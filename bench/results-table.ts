import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The short hash of the commit being measured ("unknown" outside a git checkout). */
export async function gitCommit(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)("git", ["rev-parse", "--short", "HEAD"]);
    return stdout.trim();
  } catch {
    return "unknown";
  }
}

/**
 * Adds `cells` as the newest row of the results table that follows `marker` in bench/README.md: after
 * the marker come the header line and the separator line, and the new row goes right below them.
 */
export async function addResultRow(marker: string, cells: readonly string[]): Promise<void> {
  const file = fileURLToPath(new URL("./README.md", import.meta.url));
  const text = await fs.readFile(file, "utf8");
  const at = text.indexOf(marker);
  if (at < 0) return;
  const header = text.indexOf("\n", at);
  const separator = text.indexOf("\n", header + 1);
  const insertAt = text.indexOf("\n", separator + 1) + 1;
  await fs.writeFile(file, `${text.slice(0, insertAt)}| ${cells.join(" | ")} |\n${text.slice(insertAt)}`);
  // The repository's formatter aligns Markdown tables; `npm run lint` would refuse the file otherwise.
  await promisify(execFile)("npx", ["biome", "format", "--write", file]).catch(() => undefined);
}
