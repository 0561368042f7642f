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
