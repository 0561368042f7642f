import { compactLegal, type LegalInfo, parseStoredLegal } from "./legal.ts";

/** The paper's identity, managed by its admins (and carried in bundles as `site`). */
export interface SiteSettings {
  name: string;
  dateline: string;
  baseUrl: string | null;
  youtubeUrl: string | null;
  /** 신문법 §21's particulars and the 청소년보호책임자 (site/legal.ts); {} when none were given */
  legal: LegalInfo;
}

type TextSetting = Exclude<keyof SiteSettings, "legal">;

export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({
  name: "직지뉴스",
  dateline: "직지뉴스",
  baseUrl: null,
  youtubeUrl: null,
  legal: Object.freeze({}),
});

/** Where each setting is kept in `site_settings`. */
export const SITE_SETTING_KEYS = {
  name: "site.name",
  dateline: "site.dateline",
  baseUrl: "site.base_url",
  youtubeUrl: "site.youtube_url",
  /** one JSON object */
  legal: "site.legal",
} as const satisfies Record<keyof SiteSettings, string>;

const FIELDS = Object.entries(SITE_SETTING_KEYS).filter(([f]) => f !== "legal") as [TextSetting, string][];

/** The settings from the stored `key → value` pairs, defaults filling what was never set. */
export function siteSettingsFrom(stored: ReadonlyMap<string, string>): SiteSettings {
  const k = SITE_SETTING_KEYS;
  return {
    name: stored.get(k.name) ?? DEFAULT_SITE_SETTINGS.name,
    dateline: stored.get(k.dateline) ?? stored.get(k.name) ?? DEFAULT_SITE_SETTINGS.dateline,
    baseUrl: stored.get(k.baseUrl) ?? null,
    youtubeUrl: stored.get(k.youtubeUrl) ?? null,
    legal: parseStoredLegal(stored.get(k.legal)),
  };
}

/** Only what has been set, as the bundle's `site` object. */
export function storedSiteSettingsFrom(stored: ReadonlyMap<string, string>): Partial<SiteSettings> {
  const out: Partial<SiteSettings> = {};
  for (const [field, key] of FIELDS) {
    const v = stored.get(key);
    if (v !== undefined) out[field] = v;
  }
  const legal = parseStoredLegal(stored.get(SITE_SETTING_KEYS.legal));
  if (Object.keys(legal).length) out.legal = legal;
  return out;
}

/** The `key → value` pairs a patch writes; fields left out (or null) are not among them. */
export function siteSettingPairs(patch: Partial<SiteSettings>): { key: string; value: string }[] {
  const pairs: { key: string; value: string }[] = [];
  for (const [field, key] of FIELDS) {
    const value = patch[field];
    if (value !== undefined && value !== null) pairs.push({ key, value });
  }
  if (patch.legal)
    pairs.push({ key: SITE_SETTING_KEYS.legal, value: JSON.stringify(compactLegal(patch.legal)) });
  return pairs;
}
