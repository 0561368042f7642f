import { stale } from "../lib/invalidation-bus.ts";
import { paragraphText } from "../lib/sanitize-html.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { listBodiesAfter, updateExcerpt } from "./article.repo.ts";
import { makeExcerpt } from "./article.ts";

const BATCH = 500;

/**
 * Recomputes every story's stored summary from its body's paragraphs (the rule every save and import
 * follows since summaries stopped taking captions and subheads). Run by `jikji reindex`, once after
 * upgrading. Announces everything stale when a summary changed, as lists on every page show them.
 */
export async function refreshSummaries(
  deps: UseCaseDeps,
  onProgress?: (done: number) => void,
): Promise<{ checked: number; changed: number }> {
  let afterId = 0;
  let checked = 0;
  let changed = 0;
  for (;;) {
    const rows = await listBodiesAfter(deps.db, afterId, BATCH);
    if (!rows.length) break;
    await deps.db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const excerpt = makeExcerpt(paragraphText(r.body_html));
        if (excerpt !== r.excerpt) {
          await updateExcerpt(trx, r.id, excerpt);
          changed++;
        }
      }
    });
    checked += rows.length;
    afterId = rows.at(-1)!.id;
    onProgress?.(checked);
  }
  if (changed) await deps.bus.announce([stale.everything]);
  return { checked, changed };
}
