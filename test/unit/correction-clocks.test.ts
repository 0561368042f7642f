import { describe, expect, it } from "vitest";
import {
  articleNumFrom,
  deadlineAfter,
  isLate,
  lastDayOf,
  newReceipt,
  RECEIPT_PATTERN,
} from "../../src/corrections/correction.ts";

const kst = (wall: string) => Date.parse(`${wall.replace(" ", "T")}+09:00`);

describe("언론중재법 §15 clocks (calendar days, KST, the day of receipt not counted)", () => {
  it("a request received on a Friday afternoon is answered by the end of Monday", () => {
    const due = deadlineAfter(kst("2026-03-20 15:00:00"), 3); // Friday
    expect(due).toBe(kst("2026-03-24 00:00:00"));
    expect(lastDayOf(due)).toBe("2026-03-23"); // Monday: weekends count
  });

  it("a request received at 23:59 KST counts that day as the day of receipt, not the next", () => {
    expect(lastDayOf(deadlineAfter(kst("2026-03-20 23:59:59"), 3))).toBe("2026-03-23");
    // 00:30 KST on Saturday is still Friday in UTC: the KST date decides
    expect(lastDayOf(deadlineAfter(kst("2026-03-21 00:30:00"), 3))).toBe("2026-03-24");
  });

  it("publication is due 7 calendar days after acceptance, across a month's end", () => {
    expect(lastDayOf(deadlineAfter(kst("2026-03-27 10:00:00"), 7))).toBe("2026-04-03");
  });

  it("flags requests more than 6 months after publication, never a 추후보도", () => {
    const published = kst("2026-03-31 09:00:00");
    expect(isLate("correction", published, kst("2026-09-30 23:00:00"))).toBe(false);
    expect(isLate("reply", published, kst("2026-10-01 00:00:01"))).toBe(true);
    expect(isLate("follow-up", published, kst("2027-10-01 00:00:00"))).toBe(false);
  });
});

describe("receipts and article references", () => {
  it("makes readable receipts", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const r = newReceipt();
      expect(r).toMatch(RECEIPT_PATTERN);
      expect(r).not.toMatch(/[01OI]/);
      seen.add(r);
    }
    expect(seen.size).toBe(200);
  });

  it("reads a number or an article URL", () => {
    expect(articleNumFrom("4100")).toBe(4100);
    expect(articleNumFrom("https://news.example.kr/article/4100?utm_source=x")).toBe(4100);
    expect(articleNumFrom("/article/4100")).toBe(4100);
    expect(articleNumFrom("기사 4100")).toBeNull();
    expect(articleNumFrom("0")).toBeNull();
  });
});
