import type { Kysely } from "kysely";

/**
 * Counting reads (POST /api/v1/views) and the most-read ranking.
 *
 * - `article_reads_hourly`: counted reads per article and hour (`hour` is the epoch millisecond the
 *   hour starts at). Reads are stored aggregated, so ten million reads are a few million rows at most.
 *   No foreign key: an article deleted between a beacon and its flush must not fail the whole batch;
 *   orphan rows are ignored by every query, which joins `articles`.
 * - `article_read_dedupe`: when a visitor's read of an article was last counted; a read counts again
 *   24 hours later. Rows older than that are dead and deleted in batches (index on `counted_at`).
 *   Used only without Redis (with Redis these are keys with a TTL).
 * - `most_read`: the ranking as last computed, per period ('day', 'week'), by rank. Every instance
 *   reads the same one, and a restarted instance serves it at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("article_reads_hourly")
    .addColumn("article_id", "integer", (c) => c.notNull())
    .addColumn("hour", "bigint", (c) => c.notNull())
    .addColumn("reads", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_reads_hourly_pk", ["article_id", "hour"])
    .execute();
  await db.schema
    .createIndex("article_reads_hourly_hour")
    .on("article_reads_hourly")
    .column("hour")
    .execute();

  await db.schema
    .createTable("article_read_dedupe")
    .addColumn("article_id", "integer", (c) => c.notNull())
    .addColumn("visitor", "varchar(64)", (c) => c.notNull())
    .addColumn("counted_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_read_dedupe_pk", ["article_id", "visitor"])
    .execute();
  await db.schema
    .createIndex("article_read_dedupe_counted")
    .on("article_read_dedupe")
    .column("counted_at")
    .execute();

  await db.schema
    .createTable("most_read")
    .addColumn("period", "varchar(8)", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull())
    .addColumn("article_id", "integer", (c) => c.notNull())
    .addColumn("reads", "integer", (c) => c.notNull())
    .addColumn("computed_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("most_read_pk", ["period", "rank"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("most_read").execute();
  await db.schema.dropTable("article_read_dedupe").execute();
  await db.schema.dropTable("article_reads_hourly").execute();
}
