import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { DialectName } from "./dialect.ts";
import { migrations } from "./migrations/index.ts";

/**
 * Whole-database copies for backup and restore: the one place that knows how each database is
 * copied while it runs and put back. SQLite uses its online backup API (a consistent copy even while
 * other processes write); PostgreSQL uses `pg_dump --format=custom` and `pg_restore` from PATH.
 */

/** Raised with a message for operators (Korean) when a copy cannot be made or put back. */
export class SnapshotError extends Error {
  override name = "SnapshotError";
}

/** The newsroom's own tables: a database holding rows in any of them is not "empty". */
const CONTENT_TABLES = ["sections", "articles", "staff", "people", "media", "comments", "events"];

/** Every migration this code knows, oldest name first. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

async function migrationNames(db: Kysely<any>): Promise<string[]> {
  try {
    const rows = await db.selectFrom("kysely_migration").select("name").orderBy("name").execute();
    return rows.map((r) => String(r.name));
  } catch {
    return [];
  }
}

async function hasContent(db: Kysely<any>): Promise<boolean> {
  for (const table of CONTENT_TABLES) {
    try {
      const row = await db.selectFrom(table).select(sql`1`.as("one")).limit(1).executeTakeFirst();
      if (row) return true;
    } catch {
      // A table that does not exist (an older or an empty database) holds nothing.
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// SQLite

/**
 * Copies the SQLite database at `source` into `target` (a new file) with the online backup API, on a
 * connection of its own so the site's writer is never held up. All pages are copied in one step, one
 * read transaction: writers in other processes go on (WAL), and the copy is the database as it was
 * when the step began, so every transaction committed before it is in the copy.
 */
export async function copySqlite(source: string, target: string): Promise<{ migrations: string[] }> {
  const connection = new SQLite(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    await connection.backup(target, { progress: () => 0x7fffffff });
  } finally {
    connection.close();
  }
  const problems = sqliteProblems(target);
  if (problems.length)
    throw new SnapshotError(`SQLite 사본이 무결성 검사를 통과하지 못했습니다:\n  ${problems.join("\n  ")}`);
  return { migrations: await sqliteMigrations(target) };
}

/** `PRAGMA integrity_check` of a SQLite file: empty when it is sound. */
export function sqliteProblems(file: string): string[] {
  let connection: SQLite.Database | null = null;
  try {
    connection = new SQLite(file, { readonly: true, fileMustExist: true });
    const rows = connection.pragma("integrity_check(20)") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
  } catch (error) {
    return [String((error as Error).message)];
  } finally {
    connection?.close();
  }
}

/** The migrations recorded in a SQLite file (none when it has no migration table). */
export async function sqliteMigrations(file: string): Promise<string[]> {
  const connection = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const table = connection
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
      .get();
    if (!table) return [];
    const rows = connection.prepare("SELECT name FROM kysely_migration ORDER BY name").all() as {
      name: string;
    }[];
    return rows.map((r) => r.name);
  } finally {
    connection.close();
  }
}

/** True when the SQLite file holds newsroom content (sections, articles, staff, people, media …). */
export function sqliteHasContent(file: string): boolean {
  const connection = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    for (const table of CONTENT_TABLES) {
      const exists = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table);
      if (exists && connection.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get()) return true;
    }
    return false;
  } finally {
    connection.close();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/**
 * `pg_dump` and `pg_restore` take the connection as a URL; the password is handed over in the
 * environment instead, so that it never shows in the process list.
 */
function pgConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = "";
  }
  return { url: url.toString(), env };
}

const PG_TOOLS_MISSING = (tool: string) =>
  `${tool}를 찾을 수 없습니다 (PATH). PostgreSQL 백업과 복원에는 서버와 주 버전이 같거나 더 새로운 ` +
  `PostgreSQL 클라이언트 도구가 필요합니다. 예: apt-get install postgresql-client`;

/** Runs a PostgreSQL client tool; its standard error becomes part of the message when it fails. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        new SnapshotError(error.code === "ENOENT" ? PG_TOOLS_MISSING(tool) : `${tool}: ${error.message}`),
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new SnapshotError(`${tool}가 실패했습니다 (종료 코드 ${code}):\n${stderr.trim()}`));
    });
  });
}

function pgKysely(databaseUrl: string): Kysely<any> {
  return new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
}

/**
 * Dumps the PostgreSQL database into `target` with `pg_dump --format=custom`: one snapshot
 * transaction, so the copy is consistent while the site writes, and holds everything committed
 * before the dump began.
 */
export async function dumpPostgres(databaseUrl: string, target: string): Promise<{ migrations: string[] }> {
  const { url, env } = pgConnection(databaseUrl);
  const db = pgKysely(databaseUrl);
  let names: string[];
  try {
    names = await migrationNames(db);
  } finally {
    await db.destroy();
  }
  await runTool(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, `--dbname=${url}`],
    env,
  );
  // The dump must read back: a damaged or cut-short file is refused now, not on the day of a restore.
  await runTool("pg_restore", ["--list", target], env);
  return { migrations: names };
}

/** True when the PostgreSQL database holds newsroom content. */
export async function postgresHasContent(databaseUrl: string): Promise<boolean> {
  const db = pgKysely(databaseUrl);
  try {
    return await hasContent(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Restores a custom-format dump into the database after dropping every table of its schema (the
 * caller has made sure that is wanted). One transaction: a dump that fails half-way leaves the
 * database as it was.
 */
export async function restorePostgres(databaseUrl: string, dump: string): Promise<void> {
  const { url, env } = pgConnection(databaseUrl);
  // Comments on extensions need the extension's owner; they carry nothing the site uses.
  const list = await runTool("pg_restore", ["--list", dump], env);
  const kept = list
    .split("\n")
    .filter((line) => !/\bCOMMENT - EXTENSION\b/.test(line))
    .join("\n");
  const listFile = `${dump}.list`;
  await fs.writeFile(listFile, kept);
  const db = pgKysely(databaseUrl);
  try {
    const tables = await db
      .selectFrom("pg_tables")
      .select("tablename")
      .where("schemaname", "=", sql<string>`current_schema()`)
      .execute();
    if (tables.length) {
      const names = tables.map((t) => sql.id(String(t.tablename)));
      await sql`DROP TABLE IF EXISTS ${sql.join(names)} CASCADE`.execute(db);
    }
  } finally {
    await db.destroy();
  }
  try {
    await runTool(
      "pg_restore",
      [
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        `--use-list=${listFile}`,
        `--dbname=${url}`,
        dump,
      ],
      env,
    );
  } finally {
    await fs.rm(listFile, { force: true });
  }
}

/** Checks a restored PostgreSQL database: every table readable, every index valid. */
export async function postgresProblems(databaseUrl: string): Promise<string[]> {
  const db = pgKysely(databaseUrl);
  try {
    const problems: string[] = [];
    const invalid = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)`.execute(db);
    for (const row of invalid.rows) problems.push(`invalid index ${row.name}`);
    const tables = await db
      .selectFrom("pg_tables")
      .select("tablename")
      .where("schemaname", "=", sql<string>`current_schema()`)
      .execute();
    for (const t of tables) {
      try {
        await sql`SELECT count(*) FROM ${sql.id(String(t.tablename))}`.execute(db);
      } catch (error) {
        problems.push(`${t.tablename}: ${(error as Error).message}`);
      }
    }
    return problems;
  } finally {
    await db.destroy();
  }
}

/** Which database a configuration points at. */
export const dialectOf = (databaseUrl: string | null): DialectName => (databaseUrl ? "postgres" : "sqlite");
