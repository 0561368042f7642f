import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/** The first schema: site settings, sections, staff, people, media, articles, comments, events. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("site_settings")
    .addColumn("key", "varchar(64)", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("sections"))
    .addColumn("slug", "varchar(120)", (c) => c.notNull().unique())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("sections.id").onDelete("restrict"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable("staff"))
    .addColumn("key", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("email", "varchar(254)", (c) => c.notNull().unique())
    .addColumn("role", "varchar(16)", (c) => c.notNull())
    .addColumn("desk", "varchar(100)")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("password_hash", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("people"))
    .addColumn("key", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("num", "bigint", (c) => c.unique())
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("aliases", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("role", "varchar(200)")
    .addColumn("organization", "varchar(200)")
    .addColumn("bio", "text")
    .addColumn("context_words", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("media"))
    .addColumn("sha256", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("path", "varchar(200)", (c) => c.notNull())
    .addColumn("mime", "varchar(40)", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("variants", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("articles"))
    .addColumn("num", "bigint", (c) => c.notNull().unique())
    .addColumn("title", "varchar(300)", (c) => c.notNull())
    .addColumn("subtitle", "varchar(500)")
    .addColumn("section_id", "integer", (c) => c.notNull().references("sections.id").onDelete("restrict"))
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("published_at", "bigint")
    .addColumn("updated_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("excerpt", "varchar(400)", (c) => c.notNull().defaultTo(""))
    .addColumn("lead_media_id", "integer", (c) => c.references("media.id").onDelete("set null"))
    .addColumn("lead_alt", "varchar(500)")
    .addColumn("lead_caption", "text")
    .addColumn("lead_credit", "varchar(200)")
    .addColumn("view_count", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("articles_status_published")
    .on("articles")
    .columns(["status", "published_at"])
    .execute();
  await db.schema
    .createIndex("articles_section_status_published")
    .on("articles")
    .columns(["section_id", "status", "published_at"])
    .execute();
  await db.schema
    .createIndex("articles_status_views")
    .on("articles")
    .columns(["status", "view_count"])
    .execute();

  await db.schema
    .createTable("article_authors")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("restrict"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_authors_pk", ["article_id", "staff_id"])
    .execute();
  await db.schema
    .createIndex("article_authors_staff")
    .on("article_authors")
    .columns(["staff_id", "article_id"])
    .execute();

  await db.schema
    .createTable("article_tags")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("tag", "varchar(100)", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_tags_pk", ["article_id", "tag"])
    .execute();
  await db.schema.createIndex("article_tags_tag").on("article_tags").columns(["tag", "article_id"]).execute();

  await withId(db, db.schema.createTable("comments"))
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("nickname", "varchar(100)", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("import_key", "varchar(64)", (c) => c.unique())
    .addColumn("likes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("dislikes", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("comments_article_status_created")
    .on("comments")
    .columns(["article_id", "status", "created_at"])
    .execute();

  await withId(db, db.schema.createTable("events"))
    .addColumn("key", "varchar(100)", (c) => c.notNull().unique())
    .addColumn("title", "varchar(300)", (c) => c.notNull())
    .addColumn("starts_at", "bigint", (c) => c.notNull())
    .addColumn("ends_at", "bigint")
    .addColumn("venue", "varchar(300)")
    .addColumn("description_html", "text")
    .addColumn("capacity", "integer")
    .addColumn("registration_open", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("promoted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("event_speakers")
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_speakers_pk", ["event_id", "person_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "event_speakers",
    "events",
    "comments",
    "article_tags",
    "article_authors",
    "articles",
    "media",
    "people",
    "staff",
    "sections",
    "site_settings",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
