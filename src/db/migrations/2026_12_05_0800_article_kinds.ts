import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * What a story is, beside what it says: where it came from (신문법 시행령 §2 counts the paper's own
 * share each week; 광고·협찬 must stay apart from news, §6③), the labels the desk gives it (속보, 단독, …),
 * the 연재 it belongs to and the 엠바고 before which no reader may see it. Laid down together so the
 * features built on them (own-reporting report, labels, series, embargo, the newsroom's filters) share
 * one shape.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("articles")
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("own"))
    .execute();
  await db.schema.alterTable("articles").addColumn("origin_source", "text").execute();
  await db.schema.alterTable("articles").addColumn("embargo_until", "bigint").execute();

  await db.schema
    .createTable("article_labels")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_labels_pk", ["article_id", "label"])
    .execute();
  await db.schema
    .createIndex("article_labels_by_label")
    .on("article_labels")
    .columns(["label", "article_id"])
    .execute();

  await withId(db, db.schema.createTable("series"))
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("articles")
    .addColumn("series_id", "integer", (c) => c.references("series.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("articles").addColumn("series_part", "integer").execute();
  await db.schema
    .createIndex("articles_by_series")
    .on("articles")
    .columns(["series_id", "series_part"])
    .execute();
  await db.schema
    .createIndex("articles_by_origin")
    .on("articles")
    .columns(["origin", "published_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("articles_by_origin").execute();
  await db.schema.dropIndex("articles_by_series").execute();
  await db.schema.alterTable("articles").dropColumn("series_part").execute();
  await db.schema.alterTable("articles").dropColumn("series_id").execute();
  await db.schema.dropTable("series").execute();
  await db.schema.dropTable("article_labels").execute();
  await db.schema.alterTable("articles").dropColumn("embargo_until").execute();
  await db.schema.alterTable("articles").dropColumn("origin_source").execute();
  await db.schema.alterTable("articles").dropColumn("origin").execute();
}
