// Compiles the server (src/**/*.ts, *.tsx) to JavaScript in dist/, one file per source file, so
// production runs plain JavaScript under node (no TypeScript loader at start). Run by `npm run build`,
// and by scripts/start.mjs (`npm start`, `npm run jikji`) whenever the sources changed since.
// Plain JavaScript itself: it must run before anything is built.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;
/** Browser code, bundled in memory when the newsroom first asks for it: copied as it is. */
const BROWSER_DIR = path.join("web", "newsroom", "editor");
const STAMP = "BUILD.json";

function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => path.relative(dir, path.join(f.parentPath, f.name)))
    .sort();
}

/** What the build is made from: every source file's path, size and time, and the lock file. */
export function sourceFingerprint(srcDir = path.join(ROOT, "src")) {
  const hash = createHash("sha256");
  for (const rel of filesUnder(srcDir)) {
    const stat = fs.statSync(path.join(srcDir, rel));
    hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  const lock = path.join(path.dirname(srcDir), "package-lock.json");
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest("hex");
}

/** True when `outdir` holds no build, or one of other sources than those in `srcDir` now. */
export function isStale(outdir = path.join(ROOT, "dist"), srcDir = path.join(ROOT, "src")) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(outdir, STAMP), "utf8"));
    return stamp.sources !== sourceFingerprint(srcDir);
  } catch {
    return true;
  }
}

/**
 * Relative imports name the TypeScript file (`./app.ts`); the built file is `./app.js`. Every other
 * import (packages, node:) is left to node at run time.
 */
const relativeImportsToJs = {
  name: "relative-imports-to-js",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      return { path: args.path.replace(/\.tsx?$/, ".js"), external: true };
    });
  },
};

/**
 * Builds into a fresh folder beside `outdir` and swaps it in, so a server starting meanwhile never
 * sees half a build. The result keeps src/'s layout at the same depth (dist/comments/filter/…), so
 * paths a module finds relative to itself (assets, the filter's model, ../../../datasets) hold.
 */
export async function buildServer({
  outdir = path.join(ROOT, "dist"),
  srcDir = path.join(ROOT, "src"),
} = {}) {
  const started = performance.now();
  const sources = sourceFingerprint(srcDir);
  const files = filesUnder(srcDir);
  const entries = files.filter(
    (f) => SOURCE.test(f) && !TEST.test(f) && !f.startsWith(BROWSER_DIR + path.sep),
  );
  const copies = files.filter((f) => !entries.includes(f) && !TEST.test(f));
  const tmp = `${outdir}.${process.pid}.${Date.now()}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    absWorkingDir: path.dirname(srcDir),
    entryPoints: entries.map((f) => path.join(srcDir, f)),
    outbase: srcDir,
    outdir: tmp,
    bundle: true,
    packages: "external",
    plugins: [relativeImportsToJs],
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    tsconfig: path.join(path.dirname(srcDir), "tsconfig.json"),
    logLevel: "warning",
  });
  for (const rel of copies) {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.copyFileSync(path.join(srcDir, rel), path.join(tmp, rel));
  }
  fs.writeFileSync(path.join(tmp, "package.json"), '{ "type": "module" }\n');
  fs.writeFileSync(
    path.join(tmp, STAMP),
    `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`,
  );
  const old = `${outdir}.${process.pid}.${Date.now()}.old`;
  if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
  fs.renameSync(tmp, outdir);
  fs.rmSync(old, { recursive: true, force: true });
  return { files: entries.length, copied: copies.length, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const report = await buildServer({ outdir });
  // stderr: `npm run jikji -- export > file` must get JSON only on stdout
  console.error(
    `built ${report.files} modules (+${report.copied} files) into ${outdir ?? "dist"} in ${report.ms} ms`,
  );
}
