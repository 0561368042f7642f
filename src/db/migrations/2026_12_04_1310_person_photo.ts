import type { Kysely } from "kysely";

/** A person's photo for their public page: a photo of the media library (null: none). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("people").addColumn("photo_media_id", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("people").dropColumn("photo_media_id").execute();
}
