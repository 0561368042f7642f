import type { ArticleSummary } from "../web/public/view-models.ts";

/**
 * 편집판: which story stands where on the home page and on each top section's page.
 *
 * A page is a list of named slots in reading order (the phone shows them in this order too). The desk
 * places stories by hand (optionally pinned until a time); every position left empty is filled
 * automatically with the newest public stories of the slot's pool. A story stands once per page.
 */

/** `home`, or `section:SLUG` for a top section's page. */
export type PageKey = string;

export const HOME: PageKey = "home";
export const sectionPage = (slug: string): PageKey => `section:${slug}`;

export type SlotKind = "top" | "subtop" | "main" | "block" | "photo";

export interface SlotSpec {
  /** stable key in forms and the log: `top`, `subtop`, `main`, `block:ID`, `photo` */
  key: string;
  kind: SlotKind;
  /** what the desk and the log call it */
  label: string;
  size: number;
  /** the sections whose stories fill it automatically; null: every section */
  sectionIds: readonly number[] | null;
  /** the section a block stands for */
  section?: { id: number; slug: string; name: string };
}

export const SLOT_SIZES = { top: 1, subtop: 4, main: 10, block: 4, photo: 6 } as const;
export const MAX_SLOT_SIZE = 10;

/** A section as the layout needs it: a top section and the ids of it and its subsections. */
export interface LayoutSection {
  id: number;
  slug: string;
  name: string;
  ids: readonly number[];
}

/** The home page: 톱, 서브톱, 주요 기사, one block per top section (menu order), 포토. */
export function homeSlots(roots: readonly LayoutSection[]): SlotSpec[] {
  return [
    { key: "top", kind: "top", label: "톱", size: SLOT_SIZES.top, sectionIds: null },
    { key: "subtop", kind: "subtop", label: "서브톱", size: SLOT_SIZES.subtop, sectionIds: null },
    { key: "main", kind: "main", label: "주요 기사", size: SLOT_SIZES.main, sectionIds: null },
    ...roots.map(
      (s): SlotSpec => ({
        key: `block:${s.id}`,
        kind: "block",
        label: `${s.name} 블록`,
        size: SLOT_SIZES.block,
        sectionIds: s.ids,
        section: { id: s.id, slug: s.slug, name: s.name },
      }),
    ),
    { key: "photo", kind: "photo", label: "포토", size: SLOT_SIZES.photo, sectionIds: null },
  ];
}

/**
 * A top section's page: 톱, 서브톱 and 포토 from its own stories, above the section's paginated list
 * (which is its 주요 기사 and leaves out what stands above it).
 */
export function sectionSlots(section: LayoutSection): SlotSpec[] {
  return [
    { key: "top", kind: "top", label: "톱", size: SLOT_SIZES.top, sectionIds: section.ids },
    { key: "subtop", kind: "subtop", label: "서브톱", size: SLOT_SIZES.subtop, sectionIds: section.ids },
    { key: "photo", kind: "photo", label: "포토", size: SLOT_SIZES.photo, sectionIds: section.ids },
  ];
}

/** How the log and the desk name one position: `톱`, `서브톱 2`, `금융 블록 1`. */
export function positionLabel(spec: Pick<SlotSpec, "label" | "size">, position: number): string {
  return spec.size === 1 ? spec.label : `${spec.label} ${position}`;
}

/** A story the desk put in a slot; `until` (UTC ms) ends a pin, after which the slot fills itself. */
export interface Placement {
  slot: string;
  /** 1-based */
  position: number;
  articleId: number;
  until: number | null;
}

export interface PlacedStory {
  position: number;
  article: ArticleSummary;
  mode: "manual" | "auto";
  until: number | null;
}

export interface FilledSlot {
  spec: SlotSpec;
  stories: PlacedStory[];
}

/** Stories a slot may be filled with, newest first, already limited to the slot's pool. */
export type Candidates = (spec: SlotSpec) => readonly ArticleSummary[];

/** Placements still in force at `now`: a pin whose end has come no longer holds its slot. */
export function placementsInForce(placements: readonly Placement[], now: number): Placement[] {
  return placements.filter((p) => p.until === null || p.until > now);
}

/**
 * The layout readers see. Placements by hand come first, in slot order (a story placed twice keeps
 * its first place; a story no longer public, or a photo-less story in 포토, leaves its place empty),
 * then every empty position takes the newest candidate not yet on the page. The automatic 톱 prefers
 * a story with a photo (the slot is drawn around one), as the home page always did.
 */
export function fillSlots(
  specs: readonly SlotSpec[],
  placements: readonly Placement[],
  published: ReadonlyMap<number, ArticleSummary>,
  candidates: Candidates,
): FilledSlot[] {
  const shown = new Set<number>();
  const filled = specs.map((spec) => ({ spec, byPosition: new Map<number, PlacedStory>() }));
  for (const slot of filled) {
    const mine = placements
      .filter((p) => p.slot === slot.spec.key && p.position >= 1 && p.position <= slot.spec.size)
      .sort((a, b) => a.position - b.position);
    for (const p of mine) {
      const article = published.get(p.articleId);
      if (!article || shown.has(article.id) || slot.byPosition.has(p.position)) continue;
      if (slot.spec.kind === "photo" && !article.leadImage) continue;
      shown.add(article.id);
      slot.byPosition.set(p.position, { position: p.position, article, mode: "manual", until: p.until });
    }
  }
  for (const slot of filled) {
    const pool = candidates(slot.spec).filter((a) => slot.spec.kind !== "photo" || a.leadImage);
    const next = () => {
      const free = pool.filter((a) => !shown.has(a.id));
      const pick = slot.spec.kind === "top" ? (free.find((a) => a.leadImage) ?? free[0]) : free[0];
      if (pick) shown.add(pick.id);
      return pick;
    };
    for (let position = 1; position <= slot.spec.size; position++) {
      if (slot.byPosition.has(position)) continue;
      const article = next();
      if (!article) break;
      slot.byPosition.set(position, { position, article, mode: "auto", until: null });
    }
  }
  // Pages render the stories in position order; a position nothing could fill is simply not shown.
  return filled.map(({ spec, byPosition }) => ({
    spec,
    stories: [...byPosition.values()].sort((a, b) => a.position - b.position),
  }));
}

/** One line of the layout log as the page stands now. */
export interface LogLine {
  slot: string;
  position: number;
  slotLabel: string;
  articleId: number;
  articleNum: number;
  title: string;
  mode: "manual" | "auto";
}

export function logLinesOf(slots: readonly FilledSlot[]): LogLine[] {
  return slots.flatMap(({ spec, stories }) =>
    stories.map((s) => ({
      slot: spec.key,
      position: s.position,
      slotLabel: positionLabel(spec, s.position),
      articleId: s.article.id,
      articleNum: s.article.num,
      title: s.article.title,
      mode: s.mode,
    })),
  );
}

const lineKey = (l: Pick<LogLine, "slot" | "position" | "articleId" | "title" | "mode">) =>
  `${l.slot}\u0000${l.position}\u0000${l.articleId}\u0000${l.mode}\u0000${l.title}`;

/**
 * What changed between the open log lines and the page as it stands: lines to close (the story left
 * that position, its headline changed, or a pin turned it from manual to automatic) and lines to open.
 */
export function diffLog<O extends Pick<LogLine, "slot" | "position" | "articleId" | "title" | "mode">>(
  open: readonly O[],
  now: readonly LogLine[],
): { close: O[]; add: LogLine[] } {
  const current = new Set(now.map(lineKey));
  const before = new Set(open.map(lineKey));
  return {
    close: open.filter((o) => !current.has(lineKey(o))),
    add: now.filter((l) => !before.has(lineKey(l))),
  };
}

/** The law asks for six months; the log keeps a year, and nothing younger than six months is ever pruned. */
export const LOG_KEEP_MS = 366 * 24 * 3600_000;
export const LOG_LEGAL_MINIMUM_MS = 184 * 24 * 3600_000;

/** Moves the story at `position` one up or down within its slot (swapping with its neighbour). */
export function moveWithin<T>(rows: readonly T[], index: number, direction: "up" | "down"): T[] {
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= rows.length || other < 0 || other >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[other]] = [out[other]!, out[index]!];
  return out;
}

/** `YYYY-MM-DD` as the start of that day in KST (UTC ms), or null when it is no such date. */
export function parseKstDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d) - 9 * 3600_000;
  const check = new Date(ms + 9 * 3600_000);
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? ms : null;
}

/** The KST calendar day of an instant, `YYYY-MM-DD`. */
export const kstDay = (epochMs: number) => new Date(epochMs + 9 * 3600_000).toISOString().slice(0, 10);

/** The form's row for one position: the story's number as typed (empty: automatic) and the pin's end. */
export interface FormRow {
  num: string;
  until: string;
}

/** Slot key and position from a form field's name (`s.subtop.2`), or null. */
export function parseFieldName(name: string, prefix: "s" | "u"): { slot: string; position: number } | null {
  const m = /^([su])\.(top|subtop|main|photo|block:\d{1,9})\.(\d{1,2})$/.exec(name);
  if (!m || m[1] !== prefix) return null;
  return { slot: m[2]!, position: Number(m[3]) };
}
