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
const CONNECTION_LOST = /Connection terminated|not queryable/i;
/** Statements a retry cannot repeat an effect of: plain reads and the start of a transaction. */
const SAFE_TO_REPEAT = /^\s*(select\b|begin\b|start\s+transaction\b)/i;

/** True when `statement`, the first on its connection, failed with `error` only because the connection had ended. */
export function isRetryableFirstStatement(statement: string, error: unknown): boolean {
  if (!SAFE_TO_REPEAT.test(statement) || typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && SESSION_ENDED_CODES.has(code)) return true;
  return typeof message === "string" && CONNECTION_LOST.test(message);
}

/**
 * A pooled connection as Kysely holds it. One per pg client, kept across leases (Kysely keeps its own
 * wrapper per object it is lent, so a new object per lease would cost one of those each time); only
 * the first statement of a lease goes through the retry, the rest straight to pg.
 */
class RetryingClient implements PostgresPoolClient {
  /** null after a retry found no connection to take: the ended one went back, there is none to release */
  #client: pg.PoolClient | null;
  #fresh = true;

  constructor(
    private readonly pool: RetryingPoolState,
    client: pg.PoolClient,
  ) {
    this.#client = client;
  }

  /** Lent again: its next statement is the first of the lease. */
  lend(): this {
    this.#fresh = true;
    return this;
  }

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    statement: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (!this.#client) throw new Error("database connection already given up");
    const fresh = this.#fresh;
    this.#fresh = false;
    // Cursors (streamed results) are not used here; passed on as they are, never retried.
    if (typeof statement !== "string")
      return (this.#client as unknown as PostgresPoolClient).query(statement);
    if (!fresh)
      return this.#client.query(statement, parameters as unknown[]) as unknown as Promise<
        PostgresQueryResult<R>
      >;
    return this.#first<R>(statement, parameters);
  }

  async #first<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
    // After a restart every idle connection in the pool is dead, so the next one lent may be too:
    // each failed try removes one, and a pool of `max` runs out of dead ones within `max` tries.
    for (let tries = 0; ; tries++) {
      const client = this.#client!;
      try {
        return (await client.query(sql, parameters as unknown[])) as unknown as PostgresQueryResult<R>;
      } catch (error) {
        if (tries >= this.pool.maxRetries || !isRetryableFirstStatement(sql, error)) throw error;
        this.pool.onRetry(error as Error);
        // The ended connection leaves the pool for good; the statement goes again on another one.
        // If none can be had (PostgreSQL still away), that error is the caller's, and Kysely's
        // release afterwards has nothing to give back.
        this.pool.clients.delete(client);
        client.release(error as Error);
        this.#client = null;
        const next = await this.pool.pg.connect();
        this.#client = next;
        this.pool.clients.set(next, this);
      }
    }
  }

  /** Kysely passes `true` for a connection it wants discarded (a rollback that failed). */
  release(destroy?: boolean): void {
    this.#client?.release(destroy);
  }
}

interface RetryingPoolState {
  pg: pg.Pool;
  clients: WeakMap<pg.PoolClient, RetryingClient>;
  maxRetries: number;
  onRetry: (error: Error) => void;
}

/** The pg pool as Kysely's PostgresDialect takes it, with the retry above. */
export function retryingPool(pool: pg.Pool, onRetry: (error: Error) => void = () => {}): PostgresPool {
  const state: RetryingPoolState = {
    pg: pool,
    clients: new WeakMap(),
    maxRetries: pool.options.max ?? 10,
    onRetry,
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = state.clients.get(client);
      if (!wrapped) {
        wrapped = new RetryingClient(state, client);
        state.clients.set(client, wrapped);
      }
      return wrapped.lend();
    },
    end: () => pool.end(),
  };
}
