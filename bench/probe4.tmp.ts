import fs from "node:fs";
import inspector from "node:inspector/promises";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { seedDatabase } from "./seed.ts";

const db = await seedDatabase((process.env.D as any) ?? "sqlite");
const config = loadConfig({
  DATA_DIR: db.dataDir,
  DATABASE_URL: db.databaseUrl ?? "",
  SITE_URL: "http://127.0.0.1",
  JIKJI_DEMO: "0",
  LOG_LEVEL: "silent",
  PAGE_CACHE_MB: process.env.MB ?? "0",
});
const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ config, db: handle.db, dialect: handle.dialect, logger: false });
const url = (i: number) => `/article/${db.publishedNums[(i * 13) % db.publishedNums.length]}`;
for (let i = 0; i < 300; i++) await app.inject({ method: "GET", url: url(i + 5000) });
const s = new inspector.Session();
s.connect();
await s.post("Profiler.enable");
await s.post("Profiler.start");
const N = 600;
const t0 = performance.now();
for (let i = 0; i < N; i++)
  await app.inject({ method: "GET", url: url(i), headers: { "accept-encoding": process.env.AE ?? "" } });
console.log("inject ms", (performance.now() - t0) / N);
const { profile } = await s.post("Profiler.stop");
fs.writeFileSync("/tmp/prof/loop.cpuprofile", JSON.stringify(profile));
await app.close();
await handle.close();
await db.destroy();
