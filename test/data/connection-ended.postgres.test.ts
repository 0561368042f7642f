import net from "node:net";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { createTestDatabase, TEST_PG_ADMIN_URL, type TestDatabase } from "../support/database.ts";
import { freePort } from "../support/redis-server.ts";

/**
 * PostgreSQL ends a pooled connection while it is idle (a restart, a failover, pg_terminate_backend),
 * and the app lends that connection before node has read the goodbye. A relay between the pool and
 * PostgreSQL makes that moment last: while it holds, what PostgreSQL sends (the FATAL and the close)
 * reaches the app only when the app next writes on that connection, as it does in a real race.
 */
class HoldingRelay {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  readonly #pairs = new Set<{ hold(): void; letGo(): void }>();

  constructor(private readonly target: number) {
    this.#server = net.createServer((client) => this.#pair(client));
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.#server.listen(port, "127.0.0.1", resolve));
  }

  /** While true, a new connection is cut at once: PostgreSQL is still away. */
  refusing = false;

  /** From now on, what PostgreSQL sends on the connections open now is held (new ones pass). */
  holdOpenConnections(): void {
    for (const pair of this.#pairs) pair.hold();
  }

  /** What was held reaches the app now, as node reads it a moment later in a real race. */
  letGo(): void {
    for (const pair of this.#pairs) pair.letGo();
  }

  close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #pair(client: net.Socket): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const server = net.connect(this.target, "127.0.0.1");
    const held: Buffer[] = [];
    let holding = false;
    let serverGone = false;
    for (const s of [client, server]) {
      this.#sockets.add(s);
      s.on("error", () => undefined);
      s.on("close", () => {
        this.#sockets.delete(s);
      });
    }
    let spokeWhileHeld = false;
    // The app hears the goodbye once PostgreSQL has sent it and the app has spoken since the hold.
    const deliverGoodbye = () => {
      for (const h of held.splice(0)) client.write(h);
      client.end();
    };
    client.on("data", (chunk) => {
      if (holding) spokeWhileHeld = true;
      if (serverGone) return deliverGoodbye();
      server.write(chunk);
    });
    server.on("data", (chunk) => {
      if (holding) held.push(chunk);
      else client.write(chunk);
    });
    server.on("close", () => {
      serverGone = true;
      if (!holding) client.destroy();
      else if (spokeWhileHeld) deliverGoodbye();
    });
    client.on("close", () => {
      server.destroy();
      this.#pairs.delete(pair);
    });
    const pair = {
      hold: () => {
        holding = true;
      },
      letGo: () => {
        holding = false;
        if (serverGone) deliverGoodbye();
        else for (const h of held.splice(0)) client.write(h);
      },
    };
    this.#pairs.add(pair);
  }
}

describe("a pooled connection PostgreSQL has ended, lent before node noticed", () => {
  let database: TestDatabase;
  let relay: HoldingRelay;
  let relayed: DatabaseHandle;
  const lost: Error[] = [];
  const dbName = () => new URL(database.databaseUrl!).pathname.slice(1);

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    await sql`CREATE TABLE relay_probe (id serial PRIMARY KEY, note text NOT NULL)`.execute(database.db);
    const port = await freePort();
    relay = new HoldingRelay(5432);
    await relay.listen(port);
    const url = new URL(database.databaseUrl!);
    url.host = `127.0.0.1:${port}`;
    relayed = openDatabase({
      databaseUrl: url.toString(),
      dataDir: database.dataDir,
      poolSize: 3,
      onConnectionError: (error) => void lost.push(error),
    });
  });
  afterEach(() => {
    relay.letGo();
    lost.length = 0;
  });
  afterAll(async () => {
    await relayed.close();
    await relay.close();
    await database.destroy();
  });

  /** Three connections in the pool, idle; then PostgreSQL ends every one while the relay holds. */
  async function endIdleConnections(): Promise<void> {
    await Promise.all(Array.from({ length: 3 }, () => sql`SELECT pg_sleep(0.05)`.execute(relayed.db)));
    expect(relayed.poolStats()).toMatchObject({ total: 3, idle: 3 });
    relay.holdOpenConnections();
    expect(await terminateBackends(dbName())).toBeGreaterThanOrEqual(3);
  }

  it("answers a read from a new connection, and tells who listens", async () => {
    await endIdleConnections();
    const reads = await Promise.all(
      Array.from({ length: 3 }, (_, i) => sql<{ n: number }>`SELECT ${i}::int AS n`.execute(relayed.db)),
    );
    expect(reads.map((r) => r.rows[0]!.n)).toEqual([0, 1, 2]);
    expect(lost.length).toBeGreaterThanOrEqual(3);
    expect(lost.some((e) => (e as { code?: string }).code === "57P01")).toBe(true);
  });

  it("starts a transaction whose BEGIN met an ended connection on a new one, and commits it once", async () => {
    await endIdleConnections();
    await relayed.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO relay_probe (note) VALUES ('in a transaction')`.execute(trx);
    });
    expect(await count("in a transaction")).toBe(1);
  });

  it("when no new connection can be had, the read fails with that error, and the pool recovers", async () => {
    await endIdleConnections();
    relay.refusing = true;
    try {
      const failed = await sql`SELECT 1 AS n`.execute(relayed.db).then(
        () => null,
        (error: Error) => error,
      );
      // The connection error itself, not a complaint about releasing the ended connection twice.
      expect(failed?.message).toMatch(/Connection terminated/);
    } finally {
      relay.refusing = false;
    }
    relay.letGo();
    await vi.waitFor(() => expect(relayed.poolStats()).toMatchObject({ total: 0 }));
    expect((await sql<{ n: number }>`SELECT 2 AS n`.execute(relayed.db)).rows[0]!.n).toBe(2);
  });

  it("does not send again a write made outside a transaction: it fails, and nothing is written", async () => {
    await endIdleConnections();
    // PostgreSQL may have committed a write and then ended the session before answering: sent
    // again, it would be written twice. The caller gets the error instead.
    await expect(
      sql`INSERT INTO relay_probe (note) VALUES ('alone')`.execute(relayed.db),
    ).rejects.toMatchObject({
      code: "57P01",
    });
    expect(await count("alone")).toBe(0);
    // Once node has read the other connections' goodbyes the pool has dropped them all.
    relay.letGo();
    await vi.waitFor(() => expect(relayed.poolStats()).toMatchObject({ total: 0 }));
    await sql`INSERT INTO relay_probe (note) VALUES ('alone')`.execute(relayed.db);
    expect(await count("alone")).toBe(1);
  });

  async function count(note: string): Promise<number> {
    const rows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM relay_probe WHERE note = ${note}`.execute(database.db);
    return rows.rows[0]!.n;
  }
});

function terminateBackends(dbName: string): Promise<number> {
  return (async () => {
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    try {
      const r = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [dbName],
      );
      return r.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  })();
}
