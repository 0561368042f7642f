import { type CreateTableBuilder, type Kysely, SqliteAdapter } from "kysely";

/**
 * Column helpers shared by migrations. Migrations stay frozen once landed, so these helpers must
 * never change meaning; add a new helper instead.
 */
export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** An auto-numbered integer primary key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isSqlite(db)
    ? table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    : table.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity());
}
