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
fs.mkdirSync(process.env.OUT!, { recursive: true });
for (let i = 0; i < 40; i++) {
  const num = db.publishedNums[Math.floor((i * db.publishedNums.length) / 40)];
  const r = await app.inject({ method: "GET", url: `/article/${num}` });
  fs.writeFileSync(`${process.env.OUT}/${i}.html`, r.body);
}
await app.close();
await handle.close();
await db.destroy();
