import type BetterSqlite3 from "better-sqlite3";

/**
 * Keeps better-sqlite3's prepared statements by SQL text, so a query Kysely compiles to the same SQL
 * (every page view runs the same few dozen) is parsed and planned by SQLite once, not on every request.
 * A statement still being iterated (`busy`, a streamed query) is never handed out twice: a fresh one is
 * prepared instead. SQLite re-prepares a kept statement by itself after a schema change.
 */
export function keepPreparedStatements(database: BetterSqlite3.Database, max = 1000): BetterSqlite3.Database {
  const kept = new Map<string, BetterSqlite3.Statement>();
  const prepare = database.prepare.bind(database);
  database.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement && !statement.busy) return statement;
    const fresh = prepare(source);
    if (!statement) {
      if (kept.size >= max) kept.delete(kept.keys().next().value!);
      kept.set(source, fresh);
    }
    return fresh;
  }) as BetterSqlite3.Database["prepare"];
  return database;
}
