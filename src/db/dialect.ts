import { type RawBuilder, type SelectQueryBuilder, sql } from "kysely";

/**
 * The one place where SQLite and PostgreSQL differ. Everything else speaks Kysely, which renders
 * `ON CONFLICT`, `RETURNING` and `LIMIT/OFFSET` the same way for both.
 */
export type DialectName = "sqlite" | "postgres";

/** True when the error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown };
  return (
    e.code === "23505" || e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

/**
 * `YYYY-MM` of an epoch-milliseconds column in Korea Standard Time (UTC+9, no daylight saving), for
 * grouping articles by month in sitemaps.
 */
export function kstMonthSql(dialect: DialectName, column: string): RawBuilder<string> {
  const col = sql.ref(column);
  return dialect === "sqlite"
    ? sql<string>`strftime('%Y-%m', ${col} / 1000 + 32400, 'unixepoch')`
    : sql<string>`to_char(to_timestamp(${col} / 1000.0 + 32400) at time zone 'UTC', 'YYYY-MM')`;
}

/**
 * Locks the selected rows until the transaction ends, so that read-then-write rules (capacity) hold
 * when requests race. PostgreSQL needs `FOR UPDATE`; SQLite has no such clause and needs none: a
 * write transaction holds the database's single writer lock (and Kysely runs one transaction at a
 * time on the better-sqlite3 connection), so transactions already run one after another.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  dialect: DialectName,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === "postgres" ? query.forUpdate() : query;
}
