import type { Kysely } from "kysely";
import { isSqlite } from "./columns.ts";

/**
 * The bytes of stored photos, renditions and crops, for the shared media store (MEDIA_STORE=database):
 * every instance reads what any instance wrote, each keeping a bounded copy on its own disk. Keyed by
 * the path under /media/ (content-addressed, so a row never changes once written).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("media_files")
    .addColumn("path", "text", (c) => c.primaryKey())
    .addColumn("data", isSqlite(db) ? "blob" : "bytea", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("media_files").execute();
}
