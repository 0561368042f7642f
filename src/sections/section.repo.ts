import type { Kysely, Transaction } from "kysely";
import type { Database, SectionRow } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function listSections(db: Db): Promise<SectionRow[]> {
  return db.selectFrom("sections").selectAll().orderBy("position").orderBy("id").execute();
}

export function findSectionById(db: Db, id: number): Promise<SectionRow | undefined> {
  return db.selectFrom("sections").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findSectionBySlug(db: Db, slug: string): Promise<SectionRow | undefined> {
  return db.selectFrom("sections").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function insertSection(
  db: Db,
  row: { slug: string; name: string; parentId: number | null; position: number },
): Promise<number> {
  const inserted = await db
    .insertInto("sections")
    .values({ slug: row.slug, name: row.name, parent_id: row.parentId, position: row.position })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateSection(
  db: Db,
  id: number,
  fields: { name: string; position: number },
): Promise<boolean> {
  const result = await db.updateTable("sections").set(fields).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many articles (of any status, drafts included) are filed under the section, and how many subsections it has. */
export async function countSectionUses(db: Db, id: number): Promise<{ articles: number; children: number }> {
  const articles = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("section_id", "=", id)
    .executeTakeFirstOrThrow();
  const children = await db
    .selectFrom("sections")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("parent_id", "=", id)
    .executeTakeFirstOrThrow();
  return { articles: Number(articles.n), children: Number(children.n) };
}

export async function deleteSectionRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom("sections").where("id", "=", id).execute();
}
