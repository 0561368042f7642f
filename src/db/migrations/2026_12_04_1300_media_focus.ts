import type { Kysely } from "kysely";

/**
 * A photo's focal point, in percent of its width and height, where crops to a set shape centre
 * (lead photos, cards). Null means the centre. It belongs to the photo, not to one use of it: the
 * subject stands in the same place in every story that shows it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("media").addColumn("focus_x", "integer").execute();
  await db.schema.alterTable("media").addColumn("focus_y", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("media").dropColumn("focus_y").execute();
  await db.schema.alterTable("media").dropColumn("focus_x").execute();
}
