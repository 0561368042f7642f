import type { FastifyBaseLogger } from "fastify";
import { type DeskDeps, publishDueArticles } from "./desk.service.ts";

/**
 * Publishes scheduled stories when their time comes. The schedule lives in the database, so a
 * restart loses nothing: the first tick after boot publishes whatever fell due meanwhile. Every
 * instance may run it; a story is published once (the status change is conditional).
 */
export function startScheduler(deps: DeskDeps, logger: FastifyBaseLogger, everyMs = 5_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const published = await publishDueArticles(deps);
      if (published.length) logger.info({ articles: published }, "scheduled stories published");
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
