import { describe, expect, it } from "vitest";
import { BulkForm, ListQuery, listHref } from "../../src/articles/article-list.ts";
import { isLockFresh, LOCK_LIFETIME_MS, lockMessage } from "../../src/articles/edit-lock.ts";
import { normaliseLinkUrl, ProfileForm, parseLinks } from "../../src/staff/profile.ts";

describe("the lock's wording and lifetime", () => {
  it("names the holder with the particle their last word takes", () => {
    expect(lockMessage({ name: "김대철", jobTitle: null })).toBe("김대철 기자가 편집 중입니다");
    expect(lockMessage({ name: "김대철", jobTitle: "편집국장" })).toBe("김대철 편집국장이 편집 중입니다");
    expect(lockMessage({ name: "이하은", jobTitle: "  " })).toBe("이하은 기자가 편집 중입니다");
    expect(lockMessage({ name: "박서준", jobTitle: "데스크" })).toBe("박서준 데스크가 편집 중입니다");
  });
  it("holds until the heartbeat is older than its lifetime", () => {
    expect(isLockFresh({ heartbeatAt: 1000 }, 1000 + LOCK_LIFETIME_MS - 1)).toBe(true);
    expect(isLockFresh({ heartbeatAt: 1000 }, 1000 + LOCK_LIFETIME_MS)).toBe(false);
  });
});

describe("profile links", () => {
  it("keeps web addresses and e-mail, refuses every other scheme", () => {
    expect(normaliseLinkUrl("https://x.com/parksj")).toBe("https://x.com/parksj");
    expect(normaliseLinkUrl(" tips@test.example.kr ")).toBe("mailto:tips@test.example.kr");
    expect(normaliseLinkUrl("mailto:tips@test.example.kr")).toBe("mailto:tips@test.example.kr");
    for (const bad of [
      "javascript:alert(1)",
      "ftp://a.example.kr",
      "data:text/html,x",
      "https://localhost",
      "x",
      "",
    ]) {
      expect(normaliseLinkUrl(bad), bad).toBeNull();
    }
  });
  it("reads stored links defensively", () => {
    expect(
      parseLinks('[{"label":"X","url":"javascript:alert(1)"},{"label":"Y","url":"https://y.example.kr/"}]'),
    ).toEqual([{ label: "Y", url: "https://y.example.kr/" }]);
    expect(parseLinks("not json")).toEqual([]);
    expect(parseLinks(null)).toEqual([]);
  });
  it("turns the form into a profile, empty pairs skipped", () => {
    const p = ProfileForm.parse({
      photo: "#12",
      jobTitle: " 선임기자 ",
      bio: "",
      linkLabel2: "X",
      linkUrl2: "https://x.com/a",
    });
    expect(p).toEqual({
      photoMediaId: 12,
      jobTitle: "선임기자",
      bio: null,
      links: [{ label: "X", url: "https://x.com/a" }],
    });
  });
});

describe("the list's query and bulk form", () => {
  it("reads an empty query as everything, newest first, 50 a page", () => {
    expect(ListQuery.parse({})).toMatchObject({
      q: "",
      status: null,
      sort: "newest",
      size: 50,
      page: 1,
      label: null,
    });
    expect(ListQuery.parse({ status: "all", q: "  반도체 " })).toMatchObject({ status: null, q: "반도체" });
  });
  it("takes one id or many, at most 100", () => {
    expect(BulkForm.parse({ ids: "3", action: "unpublish" }).ids).toEqual([3]);
    expect(BulkForm.parse({ ids: ["3", "4"], action: "unpublish" }).ids).toEqual([3, 4]);
    expect(
      BulkForm.safeParse({ ids: Array.from({ length: 101 }, (_, i) => String(i + 1)), action: "unpublish" })
        .success,
    ).toBe(false);
  });
  it("builds list links with only the set parameters", () => {
    expect(listHref({ q: "반도체", status: "", page: 2 })).toBe(
      "/newsroom/articles?q=%EB%B0%98%EB%8F%84%EC%B2%B4&page=2",
    );
    expect(listHref({})).toBe("/newsroom/articles");
  });
});
