import type { ArticleOrigin } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import {
  countByWeek,
  emptyOriginCounts,
  kstIsoWeek,
  kstMonth,
  kstMonthOf,
  lastIsoWeeks,
  ORIGINS,
  type WeekShare,
  weekShare,
} from "./origin.ts";
import {
  type ArticleListingRow,
  countByReporter,
  countBySection,
  listArticlesPublishedBetween,
  listPublications,
} from "./origin-report.repo.ts";

/** Weeks the report shows, the current one last. */
export const REPORT_WEEKS = 12;
/** Rows the CSV holds at most (a decade of a busy paper's output). */
export const CSV_MAX_ROWS = 500_000;

type ReadDeps = Pick<UseCaseDeps, "db" | "now">;

function ensureDesk(user: StaffUser) {
  if (!can(user.role, "article.view_desk")) throw fail("forbidden");
}

/** One reporter's or section's month: new articles by origin, and the own share. */
export interface MonthRow {
  key: string;
  name: string;
  byOrigin: Record<ArticleOrigin, number>;
  total: number;
  own: number;
}

export interface OriginReport {
  weeks: WeekShare[];
  /** the week now is in (the last of `weeks`) */
  current: WeekShare;
  month: string;
  reporters: MonthRow[];
  sections: MonthRow[];
}

function fold(rows: { key: string; name: string; origin: ArticleOrigin; n: number }[]): MonthRow[] {
  const byKey = new Map<string, MonthRow>();
  for (const r of rows) {
    const row = byKey.get(r.key) ?? {
      key: r.key,
      name: r.name,
      byOrigin: emptyOriginCounts(),
      total: 0,
      own: 0,
    };
    row.byOrigin[r.origin] += Number(r.n);
    byKey.set(r.key, row);
  }
  const out = [...byKey.values()].map((r) => ({
    ...r,
    total: ORIGINS.reduce((n, o) => n + r.byOrigin[o], 0),
    own: r.byOrigin.own,
  }));
  return out.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "ko"));
}

/** The current week's own-reporting figures (the newsroom home's warning reads them). */
export async function currentWeekShare(deps: ReadDeps): Promise<WeekShare> {
  const now = deps.now();
  const week = kstIsoWeek(now);
  const rows = await listPublications(deps.db, week.start, week.end, now);
  return weekShare(countByWeek([week], rows)[0]!);
}

/**
 * The own-reporting report (신문법 시행령 §2) for editors and admins: the last 12 ISO weeks (KST) with
 * their new articles and own share, and one month's counts by reporter and by section.
 */
export async function loadOriginReport(
  deps: ReadDeps,
  user: StaffUser,
  monthParam: string | undefined,
): Promise<OriginReport> {
  ensureDesk(user);
  const now = deps.now();
  const month = monthParam ?? kstMonthOf(now);
  const range = kstMonth(month);
  if (!range) throw fail("invalid_request", "월은 2026-03처럼 적어 주세요.");
  const weeks = lastIsoWeeks(now, REPORT_WEEKS);
  const [published, reporters, sections] = await Promise.all([
    listPublications(deps.db, weeks[0]!.start, weeks[weeks.length - 1]!.end, now),
    countByReporter(deps.db, range.start, range.end, now),
    countBySection(deps.db, range.start, range.end, now),
  ]);
  const shares = countByWeek(weeks, published).map(weekShare);
  return {
    weeks: shares,
    current: shares[shares.length - 1]!,
    month,
    reporters: fold(reporters.map((r) => ({ key: r.key, name: r.name, origin: r.origin, n: r.n }))),
    sections: fold(
      sections.map((s) => ({
        key: s.slug,
        name: s.parent_name ? `${s.parent_name} › ${s.name}` : s.name,
        origin: s.origin,
        n: s.n,
      })),
    ),
  };
}

/** Every article published between two KST dates (both days included), for the CSV. */
export async function listArticlesForCsv(
  deps: ReadDeps,
  user: StaffUser,
  range: { start: number; end: number },
): Promise<ArticleListingRow[]> {
  ensureDesk(user);
  return listArticlesPublishedBetween(deps.db, range.start, range.end, CSV_MAX_ROWS);
}
