import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startMain, stopMain } from "../support/main-process.ts";

describe("starting the server", () => {
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await database?.destroy();
    database = null;
  });

  it("loads the demo on an empty database, its passwords only in DATA_DIR/demo-accounts.txt (mode 600)", {
    timeout: 120_000,
  }, async () => {
    database = await createTestDatabase();
    const server = await startMain({
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl ?? "",
      JIKJI_DEMO: "1",
      LOG_LEVEL: "info",
    });
    try {
      const file = path.join(database.dataDir, "demo-accounts.txt");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const passwords = fs
        .readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((line) => line.split(/\s+/)[2]!);
      expect(passwords.length).toBeGreaterThan(0);
      for (const password of passwords) expect(server.output()).not.toContain(password);
      expect(server.output()).toContain("demo-accounts.txt");
      expect(server.output()).not.toContain("staff add EMAIL");
    } finally {
      expect((await stopMain(server.child)).code).toBe(0);
    }
  });

  it("makes no staff accounts in production unless JIKJI_DEMO=1 says so", { timeout: 120_000 }, async () => {
    database = await createTestDatabase();
    const server = await startMain({
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.databaseUrl ?? "",
      NODE_ENV: "production",
      JIKJI_DEMO: "",
    });
    await stopMain(server.child);
    // Nobody could sign in: the log says how to make the first admin.
    expect(server.output()).toContain("npm run jikji -- staff add EMAIL --name 이름 --role admin");
    const staff = await database.db.selectFrom("staff").select("id").execute();
    expect(staff).toEqual([]);
    expect(fs.existsSync(path.join(database.dataDir, "demo-accounts.txt"))).toBe(false);
  });
});
