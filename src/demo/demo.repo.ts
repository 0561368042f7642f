import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** True when nothing has been set up yet: no sections and no articles. */
export async function isNewsroomEmpty(db: Kysely<Database>): Promise<boolean> {
  const [sections, articles] = await Promise.all([
    db.selectFrom("sections").select("id").limit(1).executeTakeFirst(),
    db.selectFrom("articles").select("id").limit(1).executeTakeFirst(),
  ]);
  return !sections && !articles;
}
