import type { Kysely } from "kysely";

/**
 * What the labels laid down in `2026_12_05_0800_article_kinds` still needed: the YouTube video id of a
 * 영상 story (validated, embedded from youtube-nocookie.com) and the moment an editor cleared a 속보
 * story's site-wide bar before its 30 minutes were up.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("articles").addColumn("video_youtube_id", "text").execute();
  await db.schema.alterTable("articles").addColumn("breaking_cleared_at", "bigint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("articles").dropColumn("breaking_cleared_at").execute();
  await db.schema.alterTable("articles").dropColumn("video_youtube_id").execute();
}
