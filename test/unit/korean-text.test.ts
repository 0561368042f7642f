import { describe, expect, it } from "vitest";
import { isPublic, makeExcerpt, shownUpdatedAt } from "../../src/articles/article.ts";
import { maskNickname } from "../../src/comments/comment.ts";
import { COMMENT_MAX_BYTES, koreanByteLength } from "../../src/lib/korean-bytes.ts";
import { formatKst, parseIsoWithOffset, toKstIso, toRfc822Kst } from "../../src/lib/kst-time.ts";

describe("koreanByteLength", () => {
  it("counts ASCII as 1 and every other code point as 2", () => {
    expect(koreanByteLength("")).toBe(0);
    expect(koreanByteLength("abc 123")).toBe(7);
    expect(koreanByteLength("한글")).toBe(4);
    expect(koreanByteLength("ㅋㅋ")).toBe(4);
    expect(koreanByteLength("é")).toBe(2);
  });

  it("counts an emoji as 2, never 1 or 4", () => {
    expect("😀".length).toBe(2);
    expect(koreanByteLength("😀")).toBe(2);
    expect(koreanByteLength("좋아요👍")).toBe(8);
  });

  it("puts 200 Hangul syllables exactly at the limit", () => {
    expect(koreanByteLength("가".repeat(200))).toBe(COMMENT_MAX_BYTES);
    expect(koreanByteLength(`${"가".repeat(200)}a`)).toBe(COMMENT_MAX_BYTES + 1);
  });
});

describe("KST times", () => {
  it("shows UTC instants in Korea Standard Time", () => {
    const at = Date.UTC(2023, 5, 9, 8, 22, 45);
    expect(formatKst(at)).toBe("2023-06-09 17:22:45");
    expect(toKstIso(at)).toBe("2023-06-09T17:22:45+09:00");
    expect(toRfc822Kst(at)).toBe("Fri, 09 Jun 2023 17:22:45 +0900");
  });

  it("crosses midnight and year ends correctly", () => {
    expect(formatKst(Date.UTC(2025, 11, 31, 15, 0, 0))).toBe("2026-01-01 00:00:00");
  });

  it("keeps milliseconds in ISO output only when there are some", () => {
    expect(toKstIso(Date.UTC(2026, 0, 1, 0, 0, 0, 250))).toBe("2026-01-01T09:00:00.250+09:00");
  });

  it("parses only ISO times that carry an offset", () => {
    expect(parseIsoWithOffset("2026-03-12T14:05:30+09:00")).toBe(Date.UTC(2026, 2, 12, 5, 5, 30));
    expect(parseIsoWithOffset("2026-03-12T05:05:30Z")).toBe(Date.UTC(2026, 2, 12, 5, 5, 30));
    expect(parseIsoWithOffset("2026-03-12T14:05:30")).toBeNull();
    expect(parseIsoWithOffset("2026-03-12")).toBeNull();
    expect(parseIsoWithOffset("2026-13-45T99:00:00+09:00")).toBeNull();
  });
});

describe("article rules", () => {
  it("is public only when published and its time has come", () => {
    expect(isPublic("published", 100, 100)).toBe(true);
    expect(isPublic("published", 101, 100)).toBe(false);
    expect(isPublic("scheduled", 50, 100)).toBe(false);
    expect(isPublic("published", null, 100)).toBe(false);
  });

  it("shows an update time only when it is a real later change", () => {
    expect(shownUpdatedAt(0, null)).toBeNull();
    expect(shownUpdatedAt(0, 30_000)).toBeNull();
    expect(shownUpdatedAt(0, 60_000)).toBe(60_000);
  });

  it("cuts excerpts at a word and marks the cut", () => {
    const text = "반도체 ".repeat(60).trim();
    const ex = makeExcerpt(text, 50);
    expect([...ex].length).toBeLessThanOrEqual(51);
    expect(ex.endsWith("반도체…")).toBe(true);
    expect(makeExcerpt("짧은 글")).toBe("짧은 글");
  });
});

describe("maskNickname", () => {
  it("keeps the first half and masks the rest, as portals do", () => {
    expect(maskNickname("독자12")).toBe("독자**");
    expect(maskNickname("abc")).toBe("ab*");
    expect(maskNickname("가")).toBe("가");
    expect(maskNickname("😀😀")).toBe("😀*");
    expect(maskNickname("아주아주긴닉네임입니다요")).toBe("아주아주긴닉****");
  });
});
