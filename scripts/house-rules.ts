/**
 * The rules of the house that Biome cannot check, run by `npm run lint` (and by a unit test, so that
 * each rule is shown to fail on a broken copy of the tree):
 *
 * 1. SQL lives in repositories: query-builder calls (`selectFrom`, `insertInto`, `updateTable`,
 *    `deleteFrom`) and raw `sql` templates appear only in `*.repo.ts`, in `src/db/` (the client, the
 *    dialect object, migrations) and in the bundle importer and exporter.
 * 2. No import cycles: neither between files anywhere in `src/`, nor between feature folders
 *    (`src/articles`, `src/people`, …; `db`, `lib` and `web` are layers, not features).
 * 3. Landed migrations are frozen: every migration file is listed in `src/db/migrations/LANDED` with
 *    the SHA-256 of its content, and a listed file may never change. A new migration is recorded
 *    with `npm run lint -- --record` (which only ever appends lines).
 *
 * Usage: tsx scripts/house-rules.ts [--root DIR] [--record]
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Problem {
  rule: "sql-outside-repo" | "import-cycle" | "feature-cycle" | "migration-changed" | "migration-unrecorded";
  message: string;
}

const SOURCE = /\.(ts|tsx)$/;
const SQL_CALL = /\b(selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql(<[^`\n]*>)?`/;
/** Folders under src/ that are layers shared by every feature, not features. */
const LAYERS = new Set(["db", "lib", "web"]);
const MIGRATION_FILE = /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+\.ts$/;
export const LANDED_FILE = "src/db/migrations/LANDED";

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

const posix = (p: string) => p.split(path.sep).join("/");

/** Whether a file under src/ may hold SQL (rule 1). */
export function maySpeakSql(relative: string): boolean {
  return (
    relative.endsWith(".repo.ts") ||
    relative.startsWith("src/db/") ||
    relative === "src/bundle/bundle.import.ts" ||
    relative === "src/bundle/bundle.export.ts"
  );
}

/** Lines that are comments are passed over: a comment may name a query builder. */
function codeLines(text: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  let inBlock = false;
  text.split("\n").forEach((raw, i) => {
    let code = raw;
    if (inBlock) {
      const end = code.indexOf("*/");
      if (end < 0) return;
      code = code.slice(end + 2);
      inBlock = false;
    }
    code = code.replace(/\/\*.*?\*\//g, "");
    const start = code.indexOf("/*");
    if (start >= 0) {
      inBlock = true;
      code = code.slice(0, start);
    }
    if (/^\s*\/\//.test(code)) return;
    out.push({ line: i + 1, code });
  });
  return out;
}

function checkSql(root: string, files: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const relative = posix(path.relative(root, file));
    if (maySpeakSql(relative)) continue;
    for (const { line, code } of codeLines(fs.readFileSync(file, "utf8"))) {
      if (SQL_CALL.test(code)) {
        problems.push({
          rule: "sql-outside-repo",
          message: `${relative}:${line}: SQL belongs in a *.repo.ts file: ${code.trim().slice(0, 100)}`,
        });
      }
    }
  }
  return problems;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+["'](\.{1,2}\/[^"']+)["']/g;
const SIDE_EFFECT_IMPORT = /(?:^|\n)\s*import\s+["'](\.{1,2}\/[^"']+)["']/g;

/** Every file each file imports (relative imports, type-only ones included). */
export function importGraph(root: string, files: string[]): Map<string, Set<string>> {
  const known = new Set(files.map((f) => posix(path.relative(root, f))));
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = posix(path.relative(root, file));
    const text = fs.readFileSync(file, "utf8");
    const targets = new Set<string>();
    for (const pattern of [IMPORT, SIDE_EFFECT_IMPORT]) {
      for (const m of text.matchAll(pattern)) {
        const target = posix(path.normalize(path.join(path.dirname(from), m[1]!)));
        if (known.has(target)) targets.add(target);
      }
    }
    graph.set(from, targets);
  }
  return graph;
}

/** Strongly connected components with more than one node (or a node importing itself): cycles. */
export function cycles<T>(graph: Map<T, Set<T>>): T[][] {
  let index = 0;
  const indices = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const onStack = new Set<T>();
  const found: T[][] = [];
  const visit = (v: T) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: T[] = [];
      let w: T;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** The feature folder a file belongs to, or null for layers and top-level files. */
export function featureOf(relative: string): string | null {
  const parts = relative.split("/");
  if (parts.length < 3 || parts[0] !== "src") return null;
  return LAYERS.has(parts[1]!) ? null : parts[1]!;
}

function checkImports(root: string, files: string[]): Problem[] {
  const problems: Problem[] = [];
  const graph = importGraph(root, files);
  for (const component of cycles(graph)) {
    problems.push({
      rule: "import-cycle",
      message: `files import each other in a cycle: ${component.join(" ↔ ")}`,
    });
  }
  const features = new Map<string, Set<string>>();
  const witness = new Map<string, string>();
  for (const [from, targets] of graph) {
    const a = featureOf(from);
    if (!a) continue;
    if (!features.has(a)) features.set(a, new Set());
    for (const to of targets) {
      const b = featureOf(to);
      if (!b || b === a) continue;
      features.get(a)!.add(b);
      if (!witness.has(`${a}>${b}`)) witness.set(`${a}>${b}`, `${from} → ${to}`);
    }
  }
  for (const component of cycles(features)) {
    const members = new Set(component);
    const edges = [...witness]
      .filter(([k]) => {
        const [a, b] = k.split(">");
        return members.has(a!) && members.has(b!);
      })
      .map(([, v]) => v);
    problems.push({
      rule: "feature-cycle",
      message: `feature folders import each other: ${component.join(" ↔ ")} (${edges.join("; ")})`,
    });
  }
  return problems;
}

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** The recorded hashes: `hash  file` per line. */
export function readLanded(root: string): Map<string, string> {
  const file = path.join(root, LANDED_FILE);
  const landed = new Map<string, string>();
  if (!fs.existsSync(file)) return landed;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^([0-9a-f]{64})\s+(\S+)$/.exec(line.trim());
    if (m) landed.set(m[2]!, m[1]!);
  }
  return landed;
}

function migrationFiles(root: string): string[] {
  const dir = path.join(root, "src/db/migrations");
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => MIGRATION_FILE.test(f))
        .sort()
    : [];
}

function checkMigrations(root: string): Problem[] {
  const problems: Problem[] = [];
  const landed = readLanded(root);
  const dir = path.join(root, "src/db/migrations");
  for (const [name, hash] of landed) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      problems.push({
        rule: "migration-changed",
        message: `landed migration ${name} was removed or renamed`,
      });
    } else if (sha256(file) !== hash) {
      problems.push({
        rule: "migration-changed",
        message: `landed migration ${name} was edited: a landed migration never changes; write a new one`,
      });
    }
  }
  for (const name of migrationFiles(root)) {
    if (!landed.has(name)) {
      problems.push({
        rule: "migration-unrecorded",
        message: `migration ${name} is not in ${LANDED_FILE}: run npm run lint -- --record`,
      });
    }
  }
  return problems;
}

/** Appends the hash of every migration not yet recorded; recorded lines are never rewritten. */
export function recordMigrations(root: string): string[] {
  const landed = readLanded(root);
  const added = migrationFiles(root).filter((name) => !landed.has(name));
  if (added.length) {
    const lines = added.map((name) => `${sha256(path.join(root, "src/db/migrations", name))}  ${name}\n`);
    fs.appendFileSync(path.join(root, LANDED_FILE), lines.join(""));
  }
  return added;
}

export function checkHouseRules(root: string): Problem[] {
  const files = listSources(path.join(root, "src"));
  return [...checkSql(root, files), ...checkImports(root, files), ...checkMigrations(root)];
}

function main(argv: string[]): number {
  const rootAt = argv.indexOf("--root");
  const root = path.resolve(
    rootAt >= 0 ? argv[rootAt + 1]! : path.join(path.dirname(fileURLToPath(import.meta.url)), ".."),
  );
  if (argv.includes("--record")) {
    for (const name of recordMigrations(root)) console.log(`recorded ${name}`);
  }
  const problems = checkHouseRules(root);
  for (const p of problems) console.error(`${p.rule}: ${p.message}`);
  if (problems.length) {
    console.error(`house rules: ${problems.length} problem(s)`);
    return 1;
  }
  console.log("house rules: SQL only in repositories, no import cycles, landed migrations unchanged");
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
