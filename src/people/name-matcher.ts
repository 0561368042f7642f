import { disassemble } from "es-hangul";

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
}

export interface LinkResult {
  /** the first mention of each person, in text order */
  links: Mention[];
  /** every mention attributed to a person (for spelling counts), in text order */
  mentions: Mention[];
  /** spellings shared by namesakes where the context did not decide; the first occurrence of each */
  ambiguous: AmbiguousMention[];
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

/** The automaton and the people behind each spelling. Build with `buildNameDirectory`. */
export interface NameDirectory {
  readonly people: ReadonlyMap<number, DirectoryPerson>;
  /** spelling -> people who go by it (several for namesakes) */
  readonly bySpelling: ReadonlyMap<string, readonly number[]>;
  readonly patterns: readonly string[];
  readonly nodes: readonly Node[];
  /** each person's context words (their own, organisation, role words), deduplicated */
  readonly context: ReadonlyMap<number, readonly string[]>;
}

/** Normalises a spelling for the automaton: NFC, single spaces. */
function norm(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Builds the automaton over every name and alias. O(total length of all spellings). */
export function buildNameDirectory(people: readonly DirectoryPerson[]): NameDirectory {
  const byId = new Map<number, DirectoryPerson>();
  const bySpelling = new Map<string, number[]>();
  for (const p of people) {
    byId.set(p.id, p);
    for (const raw of [p.name, ...p.aliases]) {
      const s = norm(raw);
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
  return { people: byId, bySpelling, patterns, nodes, context };
}

interface RawMatch {
  start: number;
  end: number;
  spelling: string;
}

/** Every word-bounded occurrence of a known spelling; overlaps resolved longest-first, then leftmost. */
export function findSpellings(dir: NameDirectory, text: string): RawMatch[] {
  const { nodes, patterns } = dir;
  const found: RawMatch[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let node = nodes[state] as Node;
    while (state !== 0 && !node.next.has(c)) {
      state = node.fail;
      node = nodes[state] as Node;
    }
    state = node.next.get(c) ?? 0;
    const out = (nodes[state] as Node).out;
    for (const pid of out) {
      const spelling = patterns[pid] as string;
      const start = i + 1 - spelling.length;
      if (isMentionAt(text, start, i + 1)) found.push({ start, end: i + 1, spelling });
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

/**
 * How well the text around a mention fits a person: a context word within the window counts 3, one
 * elsewhere in the article 1, the article's section matching one of the person's words 1.
 */
function scorePerson(
  words: readonly string[],
  text: string,
  inText: (w: string) => boolean,
  start: number,
  end: number,
  window: number,
  section: readonly string[],
): number {
  const near = text.slice(Math.max(0, start - window), Math.min(text.length, end + window));
  let score = 0;
  for (const w of words) {
    if (near.includes(w)) score += 3;
    else if (inText(w)) score += 1;
  }
  for (const s of section) if (s && words.includes(s)) score += 1;
  return score;
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

/** Finds mentions in plain text and picks who each one is. */
export function linkMentions(dir: NameDirectory, text: string, options: LinkOptions = {}): LinkResult {
  const window = options.window ?? 80;
  const section = options.section ?? [];
  const mentions: Mention[] = [];
  const ambiguous: AmbiguousMention[] = [];
  const ambiguousSeen = new Set<string>();
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
  for (const m of findSpellings(dir, text)) {
    const ids = dir.bySpelling.get(m.spelling) ?? [];
    let personId: number | null = ids.length === 1 ? (ids[0] as number) : null;
    if (ids.length > 1) {
      const candidates = ids
        .map((id) => ({
          personId: id,
          score: scorePerson(dir.context.get(id) ?? [], text, inText, m.start, m.end, window, section),
        }))
        .sort((a, b) => b.score - a.score || a.personId - b.personId);
      personId = decide(candidates);
      if (personId === null && !ambiguousSeen.has(m.spelling)) {
        ambiguousSeen.add(m.spelling);
        ambiguous.push({ start: m.start, length: m.end - m.start, spelling: m.spelling, candidates });
      }
    }
    if (personId !== null) {
      mentions.push({ personId, start: m.start, length: m.end - m.start, spelling: m.spelling });
    }
  }
  const seen = new Set<number>();
  const links = mentions.filter((m) => {
    if (seen.has(m.personId)) return false;
    seen.add(m.personId);
    return true;
  });
  return { links, mentions, ambiguous };
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
