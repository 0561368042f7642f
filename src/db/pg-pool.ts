import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import type pg from "pg";

/**
 * PostgreSQL ends its connections on a restart, a failover, an idle timeout or an administrator's
 * `pg_terminate_backend`. The server's goodbye reaches an idle pooled connection asynchronously: until
 * node has read it, the pool still lends that connection, and the first statement sent on it fails
 * although the database is up again. A reader would see an error page for each such connection
 * (up to the pool's size per instance).
 *
 * This pool sends that one statement again on another connection when retrying cannot change
 * what happens: it is the first statement of the lease (no transaction state is lost with the old
 * connection), it is a read or opens a transaction (nothing was written, so nothing is written twice),
 * and it failed because the connection was ended, not because of the statement.
 */

/** SQLSTATEs PostgreSQL sends when it ends a session: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SESSION_ENDED_CODES = new Set(["57P01", "57P02", "57P03"]);
/** What pg says when the socket closed under a query, or a client that lost it is used again. */
const CONNECTION_LOST = /Connection terminated|connection error and is not queryable|not queryable/i;
/** Statements a retry cannot repeat an effect of: plain reads and the start of a transaction. */
const SAFE_TO_REPEAT = /^\s*(select\b|begin\b|start\s+transaction\b)/i;

/** True when `statement`, the first on its connection, failed with `error` only because the connection had ended. */
export function isRetryableFirstStatement(statement: string, error: unknown): boolean {
  if (!SAFE_TO_REPEAT.test(statement) || typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && SESSION_ENDED_CODES.has(code)) return true;
  return typeof message === "string" && CONNECTION_LOST.test(message);
}

/** One lease of a pooled connection, as Kysely holds it between acquiring and releasing it. */
class RetryingLease implements PostgresPoolClient {
  #client: pg.PoolClient;
  #statements = 0;

  constructor(
    private readonly pool: pg.Pool,
    client: pg.PoolClient,
    private readonly onRetry: (error: Error) => void,
    private readonly maxRetries: number,
  ) {
    this.#client = client;
  }

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    statement: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Cursors (streamed results) are not used here; passed on as they are, never retried.
    if (typeof statement !== "string") {
      this.#statements++;
      return (this.#client as unknown as PostgresPoolClient).query(statement);
    }
    return this.#statement<R>(statement, parameters);
  }

  async #statement<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
    const first = this.#statements++ === 0;
    // After a restart every idle connection in the pool is dead, so the next one lent may be too:
    // each failed try removes one, and a pool of `max` runs out of dead ones within `max` tries.
    for (let tries = 0; ; tries++) {
      try {
        return (await this.#client.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>;
      } catch (error) {
        if (!first || tries >= this.maxRetries || !isRetryableFirstStatement(sql, error)) throw error;
        this.onRetry(error as Error);
        // The ended connection leaves the pool for good; the statement goes again on another one.
        this.#client.release(error as Error);
        this.#client = await this.pool.connect();
      }
    }
  }

  /** Kysely passes `true` for a connection it wants discarded (a rollback that failed). */
  release(destroy?: boolean): void {
    this.#client.release(destroy);
  }
}

/** The pg pool as Kysely's PostgresDialect takes it, with the retry above. */
export function retryingPool(pool: pg.Pool, onRetry: (error: Error) => void = () => {}): PostgresPool {
  const maxRetries = pool.options.max ?? 10;
  return {
    connect: async () => new RetryingLease(pool, await pool.connect(), onRetry, maxRetries),
    end: () => pool.end(),
  };
}
