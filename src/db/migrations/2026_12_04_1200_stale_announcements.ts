import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * What writes announced stale, for instances without Redis: every announcement is a row, and each
 * instance reads the rows after the last it saw about twice a second (lib/invalidation-bus.ts). So a
 * CLI import into the database of a running site purges that site's page cache. Rows older than an
 * hour are deleted by the instances that read them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("stale_announcements"))
    .addColumn("origin", "varchar(64)", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stale_announcements_at").on("stale_announcements").column("at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("stale_announcements").execute();
}
