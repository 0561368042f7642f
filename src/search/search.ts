import { getChoseong } from "es-hangul";

/**
 * Search rules that need no database: how a reader's query is read, which grams the index keeps for
 * short words and initial consonants, and how matches are found again in a title or a snippet.
 *
 * Korean is typed without a space inside a word and with particles glued on (반도체가, 금리를), so
 * words are matched as substrings, never as whole tokens:
 * - 3 or more characters: the trigram index (FTS5 `trigram` on SQLite, `pg_trgm` on PostgreSQL);
 * - 1 or 2 characters: trigrams cannot find them, so the index also keeps every character and every
 *   pair of adjacent characters in each word (`textGrams`), and looks the word up there;
 * - initial consonants only (ㅎㅇㅌㅈ for 하이투자): the consonants of the title (`choseongOf`),
 *   searched the same two ways, and the consonants of people's names.
 */

export const QUERY_MAX_CHARS = 100;
export const SEARCH_PAGE_SIZE = 20;
/** More words than this in one query are ignored: each costs a lookup and no reader types ten. */
export const MAX_TERMS = 8;
/** Terms of this many characters or more go to the trigram index; shorter ones to the grams. */
export const TRIGRAM_MIN_CHARS = 3;

export const SEARCH_SORTS = ["recent", "relevance"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** How a query will be searched, for the page and the benchmark. */
export type QueryKind = "empty" | "choseong" | "long" | "short" | "mixed";

export interface ParsedQuery {
  /** the query as the reader sees it back in the search box: normalised and at most 100 characters */
  text: string;
  kind: QueryKind;
  /** distinct words, punctuation trimmed from their ends, lower-cased; empty for consonant queries */
  terms: string[];
  /** the consonants, spaces removed, when the query is only initial consonants */
  choseong: string | null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_RUNS = /[\p{L}\p{N}]+/gu;
/** The 19 consonants that can begin a Hangul syllable, as typed on a keyboard (compatibility jamo). */
const CHOSEONG_ONLY = /^[ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ]+$/u;

/** Length in characters (code points), not UTF-16 units: an emoji counts once. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * The query as typed, made safe to hold on to: NFC (a Mac sends decomposed Hangul), lone surrogates
 * and control characters (PostgreSQL refuses NUL) replaced, spaces collapsed, cut to 100 characters.
 */
export function normalizeQuery(raw: string): string {
  const clean = raw
    .replace(LONE_SURROGATE, "\uFFFD")
    .normalize("NFC")
    .replace(CONTROL, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return Array.from(clean).slice(0, QUERY_MAX_CHARS).join("").trim();
}

/**
 * Reads a query: consonants only (ㅎㅇㅌㅈ) or words. Words keep their inner punctuation (R&D, 1=1)
 * but lose it at their ends ("반도체", 금리,), and a word with no letter or digit at all (`"`, `*`,
 * `--`) is dropped, so a query of only such characters is empty rather than an error.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = normalizeQuery(raw);
  const compact = text.replace(/ /g, "");
  if (compact && CHOSEONG_ONLY.test(compact)) {
    return { text, kind: "choseong", terms: [], choseong: compact };
  }
  const terms: string[] = [];
  for (const word of text.split(" ")) {
    const term = word.replace(EDGE_PUNCTUATION, "").toLowerCase();
    if (!HAS_WORD_CHAR.test(term) || terms.includes(term)) continue;
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return { text, kind: kindOfTerms(terms), terms, choseong: null };
}

function kindOfTerms(terms: readonly string[]): QueryKind {
  if (terms.length === 0) return "empty";
  const long = terms.filter(isLongPattern).length;
  return long === terms.length ? "long" : long === 0 ? "short" : "mixed";
}

/** Whether a pattern is searched as a substring through trigrams (3+ characters) or through grams. */
export function isLongPattern(pattern: string): boolean {
  return charLength(pattern) >= TRIGRAM_MIN_CHARS;
}

/**
 * The gram a short pattern is looked up by: its letters and digits, lower-cased (a 2-character
 * pattern such as `5%` or `금,` holds at most one run of them). Null when nothing is left.
 */
export function shortPatternGram(pattern: string): string | null {
  const runs = pattern.toLowerCase().match(WORD_RUNS);
  if (!runs) return null;
  return runs.reduce((a, b) => (charLength(b) > charLength(a) ? b : a));
}

/**
 * Every character and every pair of adjacent characters inside each word (run of letters and
 * digits) of a text, lower-cased, once each: what a 1- or 2-character query is looked up by.
 * Pairs never cross a space or punctuation, so 금리 finds 금리를 and 기준금리 but not "금 리".
 */
export function textGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const run of text.normalize("NFC").toLowerCase().match(WORD_RUNS) ?? []) {
    let previous = "";
    for (const char of run) {
      grams.add(char);
      if (previous) grams.add(previous + char);
      previous = char;
    }
  }
  return [...grams];
}

/**
 * Grams as one text of space-framed words, " 금 리 금리 ", for SQLite's trigram index. As grams are
 * at most two characters, the trigram " 금리" occurs there only where the gram 금리 does, and " 금 "
 * only where the gram 금 does: each gram is found by one trigram (`gramProbe`).
 */
export function framedGrams(grams: readonly string[]): string {
  return grams.length ? ` ${grams.join(" ")} ` : "";
}

/** The one trigram that finds a gram in `framedGrams` text: " 금리" for 금리, " 금 " for 금. */
export function gramProbe(gram: string): string {
  return charLength(gram) === 1 ? ` ${gram} ` : ` ${gram}`;
}

/** Words longer than this are left out of PostgreSQL's word list (no query is longer). */
export const MAX_WORD_CHARS = QUERY_MAX_CHARS;

/** The distinct words (runs of letters and digits) of a text, lower-cased. */
export function textWords(text: string): string[] {
  const words = new Set<string>();
  for (const run of text.normalize("NFC").toLowerCase().match(WORD_RUNS) ?? []) {
    if (charLength(run) <= MAX_WORD_CHARS) words.add(run);
  }
  return [...words];
}

/** Whether a pattern lies within one word: letters and digits only. */
export function isOneWord(pattern: string): boolean {
  return /^[\p{L}\p{N}]+$/u.test(pattern);
}

/** The initial consonants of the Hangul syllables of a text, everything else dropped: 하이투자 → ㅎㅇㅌㅈ. */
export function choseongOf(text: string): string {
  return getChoseong(text.normalize("NFC")).replace(/[^ㄱ-ㅎ]/gu, "");
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

/** The initial consonant of one character when it is a Hangul syllable, else "". */
function initialOf(char: string): string {
  const code = char.charCodeAt(0);
  return code >= HANGUL_FIRST && code <= HANGUL_LAST ? getChoseong(char) : "";
}

/** Every consonant and pair of adjacent consonants of a consonant string, for 1–2 consonant queries. */
export function choseongGrams(choseong: string): string[] {
  const chars = Array.from(choseong);
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** A person's name or alias as compared with a query: lower-cased, spaces removed. */
export function spellingKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/gu, "");
}

/** A piece of text, marked when it matched the query. */
export interface Segment {
  text: string;
  mark: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** Non-overlapping [start, end) ranges (UTF-16 offsets) where any pattern occurs, ignoring case. */
export function findMatches(text: string, patterns: readonly string[]): Array<[number, number]> {
  const usable = [...new Set(patterns.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [];
  // Longest first, so 반도체 wins over 반도 where both match; `u` keeps surrogate pairs whole.
  const re = new RegExp(usable.map(escapeRegExp).join("|"), "giu");
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Where a consonant query matches a text: the syllables whose initial consonants spell it, in order,
 * skipping what is not a Hangul syllable in between (하이 투자 for ㅎㅇㅌㅈ).
 */
export function findChoseongMatches(text: string, choseong: string): Array<[number, number]> {
  const want = Array.from(choseong);
  if (want.length === 0) return [];
  const syllables: Array<{ cho: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const cho = initialOf(text[i]!);
    if (cho) syllables.push({ cho, at: i });
  }
  const out: Array<[number, number]> = [];
  for (let s = 0; s + want.length <= syllables.length; s++) {
    if (want.every((c, k) => syllables[s + k]!.cho === c)) {
      out.push([syllables[s]!.at, syllables[s + want.length - 1]!.at + 1]);
      s += want.length - 1;
    }
  }
  return out;
}

/** Cuts a text into marked and unmarked segments along the given (sorted, disjoint) ranges. */
export function segmentsOf(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** What a result's title and snippet are highlighted with. */
export interface Highlighter {
  patterns: readonly string[];
  choseong: string | null;
}

export function highlight(text: string, h: Highlighter): Segment[] {
  const ranges = findMatches(text, h.patterns);
  if (ranges.length === 0 && h.choseong) return segmentsOf(text, findChoseongMatches(text, h.choseong));
  return segmentsOf(text, ranges);
}

export const SNIPPET_CHARS = 160;

/** Moves an offset off the second half of a surrogate pair, so a cut never splits an emoji. */
function safeOffset(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * About 160 characters of the body around its first match (from the start when nothing in the body
 * matched, say for a title or byline match), cut at spaces where it can be, with … where text was
 * left out, as highlighted segments.
 */
export function snippet(body: string, h: Highlighter, maxChars = SNIPPET_CHARS): Segment[] {
  const first = findMatches(body, h.patterns)[0];
  let start = 0;
  if (first && first[0] > maxChars / 3) {
    start = first[0] - Math.floor(maxChars / 3);
    const space = body.indexOf(" ", start);
    if (space !== -1 && space < first[0]) start = space + 1;
  }
  start = safeOffset(body, start);
  let end = Math.min(body.length, start + maxChars);
  if (end < body.length) {
    const space = body.lastIndexOf(" ", end);
    if (space > start + maxChars * 0.6) end = space;
  }
  end = safeOffset(body, end);
  const piece = body.slice(start, end);
  const segments = highlight(piece, { patterns: h.patterns, choseong: null });
  if (start > 0) segments.unshift({ text: "…", mark: false });
  if (end < body.length) segments.push({ text: "…", mark: false });
  return segments;
}

/**
 * Search orders stories by a key, not by time and id: the publication millisecond × 2048 plus a
 * slot, unique per story. On SQLite the key is the FTS5 rowid, so "newest first" is FTS5 walking
 * its rowids backwards and a date range is a rowid range, both without touching another table.
 * Keys stay below 2^53 (exact in JavaScript) for times up to the year 2109.
 */
export const SORT_KEY_SLOTS = 2048;
const SORT_KEY_MAX_MS = 2 ** 42 - 1;

/** The smallest key of a millisecond: keys of stories published at `at` or later are ≥ this. */
export function sortKeyAt(at: number): number {
  const ms = Math.max(-SORT_KEY_MAX_MS, Math.min(SORT_KEY_MAX_MS, Math.floor(at)));
  return ms * SORT_KEY_SLOTS;
}

/** The key a story would like: its millisecond, and a slot from its id (taken slots move it up). */
export function preferredSortKey(publishedAt: number, articleId: number): number {
  return sortKeyAt(publishedAt) + (articleId % SORT_KEY_SLOTS);
}

/** `YYYY-MM-DD` in Korea Standard Time as the UTC instant its day begins; null when no such day. */
export function kstDayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return utc - 9 * 3600_000;
}

/** The FTS5 string for a pattern: one quoted phrase, its quotes doubled, so no query syntax survives. */
export function fts5Phrase(pattern: string): string {
  return `"${pattern.replace(/"/g, '""')}"`;
}

/** A LIKE pattern matching `text` anywhere, its wildcards and the escape character escaped (ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}
