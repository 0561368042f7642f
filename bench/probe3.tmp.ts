import { SqliteQueryCompiler } from "kysely";
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
for (let i = 0; i < 50; i++) await app.inject({ method: "GET", url: `/article/${db.publishedNums[i]}` });
const seen: string[] = [];
const orig = (SqliteQueryCompiler as any).prototype.compileQuery;
(SqliteQueryCompiler as any).prototype.compileQuery = function (...a: any[]) {
  const c = orig.apply(this, a);
  seen.push(c);
  return c;
};
await app.inject({ method: "GET", url: `/article/${db.publishedNums[77]}` });

import("better-sqlite3").then(async ({ default: SQLite }) => {});
const { default: SQLite } = await import("better-sqlite3");
const raw = new SQLite(`${db.dataDir}/jikji.sqlite`, { readonly: true });
for (const c of seen as any[]) {
  const st = raw.prepare(c.sql);
  st.all(c.parameters);
  const t = performance.now();
  for (let i = 0; i < 200; i++) st.all(c.parameters);
  console.log(((performance.now() - t) / 200).toFixed(3), "ms", c.sql.slice(0, 120));
  if ((performance.now() - t) / 200 > 0.2)
    console.log(
      raw
        .prepare("explain query plan " + c.sql)
        .all(c.parameters)
        .map((r: any) => r.detail)
        .join(" | "),
      "\n",
      c.sql,
    );
}
const t0 = performance.now();
for (let i = 0; i < 300; i++)
  await app.inject({
    method: "GET",
    url: `/article/${db.publishedNums[(i * 13) % db.publishedNums.length]}`,
  });
console.log("inject ms", (performance.now() - t0) / 300);
raw.close();
await app.close();
await handle.close();
await db.destroy();
