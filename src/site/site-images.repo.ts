import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import type { ChosenPhoto, SiteImageChoice } from "./site-images.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Where the chosen photos' media ids are kept in `site_settings` (outside `site.*`, which bundles carry). */
export const SITE_IMAGE_KEYS = {
  logo: "identity.logo",
  icon: "identity.icon",
  share: "identity.share",
} as const;

export type SiteImageSlot = keyof typeof SITE_IMAGE_KEYS;

/** The photos chosen as the paper's logo, icon and share image (null where none is, or it is gone). */
export async function getSiteImageChoice(db: Db): Promise<SiteImageChoice> {
  const rows = await db
    .selectFrom("site_settings as s")
    .innerJoin("media as m", (j) => j.on((eb) => eb(eb.cast("m.id", "text"), "=", eb.ref("s.value"))))
    .select(["s.key", "m.id", "m.path", "m.width", "m.height", "m.focus_x", "m.focus_y"])
    .where("s.key", "in", Object.values(SITE_IMAGE_KEYS))
    .execute();
  const byKey = new Map<string, ChosenPhoto>(
    rows.map((r) => [
      r.key,
      {
        mediaId: r.id,
        path: r.path,
        width: r.width,
        height: r.height,
        focusX: r.focus_x ?? 50,
        focusY: r.focus_y ?? 50,
      },
    ]),
  );
  return {
    logo: byKey.get(SITE_IMAGE_KEYS.logo) ?? null,
    icon: byKey.get(SITE_IMAGE_KEYS.icon) ?? null,
    share: byKey.get(SITE_IMAGE_KEYS.share) ?? null,
  };
}

/** Sets (a media id) or clears (null) each given slot. */
export async function saveSiteImageChoice(
  db: Db,
  choice: Partial<Record<SiteImageSlot, number | null>>,
): Promise<void> {
  for (const [slot, mediaId] of Object.entries(choice) as [SiteImageSlot, number | null | undefined][]) {
    if (mediaId === undefined) continue;
    const key = SITE_IMAGE_KEYS[slot];
    if (mediaId === null) {
      await db.deleteFrom("site_settings").where("key", "=", key).execute();
    } else {
      const value = String(mediaId);
      await db
        .insertInto("site_settings")
        .values({ key, value })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
        .execute();
    }
  }
}
