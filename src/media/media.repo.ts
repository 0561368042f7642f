import type { Insertable, Kysely, Transaction } from "kysely";
import type { Database, MediaRow, MediaTable } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function findMediaBySha(db: Db, sha256: string): Promise<MediaRow | undefined> {
  return db.selectFrom("media").selectAll().where("sha256", "=", sha256).executeTakeFirst();
}

export function findMediaById(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts a media row, or returns the existing one with the same content. */
export async function upsertMedia(db: Db, row: Insertable<MediaTable>): Promise<MediaRow> {
  await db
    .insertInto("media")
    .values(row)
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  return (await findMediaBySha(db, row.sha256))!;
}
