import fs from "node:fs";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { seedDatabase } from "./seed.ts";

const db = await seedDatabase("sqlite");
const config = loadConfig({
  DATA_DIR: db.dataDir,
  DATABASE_URL: "",
  SITE_URL: "http://127.0.0.1",
  JIKJI_DEMO: "0",
  LOG_LEVEL: "silent",
  PAGE_CACHE_MB: "0",
});
const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ config, db: handle.db, dialect: handle.dialect, logger: false });
const num = db.publishedNums[Math.floor(db.publishedNums.length / 2)];
for (const p of [`/article/${num}`, "/", "/section/industry/tech"]) {
  const r = await app.inject({ method: "GET", url: p });
  fs.writeFileSync(`/tmp/probe/${p.replace(/\W+/g, "_") || "home"}.html`, r.body);
  console.log(p, r.statusCode, r.body.length);
}
// time cold renders in-process
const t = performance.now();
for (let i = 0; i < 200; i++)
  await app.inject({ method: "GET", url: `/article/${db.publishedNums[i % db.publishedNums.length]}` });
console.log("in-process ms/render", (performance.now() - t) / 200);
await app.close();
await handle.close();
await db.destroy();
