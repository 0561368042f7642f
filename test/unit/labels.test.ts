import { describe, expect, it } from "vitest";
import type { PublicFootprint } from "../../src/articles/desk.repo.ts";
import {
  ARTICLE_LABELS,
  isOpinion,
  labelBit,
  labelledTitle,
  labelsFromBits,
  parseYouTubeId,
  seriesPartLabel,
  youTubeEmbedUrl,
} from "../../src/articles/labels.ts";
import { staleTagsOfArticleWrite } from "../../src/articles/stale.ts";

describe("story labels", () => {
  it("prefix titles the way Korean portals expect, in one fixed order", () => {
    expect(labelledTitle("반도체 공장 증설", ["exclusive"])).toBe("[단독] 반도체 공장 증설");
    expect(labelledTitle("환율 급등", ["exclusive", "breaking"])).toBe("[속보][단독] 환율 급등");
    expect(labelledTitle("그냥 기사", [])).toBe("그냥 기사");
    expect(labelledTitle("오늘의 사설", ["editorial"])).toBe("[사설] 오늘의 사설");
  });

  it("travel through lists as one number, a bit per label, both ways", () => {
    for (const l of ARTICLE_LABELS) expect(labelsFromBits(labelBit(l))).toEqual([l]);
    const all = ARTICLE_LABELS.reduce((n, l) => n | labelBit(l), 0);
    expect(labelsFromBits(all)).toEqual(ARTICLE_LABELS);
    // PostgreSQL's sum() of integers arrives as a string; no labels as null.
    expect(labelsFromBits("3")).toEqual(["breaking", "exclusive"]);
    expect(labelsFromBits(null)).toEqual([]);
  });

  it("tell opinion (사설, 칼럼) apart", () => {
    expect(isOpinion(["column"])).toBe(true);
    expect(isOpinion(["editorial", "feature"])).toBe(true);
    expect(isOpinion(["interview"])).toBe(false);
  });

  it("number series parts as 연재 n회", () => {
    expect(seriesPartLabel(3)).toBe("연재 3회");
  });
});

describe("YouTube ids", () => {
  it("are taken from an id or the usual YouTube URLs", () => {
    for (const input of [
      "dQw4w9WgXcQ",
      " https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30 ",
      "https://youtu.be/dQw4w9WgXcQ",
      "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://www.youtube.com/shorts/dQw4w9WgXcQ",
      "https://www.youtube.com/embed/dQw4w9WgXcQ",
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ]) {
      expect(parseYouTubeId(input), input).toBe("dQw4w9WgXcQ");
    }
  });

  it("refuse anything else, so only a checked id reaches the embed URL", () => {
    for (const input of [
      "",
      "dQw4w9WgXc",
      "dQw4w9WgXcQQ",
      'dQw4w9WgX"Q',
      "https://evil.example/watch?v=dQw4w9WgXcQ",
      "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
      "javascript:alert(1)//dQw4w9WgXcQ",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22%3E",
      "https://youtu.be/dQw4w9WgXcQ/../x",
      "ftp://youtu.be/dQw4w9WgXcQ",
    ]) {
      expect(parseYouTubeId(input), input).toBeNull();
    }
  });

  it("are embedded from the privacy-enhanced host only", () => {
    expect(youTubeEmbedUrl("dQw4w9WgXcQ")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
  });
});

describe("what a write to a 속보 story makes stale", () => {
  const side = (over: Partial<PublicFootprint> = {}): PublicFootprint => ({
    num: 7,
    status: "published",
    sectionSlugs: ["finance"],
    reporterKeys: ["kim"],
    personKeys: [],
    seriesKey: null,
    breaking: true,
    title: "환율 급등",
    ...over,
  });

  it("redraws every page (the bar is in the frame) only when the bar's story appears, goes or is retitled", () => {
    expect(staleTagsOfArticleWrite(side(), side())).not.toContain("*");
    expect(staleTagsOfArticleWrite(side({ breaking: false }), side())).toContain("*");
    expect(staleTagsOfArticleWrite(side(), side({ breaking: false }))).toContain("*");
    expect(staleTagsOfArticleWrite(side({ status: "scheduled" }), side())).toContain("*");
    expect(staleTagsOfArticleWrite(side(), side({ status: "unpublished" }))).toContain("*");
    expect(staleTagsOfArticleWrite(side(), side({ title: "환율 1500원 돌파" }))).toContain("*");
    expect(staleTagsOfArticleWrite(side({ breaking: false }), side({ breaking: false }))).not.toContain("*");
  });

  it("names the 연재 of a public part", () => {
    expect(staleTagsOfArticleWrite(side({ seriesKey: "battery" }), side({ seriesKey: null }))).toContain(
      "series:battery",
    );
    expect(staleTagsOfArticleWrite(side({ status: "draft", seriesKey: "x" }), null)).toEqual([]);
  });
});
