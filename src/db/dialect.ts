import { type RawBuilder, type SelectQueryBuilder, sql } from "kysely";
import { postgresSearchIndex, type SearchIndexSql, sqliteSearchIndex } from "./search-index.ts";

/**
 * The one place where SQLite and PostgreSQL differ. `openDatabase` decides which database it talks
 * to once and hands out the matching `Dialect`; everything that needs a difference asks this object
 * (passed in with the database), never the connection. Everything else speaks Kysely, which renders
 * `ON CONFLICT`, `RETURNING` and `LIMIT/OFFSET` the same way for both.
 */
export type DialectName = "sqlite" | "postgres";

export interface Dialect {
  readonly name: DialectName;
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * `YYYY-MM` of an epoch-milliseconds column in Korea Standard Time (UTC+9, no daylight saving), for
   * grouping articles by month in sitemaps.
   */
  kstMonth(column: string): RawBuilder<string>;
  /**
   * Locks the selected rows until the transaction ends, so that read-then-write rules (capacity, the
   * last admin) hold when requests race. PostgreSQL needs `FOR UPDATE`; SQLite has no such clause and
   * needs none: a write transaction holds the database's single writer lock (and Kysely runs one
   * transaction at a time on the better-sqlite3 connection), so transactions already run one after
   * another.
   */
  forUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** The text index of search: FTS5 on SQLite, pg_trgm and a GIN tsvector on PostgreSQL. */
  readonly searchIndex: SearchIndexSql;
}

const UNIQUE_VIOLATION_CODES: Record<DialectName, readonly string[]> = {
  sqlite: ["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"],
  postgres: ["23505"],
};

function uniqueViolationTest(name: DialectName) {
  const codes = UNIQUE_VIOLATION_CODES[name];
  return (error: unknown): boolean =>
    typeof error === "object" && error !== null && codes.includes(String((error as { code?: unknown }).code));
}

export const sqliteDialect: Dialect = Object.freeze({
  name: "sqlite",
  isUniqueViolation: uniqueViolationTest("sqlite"),
  kstMonth: (column: string) =>
    sql<string>`strftime('%Y-%m', ${sql.ref(column)} / 1000 + 32400, 'unixepoch')`,
  forUpdate: (query) => query,
  searchIndex: sqliteSearchIndex,
} satisfies Dialect);

export const postgresDialect: Dialect = Object.freeze({
  name: "postgres",
  isUniqueViolation: uniqueViolationTest("postgres"),
  kstMonth: (column: string) =>
    sql<string>`to_char(to_timestamp(${sql.ref(column)} / 1000.0 + 32400) at time zone 'UTC', 'YYYY-MM')`,
  forUpdate: (query) => query.forUpdate(),
  searchIndex: postgresSearchIndex,
} satisfies Dialect);

/**
 * True when the error is a unique-constraint violation on either database. The codes cannot be
 * confused, so code holding no Dialect (a use case retrying a number) may ask without one.
 */
export function isUniqueViolation(error: unknown): boolean {
  return sqliteDialect.isUniqueViolation(error) || postgresDialect.isUniqueViolation(error);
}
