import type { ArticleSummary } from "./view-models.ts";

export const LATEST_SIZE = 10;
export const BLOCK_SIZE = 4;

export interface HomeArrangement<S> {
  top: ArticleSummary | null;
  latest: ArticleSummary[];
  sectionBlocks: { section: S; articles: ArticleSummary[] }[];
}

/**
 * Places stories on the home page so each appears once in the main column: the top slot (the newest
 * story with a photo, else the newest) wins, then 최신 기사, then the section blocks in menu order.
 * Candidates come newest first and with spares, so a block still fills after its shown stories go.
 * 인기기사 is a ranking beside the column and may repeat a story, as every paper's does.
 */
export function arrangeHome<S>(
  recent: readonly ArticleSummary[],
  blocks: readonly { section: S; articles: readonly ArticleSummary[] }[],
): HomeArrangement<S> {
  const shown = new Set<number>();
  const take = (list: readonly ArticleSummary[], size: number) => {
    const out = list.filter((a) => !shown.has(a.id)).slice(0, size);
    for (const a of out) shown.add(a.id);
    return out;
  };
  const top = recent.find((a) => a.leadImage) ?? recent[0] ?? null;
  if (top) shown.add(top.id);
  const latest = take(recent, LATEST_SIZE);
  const sectionBlocks = blocks
    .map((b) => ({ section: b.section, articles: take(b.articles, BLOCK_SIZE) }))
    .filter((b) => b.articles.length > 0);
  return { top, latest, sectionBlocks };
}
