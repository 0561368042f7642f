import type { FilledSlot } from "../../frontpage/frontpage.ts";
import type { ArticleSummary } from "./view-models.ts";

/**
 * What the home page (and a top section's page, without the main list and blocks) shows, slot by slot,
 * in the 편집판's order: the phone shows the same order, one column.
 */
export interface FrontSlots<S> {
  top: ArticleSummary | null;
  subtop: ArticleSummary[];
  main: ArticleSummary[];
  sectionBlocks: { section: S; articles: ArticleSummary[] }[];
  photos: ArticleSummary[];
}

/** The filled 편집판 as the page's view model; blocks name their section through `sectionOf`. */
export function frontSlotsOf<S>(
  slots: readonly FilledSlot[],
  sectionOf: (id: number) => S | undefined,
): FrontSlots<S> {
  const stories = (kind: string) =>
    slots.filter((s) => s.spec.kind === kind).flatMap((s) => s.stories.map((x) => x.article));
  const sectionBlocks: FrontSlots<S>["sectionBlocks"] = [];
  for (const slot of slots) {
    if (slot.spec.kind !== "block" || !slot.spec.section || slot.stories.length === 0) continue;
    const section = sectionOf(slot.spec.section.id);
    if (section) sectionBlocks.push({ section, articles: slot.stories.map((x) => x.article) });
  }
  return {
    top: stories("top")[0] ?? null,
    subtop: stories("subtop"),
    main: stories("main"),
    sectionBlocks,
    photos: stories("photo"),
  };
}

/** Every story the slots show, to leave out of a list below them. */
export function idsShown(slots: FrontSlots<unknown>): number[] {
  return [
    ...(slots.top ? [slots.top.id] : []),
    ...slots.subtop.map((a) => a.id),
    ...slots.main.map((a) => a.id),
    ...slots.sectionBlocks.flatMap((b) => b.articles.map((a) => a.id)),
    ...slots.photos.map((a) => a.id),
  ];
}
