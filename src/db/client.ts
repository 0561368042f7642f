import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { type Dialect, postgresDialect, sqliteDialect } from "./dialect.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: DB;
  /** what differs between the databases, decided here once */
  readonly dialect: Dialect;
  /** the SQLite file, when on SQLite (used by backup) */
  readonly sqlitePath: string | null;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL pool size; SQLite has one connection */
  poolSize?: number;
  /**
   * Told when PostgreSQL closes an idle pooled connection (a restart, a failover, an idle timeout,
   * `pg_terminate_backend`). The pool drops that connection and opens another on the next query;
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
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes as pg.CustomTypesConfig,
    });
    const connectionLost = (error: Error) => options.onConnectionError?.(error);
    // An idle pooled connection's error reaches the pool; a checked-out one (a transaction waiting
    // between statements) emits on the client itself, where pg has no listener while it is lent out.
    // Both are expected events (the query in flight, if any, fails on its own); neither may end the process.
    pool.on("error", connectionLost);
    pool.on("connect", (client) => client.on("error", connectionLost));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: postgresDialect, sqlitePath: null, close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, "jikji.sqlite");
  const sqlite = new SQLite(file);
  // WAL lets readers go on while one writer commits; NORMAL sync is durable across process crashes
  // (not power loss of the last commit), the usual trade for a web server.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -32000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: sqliteDialect, sqlitePath: file, close: () => db.destroy() };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? "(unknown)"} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
