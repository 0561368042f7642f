import type { FastifyBaseLogger } from "fastify";
import { applyDueLayouts, pruneLayoutLog } from "../frontpage/frontpage.service.ts";
import { type DeskDeps, publishDueArticles } from "./desk.service.ts";

const PRUNE_LAYOUT_LOG_EVERY_MS = 3600_000;

/**
 * Publishes scheduled stories when their time comes, then applies scheduled 편집판 layouts and brings
 * the layout log up to date (pins that ended, stories that went out). The schedule lives in the
 * database, so a restart loses nothing: the first tick after boot does whatever fell due meanwhile.
 * Every instance may run it; a story is published, and a layout applied, once (conditional updates).
 */
export function startScheduler(deps: DeskDeps, logger: FastifyBaseLogger, everyMs = 5_000): () => void {
  let running = false;
  let prunedAt = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const published = await publishDueArticles(deps);
      if (published.length) logger.info({ articles: published }, "scheduled stories published");
      const layouts = await applyDueLayouts(deps);
      if (layouts.length) logger.info({ layouts }, "scheduled front-page layouts applied");
      if (Date.now() - prunedAt > PRUNE_LAYOUT_LOG_EVERY_MS) {
        prunedAt = Date.now();
        await pruneLayoutLog(deps);
      }
    } catch (error) {
      logger.error({ err: error }, "scheduler tick failed");
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
