import type { Kysely } from "kysely";

/**
 * People mentioned in articles (issue 4): one row per person linked from an article's body.
 *
 * `start`/`length` are UTF-16 offsets into the body's *linkable text* (src/people/person-links.ts
 * documents the scheme); `spelling` is the text at that range. `source` is 'auto' (the matcher) or
 * 'editor' (a person picked by hand); `removed` = 1 keeps an editor's "do not link" so recomputing
 * on the next save does not bring the link back. No foreign keys to people: a merge moves rows, and a
 * deleted person's rows are cleaned by the service.
 *
 * `person_redirects`: the old number of a person merged into another, pointing at the one kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("article_people")
    .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("length", "integer", (c) => c.notNull())
    .addColumn("spelling", "varchar(200)", (c) => c.notNull())
    .addColumn("source", "varchar(8)", (c) => c.notNull().defaultTo("auto"))
    .addColumn("removed", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("article_people_pk", ["article_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("article_people_person")
    .on("article_people")
    .columns(["person_id", "article_id"])
    .execute();

  // Old profile numbers of people merged into another: /BP?…&num=N keeps answering with the kept one.
  await db.schema
    .createTable("person_redirects")
    .addColumn("num", "bigint", (c) => c.primaryKey())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("person_redirects").execute();
  await db.schema.dropTable("article_people").execute();
}
