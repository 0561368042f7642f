import { describe, expect, it } from "vitest";
import {
  diffLog,
  fillSlots,
  homeSlots,
  logLinesOf,
  moveWithin,
  parseFieldName,
  parseKstDay,
  placementsInForce,
  positionLabel,
  sectionSlots,
} from "../../src/frontpage/frontpage.ts";
import type { ArticleSummary } from "../../src/web/public/view-models.ts";

const photo = { src: "/m/x.jpg" } as unknown as ArticleSummary["leadImage"];
function story(id: number, sectionId: number, withPhoto = false): ArticleSummary {
  return {
    id,
    num: 1000 + id,
    title: `기사 ${id}`,
    subtitle: null,
    sectionId,
    publishedAt: 10_000 - id,
    updatedAt: null,
    viewCount: 0,
    excerpt: "",
    byline: null,
    leadImage: withPhoto ? photo : null,
    labels: [],
    sponsored: false,
  };
}

// newest first: ids 1..20; sections 1 (산업) and 2 (금융); every fourth has a photo
const all = Array.from({ length: 20 }, (_, i) => story(i + 1, i % 2 === 0 ? 1 : 2, (i + 1) % 4 === 0));
const published = new Map(all.map((a) => [a.id, a]));
const specs = homeSlots([
  { id: 1, slug: "industry", name: "산업", ids: [1] },
  { id: 2, slug: "finance", name: "금융", ids: [2] },
]);
const candidates = (spec: { sectionIds: readonly number[] | null }) =>
  all.filter((a) => !spec.sectionIds || spec.sectionIds.includes(a.sectionId));
const ids = (slots: ReturnType<typeof fillSlots>, key: string) =>
  slots.find((s) => s.spec.key === key)!.stories.map((s) => s.article.id);

describe("편집판 rules", () => {
  it("fills automatically, newest first, the top preferring a photo, each story once", () => {
    const slots = fillSlots(specs, [], published, candidates);
    expect(ids(slots, "top")).toEqual([4]);
    expect(ids(slots, "subtop")).toEqual([1, 2, 3, 5]);
    const every = slots.flatMap((s) => s.stories.map((x) => x.article.id));
    expect(new Set(every).size).toBe(every.length);
    // the photo strip takes only stories with photos not already shown
    for (const id of ids(slots, "photo")) expect(published.get(id)!.leadImage).not.toBeNull();
  });

  it("puts placements by hand first, whatever their slot order, and fills around them", () => {
    const slots = fillSlots(
      specs,
      [
        { slot: "subtop", position: 3, articleId: 1, until: null },
        { slot: "top", position: 1, articleId: 17, until: null },
        // the same story twice: only its first place counts
        { slot: "main", position: 1, articleId: 17, until: null },
        // not public any more: its place fills automatically
        { slot: "subtop", position: 1, articleId: 99, until: null },
      ],
      published,
      candidates,
    );
    expect(ids(slots, "top")).toEqual([17]);
    expect(ids(slots, "subtop")).toEqual([2, 3, 1, 4]);
    expect(slots.find((s) => s.spec.key === "top")!.stories[0]!.mode).toBe("manual");
    expect(ids(slots, "main")[0]).toBe(5);
  });

  it("drops a pin at its end time", () => {
    const pins = [
      { slot: "top", position: 1, articleId: 17, until: 500 },
      { slot: "subtop", position: 1, articleId: 16, until: null },
    ];
    expect(placementsInForce(pins, 499)).toHaveLength(2);
    expect(placementsInForce(pins, 500)).toEqual([pins[1]]);
  });

  it("refuses a photo-less story in the 포토 strip", () => {
    const slots = fillSlots(
      specs,
      [{ slot: "photo", position: 1, articleId: 1, until: null }],
      published,
      candidates,
    );
    expect(slots.find((s) => s.spec.key === "photo")!.stories.every((s) => s.mode === "auto")).toBe(true);
  });

  it("diffs the page with its open log lines: closes what left, opens what came, keeps the rest", () => {
    const before = logLinesOf(fillSlots(specs, [], published, candidates)).map((l, i) => ({ ...l, id: i }));
    const after = logLinesOf(
      fillSlots(specs, [{ slot: "top", position: 1, articleId: 20, until: null }], published, candidates),
    );
    const { close, add } = diffLog(before, after);
    expect(add.find((l) => l.slot === "top")).toMatchObject({
      articleId: 20,
      mode: "manual",
      slotLabel: "톱",
    });
    expect(close.find((l) => l.slot === "top")).toMatchObject({ articleId: 4 });
    expect(diffLog(before, logLinesOf(fillSlots(specs, [], published, candidates)))).toEqual({
      close: [],
      add: [],
    });
    // a changed headline is a new line: the log keeps the title as readers saw it
    const retitled = after.map((l) => (l.slot === "top" ? { ...l, title: "고친 제목" } : l));
    expect(
      diffLog(
        after.map((l, i) => ({ ...l, id: i })),
        retitled,
      ).add,
    ).toHaveLength(1);
  });

  it("names positions, parses the form's fields and days, moves rows", () => {
    expect(positionLabel(specs[0]!, 1)).toBe("톱");
    expect(positionLabel(specs[1]!, 2)).toBe("서브톱 2");
    expect(sectionSlots({ id: 1, slug: "industry", name: "산업", ids: [1, 3] }).map((s) => s.key)).toEqual([
      "top",
      "subtop",
      "photo",
    ]);
    expect(parseFieldName("s.block:12.3", "s")).toEqual({ slot: "block:12", position: 3 });
    expect(parseFieldName("u.top.1", "s")).toBeNull();
    expect(parseFieldName("s.evil.1", "s")).toBeNull();
    expect(parseKstDay("2026-03-20")).toBe(Date.parse("2026-03-20T00:00:00+09:00"));
    expect(parseKstDay("2026-02-30")).toBeNull();
    expect(moveWithin(["a", "b", "c"], 1, "up")).toEqual(["b", "a", "c"]);
    expect(moveWithin(["a", "b", "c"], 2, "down")).toEqual(["a", "b", "c"]);
  });
});
