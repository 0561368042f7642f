import { describe, expect, it } from "vitest";
import {
  charLength,
  choseongGrams,
  choseongOf,
  findChoseongMatches,
  findMatches,
  framedGrams,
  fts5Phrase,
  gramProbe,
  highlight,
  isOneWord,
  kstDayStart,
  likeContains,
  normalizeQuery,
  parseQuery,
  preferredSortKey,
  type Segment,
  SORT_KEY_SLOTS,
  shortPatternGram,
  snippet,
  sortKeyAt,
  textGrams,
  textWords,
} from "../../src/search/search.ts";

/** Segments as text with [brackets] around the marked ones, to read at a glance. */
const shown = (segments: Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");

describe("reading a query", () => {
  it("normalises: NFC, spaces collapsed, control characters out, 100 characters at most", () => {
    const decomposed = "반도체".normalize("NFD");
    expect(decomposed).not.toBe("반도체");
    expect(normalizeQuery(`  ${decomposed}\t\n 수출  `)).toBe("반도체 수출");
    expect(normalizeQuery("a\u0000b")).toBe("a b");
    expect(normalizeQuery("\ud800x")).toBe("\ufffdx");
    expect(normalizeQuery("가".repeat(500))).toBe("가".repeat(100));
    expect(charLength(normalizeQuery("😀".repeat(150)))).toBe(100);
  });

  it("tells consonant queries from word queries", () => {
    expect(parseQuery("ㅎㅇㅌㅈ")).toEqual({
      text: "ㅎㅇㅌㅈ",
      kind: "choseong",
      terms: [],
      choseong: "ㅎㅇㅌㅈ",
    });
    expect(parseQuery("ㅎㅇ ㅌㅈ").choseong).toBe("ㅎㅇㅌㅈ");
    // vowels, or consonants mixed with syllables, are words
    expect(parseQuery("ㅏㅓ").kind).toBe("short");
    expect(parseQuery("ㅎㅇ투자").kind).toBe("long");
  });

  it("classifies words by length: 3+ characters by trigram, 1–2 by gram", () => {
    expect(parseQuery("반도체").kind).toBe("long");
    expect(parseQuery("금리").kind).toBe("short");
    expect(parseQuery("쌀").kind).toBe("short");
    expect(parseQuery("반도체 금리")).toMatchObject({ kind: "mixed", terms: ["반도체", "금리"] });
    expect(parseQuery("").kind).toBe("empty");
  });

  it("trims punctuation from the ends of words, keeps it inside, drops words without letters", () => {
    expect(parseQuery('"반도체" 금리, (수출)').terms).toEqual(["반도체", "금리", "수출"]);
    expect(parseQuery("R&D S&P500 1=1").terms).toEqual(["r&d", "s&p500", "1=1"]);
    expect(parseQuery("' OR 1=1 --").terms).toEqual(["or", "1=1"]);
    for (const q of ['"', "*", "%", "_", "--", "()", "😀", "   "])
      expect(parseQuery(q).kind, q).toBe("empty");
    expect(parseQuery("NEAR(").terms).toEqual(["near"]);
  });

  it("keeps each word once and at most eight", () => {
    expect(parseQuery("금리 금리 GDP gdp").terms).toEqual(["금리", "gdp"]);
    expect(parseQuery("가 나 다 라 마 바 사 아 자 차").terms).toHaveLength(8);
  });

  it("looks a short word up by its letters and digits", () => {
    expect(shortPatternGram("금리")).toBe("금리");
    expect(shortPatternGram("AI")).toBe("ai");
    expect(shortPatternGram("5%")).toBe("5");
    expect(shortPatternGram("%")).toBeNull();
  });
});

describe("grams", () => {
  it("keeps every character and adjacent pair inside words, never across them", () => {
    expect(textGrams("금리 인상").sort()).toEqual(["금", "금리", "리", "상", "인", "인상"].sort());
    expect(textGrams("반도체가")).toEqual(expect.arrayContaining(["반도", "도체", "체가"]));
    expect(textGrams("금 리")).not.toContain("금리");
    expect(textGrams("R&D, 5G")).toEqual(expect.arrayContaining(["r", "d", "5g"]));
    expect(textGrams("R&D")).not.toContain("r&");
    expect(textGrams("반도체 반도체")).toHaveLength(5);
  });

  it("frames grams with spaces, so one trigram finds one gram", () => {
    expect(framedGrams(["금", "금리"])).toBe(" 금 금리 ");
    expect(framedGrams([])).toBe("");
    expect(gramProbe("금리")).toBe(" 금리");
    expect(gramProbe("금")).toBe(" 금 ");
  });

  it("lists the distinct words of a text for PostgreSQL's word list", () => {
    expect(textWords("반도체가 반도체를, R&D 반도체가").sort()).toEqual(
      ["d", "r", "반도체가", "반도체를"].sort(),
    );
    expect(textWords(`${"가".repeat(101)} 나`)).toEqual(["나"]);
    expect(isOneWord("반도체")).toBe(true);
    expect(isOneWord("노바ai")).toBe(true);
    expect(isOneWord("r&d")).toBe(false);
    expect(isOneWord("마크 리버스")).toBe(false);
  });

  it("reads initial consonants of Hangul syllables only", () => {
    expect(choseongOf("하이투자증권, AI 반도체")).toBe("ㅎㅇㅌㅈㅈㄱㅂㄷㅊ");
    expect(choseongOf("마크 리버스")).toBe("ㅁㅋㄹㅂㅅ");
    expect(choseongOf("ABC 123")).toBe("");
    expect(choseongGrams("ㅎㅇㅌ").sort()).toEqual(["ㅇ", "ㅇㅌ", "ㅌ", "ㅎ", "ㅎㅇ"].sort());
  });
});

describe("highlighting", () => {
  const h = (patterns: string[], choseong: string | null = null) => ({ patterns, choseong });

  it("marks every match, longest first, ignoring case", () => {
    expect(shown(highlight("반도체와 반도, AI와 ai", h(["반도", "반도체", "ai"])))).toBe(
      "[반도체]와 [반도], [AI]와 [ai]",
    );
    expect(findMatches("없음", h(["반도체"]).patterns)).toEqual([]);
  });

  it("treats patterns as text, never as regular expressions", () => {
    expect(shown(highlight("a.b a+b (x) [y]", h([".", "+", "(x)", "[y]"])))).toBe("a[.]b a[+]b [(x)] [[y]]");
    expect(shown(highlight("가나다", h(["", "나"])))).toBe("가[나]다");
  });

  it("leaves markup to the renderer: a title with <b> and & is text in segments", () => {
    expect(highlight("<b>조선</b> & 해운", h(["조선"]))).toEqual([
      { text: "<b>", mark: false },
      { text: "조선", mark: true },
      { text: "</b> & 해운", mark: false },
    ]);
    expect(shown(highlight("amp &amp; lt", h(["amp"])))).toBe("[amp] &[amp]; lt");
  });

  it("marks the syllables a consonant query spells", () => {
    expect(findChoseongMatches("하이투자증권", "ㅎㅇㅌㅈ")).toEqual([[0, 4]]);
    expect(shown(highlight("새 하이 투자 펀드", h([], "ㅎㅇㅌㅈ")))).toBe("새 [하이 투자] 펀드");
    expect(shown(highlight("하이투자", h([], "ㄱㄴ")))).toBe("하이투자");
  });

  it("cuts a snippet around the first match, at spaces, with ellipses", () => {
    const words = Array.from({ length: 80 }, (_, i) => `단어${i}`);
    words[50] = "반도체";
    const body = words.join(" ");
    const s = shown(snippet(body, h(["반도체"]), 60));
    expect(s.startsWith("…")).toBe(true);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toContain("[반도체]");
    expect(s).toMatch(/^…단어\d+ /u);
    expect(charLength(s)).toBeLessThanOrEqual(64);
    // no match: the opening
    expect(shown(snippet("짧은 본문", h(["없음"])))).toBe("짧은 본문");
  });

  it("never cuts an emoji in half", () => {
    const body = `${"😀".repeat(100)} 반도체 ${"😀".repeat(100)}`;
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
    for (const s of snippet(body, h(["반도체"]), 50)) expect(s.text).not.toMatch(lone);
  });
});

describe("filters and keys", () => {
  it("reads KST days, refusing days that do not exist", () => {
    expect(kstDayStart("2026-03-19")).toBe(Date.parse("2026-03-19T00:00:00+09:00"));
    expect(kstDayStart("2026-02-30")).toBeNull();
    expect(kstDayStart("2026-3-1")).toBeNull();
  });

  it("orders sort keys by publication, then by slot, and keeps them exact", () => {
    const at = Date.parse("2026-03-19T09:30:00+09:00");
    expect(preferredSortKey(at, 5)).toBe(at * SORT_KEY_SLOTS + 5);
    expect(preferredSortKey(at + 1, 0)).toBeGreaterThan(preferredSortKey(at, SORT_KEY_SLOTS - 1));
    expect(sortKeyAt(at)).toBeLessThanOrEqual(preferredSortKey(at, 7));
    expect(Number.isSafeInteger(preferredSortKey(Date.parse("2100-01-01T00:00:00Z"), 2047))).toBe(true);
    expect(Number.isSafeInteger(sortKeyAt(Date.parse("9999-12-31T00:00:00Z")))).toBe(true);
  });

  it("quotes FTS5 phrases and escapes LIKE wildcards", () => {
    expect(fts5Phrase('say "hi" NEAR(')).toBe('"say ""hi"" NEAR("');
    expect(likeContains("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
