import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The story's reporters who can be mailed: active staff, in byline order. */
export function findReporterContacts(
  db: Db,
  articleId: number,
): Promise<{ id: number; name: string; email: string }[]> {
  return db
    .selectFrom("article_authors as aa")
    .innerJoin("staff as s", "s.id", "aa.staff_id")
    .select(["s.id", "s.name", "s.email"])
    .where("aa.article_id", "=", articleId)
    .where("s.active", "=", 1)
    .orderBy("aa.position")
    .execute();
}
