import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { type Dialect, postgresDialect, sqliteDialect } from "./dialect.ts";
import { migrations } from "./migrations/index.ts";
import { retryingPool } from "./pg-pool.ts";
import type { Database } from "./schema.ts";
import { SYNC_BUSY_TIMEOUT_MS, WaitingSqliteDialect } from "./sqlite-waiting.ts";
import { keepPreparedStatements } from "./statement-cache.ts";

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: DB;
  /** what differs between the databases, decided here once */
  readonly dialect: Dialect;
  /** the SQLite file, when on SQLite (used by backup) */
  readonly sqlitePath: string | null;
  /** the PostgreSQL pool's connections right now (for /metrics); null on SQLite (one connection) */
  poolStats(): DatabasePoolStats | null;
  close(): Promise<void>;
}

export interface DatabasePoolStats {
  /** connections open, lent out or idle */
  total: number;
  idle: number;
  /** queries waiting for a connection */
  waiting: number;
  max: number;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL pool size; SQLite has one connection */
  poolSize?: number;
  /**
   * Told when PostgreSQL closes a pooled connection (a restart, a failover, an idle timeout,
   * `pg_terminate_backend`), idle or found ended by a statement that is then sent again (pg-pool.ts).
   * The pool drops that connection and opens another on the next query;
   * without a listener, node would treat the pool's 'error' event as fatal and end the process.
   */
  onConnectionError?: (error: Error) => void;
}

// int8 (bigint, count(*)) and numeric come back from pg as strings by default. Our bigints are epoch
// milliseconds and counters, far below 2^53, so numbers are exact and match what SQLite returns.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens SQLite in DATA_DIR (default) or PostgreSQL (DATABASE_URL). Does not migrate. */
export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const max = options.poolSize ?? 10;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max,
      types: pgTypes as pg.CustomTypesConfig,
    });
    const connectionLost = (error: Error) => options.onConnectionError?.(error);
    // An idle pooled connection's error reaches the pool; a checked-out one (a transaction waiting
    // between statements) emits on the client itself, where pg has no listener while it is lent out.
    // Both are expected events (the query in flight, if any, fails on its own); neither may end the process.
    pool.on("error", connectionLost);
    pool.on("connect", (client) => client.on("error", connectionLost));
    // A statement that meets a connection the server has already ended (node had not read the
    // goodbye yet) is sent again on another one where that is safe: see pg-pool.ts.
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: retryingPool(pool, connectionLost) }),
    });
    const poolStats = () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max,
    });
    return { db, dialect: postgresDialect, sqlitePath: null, poolStats, close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, "jikji.sqlite");
  const sqlite = openCheckedSqlite(file);
  // WAL lets readers go on while one writer commits; NORMAL sync is durable across process crashes
  // (not power loss of the last commit), the usual trade for a web server.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // Locks held by another process are waited for asynchronously (see sqlite-waiting.ts).
  sqlite.pragma(`busy_timeout = ${SYNC_BUSY_TIMEOUT_MS}`);
  // 8 MB of SQLite's own page cache per connection: the operating system caches the file too, and
  // two connections at 32 MB each were a fifth of the server's memory with a full page cache.
  sqlite.pragma("cache_size = -8000");
  // Plain reads use a connection of their own, so they never queue behind a write that waits.
  const reader = new SQLite(file, { timeout: SYNC_BUSY_TIMEOUT_MS });
  reader.pragma("cache_size = -8000");
  reader.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({
    dialect: new WaitingSqliteDialect({
      writer: keepPreparedStatements(sqlite),
      reader: keepPreparedStatements(reader),
    }),
  });
  return { db, dialect: sqliteDialect, sqlitePath: file, poolStats: () => null, close: () => db.destroy() };
}

/** Raised when the SQLite file fails its integrity check at start: nothing is served from it. */
export class CorruptDatabaseError extends Error {
  override name = "CorruptDatabaseError";
}

/**
 * Opens the SQLite file and runs `quick_check` on it (seconds even for a large file): a database with
 * damaged pages is refused with a clear message instead of serving errors, or wrong pages, later.
 */
function openCheckedSqlite(file: string): SQLite.Database {
  let sqlite: SQLite.Database | null = null;
  let problems: string[];
  try {
    sqlite = new SQLite(file, { timeout: 10_000 });
    const rows = sqlite.pragma("quick_check(20)") as { quick_check: string }[];
    problems = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw error;
    problems = [String((error as Error).message)];
  }
  if (problems.length) {
    sqlite?.close();
    throw new CorruptDatabaseError(
      `SQLite 데이터베이스 파일이 손상되었습니다 (${file}). 서비스를 시작하지 않습니다. ` +
        `백업에서 복구하거나 sqlite3의 .recover로 살려 낸 뒤 다시 시작하세요.\n  ${problems.join("\n  ")}`,
    );
  }
  return sqlite!;
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  // Features built side by side add migrations whose names interleave with ones already run;
  // each one is independent, so a database that ran a later name first still takes the earlier one.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? "(unknown)"} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
