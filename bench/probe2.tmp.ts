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
  PAGE_CACHE_MB: "0",
});
const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ config, db: handle.db, dialect: handle.dialect, logger: false });
for (let i = 0; i < 300; i++)
  await app.inject({ method: "GET", url: `/article/${db.publishedNums[i % db.publishedNums.length]}` });
const N = Number(process.env.N ?? 1000);
const t = performance.now();
for (let i = 0; i < N; i++)
  await app.inject({ method: "GET", url: `/article/${db.publishedNums[(i * 7) % db.publishedNums.length]}` });
console.log("in-process ms/render", (performance.now() - t) / N);
await app.close();
await handle.close();
await db.destroy();
