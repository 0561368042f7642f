import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Stores a media file's bytes once; a second write of the same path (same content) changes nothing. */
export async function insertMediaFile(db: Db, path: string, data: Buffer, now: number): Promise<void> {
  await db
    .insertInto("media_files")
    .values({ path, data, bytes: data.length, created_at: now })
    .onConflict((oc) => oc.column("path").doNothing())
    .execute();
}

export async function findMediaFile(db: Db, path: string): Promise<Buffer | null> {
  const row = await db.selectFrom("media_files").select("data").where("path", "=", path).executeTakeFirst();
  return row ? Buffer.from(row.data) : null;
}

export async function mediaFileExists(db: Db, path: string): Promise<boolean> {
  const row = await db.selectFrom("media_files").select("path").where("path", "=", path).executeTakeFirst();
  return row !== undefined;
}
