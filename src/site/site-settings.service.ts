import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { clearSiteSettings, saveSiteSettings } from "./site-settings.ts";

/** What the newsroom's settings page edits; the base URL is not among them (SITE_URL decides it). */
export interface SiteIdentity {
  name: string;
  /** "" prints no dateline before article bodies */
  dateline: string;
  /** null removes the YouTube link */
  youtubeUrl: string | null;
}

/** Saves the paper's name, dateline and YouTube link together. */
export async function saveSiteIdentity(db: Kysely<Database>, identity: SiteIdentity): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await saveSiteSettings(trx, identity);
    if (identity.youtubeUrl === null) await clearSiteSettings(trx, ["youtubeUrl"]);
  });
}
