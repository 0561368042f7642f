import type { Kysely, Transaction } from "kysely";
import type { Database, MostReadPeriod } from "../db/schema.ts";
import {
  publicStoriesQuery,
  type StoryFilter,
  toArticleSummary,
} from "../web/public/article-summary.repo.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import { MAX_AGE_MS } from "./read-window.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The period's most-read stories in rank order, as the lists show them: public by `now`, at most 7
 * days old, in the sections asked for.
 */
export async function listRanked(
  db: Db,
  f: Pick<StoryFilter, "now" | "sectionIds">,
  period: MostReadPeriod,
  limit: number,
): Promise<ArticleSummary[]> {
  const rows = await publicStoriesQuery(db, { ...f, publishedSince: f.now - MAX_AGE_MS })
    .innerJoin("most_read as r", "r.article_id", "a.id")
    .where("r.period", "=", period)
    // A story turned 광고·협찬 after the ranking was stored leaves the list at once.
    .where("a.origin", "!=", "sponsored")
    .orderBy("r.rank")
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
}

/**
 * Public stories by most stored views (`articles.view_count`; ties: newer first), to fill the list;
 * never 광고·협찬 (신문법 §6③).
 */
export async function listMostViewed(db: Db, f: StoryFilter, limit: number): Promise<ArticleSummary[]> {
  const rows = await publicStoriesQuery(db, f)
    .where("a.origin", "!=", "sponsored")
    .orderBy("a.view_count", "desc")
    .orderBy("a.published_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toArticleSummary);
}
