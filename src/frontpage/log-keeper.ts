import type { InvalidationBus, StaleTag } from "../lib/invalidation-bus.ts";
import { type FrontpageDeps, syncLayoutLog, touchesLayouts } from "./frontpage.service.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** the 편집판 log keeper (tests wait for it with `idle()`) */
    layoutLog: LayoutLogKeeper;
  }
}

export interface LayoutLogKeeper {
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface KeeperLog {
  warn(obj: object, msg: string): void;
}

/**
 * Writes the layout log as soon as a page's visible layout may have changed: a story published,
 * unpublished, edited or moved announces `home` or its sections on the bus, and the keeper compares
 * the pages with their log right after (the scheduler does it again every tick, for pins that end and
 * anything announced while this instance was away). Runs one comparison at a time; announcements
 * arriving meanwhile fold into one more run. Pages the announcements named are not announced again
 * (every cache dropped them already); a change they did not name (a page showing that section's
 * stories, a pin that ended) is.
 */
export function startLayoutLogKeeper(
  deps: FrontpageDeps,
  bus: InvalidationBus,
  log: KeeperLog,
): LayoutLogKeeper {
  let running: Promise<void> | null = null;
  let again = false;
  /** tags announced since the last comparison began */
  let announced = new Set<StaleTag>();
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const alreadyStale = announced;
        announced = new Set();
        try {
          await syncLayoutLog(deps, undefined, alreadyStale);
        } catch (err) {
          log.warn({ err }, "layout log: could not compare the pages with their log; the scheduler retries");
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const unsubscribe = bus.subscribe((tags) => {
    if (!touchesLayouts(tags)) return;
    for (const tag of tags) announced.add(tag);
    void run();
  });
  return {
    /** waits for a comparison in progress (tests, shutdown) */
    idle: async () => {
      while (running) await running;
    },
    async stop() {
      unsubscribe();
      while (running) await running;
    },
  };
}
