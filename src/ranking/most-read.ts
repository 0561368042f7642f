import type { Kysely } from "kysely";
import type { Database, MostReadPeriod } from "../db/schema.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import { listMostViewed, listRanked } from "./most-read.repo.ts";
import { MAX_AGE_MS } from "./read-window.ts";

export const MOST_READ_SIZE = 10;

/**
 * 인기기사: the stories most read over the last 24 hours (or 7 days: `period`), among those at most
 * 7 days old, from the stored ranking (refreshed every 30 seconds from counted reads, see
 * read-counter.ts). When fewer than ten have reads, the list is filled with the most-viewed stories
 * of the last 7 days, then the most-viewed of all time (`articles.view_count`, imported archives
 * included). One query when the ranking has ten; the fills only on a quiet site or section.
 */
export async function listMostRead(
  db: Kysely<Database>,
  now: number,
  sectionIds?: readonly number[],
  period: MostReadPeriod = "day",
): Promise<ArticleSummary[]> {
  const ranked = await listRanked(db, { now, sectionIds }, period, MOST_READ_SIZE);
  if (ranked.length >= MOST_READ_SIZE) return ranked;
  const recent = await listMostViewed(
    db,
    { now, sectionIds, publishedSince: now - MAX_AGE_MS, excludeIds: ranked.map((a) => a.id) },
    MOST_READ_SIZE - ranked.length,
  );
  const shown = [...ranked, ...recent];
  if (shown.length >= MOST_READ_SIZE) return shown;
  const fill = await listMostViewed(
    db,
    { now, sectionIds, excludeIds: shown.map((a) => a.id) },
    MOST_READ_SIZE - shown.length,
  );
  return [...shown, ...fill];
}
