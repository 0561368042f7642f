import { describe, expect, it } from "vitest";
import {
  buildNameDirectory,
  type DirectoryPerson,
  isMentionAt,
  linkMentions,
  spellingReport,
} from "../../src/people/name-matcher.ts";

// Fictional people, written for these tests.
const people: DirectoryPerson[] = [
  { id: 1, key: "han-doyun", name: "한도윤", aliases: [], organization: "가람전자", role: "대표" },
  { id: 2, key: "lee-young", name: "이영", aliases: [], organization: "누리은행", role: "행장" },
  {
    id: 3,
    key: "sam-ortman",
    name: "샘 오트먼",
    aliases: ["오트먼", "오트맨"],
    organization: "퓨처AI",
    contextWords: ["챗봇", "인공지능"],
  },
  // Namesakes: two 박서준s, told apart by their context.
  {
    id: 4,
    key: "park-seojun-bio",
    name: "박서준",
    aliases: [],
    organization: "한결바이오",
    contextWords: ["신약", "임상"],
  },
  {
    id: 5,
    key: "park-seojun-mp",
    name: "박서준",
    aliases: [],
    organization: "국회",
    role: "의원",
    contextWords: ["법안", "상임위"],
  },
  { id: 6, key: "jane-roe", name: "Jane Roe", aliases: ["Roe"], organization: "Orbit" },
];
const dir = buildNameDirectory(people);
const linked = (text: string, section?: string[]) =>
  linkMentions(dir, text, section ? { section } : {}).links.map((l) => [l.personId, l.spelling, l.start]);

describe("name matcher: particles and titles", () => {
  it("links a name followed by a particle, copula or ending", () => {
    for (const tail of [
      "은",
      "는",
      "이",
      "가",
      "을",
      "를",
      "의",
      "에게",
      "와",
      "과",
      "도",
      "만",
      "께서",
      "으로",
      "이다",
      "이라며",
    ]) {
      expect(linked(`어제 한도윤${tail} 말했다.`), tail).toEqual([[1, "한도윤", 3]]);
    }
  });

  it("links a name followed by a title, alone or with a particle", () => {
    expect(linked("한도윤 대표는 웃었다")).toEqual([[1, "한도윤", 0]]);
    expect(linked("한도윤대표가 왔다")).toEqual([[1, "한도윤", 0]]);
    expect(linked("한도윤 CEO와 만났다")).toEqual([[1, "한도윤", 0]]);
    expect(linked("한도윤장관은")).toEqual([[1, "한도윤", 0]]);
  });

  it("links a name followed by punctuation, a middle dot or the end of text", () => {
    expect(linked("(한도윤)")).toEqual([[1, "한도윤", 1]]);
    expect(linked("한도윤·이영 두 사람")).toEqual([
      [1, "한도윤", 0],
      [2, "이영", 4],
    ]);
    expect(linked("만난 사람은 이영, 한도윤")).toEqual([
      [2, "이영", 7],
      [1, "한도윤", 11],
    ]);
  });
});

describe("name matcher: word boundaries", () => {
  it("does not link a name inside a longer word", () => {
    expect(linked("이영자 씨가 출연했다")).toEqual([]);
    expect(linked("김이영 교수")).toEqual([]);
    expect(linked("한도윤석 씨")).toEqual([]);
  });

  it("checks both edges of the match", () => {
    expect(isMentionAt("이영자", 0, 2)).toBe(false);
    expect(isMentionAt("이영은", 0, 2)).toBe(true);
    expect(isMentionAt("A이영", 1, 3)).toBe(false);
  });

  it("respects Latin word boundaries", () => {
    expect(linked("Jane Roe said")).toEqual([[6, "Jane Roe", 0]]);
    expect(linked("Monroe said")).toEqual([]);
    expect(linked("Roe는 말했다")).toEqual([[6, "Roe", 0]]);
  });
});

describe("name matcher: aliases and first mentions", () => {
  it("prefers the full name over the alias inside it, and links only the first mention", () => {
    const r = linkMentions(dir, "샘 오트먼은 말했다. 오트먼은 또 오트맨이라며");
    expect(r.links).toEqual([{ personId: 3, start: 0, length: 5, spelling: "샘 오트먼" }]);
    expect(r.mentions.map((m) => m.spelling)).toEqual(["샘 오트먼", "오트먼", "오트맨"]);
  });

  it("links an alias when the full name is absent", () => {
    expect(linked("오트맨 CEO는")).toEqual([[3, "오트맨", 0]]);
  });
});

describe("name matcher: namesakes", () => {
  it("decides by context words near the mention", () => {
    expect(linked("박서준 대표는 신약 임상 결과를 발표했다")).toEqual([[4, "박서준", 0]]);
    expect(linked("박서준 의원은 법안을 발의했다")).toEqual([[5, "박서준", 0]]);
  });

  it("counts the organisation as context", () => {
    expect(linked("한결바이오의 박서준은")).toEqual([[4, "박서준", 7]]);
  });

  it("links nobody and reports the candidates when the context says nothing", () => {
    const r = linkMentions(dir, "박서준은 오늘 점심을 먹었다.");
    expect(r.links).toEqual([]);
    expect(r.ambiguous).toHaveLength(1);
    expect(r.ambiguous[0]?.spelling).toBe("박서준");
    expect(r.ambiguous[0]?.candidates.map((c) => c.personId).sort()).toEqual([4, 5]);
  });

  it("links nobody when the context fits both equally", () => {
    const r = linkMentions(dir, "박서준은 신약 법안에 대해 말했다.");
    expect(r.links).toEqual([]);
    expect(r.ambiguous).toHaveLength(1);
  });

  it("uses the article's section as a weak hint", () => {
    expect(linked("박서준이 왔다.", ["상임위"])).toEqual([[5, "박서준", 0]]);
  });
});

describe("spelling report", () => {
  it("counts known spellings and one-jamo near misses of a mentioned person", () => {
    const d = buildNameDirectory([
      { id: 9, key: "ortman", name: "올트먼", aliases: ["알트만"] },
      { id: 10, key: "other", name: "김하늘", aliases: [] },
    ]);
    const text = "올트먼은 말했다. 울트먼이 답했다. 알트만이라며 알트만과 울트먼의 올트먼 김하늘 김하눌은";
    const [r, other] = spellingReport(d, text);
    expect(r?.personId).toBe(9);
    expect([...(r?.variants ?? [])]).toEqual([
      ["올트먼", 2],
      ["울트먼", 2],
      ["알트만", 2],
    ]);
    expect([...(other?.variants ?? [])]).toEqual([
      ["김하늘", 1],
      ["김하눌", 1],
    ]);
  });
});
