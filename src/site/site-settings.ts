import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The paper's identity, managed by its admins (and carried in bundles as `site`). */
export interface SiteSettings {
  name: string;
  dateline: string;
  baseUrl: string | null;
  youtubeUrl: string | null;
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({
  name: "직지뉴스",
  dateline: "직지뉴스",
  baseUrl: null,
  youtubeUrl: null,
});

const KEYS = {
  name: "site.name",
  dateline: "site.dateline",
  baseUrl: "site.base_url",
  youtubeUrl: "site.youtube_url",
} as const;

export async function getSiteSettings(db: Db): Promise<SiteSettings> {
  const rows = await db
    .selectFrom("site_settings")
    .select(["key", "value"])
    .where("key", "like", "site.%")
    .execute();
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return {
    name: map.get(KEYS.name) ?? DEFAULT_SITE_SETTINGS.name,
    dateline: map.get(KEYS.dateline) ?? map.get(KEYS.name) ?? DEFAULT_SITE_SETTINGS.dateline,
    baseUrl: map.get(KEYS.baseUrl) ?? null,
    youtubeUrl: map.get(KEYS.youtubeUrl) ?? null,
  };
}

/** Writes the given settings; fields left out keep their value. */
export async function saveSiteSettings(db: Db, patch: Partial<SiteSettings>): Promise<void> {
  for (const [field, key] of Object.entries(KEYS) as [keyof SiteSettings, string][]) {
    const value = patch[field];
    if (value === undefined || value === null) continue;
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
  const keys = fields.map((f) => KEYS[f]);
  await db.deleteFrom("site_settings").where("key", "in", keys).execute();
}

/** Only what has been set, as the bundle's `site` object. */
export async function getStoredSiteSettings(db: Db): Promise<Partial<SiteSettings>> {
  const rows = await db
    .selectFrom("site_settings")
    .select(["key", "value"])
    .where("key", "like", "site.%")
    .execute();
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const out: Partial<SiteSettings> = {};
  for (const [field, key] of Object.entries(KEYS) as [keyof SiteSettings, string][]) {
    const v = map.get(key);
    if (v !== undefined) out[field] = v;
  }
  return out;
}
