import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { findMediaById } from "../media/media.repo.ts";
import { compactLegal, type LegalInfo } from "./legal.ts";
import { type SiteImageSlot, saveSiteImageChoice } from "./site-images.repo.ts";
import { clearSiteSettings, saveSiteSettings } from "./site-settings.repo.ts";

/** What the newsroom's settings page edits; the base URL is not among them (SITE_URL decides it). */
export interface SiteIdentity {
  name: string;
  /** "" prints no dateline before article bodies */
  dateline: string;
  /** null removes the YouTube link */
  youtubeUrl: string | null;
  /** photos from the media library by number; null draws the wordmark from the name instead */
  images?: Record<SiteImageSlot, number | null>;
}

const SLOT_NAMES: Record<SiteImageSlot, string> = { logo: "로고", icon: "아이콘", share: "공유 이미지" };

/**
 * Saves the paper's name, dateline and YouTube link together. Every page's frame shows them, so
 * after commit everything is stale.
 */
export async function saveSiteIdentity(deps: UseCaseDeps, identity: SiteIdentity): Promise<void> {
  const { images, ...settings } = identity;
  await deps.db.transaction().execute(async (trx) => {
    for (const [slot, id] of Object.entries(images ?? {}) as [SiteImageSlot, number | null][]) {
      if (id !== null && !(await findMediaById(trx, id))) throw fail("unknown_site_image", SLOT_NAMES[slot]);
    }
    await saveSiteSettings(trx, settings);
    if (settings.youtubeUrl === null) await clearSiteSettings(trx, ["youtubeUrl"]);
    if (images) await saveSiteImageChoice(trx, images);
  });
  await deps.bus.announce([stale.everything]);
}

/**
 * Saves the particulars the footer of every page shows (신문법 §21, §9의2), replacing what was there.
 * Every page's frame carries them, so after commit everything is stale.
 */
export async function saveLegalInfo(deps: UseCaseDeps, legal: LegalInfo): Promise<void> {
  await deps.db.transaction().execute(async (trx) => saveSiteSettings(trx, { legal: compactLegal(legal) }));
  await deps.bus.announce([stale.everything]);
}
