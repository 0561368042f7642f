import type { Kysely } from "kysely";
import { listMostViewed } from "../articles/article.repo.ts";
import type { ArticleSummary } from "../articles/article.ts";
import type { Database } from "../db/schema.ts";

export const MOST_READ_SIZE = 10;
const WINDOW_MS = 7 * 24 * 3600_000;

/**
 * 인기기사: the most-viewed stories of the last 7 days, filled up with the most-viewed of all time
 * when the week has fewer than ten. Ranked by stored view counts; live counting is its own feature.
 */
export async function listMostRead(
  db: Kysely<Database>,
  now: number,
  sectionIds?: readonly number[],
): Promise<ArticleSummary[]> {
  const recent = await listMostViewed(
    db,
    { now, sectionIds, publishedSince: now - WINDOW_MS },
    MOST_READ_SIZE,
  );
  if (recent.length >= MOST_READ_SIZE) return recent;
  const fill = await listMostViewed(
    db,
    { now, sectionIds, excludeIds: recent.map((a) => a.id) },
    MOST_READ_SIZE - recent.length,
  );
  return [...recent, ...fill];
}
