import { stale } from "../lib/invalidation-bus.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { compactLegal, type LegalInfo } from "./legal.ts";
import { clearSiteSettings, saveSiteSettings } from "./site-settings.repo.ts";

/** What the newsroom's settings page edits; the base URL is not among them (SITE_URL decides it). */
export interface SiteIdentity {
  name: string;
  /** "" prints no dateline before article bodies */
  dateline: string;
  /** null removes the YouTube link */
  youtubeUrl: string | null;
}

/**
 * Saves the paper's name, dateline and YouTube link together. Every page's frame shows them, so
 * after commit everything is stale.
 */
export async function saveSiteIdentity(deps: UseCaseDeps, identity: SiteIdentity): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await saveSiteSettings(trx, identity);
    if (identity.youtubeUrl === null) await clearSiteSettings(trx, ["youtubeUrl"]);
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
