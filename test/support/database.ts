import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseHandle, migrateToLatest, openDatabase } from "../../src/db/client.ts";
import type { DialectName } from "../../src/db/dialect.ts";

/** The PostgreSQL server tests use; each test file gets a database of its own on it. */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function testDialect(): DialectName {
  const d = process.env.TEST_DIALECT ?? "sqlite";
  if (d !== "sqlite" && d !== "postgres")
    throw new Error(`TEST_DIALECT must be sqlite or postgres, not ${d}`);
  return d;
}

export interface TestDatabase extends DatabaseHandle {
  dataDir: string;
  databaseUrl: string | null;
  /** closes and removes the database and its data folder */
  destroy(): Promise<void>;
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test file: a SQLite file in a temporary folder, or a new
 * PostgreSQL database with a UTF-8 LC_CTYPE (without it Hangul gets no trigrams).
 */
export async function createTestDatabase(dialect: DialectName = testDialect()): Promise<TestDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-test-"));
  let databaseUrl: string | null = null;
  let name: string | null = null;
  if (dialect === "postgres") {
    name = `jikji_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await adminQuery(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    const url = new URL(TEST_PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const handle = openDatabase({ databaseUrl, dataDir, poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dataDir,
    databaseUrl,
    async destroy() {
      // A test may have closed it already on purpose (failure tests); the database must still go.
      await handle.close().catch(() => undefined);
      if (name) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
