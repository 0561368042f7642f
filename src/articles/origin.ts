/**
 * Where a story came from, and the weekly own-reporting rule of 신문 등의 진흥에 관한 법률 시행령 §2:
 * an internet newspaper publishes new articles every week, at least 30 % of them its own. Pure rules;
 * weeks are ISO weeks (Monday to Sunday) in Korea Standard Time.
 */
import type { ArticleOrigin } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";

export const ORIGINS: readonly ArticleOrigin[] = [
  "own",
  "press-release",
  "wire",
  "contribution",
  "translation",
  "sponsored",
];

export const ORIGIN_LABELS: Record<ArticleOrigin, string> = {
  own: "자체 취재",
  "press-release": "보도자료",
  wire: "통신 전재",
  contribution: "기고",
  translation: "번역",
  sponsored: "광고·협찬",
};

/** 시행령 §2: the least share of a week's articles that must be the paper's own. */
export const OWN_SHARE_MIN = 0.3;

export const ORIGIN_SOURCE_MAX = 100;

/**
 * The origin and its source as stored: a wire story must name its agency (연합뉴스, 뉴시스 …); other
 * kinds may name a source (the sender of a press release, the sponsor, the original publication);
 * 자체 취재 has none.
 */
export function checkOrigin(
  origin: string,
  source: string | null | undefined,
): { origin: ArticleOrigin; originSource: string | null } {
  if (!(ORIGINS as readonly string[]).includes(origin))
    throw fail("invalid_article", "기사 출처 구분을 목록에서 골라 주세요.", { fields: ["origin"] });
  const text = (source ?? "").replace(/\s+/g, " ").trim();
  if ([...text].length > ORIGIN_SOURCE_MAX)
    throw fail("invalid_article", `출처는 ${ORIGIN_SOURCE_MAX}자까지 쓸 수 있습니다.`, {
      fields: ["originSource"],
    });
  if (origin === "wire" && !text)
    throw fail("invalid_article", "통신 전재 기사는 통신사(예: 연합뉴스)를 적어 주세요.", {
      fields: ["originSource"],
    });
  return { origin: origin as ArticleOrigin, originSource: origin === "own" ? null : text || null };
}

const KST = 9 * 3600_000;
const DAY = 24 * 3600_000;
const WEEK = 7 * DAY;

export interface IsoWeek {
  /** the ISO week-numbering year (the year of the week's Thursday) */
  year: number;
  week: number;
  /** Monday 00:00 KST, as UTC ms */
  start: number;
  /** the next Monday 00:00 KST (exclusive) */
  end: number;
}

/** The ISO week (Monday–Sunday in KST) an instant falls in. */
export function kstIsoWeek(at: number): IsoWeek {
  const wall = at + KST; // KST wall time, read through UTC accessors
  const dayStart = Math.floor(wall / DAY) * DAY;
  const dow = (new Date(dayStart).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = dayStart - dow * DAY;
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  const week = Math.round((monday - jan4Monday) / WEEK) + 1;
  return { year, week, start: monday - KST, end: monday + WEEK - KST };
}

/** `2026-W12` */
export function isoWeekLabel(w: Pick<IsoWeek, "year" | "week">): string {
  return `${w.year}-W${String(w.week).padStart(2, "0")}`;
}

/** The `count` ISO weeks ending with the one `now` is in, oldest first. */
export function lastIsoWeeks(now: number, count: number): IsoWeek[] {
  const current = kstIsoWeek(now);
  const weeks: IsoWeek[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(kstIsoWeek(current.start - i * WEEK));
  return weeks;
}

export interface WeekCounts {
  week: IsoWeek;
  /** new articles by origin, 광고·협찬 included */
  byOrigin: Record<ArticleOrigin, number>;
}

export interface WeekShare {
  label: string;
  start: number;
  end: number;
  byOrigin: Record<ArticleOrigin, number>;
  /** new articles that count toward the rule: every origin but 광고·협찬 (an ad is not an article) */
  articles: number;
  own: number;
  /** own ÷ articles, or null for a week without articles */
  share: number | null;
  /** under 30 %, or no new article at all */
  belowRule: boolean;
}

/**
 * A week's share of own reporting. 광고·협찬 stories are left out of both sides: 신문법 §6③ keeps ads
 * apart from articles, so they neither dilute nor pad the count.
 */
export function weekShare(c: WeekCounts): WeekShare {
  const articles = ORIGINS.filter((o) => o !== "sponsored").reduce((n, o) => n + c.byOrigin[o], 0);
  const own = c.byOrigin.own;
  const share = articles === 0 ? null : own / articles;
  return {
    label: isoWeekLabel(c.week),
    start: c.week.start,
    end: c.week.end,
    byOrigin: c.byOrigin,
    articles,
    own,
    share,
    belowRule: share === null || share < OWN_SHARE_MIN,
  };
}

export function emptyOriginCounts(): Record<ArticleOrigin, number> {
  return { own: 0, "press-release": 0, wire: 0, contribution: 0, translation: 0, sponsored: 0 };
}

/** Counts (week of publication × origin) from publication times, into the given weeks. */
export function countByWeek(
  weeks: readonly IsoWeek[],
  rows: readonly { publishedAt: number; origin: ArticleOrigin }[],
): WeekCounts[] {
  const out = weeks.map((week) => ({ week, byOrigin: emptyOriginCounts() }));
  for (const r of rows) {
    const slot = out.find((w) => r.publishedAt >= w.week.start && r.publishedAt < w.week.end);
    if (slot) slot.byOrigin[r.origin] = (slot.byOrigin[r.origin] ?? 0) + 1;
  }
  return out;
}

/** `63 %` (rounded down, so 29.9 % never reads as 30 %) or `—`. */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.floor(share * 1000) / 10}%`;
}

/** A KST calendar month `2026-03` as [start, end) in UTC ms, or null. */
export function kstMonth(value: string): { start: number; end: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12 || y < 1990 || y > 2200) return null;
  return { start: Date.UTC(y, mo - 1, 1) - KST, end: Date.UTC(y, mo, 1) - KST };
}

/** The KST month an instant is in, as `2026-03`. */
export function kstMonthOf(at: number): string {
  return new Date(at + KST).toISOString().slice(0, 7);
}

/** A KST calendar date `2026-03-20` as the UTC ms of its midnight, or null (2026-02-30 is refused). */
export function kstDate(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || y < 1990 || y > 2200) return null;
  return ms - KST;
}
