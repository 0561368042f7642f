import type { Kysely } from "kysely";
import type { Database, EventRow } from "../../db/schema.ts";
import { findBannerEvent } from "../../events/event.repo.ts";
import { listSections } from "../../sections/section.repo.ts";
import { buildSectionTree, type SectionTree } from "../../sections/section.ts";
import { getSiteSettings, type SiteSettings } from "../../site/site-settings.ts";

/** What every public page shows around its content: the paper's name, the section menu, the banner. */
export interface Chrome {
  site: SiteSettings;
  sections: SectionTree;
  banner: EventRow | null;
  siteUrl: string;
  now: number;
}

export async function loadChrome(db: Kysely<Database>, siteUrl: string, now: number): Promise<Chrome> {
  const [site, rows, banner] = await Promise.all([
    getSiteSettings(db),
    listSections(db),
    findBannerEvent(db, now),
  ]);
  return { site, sections: buildSectionTree(rows), banner: banner ?? null, siteUrl, now };
}
