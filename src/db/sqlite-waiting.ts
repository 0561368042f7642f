import type SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
} from "kysely";

/**
 * SQLite that waits for another process's lock (a second instance, a CLI import, a backup) without
 * holding up the event loop or every other request.
 *
 * better-sqlite3 is synchronous: with a long `busy_timeout` the whole process would stall while one
 * statement waits. So the library's own wait is a few milliseconds, and a statement that still finds
 * the database locked is tried again after an asynchronous pause (growing to 100 ms), for up to
 * `LOCK_WAIT_MS` in all.
 *
 * Kysely's SQLite driver lends its one connection to one query or transaction at a time, so a write
 * waiting for a lock would hold up every read behind it. Here plain reads (SELECT outside a
 * transaction) run on a second connection of their own (WAL lets them go on while anyone writes),
 * and only writes and transactions take turns on the writing connection. Transactions begin
 * IMMEDIATE: they wait for the write lock at their start, where waiting is safe, never half-way.
 */
export const SYNC_BUSY_TIMEOUT_MS = 5;
export const LOCK_WAIT_MS = 10_000;

const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function retryWhileBusy<T>(work: () => T): Promise<T> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || performance.now() - started > LOCK_WAIT_MS) throw error;
      await pause(Math.min(100, 2 ** attempt));
    }
  }
}

function run<R>(db: SQLite.Database, query: CompiledQuery): QueryResult<R> {
  const stmt = db.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return {
    numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
    insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
    rows: [],
  };
}

/** Turns on the writing connection, in order of arrival. */
class Turns {
  private tail: Promise<void> = Promise.resolve();
  /** Waits for the turn; resolves with the function that ends it. */
  take(): Promise<() => void> {
    let end!: () => void;
    const mine = new Promise<void>((resolve) => {
      end = resolve;
    });
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => end);
  }
}

class WaitingConnection implements DatabaseConnection {
  /** set while this connection holds the writer for a transaction */
  endTurn: (() => void) | null = null;
  constructor(private readonly driver: WaitingDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, turns } = this.driver;
    if (this.endTurn) return retryWhileBusy(() => run<R>(writer, query));
    if (SelectQueryNode.is(query.query)) return retryWhileBusy(() => run<R>(reader, query));
    const end = await turns.take();
    try {
      return await retryWhileBusy(() => run<R>(writer, query));
    } finally {
      end();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error("only SELECT queries can be streamed");
    const db = this.endTurn ? this.driver.writer : this.driver.reader;
    for (const row of db.prepare(query.sql).iterate(query.parameters as unknown[]))
      yield { rows: [row as R] };
  }
}

class WaitingDriver implements Driver {
  readonly turns = new Turns();
  constructor(
    readonly writer: SQLite.Database,
    readonly reader: SQLite.Database,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new WaitingConnection(this);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as WaitingConnection;
    const end = await this.turns.take();
    try {
      await retryWhileBusy(() => run(this.writer, CompiledQuery.raw("begin immediate")));
    } catch (error) {
      end();
      throw error;
    }
    c.endTurn = end;
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.finish(connection as WaitingConnection, "commit");
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.finish(connection as WaitingConnection, "rollback");
  }
  private async finish(c: WaitingConnection, statement: "commit" | "rollback"): Promise<void> {
    try {
      await retryWhileBusy(() => run(this.writer, CompiledQuery.raw(statement)));
    } catch (error) {
      // A commit that cannot happen leaves the transaction open: roll it back so the writer is free.
      if (statement === "commit" && this.writer.inTransaction) this.writer.exec("rollback");
      throw error;
    } finally {
      c.endTurn?.();
      c.endTurn = null;
    }
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as WaitingConnection;
    c.endTurn?.();
    c.endTurn = null;
  }
  async destroy(): Promise<void> {
    this.reader.close();
    this.writer.close();
  }
}

/** Kysely's SQLite dialect on a writing and a reading connection, waiting for locks as described above. */
export class WaitingSqliteDialect extends SqliteDialect {
  constructor(private readonly connections: { writer: SQLite.Database; reader: SQLite.Database }) {
    super({ database: connections.writer });
  }
  override createDriver(): Driver {
    return new WaitingDriver(this.connections.writer, this.connections.reader);
  }
}
