import { describe, expect, it } from "vitest";
import {
  checkOrigin,
  countByWeek,
  emptyOriginCounts,
  formatShare,
  isoWeekLabel,
  kstDate,
  kstIsoWeek,
  kstMonth,
  lastIsoWeeks,
  weekShare,
} from "../../src/articles/origin.ts";
import { AppError } from "../../src/lib/errors.ts";

const kst = (wall: string) => Date.parse(`${wall.replace(" ", "T")}+09:00`);

describe("ISO weeks in KST (신문법 시행령 §2 counts per week)", () => {
  it("a week runs from Monday 00:00 to Sunday 24:00 Korean time", () => {
    const w = kstIsoWeek(kst("2026-03-20 12:00:00")); // Friday
    expect(isoWeekLabel(w)).toBe("2026-W12");
    expect(w.start).toBe(kst("2026-03-16 00:00:00"));
    expect(w.end).toBe(kst("2026-03-23 00:00:00"));
  });

  it("the KST date decides, not the UTC one: Monday 00:30 KST is still Sunday in UTC", () => {
    expect(isoWeekLabel(kstIsoWeek(kst("2026-03-23 00:30:00")))).toBe("2026-W13");
    expect(isoWeekLabel(kstIsoWeek(kst("2026-03-22 23:59:59")))).toBe("2026-W12");
  });

  it("weeks at the turn of the year belong to the year of their Thursday", () => {
    // 2027-01-01 is a Friday: it is in 2026's last week, W53.
    expect(isoWeekLabel(kstIsoWeek(kst("2027-01-01 09:00:00")))).toBe("2026-W53");
    expect(isoWeekLabel(kstIsoWeek(kst("2027-01-04 00:00:00")))).toBe("2027-W01");
    // 2025-12-29 (Monday) opens 2026-W01.
    expect(isoWeekLabel(kstIsoWeek(kst("2025-12-29 08:00:00")))).toBe("2026-W01");
    expect(isoWeekLabel(kstIsoWeek(kst("2025-12-28 23:00:00")))).toBe("2025-W52");
  });

  it("lists the last weeks oldest first, ending with the current one", () => {
    const weeks = lastIsoWeeks(kst("2026-01-07 10:00:00"), 3);
    expect(weeks.map(isoWeekLabel)).toEqual(["2025-W52", "2026-W01", "2026-W02"]);
    expect(weeks[1]!.end).toBe(weeks[2]!.start);
  });
});

describe("the weekly own share", () => {
  const week = kstIsoWeek(kst("2026-03-20 12:00:00"));

  it("counts own stories over every new article but ads, and warns under 30 %", () => {
    const counts = countByWeek(
      [week],
      [
        { publishedAt: kst("2026-03-16 00:00:00"), origin: "own" },
        { publishedAt: kst("2026-03-17 09:00:00"), origin: "wire" },
        { publishedAt: kst("2026-03-18 09:00:00"), origin: "wire" },
        { publishedAt: kst("2026-03-19 09:00:00"), origin: "press-release" },
        { publishedAt: kst("2026-03-20 09:00:00"), origin: "sponsored" },
        { publishedAt: kst("2026-03-23 00:00:00"), origin: "own" }, // next week
      ],
    );
    const s = weekShare(counts[0]!);
    expect(s.articles).toBe(4);
    expect(s.own).toBe(1);
    expect(s.share).toBe(0.25);
    expect(s.byOrigin.sponsored).toBe(1);
    expect(s.belowRule).toBe(true);
  });

  it("exactly 30 % meets the rule; a week without articles does not", () => {
    const byOrigin = { ...emptyOriginCounts(), own: 3, wire: 7 };
    expect(weekShare({ week, byOrigin }).belowRule).toBe(false);
    const empty = weekShare({ week, byOrigin: { ...emptyOriginCounts(), sponsored: 4 } });
    expect(empty.share).toBeNull();
    expect(empty.belowRule).toBe(true);
  });

  it("shows shares rounded down, so 29.99 % never reads as 30 %", () => {
    expect(formatShare(0.2999)).toBe("29.9%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(null)).toBe("—");
  });
});

describe("origins and dates as the newsroom types them", () => {
  it("a wire story names its agency; own reporting has no source", () => {
    expect(checkOrigin("wire", " 연합뉴스 ")).toEqual({ origin: "wire", originSource: "연합뉴스" });
    expect(checkOrigin("own", "연합뉴스")).toEqual({ origin: "own", originSource: null });
    expect(checkOrigin("press-release", "")).toEqual({ origin: "press-release", originSource: null });
    for (const [origin, source, message] of [
      ["wire", "  ", "통신 전재 기사는 통신사(예: 연합뉴스)를 적어 주세요."],
      ["rumour", null, "기사 출처 구분을 목록에서 골라 주세요."],
      ["press-release", "가".repeat(101), "출처는 100자까지 쓸 수 있습니다."],
    ] as const) {
      const error = (() => {
        try {
          checkOrigin(origin, source);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).message).toBe(message);
    }
  });

  it("reads KST months and dates, refusing impossible ones", () => {
    expect(kstMonth("2026-03")).toEqual({
      start: kst("2026-03-01 00:00:00"),
      end: kst("2026-04-01 00:00:00"),
    });
    expect(kstMonth("2026-12")!.end).toBe(kst("2027-01-01 00:00:00"));
    expect(kstMonth("2026-13")).toBeNull();
    expect(kstDate("2026-03-01")).toBe(kst("2026-03-01 00:00:00"));
    expect(kstDate("2026-02-30")).toBeNull();
    expect(kstDate("20260301")).toBeNull();
  });
});
