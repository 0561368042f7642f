import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type BannerEvent, findBannerEvent } from "../../events/event.repo.ts";
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
}

export async function loadChrome(db: Kysely<Database>, siteUrl: string, now: number): Promise<Chrome> {
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
    siteUrl,
    now,
  };
}
