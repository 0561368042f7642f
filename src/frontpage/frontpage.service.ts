import { fail } from "../lib/errors.ts";
import { type StaleTag, stale } from "../lib/invalidation-bus.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { listSections } from "../sections/section.repo.ts";
import { buildSectionTree, type SectionTree, sectionAndDescendantIds } from "../sections/section.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import {
  cancelScheduled,
  closeLogLines,
  findLiveLayout,
  goLive,
  insertLayout,
  insertLogLines,
  listDueLayouts,
  lockPage,
  newestStories,
  openLogLines,
  pruneLog,
  publicStoriesById,
  replaceLiveLayouts,
} from "./frontpage.repo.ts";
import {
  diffLog,
  type FilledSlot,
  fillSlots,
  HOME,
  homeSlots,
  type LayoutSection,
  LOG_KEEP_MS,
  logLinesOf,
  type PageKey,
  type Placement,
  placementsInForce,
  type SlotSpec,
  sectionPage,
  sectionSlots,
} from "./frontpage.ts";

export type FrontpageDeps = UseCaseDeps;

/** A page the desk lays out: its key, its name in the newsroom, its slots and the tag of its public page. */
export interface LayoutPage {
  key: PageKey;
  name: string;
  href: string;
  slots: SlotSpec[];
  staleTag: StaleTag;
}

const layoutSection = (node: SectionTree["roots"][number]): LayoutSection => ({
  id: node.id,
  slug: node.slug,
  name: node.name,
  ids: sectionAndDescendantIds(node),
});

/** The home page and every top section's page, from the section tree. */
export function layoutPages(tree: SectionTree): LayoutPage[] {
  const roots = tree.roots.map(layoutSection);
  return [
    { key: HOME, name: "홈", href: "/", slots: homeSlots(roots), staleTag: stale.home },
    ...roots.map((s) => ({
      key: sectionPage(s.slug),
      name: s.name,
      href: `/section/${s.slug}`,
      slots: sectionSlots(s),
      staleTag: stale.section(s.slug),
    })),
  ];
}

export function findLayoutPage(tree: SectionTree, key: string): LayoutPage | null {
  return layoutPages(tree).find((p) => p.key === key) ?? null;
}

async function sectionTree(deps: Pick<FrontpageDeps, "db">): Promise<SectionTree> {
  return buildSectionTree(await listSections(deps.db));
}

/**
 * The page as readers see it at `now`: the placements in force (the live layout's, or `proposed` for a
 * preview), every other position filled with the newest stories of the slot's pool.
 */
export async function fillPage(
  deps: Pick<FrontpageDeps, "db">,
  page: LayoutPage,
  now: number,
  proposed?: readonly Placement[],
): Promise<FilledSlot[]> {
  const placements = placementsInForce(
    proposed ?? (await findLiveLayout(deps.db, page.key))?.placements ?? [],
    now,
  );
  const total = page.slots.reduce((n, s) => n + s.size, 0);
  // Each pool gets enough spares for every story the page could show before it.
  const pools = new Map<string, readonly number[] | null>();
  for (const s of page.slots)
    pools.set(`${s.kind === "photo" ? "p" : "s"}:${s.sectionIds?.join(",") ?? "*"}`, s.sectionIds);
  const [published, ...lists] = await Promise.all([
    publicStoriesById(
      deps.db,
      placements.map((p) => p.articleId),
      now,
    ),
    ...[...pools.entries()].map(([key, sectionIds]) =>
      newestStories(deps.db, { now, sectionIds, withPhoto: key.startsWith("p:") }, total + 1),
    ),
  ]);
  const byPool = new Map([...pools.keys()].map((k, i) => [k, lists[i]!]));
  return fillSlots(
    page.slots,
    placements,
    published,
    (spec) => byPool.get(`${spec.kind === "photo" ? "p" : "s"}:${spec.sectionIds?.join(",") ?? "*"}`) ?? [],
  );
}

/** The slots of a page readers see now; `null` when no such page (a subsection, an unknown key). */
export async function filledPageNow(
  deps: Pick<FrontpageDeps, "db">,
  tree: SectionTree,
  key: PageKey,
  now: number,
): Promise<FilledSlot[] | null> {
  const page = findLayoutPage(tree, key);
  return page ? fillPage(deps, page, now) : null;
}

function ensureDesk(user: StaffUser): void {
  if (!can(user.role, "frontpage.manage")) throw fail("forbidden");
}

/**
 * Checks what the desk sent before anything is kept: known slots and positions, public stories, one
 * place per story, pins ending in the future. Messages are for the editor who sent the form.
 */
export async function checkPlacements(
  deps: Pick<FrontpageDeps, "db">,
  page: LayoutPage,
  placements: readonly Placement[],
  now: number,
): Promise<void> {
  const seen = new Set<number>();
  for (const p of placements) {
    const spec = page.slots.find((s) => s.key === p.slot);
    if (!spec || p.position < 1 || p.position > spec.size) {
      throw fail("invalid_form", "없는 자리에 기사를 놓으려 했습니다. 화면을 새로 고쳐 주세요.");
    }
    if (seen.has(p.articleId)) {
      throw fail("invalid_form", "같은 기사는 한 페이지에 한 번만 놓을 수 있습니다.");
    }
    seen.add(p.articleId);
    if (p.until !== null && p.until <= now) {
      throw fail("invalid_form", "고정 종료 시각은 지금보다 뒤여야 합니다.");
    }
  }
  const published = await publicStoriesById(
    deps.db,
    placements.map((p) => p.articleId),
    now,
  );
  for (const p of placements) {
    const story = published.get(p.articleId);
    if (!story) throw fail("invalid_form", "발행된 기사만 편집판에 놓을 수 있습니다.");
    if (p.slot === "photo" && !story.leadImage) {
      throw fail("invalid_form", "포토 자리에는 대표 사진이 있는 기사만 놓을 수 있습니다.");
    }
  }
}

/** Applies a layout to a page now: it replaces the one in force, the log and the public page follow. */
export async function applyLayout(
  deps: FrontpageDeps,
  user: StaffUser,
  pageKey: PageKey,
  placements: readonly Placement[],
): Promise<void> {
  ensureDesk(user);
  const tree = await sectionTree(deps);
  const page = findLayoutPage(tree, pageKey);
  if (!page) throw fail("not_found", "편집판");
  const now = deps.now();
  await checkPlacements(deps, page, placements, now);
  await deps.db.transaction().execute(async (trx) => {
    const id = await insertLayout(trx, {
      page: page.key,
      status: "live",
      placements,
      applyAt: null,
      appliedAt: now,
      createdBy: user.id,
      createdAt: now,
    });
    await replaceLiveLayouts(trx, page.key, id);
  });
  await syncLayoutLog(deps, [page.key]);
  await deps.bus.announce([page.staleTag]);
}

/** Keeps a layout to be applied at `at` by the scheduler, without anyone acting. */
export async function scheduleLayout(
  deps: FrontpageDeps,
  user: StaffUser,
  pageKey: PageKey,
  placements: readonly Placement[],
  at: number,
): Promise<number> {
  ensureDesk(user);
  const tree = await sectionTree(deps);
  const page = findLayoutPage(tree, pageKey);
  if (!page) throw fail("not_found", "편집판");
  const now = deps.now();
  if (at <= now) throw fail("invalid_form", "적용 시각은 지금보다 뒤여야 합니다.");
  if (at > now + 90 * 24 * 3600_000) throw fail("invalid_form", "적용 시각은 90일 안이어야 합니다.");
  // The stories must be public now; one unpublished before the time simply leaves its place empty.
  await checkPlacements(deps, page, placements, now);
  for (const p of placements) {
    if (p.until !== null && p.until <= at) {
      throw fail("invalid_form", "고정 종료 시각은 적용 시각보다 뒤여야 합니다.");
    }
  }
  return insertLayout(deps.db, {
    page: page.key,
    status: "scheduled",
    placements,
    applyAt: at,
    appliedAt: null,
    createdBy: user.id,
    createdAt: now,
  });
}

export async function cancelScheduledLayout(
  deps: FrontpageDeps,
  user: StaffUser,
  pageKey: PageKey,
  id: number,
): Promise<void> {
  ensureDesk(user);
  if (!(await cancelScheduled(deps.db, id, pageKey))) throw fail("not_found", "예약된 편집판");
}

/**
 * The scheduler's use case: applies scheduled layouts whose time has come (each once, whichever
 * instance gets there first), then brings every page's log up to date (a pin that ended, a scheduled
 * story that went out). Returns the ids applied.
 */
export async function applyDueLayouts(deps: FrontpageDeps): Promise<number[]> {
  const now = deps.now();
  const applied: number[] = [];
  for (const due of await listDueLayouts(deps.db, now)) {
    const done = await deps.db.transaction().execute(async (trx) => {
      if (!(await goLive(trx, due.id, due.apply_at ?? now))) return false;
      await replaceLiveLayouts(trx, due.page, due.id);
      return true;
    });
    if (done) applied.push(due.id);
  }
  await syncLayoutLog(deps);
  return applied;
}

/**
 * Compares each page as readers see it now with its open log lines and writes the difference: a
 * line ends (`until`) when its story leaves the position, a line starts (`from`) when one arrives,
 * for placements by hand and automatic ones alike. Announces the pages that changed, so the page
 * cache drops them — except those whose tags are in `alreadyStale`: when a write's announcement led
 * here, the caches dropped those pages already and whatever was rendered since shows the write.
 * Idempotent: calling it twice writes nothing the second time.
 */
export async function syncLayoutLog(
  deps: FrontpageDeps,
  only?: readonly PageKey[],
  alreadyStale: ReadonlySet<StaleTag> = new Set(),
): Promise<PageKey[]> {
  const now = deps.now();
  const tree = await sectionTree(deps);
  const pages = layoutPages(tree).filter((p) => !only || only.includes(p.key));
  const changed: LayoutPage[] = [];
  for (const page of pages) {
    // Most calls find nothing changed: compare without writing first, so an idle tick takes no lock.
    const seen = diffLog(
      (await openLogLines(deps.db, page.key)).map((o) => ({ ...o, articleId: o.article_id ?? -1 })),
      logLinesOf(await fillPage(deps, page, now)),
    );
    if (seen.close.length + seen.add.length === 0) continue;
    const wrote = await deps.db.transaction().execute(async (trx) => {
      await lockPage(trx, page.key, now);
      const lines = logLinesOf(await fillPage({ db: trx }, page, now));
      const open = await openLogLines(trx, page.key);
      const { close, add } = diffLog(
        open.map((o) => ({ ...o, articleId: o.article_id ?? -1 })),
        lines,
      );
      await closeLogLines(
        trx,
        close.map((c) => c.id),
        now,
      );
      await insertLogLines(trx, page.key, add, now);
      return close.length + add.length > 0;
    });
    if (wrote) changed.push(page);
  }
  const stillStale = alreadyStale.has(stale.everything)
    ? []
    : changed.map((p) => p.staleTag).filter((tag) => !alreadyStale.has(tag));
  if (stillStale.length) await deps.bus.announce(stillStale);
  return changed.map((p) => p.key);
}

/** Deletes log lines that ended over a year ago (the law asks for six months). */
export function pruneLayoutLog(deps: Pick<FrontpageDeps, "db" | "now">): Promise<number> {
  return pruneLog(deps.db, deps.now() - LOG_KEEP_MS);
}

/** Tags after which a page's layout may have changed: any public story's write announces them. */
export function touchesLayouts(tags: readonly StaleTag[]): boolean {
  return tags.some((t) => t === stale.home || t === stale.everything || t.startsWith("section:"));
}
