import type { Kysely } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";

/** Bodies of the given articles, by id (feeds carry the full text). */
export async function bodiesById(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("articles")
    .select(["id", "body_html"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.body_html]));
}

export interface MonthCount {
  month: string;
  count: number;
  lastModified: number;
}

/** Published articles per KST month, newest month first. */
export async function publishedMonths(
  db: Kysely<Database>,
  dialect: Dialect,
  now: number,
): Promise<MonthCount[]> {
  const month = dialect.kstMonth("published_at");
  const rows = await db
    .selectFrom("articles")
    .select((eb) => [
      month.as("month"),
      eb.fn.countAll<number>().as("count"),
      eb.fn.max(eb.fn.coalesce("updated_at", "published_at")).as("last_modified"),
    ])
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .groupBy(month)
    .orderBy(month, "desc")
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.count), lastModified: Number(r.last_modified) }));
}

/** Published articles of one KST month (`start`/`end` are that month's bounds in epoch ms). */
export function articlesBetween(db: Kysely<Database>, start: number, end: number, now: number) {
  return db
    .selectFrom("articles")
    .select(["num", "published_at", "updated_at"])
    .where("status", "=", "published")
    .where("published_at", ">=", start)
    .where("published_at", "<", Math.min(end, now + 1))
    .orderBy("published_at", "desc")
    .execute();
}

/** The keys the sitemap's page part lists: reporters with a byline, events, people. */
export async function sitemapKeys(
  db: Kysely<Database>,
): Promise<{ reporters: string[]; events: string[]; people: string[] }> {
  const [reporters, events, people] = await Promise.all([
    db
      .selectFrom("staff")
      .select("key")
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("article_authors as aa")
            .select("aa.article_id")
            .whereRef("aa.staff_id", "=", "staff.id"),
        ),
      )
      .orderBy("key")
      .execute(),
    db.selectFrom("events").select("key").orderBy("starts_at", "desc").execute(),
    db.selectFrom("people").select("key").orderBy("key").execute(),
  ]);
  return {
    reporters: reporters.map((r) => r.key),
    events: events.map((e) => e.key),
    people: people.map((p) => p.key),
  };
}
