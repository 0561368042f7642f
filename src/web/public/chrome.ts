import type { Kysely } from "kysely";
import { type BreakingBar, findBreakingBar } from "../../articles/kinds.repo.ts";
import { BREAKING_BAR_MS } from "../../articles/labels.ts";
import type { Database } from "../../db/schema.ts";
import { type BannerEvent, findBannerEvent } from "../../events/event.repo.ts";
import type { InvalidationBus } from "../../lib/invalidation-bus.ts";
import { listSections } from "../../sections/section.repo.ts";
import { buildSectionTree, type SectionTree } from "../../sections/section.ts";
import { getSiteImageChoice } from "../../site/site-images.repo.ts";
import { type SiteImagesView, siteImagesView } from "../../site/site-images.ts";
import { getSiteSettings } from "../../site/site-settings.repo.ts";
import type { SiteSettings } from "../../site/site-settings.ts";

/**
 * What every public page shows around its content: the paper's name, the section menu, the banner.
 * Whatever changes one of them (site settings, a section, the promoted event) announces
 * `stale.everything`, since every page carries the frame.
 */
export interface Chrome {
  site: SiteSettings;
  sections: SectionTree;
  banner: BannerEvent | null;
  /** the 속보 bar: the newest 속보 story of the last 30 minutes an editor has not cleared */
  breaking: BreakingBar | null;
  /** the paper's logo, icon and default share image (drawn from its name when none was chosen) */
  images: SiteImagesView;
  siteUrl: string;
  now: number;
  /** when the frame changes by itself (the banner's event ends, the 속보 bar's 30 minutes are up), on
   * the app's clock; null: never */
  validUntil: number | null;
}

type Frame = Pick<Chrome, "site" | "sections" | "banner" | "breaking" | "images">;

async function loadFrame(db: Kysely<Database>, now: number): Promise<Frame> {
  const [site, rows, banner, imageChoice, breaking] = await Promise.all([
    getSiteSettings(db),
    listSections(db),
    findBannerEvent(db, now),
    getSiteImageChoice(db),
    findBreakingBar(db, now, BREAKING_BAR_MS),
  ]);
  return {
    site,
    sections: buildSectionTree(rows),
    banner: banner ?? null,
    breaking,
    images: siteImagesView(site.name, imageChoice),
  };
}

const bannerEnds = (banner: BannerEvent | null) => (banner ? (banner.ends_at ?? banner.starts_at) : null);

/** When the frame changes by itself: the banner's event ends or the 속보 bar comes down. */
function frameEnds(f: Frame): number | null {
  const ends = [bannerEnds(f.banner), f.breaking?.until ?? null].filter((t): t is number => t !== null);
  return ends.length ? Math.min(...ends) : null;
}

/**
 * The frame, read once and kept in memory until the bus announces everything stale (or the banner's
 * event ends): three queries fewer on every page. A load that a purge overtook is used for the request
 * that asked but not kept, so a purge is never undone by a slow read.
 */
export function createChromeSource(deps: {
  db: Kysely<Database>;
  siteUrl: string;
  now: () => number;
  bus: InvalidationBus;
}): { chrome(): Promise<Chrome>; close(): void } {
  let kept: Promise<Frame> | null = null;
  let purges = 0;
  const close = deps.bus.subscribe((tags) => {
    if (!tags.includes("*")) return;
    purges++;
    kept = null;
  });
  return {
    async chrome() {
      const now = deps.now();
      let frame = kept;
      if (frame) {
        const f = await frame;
        const ends = frameEnds(f);
        if (ends !== null && ends <= now) frame = null;
      }
      if (!frame) {
        const startedAt = purges;
        frame = loadFrame(deps.db, now);
        kept = frame;
        frame.then(
          () => {
            if (purges !== startedAt && kept === frame) kept = null;
          },
          () => {
            if (kept === frame) kept = null;
          },
        );
      }
      const f = await frame;
      return { ...f, siteUrl: deps.siteUrl, now, validUntil: frameEnds(f) };
    },
    close,
  };
}
