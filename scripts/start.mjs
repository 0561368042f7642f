// `npm start` and `npm run jikji`: builds dist/ when the sources changed since the last build, then
// runs the compiled server (`main`) or command line (`cli`) in this process.
//   node scripts/start.mjs main
//   node scripts/start.mjs cli COMMAND [ARGS…]
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildServer, isStale, ROOT } from "./build.mjs";

const DIST = path.join(ROOT, "dist");
const LOCK = path.join(ROOT, "dist.lock");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/**
 * One build at a time: instances started together (systemd, a container orchestrator) take turns;
 * the later ones find dist/ fresh and build nothing. A lock left by a process that died is taken over.
 */
async function buildIfStale() {
  if (!isStale(DIST)) return;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(LOCK, "utf8") || 0);
      if (holder && !alive(holder)) fs.rmSync(LOCK, { force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (isStale(DIST)) {
      const report = await buildServer({ outdir: DIST });
      console.error(`jikji: built ${report.files} modules into dist/ in ${report.ms} ms`);
    }
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

const [, , target, ...args] = process.argv;
if (target !== "main" && target !== "cli") {
  console.error("usage: node scripts/start.mjs main | cli COMMAND [ARGS…]");
  process.exit(2);
}
await buildIfStale();
const entry = path.join(DIST, `${target}.js`);
// The program sees its own arguments, as if started as `node dist/cli.js COMMAND …`.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(entry).href);
