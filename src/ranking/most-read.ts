import type { Kysely } from "kysely";
import type { Database, MostReadPeriod } from "../db/schema.ts";
import { type InvalidationBus, type StaleTag, stale } from "../lib/invalidation-bus.ts";
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

/** Kept lists are read again at least this often: the stored ranking is refreshed as often. */
const KEPT_MS = 30_000;

/**
 * 인기기사 lists kept in memory (one per section and period), dropped when the ranking's order changes
 * (`most-read`), when a public story changes (`home` is announced by every such write) or everything
 * does: on a busy site one query every half minute instead of one or three per page.
 */
export function createMostReadSource(deps: { db: Kysely<Database>; bus: InvalidationBus }) {
  const kept = new Map<string, { list: Promise<ArticleSummary[]>; until: number }>();
  /** every story a list handed out since the ranking last changed: pages may show any of them */
  const shown = new Set<StaleTag>();
  let purges = 0;
  const close = deps.bus.subscribe((tags) => {
    const reordered = tags.includes(stale.mostRead) || tags.includes(stale.everything);
    if (reordered || tags.includes(stale.home)) {
      purges++;
      kept.clear();
    }
    if (reordered) shown.clear();
  });
  return {
    list(
      now: number,
      sectionIds?: readonly number[],
      period: MostReadPeriod = "day",
    ): Promise<ArticleSummary[]> {
      const key = `${period}:${sectionIds?.join(",") ?? ""}`;
      const at = performance.now();
      const hit = kept.get(key);
      if (hit && hit.until > at) return hit.list;
      const startedAt = purges;
      const list = listMostRead(deps.db, now, sectionIds, period);
      kept.set(key, { list, until: at + KEPT_MS });
      list.then(
        (stories) => {
          for (const a of stories) shown.add(stale.article(a.num));
          if (purges !== startedAt && kept.get(key)?.list === list) kept.delete(key);
        },
        () => {
          if (kept.get(key)?.list === list) kept.delete(key);
        },
      );
      return list;
    },
    /**
     * Whether announced tags touch a story some 인기기사 list has shown (its headline changed, it was
     * pulled): then every page showing 인기기사 is stale. Pages carry the one `most-read` tag instead
     * of ten story tags each, which keeps the page cache's index small.
     */
    touches(tags: readonly StaleTag[]): boolean {
      return tags.some((t) => shown.has(t));
    },
    close,
  };
}

export type MostReadSource = ReturnType<typeof createMostReadSource>;
