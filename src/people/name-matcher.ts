import { disassemble } from "es-hangul";
import { COMMON_WORD_NAMES } from "./common-words.data.ts";

/**
 * Finding people's names in article text (issue 4). Pure: no database, no clock.
 *
 * A `NameDirectory` is an Aho–Corasick automaton over every person's name and aliases, built once per
 * version of the directory and then reused for every article. `linkMentions` scans a text in one pass,
 * keeps only matches that stand as words in Korean (see `isWordEnd`), resolves namesakes from context
 * and returns the first mention of each person.
 */

/** A person as the matcher needs them. */
export interface DirectoryPerson {
  id: number;
  key: string;
  name: string;
  aliases: readonly string[];
  role?: string | null;
  organization?: string | null;
  /** words that tend to appear near this person: company, beat, country, section … */
  contextWords?: readonly string[];
}

export interface Mention {
  personId: number;
  start: number;
  length: number;
  spelling: string;
}

export interface Candidate {
  personId: number;
  score: number;
}

export interface AmbiguousMention {
  start: number;
  length: number;
  spelling: string;
  /** best first */
  candidates: Candidate[];
  /** namesakes the context did not tell apart, or a name that is also a word, used without evidence */
  reason: "namesakes" | "word";
}

export interface LinkResult {
  /** the first mention of each person, in text order */
  links: Mention[];
  /** every mention attributed to a person (for spelling counts), in text order */
  mentions: Mention[];
  /** spellings shared by namesakes where the context did not decide; the first occurrence of each */
  ambiguous: AmbiguousMention[];
  /** "김 사장" / "김 의원" referring back to a person named earlier; never links */
  references: Reference[];
}

export interface LinkOptions {
  /** the article's section name (and/or slug): counts like a context word found in the article */
  section?: readonly string[];
  /** characters either side of a mention that count as "near" */
  window?: number;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** patterns ending here (their own and those reached through fail links), as pattern ids */
  out: number[];
}

/**
 * Particles, copulas, endings and titles that may follow a name inside the same written word.
 * A name followed by anything else is part of a longer word (이영 in 이영자) and is not a mention.
 */
const SUFFIXES = [
  // particles
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "의",
  "에",
  "에게",
  "에게서",
  "에서",
  "한테",
  "와",
  "과",
  "도",
  "만",
  "께서",
  "께",
  "으로",
  "로",
  "으로서",
  "로서",
  "으로부터",
  "로부터",
  "부터",
  "까지",
  "처럼",
  "보다",
  "이나",
  "나",
  "이랑",
  "랑",
  "하고",
  "마저",
  "조차",
  "뿐",
  "밖에",
  "야",
  "아",
  "여",
  "이여",
  // copula and common endings after a name
  "이다",
  "다",
  "이며",
  "며",
  "이고",
  "고",
  "이라며",
  "라며",
  "이라고",
  "라고",
  "이라는",
  "라는",
  "이라",
  "라",
  "이었다",
  "였다",
  "이었던",
  "였던",
  "이던",
  "던",
  "이지만",
  "지만",
  "인",
  "이냐",
  "씨",
  "측",
  "등",
  "쪽",
  "님",
  "군",
  "양",
  "들",
  // titles
  "장관",
  "차관",
  "대표",
  "회장",
  "부회장",
  "사장",
  "부사장",
  "의원",
  "대통령",
  "총리",
  "위원장",
  "위원",
  "원장",
  "청장",
  "처장",
  "이사",
  "이사장",
  "전무",
  "상무",
  "본부장",
  "실장",
  "팀장",
  "국장",
  "부장",
  "교수",
  "박사",
  "감독",
  "선수",
  "시장",
  "지사",
  "도지사",
  "총장",
  "대변인",
  "후보",
  "변호사",
  "기자",
  "창업자",
  "창업주",
  "의장",
  "고문",
  "회장직",
  "대표이사",
  "ceo",
  "cto",
  "cfo",
  "coo",
];
const SUFFIX_SET = new Set(SUFFIXES);
const MAX_SUFFIX = Math.max(...SUFFIXES.map((s) => s.length));

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && (HANGUL_SYLLABLE.test(ch) || WORD_CHAR.test(ch));
}

/** The rest of the written word that starts at `from` (letters and digits, up to 24 characters). */
function wordRest(text: string, from: number): string {
  let end = from;
  while (end < text.length && end - from < 24 && isWordChar(text[end])) end++;
  return text.slice(from, end);
}

/** True if `rest` is nothing, or splits wholly into allowed suffixes (장관 + 은, 이라며 …). */
export function isAllowedSuffix(rest: string): boolean {
  const s = rest.toLowerCase();
  if (s === "") return true;
  const ok: boolean[] = new Array(s.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < s.length; i++) {
    if (!ok[i]) continue;
    for (let len = 1; len <= MAX_SUFFIX && i + len <= s.length; len++) {
      if (SUFFIX_SET.has(s.slice(i, i + len))) ok[i + len] = true;
    }
  }
  return ok[s.length] === true;
}

/** A match [start, end) is a mention if it starts a word and what follows is a suffix or a break. */
export function isMentionAt(text: string, start: number, end: number): boolean {
  if (start > 0 && isWordChar(text[start - 1])) return false;
  if (end >= text.length || !isWordChar(text[end])) return true;
  const rest = wordRest(text, end);
  // A word longer than any name+suffix run is something else.
  if (rest.length >= 24) return false;
  return isAllowedSuffix(rest);
}

/**
 * Words for people that show a name is used as a name when they stand right before or after it
 * (소설가 한강, 한강 작가, 한강 씨). The titles allowed inside the name's word are among them.
 */
const PERSON_NOUNS = [
  ...SUFFIXES.slice(SUFFIXES.indexOf("장관")),
  "씨",
  "님",
  "작가",
  "소설가",
  "시인",
  "화가",
  "가수",
  "배우",
  "선생",
  "선생님",
  "평론가",
  "번역가",
  "작곡가",
  "연출가",
  "감독",
  "코치",
  "주장",
  "기자",
  "앵커",
  "아나운서",
  "연구원",
  "연구위원",
  "전문가",
  "교사",
];
/**
 * Titles that are also everyday nouns (시장 market, 지사 branch, 이사 moving, 고문 torture, 주장 claim,
 * 연구원 institute): after a name that is also a word they prove nothing ("정의 주장", "한강 시장").
 */
const TITLES_THAT_ARE_WORDS = new Set(["시장", "지사", "이사", "고문", "주장", "연구원"]);
const PERSON_NOUN_SET = new Set(
  PERSON_NOUNS.map((w) => w.toLowerCase()).filter((w) => !TITLES_THAT_ARE_WORDS.has(w)),
);

/** Words that follow a noun to mean "more than", "after", "about" … (선수 이상, 회의 이후). */
const RELATIONAL_WORDS = new Set(["이상", "이하", "이내", "이외", "이후", "이전", "정도", "수준", "다음"]);

/**
 * Occupations written before a name (소설가 한강, 시인 이상). Ranks are not among them: in Korean they
 * follow the name (한도윤 장관), and before a word they mean something else (사장 이상의 권한).
 */
const OCCUPATIONS_BEFORE = new Set([
  "작가",
  "소설가",
  "시인",
  "화가",
  "가수",
  "배우",
  "감독",
  "선수",
  "평론가",
  "번역가",
  "작곡가",
  "연출가",
  "코치",
  "기자",
  "앵커",
  "아나운서",
  "방송인",
  "개그맨",
  "코미디언",
  "모델",
  "디자이너",
  "건축가",
  "사진가",
  "무용가",
  "피아니스트",
  "바이올리니스트",
  "지휘자",
  "래퍼",
  "유튜버",
  "writer",
  "novelist",
  "poet",
  "singer",
  "actor",
  "actress",
]);

/** Why a spelling of a person needs evidence before it is linked. */
export type GuardReason =
  | { spelling: string; kind: "dictionary" }
  | {
      spelling: string;
      kind: "corpus";
      /** sampled stories where the spelling stands as a word */
      articles: number;
      /** of those, stories where some mention had this person's evidence */
      withEvidence: number;
    };

/** The automaton and the people behind each spelling. Build with `buildNameDirectory`. */
export interface NameDirectory {
  readonly people: ReadonlyMap<number, DirectoryPerson>;
  /** folded spelling (see `spellingKey`) -> people who go by it (several for namesakes) */
  readonly bySpelling: ReadonlyMap<string, readonly number[]>;
  /** folded spellings, by pattern id */
  readonly patterns: readonly string[];
  readonly nodes: readonly Node[];
  /** each person's context words (their own, organisation, role words), deduplicated */
  readonly context: ReadonlyMap<number, readonly string[]>;
  /** spellings that are also ordinary words: linked only with evidence, with the reason */
  readonly guards: ReadonlyMap<number, readonly GuardReason[]>;
  /** `${personId}:${spelling key}` for every guarded spelling, for the linker */
  readonly guarded: ReadonlySet<string>;
}

export interface DirectoryOptions {
  /** words that are also names (defaults to `COMMON_WORD_NAMES`) */
  commonWords?: readonly string[];
}

/** Normalises a spelling for the automaton: NFC, single spaces. */
function norm(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

// Case folding that keeps UTF-16 length, so offsets in folded text are offsets in the original.
const FOLD_LIMIT = 0x530; // Latin, Greek, Cyrillic
const FOLD = new Uint16Array(FOLD_LIMIT);
for (let c = 0; c < FOLD_LIMIT; c++) {
  const lower = String.fromCharCode(c).toLowerCase();
  FOLD[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}
function foldCode(c: number): number {
  return c < FOLD_LIMIT ? (FOLD[c] as number) : c;
}
const NEEDS_FOLD = /[\u0041-\u005a\u00c0-\u052f]/;
function fold(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

/** The key a spelling is stored under: NFC, single spaces, Latin letters case-folded. */
export function spellingKey(s: string): string {
  return fold(norm(s));
}

/** The people who go by a spelling as written in a text (any letter case). */
export function peopleForSpelling(dir: NameDirectory, spelling: string): readonly number[] {
  return dir.bySpelling.get(spellingKey(spelling)) ?? [];
}

/** Builds the automaton over every name and alias. O(total length of all spellings). */
export function buildNameDirectory(
  people: readonly DirectoryPerson[],
  options: DirectoryOptions = {},
): NameDirectory {
  const byId = new Map<number, DirectoryPerson>();
  const bySpelling = new Map<string, number[]>();
  for (const p of people) {
    byId.set(p.id, p);
    for (const raw of [p.name, ...p.aliases]) {
      const s = spellingKey(raw);
      // One-character spellings would match everywhere; they are not linked.
      if ([...s].length < 2) continue;
      const ids = bySpelling.get(s);
      if (!ids) bySpelling.set(s, [p.id]);
      else if (!ids.includes(p.id)) ids.push(p.id);
    }
  }
  const patterns = [...bySpelling.keys()];
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  patterns.forEach((pattern, pid) => {
    let cur = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let nxt = nodes[cur]?.next.get(c);
      if (nxt === undefined) {
        nxt = nodes.length;
        nodes.push({ next: new Map(), fail: 0, out: [] });
        nodes[cur]?.next.set(c, nxt);
      }
      cur = nxt;
    }
    nodes[cur]?.out.push(pid);
  });
  // Breadth-first: fail links, and outputs merged along them.
  const queue: number[] = [];
  for (const child of nodes[0]?.next.values() ?? []) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi] as number;
    const node = nodes[u] as Node;
    for (const [c, v] of node.next) {
      let f = node.fail;
      while (f !== 0 && !nodes[f]?.next.has(c)) f = (nodes[f] as Node).fail;
      const target = nodes[f]?.next.get(c);
      const fv = target !== undefined && target !== v ? target : 0;
      const child = nodes[v] as Node;
      child.fail = fv;
      const inherited = (nodes[fv] as Node).out;
      if (inherited.length) child.out = child.out.concat(inherited);
      queue.push(v);
    }
  }
  const context = new Map<number, readonly string[]>();
  for (const p of people) context.set(p.id, [...new Set(contextOf(p))]);
  const common = new Set((options.commonWords ?? COMMON_WORD_NAMES).map(spellingKey));
  const guards = new Map<number, GuardReason[]>();
  for (const p of people) {
    for (const raw of new Set([p.name, ...p.aliases].map(norm))) {
      if (common.has(spellingKey(raw))) addGuard(guards, p.id, { spelling: raw, kind: "dictionary" });
    }
  }
  return { people: byId, bySpelling, patterns, nodes, context, guards, guarded: guardedSet(guards) };
}

function addGuard(guards: Map<number, GuardReason[]>, personId: number, reason: GuardReason): void {
  const list = guards.get(personId);
  if (!list) guards.set(personId, [reason]);
  else if (!list.some((g) => spellingKey(g.spelling) === spellingKey(reason.spelling))) list.push(reason);
}

function guardedSet(guards: ReadonlyMap<number, readonly GuardReason[]>): Set<string> {
  const set = new Set<string>();
  for (const [id, reasons] of guards) for (const g of reasons) set.add(`${id}:${spellingKey(g.spelling)}`);
  return set;
}

interface RawMatch {
  start: number;
  end: number;
  /** as written in the text */
  spelling: string;
  /** the directory's key for it (`spellingKey`) */
  key: string;
}

/** Every word-bounded occurrence of a known spelling; overlaps resolved longest-first, then leftmost. */
export function findSpellings(dir: NameDirectory, text: string): RawMatch[] {
  const { nodes, patterns } = dir;
  const found: RawMatch[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = foldCode(text.charCodeAt(i));
    let node = nodes[state] as Node;
    while (state !== 0 && !node.next.has(c)) {
      state = node.fail;
      node = nodes[state] as Node;
    }
    state = node.next.get(c) ?? 0;
    const out = (nodes[state] as Node).out;
    for (const pid of out) {
      const key = patterns[pid] as string;
      const start = i + 1 - key.length;
      if (isMentionAt(text, start, i + 1)) {
        found.push({ start, end: i + 1, key, spelling: text.slice(start, i + 1) });
      }
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Greedy by length: a full name (샘 올트먼) wins over the alias inside it (올트먼).
  const byLength = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: RawMatch[] = [];
  for (const m of byLength) {
    if (taken.every((t) => m.end <= t.start || m.start >= t.end)) taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The words that speak for a person: their context words, organisation and role. */
function contextOf(p: DirectoryPerson): string[] {
  const words = [...(p.contextWords ?? [])];
  if (p.organization) words.push(p.organization);
  if (p.role) words.push(...p.role.split(/\s+/));
  return words.map((w) => w.trim()).filter((w) => [...w].length >= 2);
}

const SENTENCE_END = /[.!?。…\n]/;
const SENTENCE_REACH = 300;

/** [from, to) of the sentence holding [start, end): up to a full stop, ?, ! or line break. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const floor = Math.max(0, start - SENTENCE_REACH);
  while (from > floor) {
    const ch = text[from - 1] as string;
    // A full stop between digits (3.5%) ends no sentence.
    if (
      SENTENCE_END.test(ch) &&
      !(ch === "." && /\d/.test(text[from - 2] ?? "") && /\d/.test(text[from] ?? ""))
    )
      break;
    from--;
  }
  let to = end;
  const ceil = Math.min(text.length, end + SENTENCE_REACH);
  while (to < ceil) {
    const ch = text[to] as string;
    if (
      SENTENCE_END.test(ch) &&
      !(ch === "." && /\d/.test(text[to - 1] ?? "") && /\d/.test(text[to + 1] ?? ""))
    )
      break;
    to++;
  }
  return [from, to];
}

const PUNCT_EDGE = /^[\s"'“”‘’「」『』《》〈〉()[\]<>·,]+|[\s"'“”‘’「」『』《》〈〉()[\]<>·,]+$/g;

/** The written word right before `start` on the same line (quotes and brackets stripped), lower-cased. */
function wordBefore(text: string, start: number): string {
  let i = start;
  while (i > 0 && /[“”‘’"'「」『』《》〈〉(]/.test(text[i - 1] as string)) i--;
  if (i > 0 && text[i - 1] !== " ") return "";
  while (i > 0 && text[i - 1] === " ") i--;
  let from = i;
  while (from > 0 && from > i - 24 && !/[\s]/.test(text[from - 1] as string)) from--;
  return text.slice(from, i).replace(PUNCT_EDGE, "").toLowerCase();
}

/**
 * The nouns a written word may stand for: the word itself and every start of it followed only by
 * particles (작가는 → 작가는, 작가). Lower-cased, at most 12 characters each.
 */
function nounsOf(word: string, into: Set<string>): void {
  if (!word) return;
  into.add(word);
  for (let len = Math.min(word.length - 1, 12); len >= 1; len--) {
    if (isAllowedSuffix(word.slice(len))) into.add(word.slice(0, len));
  }
}

/** Nouns standing right before a mention (소설가 한강) and right after it (한강 작가는, 한강작가는). */
interface Neighbours {
  before: Set<string>;
  after: Set<string>;
  /** the word before is an amount (35도, 3명, 절반): a word-name after it is "more than" etc. */
  afterAmount: boolean;
}

/** An amount: a number with a unit or counter (35도, 10명, 3.5%, 2시간), or a word for a share. */
const AMOUNT =
  /^(\d[\d,.]*(%|퍼센트|명|도|개|곳|건|년|세|살|배|번|회|시간|분|초|일|주|개월|달|층|원|달러|점|위|표|석|대|편|권|km|m|kg|t)?|절반|과반|평년|기준|평균|일정)$/;

function neighbours(text: string, start: number, end: number): Neighbours {
  const before = new Set<string>();
  const after = new Set<string>();
  const previous = wordBefore(text, start);
  nounsOf(previous, before);
  const inWord = wordRest(text, end).toLowerCase();
  if (inWord) {
    // A particle closes the name's phrase: the next word is no longer about it (박서준은 신약 …).
    nounsOf(inWord, after);
  } else {
    let i = end;
    while (i < text.length && /[”’"')」』》〉]/.test(text[i] as string)) i++;
    if (text[i] === " ") {
      while (text[i] === " ") i++;
      nounsOf(wordRest(text, i).toLowerCase(), after);
    }
  }
  return { before, after, afterAmount: AMOUNT.test(previous) };
}

const UPPER = /[A-Z\u00c0-\u00de]/;

/** Whether one of the person's words (context, organisation, role) is among `nouns`. */
function hasOwnWord(nouns: ReadonlySet<string>, words: readonly string[]): boolean {
  if (nouns.size === 0) return false;
  for (const w of words) {
    if (nouns.has(w) || (UPPER.test(w) && nouns.has(w.toLowerCase()))) return true;
  }
  return false;
}

function someIn(nouns: ReadonlySet<string>, list: ReadonlySet<string>): boolean {
  for (const n of nouns) if (list.has(n)) return true;
  return false;
}

/** Counts how many of `words` occur in text[from, to). */
function countIn(text: string, from: number, to: number, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const slice = text.slice(from, to);
  let n = 0;
  for (const w of words) if (slice.includes(w)) n++;
  return n;
}

/**
 * Whether the leader is clearly ahead: some evidence for them, and at least 2 points over the next
 * (one point, a context word somewhere in the article, is too little to tell namesakes apart unless
 * the other has nothing at all).
 */
function decide(candidates: Candidate[]): number | null {
  const [best, second] = candidates;
  if (!best || best.score <= 0) return null;
  const runnerUp = second?.score ?? 0;
  if (runnerUp === 0 || best.score - runnerUp >= 2) return best.personId;
  return null;
}

/**
 * Score for one of a person's own words (organisation, role, context word) standing right next to the
 * mention: stronger than the same word elsewhere in the sentence, so "가수 하늘이 화가 하늘의 …" tells
 * the two apart within one sentence.
 */
const ADJACENT = 6;

/** Resolves one mention: who it is, or why nobody. */
interface Decision {
  personId: number | null;
  /** for undecided namesakes: the scored candidates */
  candidates?: Candidate[];
  /** a guarded spelling without evidence of its own (may still follow another spelling) */
  needsStoryEvidence?: number;
  /**
   * How plainly the mention shows it is the person: 2 = a name that is no word, or a person noun or
   * the person's own word right next to it; 1 = a context word nearby or the full name elsewhere.
   * The link goes to the first mention of the highest strength (한강 공원을 걷던 한강 작가는 …).
   */
  strength?: number;
}

/** A mention of "김 사장" that refers back to a person named earlier, never a link. */
export interface Reference {
  personId: number;
  start: number;
  length: number;
  spelling: string;
}

/**
 * Finds mentions in plain text and decides each one on its own neighbourhood: the sentence first,
 * then ±`window` characters, then the article. Namesakes in one story each get their own link; a
 * spelling that is also an ordinary word is linked only with evidence.
 */
export function linkMentions(dir: NameDirectory, text: string, options: LinkOptions = {}): LinkResult {
  const window = options.window ?? 80;
  const section = (options.section ?? []).filter(Boolean);
  const matches = findSpellings(dir, text);
  // Per article: whether a context word occurs anywhere, asked once per word.
  const found = new Map<string, boolean>();
  const inText = (w: string) => {
    let hit = found.get(w);
    if (hit === undefined) {
      hit = text.includes(w);
      found.set(w, hit);
    }
    return hit;
  };
  const decisions: Decision[] = matches.map((m) => {
    const ids = dir.bySpelling.get(m.key) ?? [];
    if (ids.length === 0) return { personId: null };
    if (ids.length === 1) {
      const id = ids[0] as number;
      if (!dir.guarded.has(`${id}:${m.key}`)) return { personId: id, strength: 2 };
      const strength = localEvidence(dir, id, text, m.start, m.end, window);
      return strength > 0 ? { personId: id, strength } : { personId: null, needsStoryEvidence: id };
    }
    const [sFrom, sTo] = sentenceAround(text, m.start, m.end);
    const n = neighbours(text, m.start, m.end);
    const adjacency = new Map<number, number>();
    const inSentence = new Map<number, number>();
    for (const id of ids) {
      const words = dir.context.get(id) ?? [];
      adjacency.set(id, hasOwnWord(n.before, words) || hasOwnWord(n.after, words) ? ADJACENT : 0);
      inSentence.set(id, 3 * countIn(text, sFrom, sTo, dir.context.get(id) ?? []));
    }
    const rank = (score: (id: number) => number) =>
      ids
        .map((id) => ({ personId: id, score: score(id) }))
        .sort((a, b) => b.score - a.score || a.personId - b.personId);
    // The sentence first.
    const bySentence = rank((id) => (adjacency.get(id) ?? 0) + (inSentence.get(id) ?? 0));
    const fromSentence = decide(bySentence);
    if (fromSentence !== null) return { personId: fromSentence, strength: 2 };
    // Then the window and the rest of the article.
    const sentence = text.slice(sFrom, sTo);
    const near = text.slice(Math.max(0, m.start - window), Math.min(text.length, m.end + window));
    const byWindow = rank((id) => {
      const words = dir.context.get(id) ?? [];
      let score = (adjacency.get(id) ?? 0) + (inSentence.get(id) ?? 0);
      for (const w of words) {
        if (sentence.includes(w)) continue;
        if (near.includes(w)) score += 2;
        else if (inText(w)) score += 1;
      }
      for (const s of section) if (words.includes(s)) score += 1;
      return score;
    });
    const chosen = decide(byWindow);
    // A spelling that is also a word needs evidence near the mention, not just somewhere in the story.
    if (chosen !== null && dir.guarded.has(`${chosen}:${m.key}`)) {
      const strength = localEvidence(dir, chosen, text, m.start, m.end, window);
      return strength > 0 ? { personId: chosen, strength } : { personId: null, needsStoryEvidence: chosen };
    }
    return chosen !== null ? { personId: chosen, strength: 2 } : { personId: null, candidates: byWindow };
  });

  // Guarded spellings without evidence of their own follow another spelling of the same person
  // (the full name elsewhere in the story).
  const resolvedBy = new Map<number, Set<string>>();
  matches.forEach((m, i) => {
    const id = decisions[i]?.personId;
    if (id == null) return;
    const keys = resolvedBy.get(id) ?? new Set<string>();
    resolvedBy.set(id, keys);
    keys.add(m.key);
  });
  matches.forEach((m, i) => {
    const d = decisions[i] as Decision;
    if (d.needsStoryEvidence === undefined) return;
    const keys = resolvedBy.get(d.needsStoryEvidence);
    if (keys && [...keys].some((k) => k !== m.key && !dir.guarded.has(`${d.needsStoryEvidence}:${k}`))) {
      d.personId = d.needsStoryEvidence;
      d.strength = 1;
    }
  });

  const mayBeAbout = (personId: number) => {
    const words = dir.context.get(personId) ?? [];
    return words.some(inText) || section.some((x) => words.includes(x));
  };
  const mentions: Mention[] = [];
  const ambiguous: AmbiguousMention[] = [];
  const reported = new Set<string>();
  const linkedIds = new Set<number>();
  const strongest = new Map<number, { strength: number; mention: Mention }>();
  matches.forEach((m, i) => {
    const d = decisions[i] as Decision;
    const id = d.personId;
    if (id == null) return;
    const mention = { personId: id, start: m.start, length: m.end - m.start, spelling: m.spelling };
    mentions.push(mention);
    linkedIds.add(id);
    const best = strongest.get(id);
    const strength = d.strength ?? 2;
    if (!best || strength > best.strength) strongest.set(id, { strength, mention });
  });
  matches.forEach((m, i) => {
    const d = decisions[i] as Decision;
    if (d.personId != null || reported.has(m.key)) return;
    if (d.candidates) {
      // Namesakes left undecided here: worth asking only if one of them is not linked elsewhere.
      if (d.candidates.every((c) => linkedIds.has(c.personId))) return;
      reported.add(m.key);
      ambiguous.push({
        start: m.start,
        length: m.end - m.start,
        spelling: m.spelling,
        candidates: d.candidates,
        reason: "namesakes",
      });
    } else if (
      d.needsStoryEvidence !== undefined &&
      !linkedIds.has(d.needsStoryEvidence) &&
      mayBeAbout(d.needsStoryEvidence)
    ) {
      // Asked only when the story hints at the person somewhere: "35도 이상" in every weather story
      // is no question for the editor.
      reported.add(m.key);
      ambiguous.push({
        start: m.start,
        length: m.end - m.start,
        spelling: m.spelling,
        candidates: [{ personId: d.needsStoryEvidence, score: 0 }],
        reason: "word",
      });
    }
  });
  const links = [...strongest.values()].map((s) => s.mention).sort((a, b) => a.start - b.start);
  return { links, mentions, ambiguous, references: findReferences(dir, text, mentions) };
}

/**
 * Evidence for a guarded spelling at one mention: 2 for a person noun or one of the person's own
 * words right next to it (소설가 한강, 한강 작가, 한강 씨), 1 for one of their context words in the
 * sentence or within `window` characters, 0 for none.
 */
function localEvidence(
  dir: NameDirectory,
  personId: number,
  text: string,
  start: number,
  end: number,
  window: number,
): 0 | 1 | 2 {
  const words = dir.context.get(personId) ?? [];
  const n = neighbours(text, start, end);
  // After a noun, 이상/이하/이후 … mean "more than", "after" (선수 이상의 존재): there only the
  // person's own words count before the name (시인 이상 for the poet whose role is 시인).
  const relational = RELATIONAL_WORDS.has(spellingKey(text.slice(start, end)));
  if ((!relational && someIn(n.before, OCCUPATIONS_BEFORE)) || hasOwnWord(n.before, words)) return 2;
  // "10명 이상 선수가": after an amount the word is the word, whatever noun follows it.
  if (!n.afterAmount && (someIn(n.after, PERSON_NOUN_SET) || hasOwnWord(n.after, words))) return 2;
  if (words.length === 0) return 0;
  const [sFrom, sTo] = sentenceAround(text, start, end);
  const from = Math.min(sFrom, Math.max(0, start - window));
  const to = Math.max(sTo, Math.min(text.length, end + window));
  // The mention itself is no evidence for itself (a context word that contains the name).
  const around = `${text.slice(from, start)}\u0000${text.slice(end, to)}`;
  return words.some((w) => around.includes(w)) ? 1 : 0;
}

const SURNAME_TITLE = new RegExp(
  `(?<![\\p{L}\\p{N}])([\\uAC00-\\uD7A3])\\s?(${[...new Set(PERSON_NOUNS)]
    .filter((w) => /^[\uAC00-\uD7A3]{2,}$/.test(w))
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
  "gu",
);

/**
 * "김 사장", "김 의원" later in a story: a surname and a title referring back to someone named
 * earlier. They follow the latest earlier mention whose surname matches and whose own words (role,
 * organisation, context) include the title. Never links.
 */
function findReferences(dir: NameDirectory, text: string, mentions: readonly Mention[]): Reference[] {
  if (mentions.length === 0) return [];
  const refs: Reference[] = [];
  SURNAME_TITLE.lastIndex = 0;
  for (let m = SURNAME_TITLE.exec(text); m; m = SURNAME_TITLE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const surname = m[1] as string;
    const title = m[2] as string;
    if (!isAllowedSuffix(wordRest(text, end))) continue;
    // A mention of a name is not a reference (김철수 사장 is not 김 + 철수…; 한 사장 may be).
    if (mentions.some((x) => start < x.start + x.length && end > x.start)) continue;
    const earlier = mentions.filter(
      (x) => x.start < start && dir.people.get(x.personId)?.name.startsWith(surname),
    );
    if (earlier.length === 0) continue;
    // The title must be the person's own (사장 for a 사장, 대표 for a 대표이사): "한 사장" after 한도윤
    // 장관 is someone else, or "a certain" 사장.
    const byTitle = earlier.filter((x) => (dir.context.get(x.personId) ?? []).some((w) => w.includes(title)));
    const pick = byTitle[byTitle.length - 1];
    if (pick) refs.push({ personId: pick.personId, start, length: end - start, spelling: m[0] });
  }
  return refs;
}

/**
 * Corpus check, at directory time: for short spellings (one word of at most two Hangul syllables, or
 * one Latin word), counts the sampled stories where the spelling stands as a word, and those where
 * some mention had this person's evidence. A spelling seen in at least `minArticles` stories, mostly
 * without evidence, is an ordinary word of this paper: the person then needs evidence there too.
 */
export function withCorpusGuard(
  dir: NameDirectory,
  texts: Iterable<string>,
  options: { minArticles?: number; maxEvidenceShare?: number; window?: number } = {},
): NameDirectory {
  const minArticles = options.minArticles ?? 3;
  const maxShare = options.maxEvidenceShare ?? 0.5;
  const window = options.window ?? 80;
  const eligible = (key: string) => /^[\uAC00-\uD7A3]{2}$/.test(key) || /^[a-z]{2,}$/.test(key);
  const stats = new Map<string, { personId: number; key: string; articles: number; withEvidence: number }>();
  for (const text of texts) {
    const perStory = new Map<string, boolean>();
    for (const m of findSpellings(dir, text)) {
      if (!eligible(m.key)) continue;
      for (const id of dir.bySpelling.get(m.key) ?? []) {
        const k = `${id}:${m.key}`;
        if (perStory.get(k)) continue;
        perStory.set(k, localEvidence(dir, id, text, m.start, m.end, window) > 0);
      }
    }
    for (const [k, evidence] of perStory) {
      let s = stats.get(k);
      if (!s) {
        const [id, key] = [Number(k.slice(0, k.indexOf(":"))), k.slice(k.indexOf(":") + 1)];
        s = { personId: id, key, articles: 0, withEvidence: 0 };
        stats.set(k, s);
      }
      s.articles++;
      if (evidence) s.withEvidence++;
    }
  }
  const guards = new Map<number, GuardReason[]>();
  for (const [id, reasons] of dir.guards) guards.set(id, [...reasons]);
  for (const s of stats.values()) {
    if (s.articles < minArticles || s.withEvidence / s.articles >= maxShare) continue;
    const p = dir.people.get(s.personId);
    const spelling =
      [p?.name ?? "", ...(p?.aliases ?? [])].map(norm).find((x) => spellingKey(x) === s.key) ?? s.key;
    addGuard(guards, s.personId, {
      spelling,
      kind: "corpus",
      articles: s.articles,
      withEvidence: s.withEvidence,
    });
  }
  return { ...dir, guards, guarded: guardedSet(guards) };
}

/** Levenshtein distance, cut off above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

export interface SpellingReport {
  personId: number;
  /** spelling -> count, in the order first seen */
  variants: Map<string, number>;
  /** where each spelling stands in the text, in text order */
  occurrences: { start: number; length: number; spelling: string }[];
}

/**
 * Spellings of each mentioned person in a text: the directory's spellings found as mentions, plus
 * near misses — a Hangul word whose stem is one jamo away from a known spelling of a person mentioned
 * in the text (울트먼 for 올트먼), and that is no known spelling itself.
 */
export function spellingReport(
  dir: NameDirectory,
  text: string,
  options: LinkOptions = {},
): SpellingReport[] {
  const result = linkMentions(dir, text, options);
  const reports = new Map<number, SpellingReport>();
  const covered: [number, number][] = [];
  const add = (personId: number, spelling: string, start: number) => {
    let r = reports.get(personId);
    if (!r) {
      r = { personId, variants: new Map(), occurrences: [] };
      reports.set(personId, r);
    }
    r.variants.set(spelling, (r.variants.get(spelling) ?? 0) + 1);
    r.occurrences.push({ start, length: spelling.length, spelling });
  };
  const events: { at: number; personId: number; spelling: string }[] = [];
  for (const m of result.mentions) {
    events.push({ at: m.start, personId: m.personId, spelling: m.spelling });
    covered.push([m.start, m.start + m.length]);
  }
  // Hangul spellings of the people mentioned, as jamo, to compare words against.
  const known: { personId: number; spelling: string; jamo: string; syllables: number }[] = [];
  for (const personId of new Set(result.mentions.map((m) => m.personId))) {
    const p = dir.people.get(personId);
    if (!p) continue;
    for (const s of new Set([p.name, ...p.aliases].map(norm))) {
      if (!/^[\uAC00-\uD7A3 ]+$/.test(s) || s.length < 2) continue;
      known.push({ personId, spelling: s, jamo: disassemble(s), syllables: s.length });
    }
  }
  if (known.length) {
    const word = /[\uAC00-\uD7A3]+/g;
    for (let w = word.exec(text); w; w = word.exec(text)) {
      const start = w.index;
      if (start > 0 && isWordChar(text[start - 1])) continue;
      if (covered.some(([a, b]) => start < b && start + w[0].length > a)) continue;
      for (const k of known) {
        if (k.spelling.includes(" ")) continue;
        const stem = w[0].slice(0, k.syllables);
        if (stem.length !== k.syllables || dir.bySpelling.has(stem)) continue;
        if (!isAllowedSuffix(w[0].slice(k.syllables))) continue;
        if (editDistance(disassemble(stem), k.jamo, 1) === 1) {
          events.push({ at: start, personId: k.personId, spelling: stem });
          break;
        }
      }
    }
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) add(e.personId, e.spelling, e.at);
  return [...reports.values()];
}
