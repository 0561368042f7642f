import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import {
  SITE_SETTING_KEYS,
  type SiteSettings,
  siteSettingPairs,
  siteSettingsFrom,
  storedSiteSettingsFrom,
} from "./site-settings.ts";

type Db = Kysely<Database> | Transaction<Database>;

async function storedPairs(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("site_settings")
    .select(["key", "value"])
    .where("key", "like", "site.%")
    .execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function getSiteSettings(db: Db): Promise<SiteSettings> {
  return siteSettingsFrom(await storedPairs(db));
}

/** Only what has been set, as the bundle's `site` object. */
export async function getStoredSiteSettings(db: Db): Promise<Partial<SiteSettings>> {
  return storedSiteSettingsFrom(await storedPairs(db));
}

/** Writes the given settings; fields left out keep their value. */
export async function saveSiteSettings(db: Db, patch: Partial<SiteSettings>): Promise<void> {
  for (const { key, value } of siteSettingPairs(patch)) {
    await db
      .insertInto("site_settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
      .execute();
  }
}

/** Removes settings, which then fall back to their defaults (an admin clearing the YouTube link). */
export async function clearSiteSettings(db: Db, fields: readonly (keyof SiteSettings)[]): Promise<void> {
  if (fields.length === 0) return;
  const keys = fields.map((f) => SITE_SETTING_KEYS[f]);
  await db.deleteFrom("site_settings").where("key", "in", keys).execute();
}
