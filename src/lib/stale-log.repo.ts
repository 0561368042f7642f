import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** One announcement as another instance wrote it. */
export interface LoggedAnnouncement {
  id: number;
  origin: string;
  tags: string;
}

export async function logAnnouncement(
  db: Kysely<Database>,
  origin: string,
  tags: readonly string[],
  at: number,
): Promise<void> {
  await db
    .insertInto("stale_announcements")
    .values({ origin, tags: JSON.stringify(tags), at })
    .execute();
}

/** The newest announcement's id, or 0: where a starting instance begins reading. */
export async function latestAnnouncementId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("stale_announcements")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Announcements with an id above `afterId`, oldest first. */
export function announcementsAfter(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<LoggedAnnouncement[]> {
  return db
    .selectFrom("stale_announcements")
    .select(["id", "origin", "tags"])
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function deleteAnnouncementsBefore(db: Kysely<Database>, at: number): Promise<void> {
  await db.deleteFrom("stale_announcements").where("at", "<", at).execute();
}
