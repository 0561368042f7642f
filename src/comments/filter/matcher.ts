/**
 * Compiles the word list (lexicon.ts) into a matcher over a normalised view, and applies the boundary
 * and allow-list rules. See lexicon.ts for what the rule fields mean.
 *
 * A view is words separated by single spaces. Matching runs over the words joined without spaces (so
 * 시 발 and 개 새 끼 are found), remembering which word each letter came from:
 * - a match inside one word is judged by its entry's rules;
 * - a match that runs across a space must START a word (so 9시 발표, 김씨 발언, 수박씨 발라 never match),
 *   and if it ends inside a word, the rest of that word must begin like an insult's continuation or a
 *   particle (시 발놈, 엿 먹어라, 미친 놈아 — but not 급식 충분, 시 발표); then it is judged like any
 *   other match, allowed words included (씨 발라 → 발라, 씨 발아 → 발아).
 */
import { choseongOf, isHangulCode } from "./hangul.ts";
import type { AllowEntry, LexiconEntry } from "./lexicon.ts";

export interface Found {
  entry: LexiconEntry;
  /** The normalised text that matched. */
  text: string;
}

interface Pattern {
  text: string;
  entry: LexiconEntry;
}

interface AllowPattern {
  text: string;
  entry: AllowEntry;
}

export interface Matcher {
  patterns: Map<string, Pattern[]>;
  allow: Map<string, AllowPattern[]>;
  /** Length of the longest allowed word: how far before a match one may start. */
  allowMax: number;
  isWordChar: (ch: string) => boolean;
}

function index<T extends { text: string; entry: object }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const first = item.text[0]!;
    let list = map.get(first);
    if (!list) {
      list = [];
      map.set(first, list);
    }
    if (!list.some((x) => x.text === item.text && x.entry === item.entry)) list.push(item);
  }
  // Longer patterns first, so 개새끼 is reported before 개새.
  for (const list of map.values()) list.sort((a, b) => b.text.length - a.text.length);
  return map;
}

/**
 * Each form of 2–4 syllables, with some (not all) syllables typed as their initial consonant: 시발 →
 * ㅅ발, 시ㅂ. Syllables beginning with the silent ㅇ are never abbreviated (nobody types 애자 as ㅇ자).
 */
export function partialChoseongVariants(form: string): string[] {
  const chars = [...form];
  const n = chars.length;
  if (n < 2 || n > 4 || !chars.every((c) => c >= "가" && c <= "힣")) return [];
  const out: string[] = [];
  for (let mask = 1; mask < (1 << n) - 1; mask++) {
    let ok = true;
    let s = "";
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        const cho = choseongOf(chars[i]!);
        if (cho === "ㅇ") {
          ok = false;
          break;
        }
        s += cho;
      } else s += chars[i];
    }
    if (ok) out.push(s);
  }
  return out;
}

export function compileMatcher(
  entries: readonly LexiconEntry[],
  allow: readonly AllowEntry[],
  normalize: (s: string) => string,
  isWordChar: (ch: string) => boolean,
): Matcher {
  const patterns: Pattern[] = [];
  for (const entry of entries) {
    for (const raw of entry.forms) {
      const form = normalize(raw).replaceAll(" ", "");
      if (!form) continue;
      patterns.push({ text: form, entry });
      if (entry.partial !== false) {
        for (const v of partialChoseongVariants(form)) patterns.push({ text: v, entry });
      }
    }
    for (const c of entry.choseong ?? []) patterns.push({ text: c, entry });
  }
  const allowPatterns: AllowPattern[] = allow.map((entry) => ({
    text: normalize(entry.word).replaceAll(" ", ""),
    entry,
  }));
  const allowed = allowPatterns.filter((a) => a.text);
  const allowMax = allowed.reduce((max, a) => Math.max(max, a.text.length), 0);
  return { patterns: index(patterns), allow: index(allowed), allowMax, isWordChar };
}

/** Hangul letters, except the ㅋ / ㅎ of laughter, which pad words rather than belong to them (ㅋㅋ시바). */
export const isHangulWordChar = (ch: string): boolean =>
  isHangulCode(ch.charCodeAt(0)) && ch !== "ㅋ" && ch !== "ㅎ";
export const isLatinWordChar = (ch: string): boolean => /[a-z0-9]/.test(ch);

const startsWithAny = (s: string, at: number, list: readonly string[] | undefined) =>
  list?.some((w) => s.startsWith(w, at)) === true;
const endsWithAny = (s: string, at: number, list: readonly string[] | undefined) =>
  list?.some((w) => s.endsWith(w, at)) === true;
const containsAny = (s: string, list: readonly string[]) => list.some((w) => s.includes(w));

/**
 * How the rest of a word may begin after a match that ran across spaces: insult nouns (놈, 년, 새끼,
 * 것), plural and particles (들, 아, 이, 은, 을 …), verb endings (라, 하, 한, 떨 …), and laughter.
 */
const CONTINUATION = new Set([
  ..."놈넘눔년뇬련새색섀쉐쉑것같갓가롬럼들아야어이은는을를도만냐네탱끼기라하한해했떨병맞지질게고요임",
  ..."ㅋㅎ",
]);

/** Loose consonants that pad an abbreviation without changing it: ㅋㅋ, ㅎㅎ, ㅉㅉ, ㄷㄷ. */
const PADDING_JAMO = new Set(["ㅋ", "ㅎ", "ㅉ", "ㄷ"]);
const isConsonantJamo = (ch: string | undefined) => ch !== undefined && ch >= "ㄱ" && ch <= "ㅎ";

/**
 * An abbreviation made of loose consonants (ㅂㅅ, ㅅ발) must not be glued to other loose consonants in
 * the same word: ㅁㅋㄹㅂㅅ is someone's initials, not 병신. Laughter-type padding (ㅋㅋㅅㅂ) is fine.
 */
function gluedToConsonants(
  compact: string,
  s: number,
  e: number,
  wordStart: number,
  wordEnd: number,
): boolean {
  if (isConsonantJamo(compact[s]) && s > wordStart) {
    const before = compact[s - 1]!;
    if (isConsonantJamo(before) && !PADDING_JAMO.has(before)) return true;
  }
  if (isConsonantJamo(compact[e - 1]) && e < wordEnd) {
    const after = compact[e]!;
    if (isConsonantJamo(after) && !PADDING_JAMO.has(after)) return true;
  }
  return false;
}

interface Layout {
  compact: string;
  /** word index of each code unit of `compact` */
  wordOf: Uint16Array;
  wordStart: number[];
  wordEnd: number[];
}

function layout(view: string): Layout {
  const words = view.split(" ");
  let compact = "";
  const wordStart: number[] = [];
  const wordEnd: number[] = [];
  for (const w of words) {
    if (!w) continue;
    wordStart.push(compact.length);
    compact += w;
    wordEnd.push(compact.length);
  }
  const wordOf = new Uint16Array(compact.length);
  for (let k = 0; k < wordStart.length; k++) wordOf.fill(k, wordStart[k]!, wordEnd[k]!);
  return { compact, wordOf, wordStart, wordEnd };
}

/** Is the match [s, e) overlapped by an allowed word that excuses it? Looks only near the match. */
function excused(m: Matcher, lay: Layout, s: number, e: number, across: boolean): boolean {
  const { compact, wordOf } = lay;
  for (let i = Math.max(0, s - m.allowMax + 1); i < e; i++) {
    const list = m.allow.get(compact[i]!);
    if (!list) continue;
    for (const { text, entry } of list) {
      const as = i;
      const ae = i + text.length;
      if (ae <= s || !compact.startsWith(text, i)) continue;
      const strictlyInside = as >= s && ae <= e && !(as === s && ae === e);
      if (strictlyInside) continue;
      if (entry.spacedOnly) {
        if (!across) continue;
      } else if (!entry.acrossSpaces && wordOf[as] !== wordOf[ae - 1]) continue;
      if (entry.onlyWith && !containsAny(compact, entry.onlyWith)) continue;
      if (startsWithAny(compact, ae, entry.notBefore)) continue;
      if (endsWithAny(compact, as, entry.notAfter)) continue;
      return true;
    }
  }
  return false;
}

/**
 * The first listed word in `view` that survives its rules, preferring slurs over profanity; null if none.
 */
export function findInView(m: Matcher, view: string): Found | null {
  if (!view) return null;
  const lay = layout(view);
  const { compact, wordOf, wordStart, wordEnd } = lay;
  let first: Found | null = null;
  for (let i = 0; i < compact.length; i++) {
    const list = m.patterns.get(compact[i]!);
    if (!list) continue;
    for (const p of list) {
      if (!compact.startsWith(p.text, i)) continue;
      const s = i;
      const e = i + p.text.length;
      const entry = p.entry;
      const ws = wordOf[s]!;
      const we = wordOf[e - 1]!;
      const across = ws !== we;
      if (across && (entry.joinedOnly || s !== wordStart[ws])) continue;
      if (across && e < wordEnd[we]! && m.isWordChar(compact[e]!) && !CONTINUATION.has(compact[e]!)) continue;
      if (gluedToConsonants(compact, s, e, wordStart[ws]!, wordEnd[we]!)) continue;
      if (entry.start === "word" && s > wordStart[ws]! && m.isWordChar(compact[s - 1]!)) continue;
      if (entry.end === "word" && e < wordEnd[we]! && m.isWordChar(compact[e]!)) continue;
      if (startsWithAny(compact, e, entry.notBefore)) continue;
      if (endsWithAny(compact, s, entry.notAfter)) continue;
      if (entry.onlyWith && !containsAny(compact, entry.onlyWith)) continue;
      if (entry.unlessWith && containsAny(compact, entry.unlessWith)) continue;
      if (excused(m, lay, s, e, across)) continue;
      const found = { entry, text: p.text };
      if (entry.kind === "slur") return found;
      first ??= found;
    }
  }
  return first;
}
