import type { Kysely } from "kysely";
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
  /** the paper's logo, icon and default share image (drawn from its name when none was chosen) */
  images: SiteImagesView;
  siteUrl: string;
  now: number;
  /** when the frame changes by itself (the banner's event ends), on the app's clock; null: never */
  validUntil: number | null;
}

type Frame = Pick<Chrome, "site" | "sections" | "banner" | "images">;

async function loadFrame(db: Kysely<Database>, now: number): Promise<Frame> {
  const [site, rows, banner, imageChoice] = await Promise.all([
    getSiteSettings(db),
    listSections(db),
    findBannerEvent(db, now),
    getSiteImageChoice(db),
  ]);
  return {
    site,
    sections: buildSectionTree(rows),
    banner: banner ?? null,
    images: siteImagesView(site.name, imageChoice),
  };
}

const bannerEnds = (banner: BannerEvent | null) => (banner ? (banner.ends_at ?? banner.starts_at) : null);

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
        const ends = bannerEnds(f.banner);
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
      return { ...f, siteUrl: deps.siteUrl, now, validUntil: bannerEnds(f.banner) };
    },
    close,
  };
}
