import { describe, expect, it } from "vitest";
import { COMMON_WORD_NAMES, COMMON_WORD_NAMES_SOURCE } from "../../src/people/common-words.data.ts";
import {
  buildNameDirectory,
  type DirectoryPerson,
  linkMentions,
  peopleForSpelling,
  spellingKey,
  withCorpusGuard,
} from "../../src/people/name-matcher.ts";
import { bodyLinkableText, insertPersonLinks, replaceTextRanges } from "../../src/people/person-links.ts";
import { EVAL_PEOPLE, EVAL_STORIES, parseStory, scoreSplit } from "../fixtures/people-eval.ts";

// Issue 19. People are made up, except the novelist 한강 and 일론 머스크 (public roles only).
const people: DirectoryPerson[] = [
  {
    id: 1,
    key: "han-kang",
    name: "한강",
    aliases: [],
    role: "소설가",
    contextWords: ["소설", "장편", "문학"],
  },
  { id: 2, key: "yi-sang", name: "이상", aliases: [], role: "시인", contextWords: ["오감도", "날개"] },
  {
    id: 3,
    key: "kim-hangyeol",
    name: "김한결",
    aliases: ["한결"],
    role: "골프 선수",
    contextWords: ["골프", "투어"],
  },
  {
    id: 4,
    key: "kim-auto",
    name: "김철수",
    aliases: [],
    role: "사장",
    organization: "새솔자동차",
    contextWords: ["전기차", "판매"],
  },
  {
    id: 5,
    key: "kim-mp",
    name: "김철수",
    aliases: [],
    role: "의원",
    organization: "한국미래당",
    contextWords: ["국회", "법안"],
  },
  {
    id: 6,
    key: "musk",
    name: "일론 머스크",
    aliases: ["Elon Musk", "Musk"],
    organization: "테슬라",
    contextWords: ["로켓"],
  },
  { id: 7, key: "will-ferro", name: "윌 페로", aliases: ["Will Ferro", "Will"], role: "감독" },
  { id: 8, key: "han-doyun", name: "한도윤", aliases: [], role: "장관" },
  { id: 9, key: "singer", name: "하늘", aliases: [], role: "가수", contextWords: ["앨범", "콘서트"] },
  { id: 10, key: "painter", name: "하늘", aliases: [], role: "화가", contextWords: ["전시", "개인전"] },
];
const dir = buildNameDirectory(people);
const links = (text: string) => linkMentions(dir, text).links.map((l) => [l.personId, l.spelling, l.start]);

describe("the common-word list", () => {
  it("is data with a stated source, and holds the words named in the issue", () => {
    expect(COMMON_WORD_NAMES_SOURCE).toMatch(/손으로 고른/);
    for (const w of ["한강", "이상", "하늘", "나라", "정의", "사랑", "한결", "이슬"]) {
      expect(COMMON_WORD_NAMES).toContain(w);
    }
  });

  it("has no duplicates, and every entry is stored as its key (NFC, lower-case Latin, no spaces)", () => {
    expect(new Set(COMMON_WORD_NAMES).size).toBe(COMMON_WORD_NAMES.length);
    for (const w of COMMON_WORD_NAMES) {
      expect(spellingKey(w), w).toBe(w);
      expect(w).not.toMatch(/\s/);
      expect([...w].length, w).toBeGreaterThanOrEqual(2);
    }
  });

  it("marks the spellings of people that are on it, and only those", () => {
    expect(dir.guards.get(1)).toEqual([{ spelling: "한강", kind: "dictionary" }]);
    expect(dir.guards.get(3)).toEqual([{ spelling: "한결", kind: "dictionary" }]);
    expect(dir.guards.get(7)).toEqual([{ spelling: "Will", kind: "dictionary" }]);
    expect(dir.guards.has(4)).toBe(false);
    expect(dir.guards.has(8)).toBe(false);
  });
});

describe("names that are also words: linked only with evidence", () => {
  it("does not link the river or the weather", () => {
    expect(
      links("장마가 끝나자 한강 공원에 시민들이 몰렸다. 서울시는 한강 다리 아래 산책로를 열었다."),
    ).toEqual([]);
    expect(links("올여름 이상 기후로 낮 기온이 35도 이상 오른 날이 많았다.")).toEqual([]);
    expect(links("분위기가 한결 밝아졌다.")).toEqual([]);
  });

  it("links with an occupation before the name or a person noun after it", () => {
    expect(links("소설가 한강의 새 책이 나왔다.")).toEqual([[1, "한강", 4]]);
    expect(links("한강 작가는 웃었다.")).toEqual([[1, "한강", 0]]);
    expect(links("한강 씨는 낭독회에서 말했다.")).toEqual([[1, "한강", 0]]);
    expect(links("시인 이상의 묘소를 찾았다.")).toEqual([[2, "이상", 3]]);
  });

  it("does not take a rank before a word for an occupation before a name", () => {
    expect(links("부장 이상의 간부만 참석했다.")).toEqual([]);
  });

  it("does not take a noun after an amount and a word-name for a title (10명 이상 선수가)", () => {
    expect(links("10명 이상 선수가 다쳤다.")).toEqual([]);
    expect(links("참석자 절반 이상 교수였다.")).toEqual([]);
    expect(links("그날 이상 시인이 왔다.")).toEqual([[2, "이상", 3]]);
  });

  it("reads 이상 after another occupation as 'more than', but after the poet's own role as the poet", () => {
    expect(links("그는 선수 이상의 존재였다.")).toEqual([]);
    expect(links("기존 모델 이상의 성능을 냈다.")).toEqual([]);
    expect(links("시인 이상의 시를 읽었다.")).toEqual([[2, "이상", 3]]);
  });

  it("does not take a title that is also an everyday noun for evidence (한강 시장, 이상 주장)", () => {
    expect(links("한강 시장에 노점이 늘었다.")).toEqual([]);
    expect(links("근거 없는 이상 주장이 퍼졌다.")).toEqual([]);
  });

  it("links with a context word in the sentence or within 80 characters, not farther", () => {
    expect(links("한강의 장편은 기억을 다룬다.")).toEqual([[1, "한강", 0]]);
    expect(links("‘한강’ 신드롬이 분다. 서점가에서 소설이 팔린다.")).toEqual([[1, "한강", 1]]);
    const far = `한강 공원은 붐볐다.${" 산책로는 길었다.".repeat(12)} 서점에는 소설이 쌓였다.`;
    expect(links(far)).toEqual([]);
  });

  it("counts an alias that is a word as the person when the full name is elsewhere in the story", () => {
    const r = linkMentions(dir, "한결은 웃었다. 김한결이 말했다.");
    expect(r.mentions.map((m) => [m.personId, m.spelling])).toEqual([
      [3, "한결"],
      [3, "김한결"],
    ]);
    // The link goes to the full name, which shows the person more plainly than the word.
    expect(r.links.map((l) => [l.personId, l.spelling, l.start])).toEqual([[3, "김한결", 9]]);
    expect(links("한결은 웃었다.")).toEqual([]);
  });

  it("puts the link where the story shows the person, not at an earlier use of the word", () => {
    expect(links("한강 공원을 걷던 한강 작가는 새 장편을 구상했다.")).toEqual([[1, "한강", 10]]);
  });

  it("asks the editor about a word-name without evidence when the story hints at the person", () => {
    const far = `한강의 신작이 나왔다.${" 서점가가 붐볐다.".repeat(10)} 올해 나온 소설 가운데 가장 많이 팔렸다.`;
    const r = linkMentions(dir, far);
    expect(r.links).toEqual([]);
    expect(r.ambiguous).toEqual([
      { start: 0, length: 2, spelling: "한강", candidates: [{ personId: 1, score: 0 }], reason: "word" },
    ]);
    // No hint at all: the word is just a word, and nobody is asked.
    expect(linkMentions(dir, "한강 다리 아래 산책로가 열렸다.").ambiguous).toEqual([]);
  });

  it("tells namesakes that are also words apart by what stands next to each", () => {
    expect(links("가수 하늘이 화가 하늘의 개인전을 찾았다.")).toEqual([
      [9, "하늘", 3],
      [10, "하늘", 10],
    ]);
    expect(links("맑은 하늘 아래 축제가 열렸다.")).toEqual([]);
  });
});

describe("the corpus check at directory time", () => {
  const base = buildNameDirectory(
    [
      { id: 1, key: "daon", name: "다온", aliases: [], role: "가수", contextWords: ["앨범"] },
      { id: 2, key: "seoyun", name: "서윤", aliases: [], role: "배우", contextWords: ["드라마"] },
      { id: 3, key: "minseo", name: "김민서", aliases: [], contextWords: ["은행"] },
    ],
    { commonWords: [] },
  );

  it("guards a short name the paper mostly uses without the person's evidence", () => {
    const corpus = [
      "다온 마을 축제가 열렸다.",
      "다온 복지관이 문을 열었다.",
      "다온 공원 산책로가 넓어졌다.",
      "가수 다온이 새 앨범을 냈다.",
      "서윤은 드라마 촬영을 마쳤다.",
      "배우 서윤이 시상식에 섰다.",
      "서윤 씨는 연극 무대에 선다.",
      "김민서 씨가 말했다. 김민서는 웃었다. 김민서가 떠났다.",
      "김민서 씨가 왔다.",
      "김민서 씨가 갔다.",
    ];
    const guarded = withCorpusGuard(base, corpus);
    expect(guarded.guards.get(1)).toEqual([
      { spelling: "다온", kind: "corpus", articles: 4, withEvidence: 1 },
    ]);
    // Mostly with evidence: not a word.
    expect(guarded.guards.has(2)).toBe(false);
    // Three syllables: too long to be checked this way.
    expect(guarded.guards.has(3)).toBe(false);
    expect(linkMentions(guarded, "다온 마을 이장이 말했다.").links).toEqual([]);
    expect(linkMentions(guarded, "다온의 새 앨범이 나왔다.").links).toHaveLength(1);
    // The directory the check started from is left as it was.
    expect(linkMentions(base, "다온 마을 이장이 말했다.").links).toHaveLength(1);
  });

  it("needs a few stories before calling a name a word", () => {
    const guarded = withCorpusGuard(base, ["다온 마을 축제가 열렸다.", "다온 복지관이 열렸다."]);
    expect(guarded.guards.has(1)).toBe(false);
  });
});

describe("per-mention decisions for namesakes", () => {
  it("gives each of two namesakes in one story their own link", () => {
    expect(
      links(
        "새솔자동차 김철수 사장은 전기차 판매를 늘렸다. 같은 날 한국미래당 김철수 의원은 국회에서 법안을 냈다.",
      ),
    ).toEqual([
      [4, "김철수", 6],
      [5, "김철수", 38],
    ]);
  });

  it("tells them apart inside one sentence by the words right next to each", () => {
    expect(links("새솔자동차 김철수 사장과 한국미래당 김철수 의원이 만났다.")).toEqual([
      [4, "김철수", 6],
      [5, "김철수", 20],
    ]);
  });

  it("asks the editor only about namesakes it could not place", () => {
    // The later bare mention is the one named in the story.
    const one = linkMentions(dir, "새솔자동차 김철수 사장이 왔다. 김철수는 점심을 먹었다.");
    expect(one.mentions.map((m) => m.personId)).toEqual([4, 4]);
    expect(one.ambiguous).toEqual([]);
    // Both are named and linked: a later bare mention between them is not worth a question.
    const both = linkMentions(
      dir,
      "새솔자동차 김철수 사장과 한국미래당 김철수 의원이 만났다. 김철수는 점심을 먹었다.",
    );
    expect(both.links.map((l) => l.personId)).toEqual([4, 5]);
    expect(both.ambiguous).toEqual([]);
    const none = linkMentions(dir, "김철수는 점심을 먹었다.");
    expect(none.links).toEqual([]);
    expect(none.ambiguous.map((a) => [a.reason, a.candidates.map((c) => c.personId)])).toEqual([
      ["namesakes", [4, 5]],
    ]);
  });

  it("lets '김 사장' and '김 의원' follow the person they refer to, without linking them", () => {
    const text =
      "새솔자동차 김철수 사장과 한국미래당 김철수 의원이 만났다. 김 사장은 전기차를, 김 의원은 법안을 말했다.";
    const r = linkMentions(dir, text);
    expect(r.links).toHaveLength(2);
    expect(r.references.map((x) => [x.personId, x.spelling])).toEqual([
      [4, "김 사장"],
      [5, "김 의원"],
    ]);
    for (const ref of r.references) expect(r.links.some((l) => l.start === ref.start)).toBe(false);
    // Nobody named before: no reference.
    expect(linkMentions(dir, "김 사장은 말했다. 새솔자동차 김철수 사장이 왔다.").references).toEqual([]);
    // A title that is not the earlier person's: someone else.
    expect(linkMentions(dir, "한도윤 장관이 왔다. 한 사장은 자리를 떴다.").references).toEqual([]);
  });
});

describe("Latin names", () => {
  it("match whatever the letter case, keeping the text's own spelling", () => {
    expect(links("ELON MUSK와 만났다")).toEqual([[6, "ELON MUSK", 0]]);
    expect(links("누리꾼은 'elon musk'를 찾았다")).toEqual([[6, "elon musk", 6]]);
    expect(peopleForSpelling(dir, "eLoN mUsK")).toEqual([6]);
  });

  it("match only whole words", () => {
    expect(links("an old musket and a muskrat")).toEqual([]);
    expect(links("Critics said musk's plan was vague")).toEqual([[6, "musk", 13]]);
  });

  it("guard an English word used as a name", () => {
    expect(links("We will see.")).toEqual([]);
    expect(links("Will Ferro directed it.")).toEqual([[7, "Will Ferro", 0]]);
    expect(links("감독 Will은 말했다.")).toEqual([[7, "Will", 3]]);
  });
});

describe("names across inline markup", () => {
  const html = "<p><strong>한도</strong>윤 장관은 말했다. &lt;주의&gt;</p>";

  it("finds the name in the body's linkable text", () => {
    const text = bodyLinkableText(html);
    expect(linkMentions(dir, text).links).toEqual([{ personId: 8, start: 1, length: 3, spelling: "한도윤" }]);
  });

  it("wraps the markup inside one link, and keeps the rest escaped", () => {
    expect(
      insertPersonLinks(html, [{ start: 1, length: 3, spelling: "한도윤", href: "/people/han-doyun" }]),
    ).toBe(
      '<p><a class="person-link" href="/people/han-doyun"><strong>한도</strong>윤</a> 장관은 말했다. &lt;주의&gt;</p>',
    );
    expect(
      insertPersonLinks("<p>한<em>도윤</em>은</p>", [
        { start: 1, length: 3, spelling: "한도윤", href: "/p/x" },
      ]),
    ).toBe('<p><a class="person-link" href="/p/x">한<em>도윤</em></a>은</p>');
  });

  it("links each share on its own when the markup does not pair up inside the name", () => {
    const out = insertPersonLinks("<p><b>한<i>도</b>윤</i></p>", [
      { start: 1, length: 3, spelling: "한도윤", href: "/p/x" },
    ]);
    expect(out).toBe(
      '<p><b><a class="person-link" href="/p/x">한</a><i><a class="person-link" href="/p/x">도</a></b><a class="person-link" href="/p/x">윤</a></i></p>',
    );
  });

  it("replaces a spelling across markup (표기 통일)", () => {
    expect(
      replaceTextRanges(html, [{ start: 1, length: 3, spelling: "한도윤", replacement: "한도연" }]),
    ).toBe("<p>한도연 장관은 말했다. &lt;주의&gt;</p>");
  });
});

describe("the labelled set", () => {
  const evalDir = buildNameDirectory(EVAL_PEOPLE);

  it("has at least 60 stories, every class in both splits, and marks that match the text", () => {
    expect(EVAL_STORIES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(EVAL_STORIES.map((s) => s.id)).size).toBe(EVAL_STORIES.length);
    for (const split of ["dev", "heldout"] as const) {
      const kinds = new Set(EVAL_STORIES.filter((s) => s.split === split).map((s) => s.kind));
      expect([...kinds].sort()).toEqual(["alias", "latin", "namesakes", "quotes", "title", "word"]);
    }
    for (const s of EVAL_STORIES) {
      const p = parseStory(s);
      expect(p.text).not.toContain("[[");
      for (const m of p.marks) {
        if (m.key) expect(evalDir.people.size && EVAL_PEOPLE.some((x) => x.key === m.key), m.key).toBe(true);
      }
    }
  });

  it("meets precision ≥ 0.97 and recall ≥ 0.95 on the held-out split (and prints both splits)", () => {
    const dev = scoreSplit(evalDir, "dev");
    const heldout = scoreSplit(evalDir, "heldout");
    for (const [name, s] of [
      ["dev", dev],
      ["held-out", heldout],
    ] as const) {
      console.log(
        `person links, ${name}: ${s.stories} stories, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})${s.errors.length ? `\n  ${s.errors.join("\n  ")}` : ""}`,
      );
    }
    expect(heldout.precision).toBeGreaterThanOrEqual(0.97);
    expect(heldout.recall).toBeGreaterThanOrEqual(0.95);
  });
});
