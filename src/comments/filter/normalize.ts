/**
 * Normalisation for the comment filter. A comment is first CLEANED (invisible characters dropped,
 * Unicode compatibility forms folded, look-alike Cyrillic and Greek letters read as Latin, conjoining
 * jamo read as compatibility jamo), then read into one or more VIEWS, each a string of words separated by
 * single spaces:
 *
 * - base: what `normalizeForMatching` returns. Latin typed on a Korean 2-set keyboard is read as Hangul
 *   (tlqkf → 시발), a single digit or letter inside a Hangul word is dropped as filler (시1발, 시x발),
 *   punctuation and symbols inside a word are dropped (시.발, 시-발, 시♥발).
 * - phonetic: 8, 10 and 18 next to Hangul read aloud (씨8 → 씨팔, 10새 → 십새, 18놈 → 십팔놈), and a
 *   Latin c before Hangul or 8 read as 씨 (c발, c8). Built only when the comment has such a number or c.
 * - lookalike: characters that look like jamo read as jamo (ㄱH → 개, 7ㅐ → 개, 人 → ㅅ, 口 → ㅁ).
 *   Built only when the comment has one of them next to Hangul.
 * - latin: lower case, leet digits as letters, for English and romanised Korean (sibal, fuck); in a
 *   word that mixes scripts the Hangul is romanised (시bal → sibal).
 *
 * Every Hangul view is then finished the same way: runs of words of one to three loose jamo are joined
 * (ㅂ ㅕ ㅇ ㅅ ㅣ ㄴ), runs of jamo are reassembled into syllables (ㅅㅣㅂㅏㄹ → 시발), leftover loose
 * vowels are dropped (씨ㅡ발, ㅠㅠ), stretched vowels are folded back (씨이이바알 → 씨발), and a letter
 * repeated in a row is kept once (시시발, ㅋㅋㅋ → ㅋ).
 */
import {
  assembleJamo,
  assembleJamoRun,
  CHOSEONG,
  COMPOUND_CONSONANT,
  composeSyllable,
  conjoiningToCompat,
  isConsonantJamoCode,
  isHangulCode,
  isJamoCode,
  isSyllableCode,
  isVowelJamoCode,
  qwertyToJamo,
  romanizeSyllables,
  syllableParts,
} from "./hangul.ts";

/** Latin typed on the 2-set keyboard, assembled (tlqkf → 시발, hello → ㅗ디ㅣㅐ). */
function qwertyToHangul(latin: string): string {
  return assembleJamo(qwertyToJamo(latin));
}

// ---------------------------------------------------------------------------------------------- cleaning

function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe01ef)
  );
}

/** Letters from other scripts that are drawn like Latin ones (Cyrillic, Greek) or like jamo. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ӏ: "l",
  к: "k",
  м: "m",
  н: "h",
  т: "t",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  І: "I",
  Ѕ: "S",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  Α: "A",
  Β: "B",
  Ε: "E",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Χ: "X",
  Υ: "Y",
  Ζ: "Z",
  ㄧ: "ㅣ", // bopomofo I, drawn exactly like ㅣ
  ǀ: "|",
  "│": "|",
  "┃": "|",
  ㆍ: "",
};

const MARK = /\p{M}/u;
const SPACE = /\s/u;

/**
 * Folds a comment into a plain form: NFC, invisible characters removed, every non-Hangul character
 * NFKD-folded without its combining marks (full-width ｓ → s, 𝐬 → s, ⓢ → s, é → e, ㉮ → 가), conjoining and
 * half-width jamo read as compatibility jamo, compound consonants split (ㅄ → ㅂㅅ), whitespace → " ".
 * Case is kept: the 2-set keyboard reading needs it (T = ㅆ, t = ㅅ).
 */
export function cleanText(raw: string): string {
  const s = raw.normalize("NFC");
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out += cp <= 0x20 ? " " : ch;
      continue;
    }
    if (isSyllableCode(cp)) {
      out += ch;
      continue;
    }
    if (cp >= 0x3131 && cp <= 0x318e) {
      out += COMPOUND_CONSONANT[ch] ?? (cp <= 0x3163 ? ch : (CONFUSABLE[ch] ?? ""));
      continue;
    }
    if (isInvisible(cp)) continue;
    const compat = conjoiningToCompat(cp);
    if (compat !== undefined) {
      out += compat;
      continue;
    }
    const confusable = CONFUSABLE[ch];
    if (confusable !== undefined) {
      out += confusable;
      continue;
    }
    if (SPACE.test(ch)) {
      out += " ";
      continue;
    }
    for (const d of ch.normalize("NFKD")) {
      const dcp = d.codePointAt(0)!;
      if (MARK.test(d)) continue;
      const dcompat = conjoiningToCompat(dcp);
      if (dcompat !== undefined) out += dcompat;
      else out += CONFUSABLE[d] ?? d;
    }
  }
  // NFKD split things like ㉮ into jamo; the view builder reassembles them.
  return out;
}

// ---------------------------------------------------------------------------------- character classes

const C = { Sep: 0, Syl: 1, Cons: 2, Vowel: 3, Latin: 4, Digit: 5, Other: 6 } as const;
type C = (typeof C)[keyof typeof C];

const OTHER_LETTER = /[\p{L}\p{N}]/u;

function classOf(ch: string): C {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return C.Latin;
    if (cp >= 0x30 && cp <= 0x39) return C.Digit;
    return C.Sep;
  }
  if (isSyllableCode(cp)) return C.Syl;
  if (isConsonantJamoCode(cp)) return C.Cons;
  if (isVowelJamoCode(cp)) return C.Vowel;
  return OTHER_LETTER.test(ch) ? C.Other : C.Sep;
}

const isHangulClass = (c: C | undefined) => c === C.Syl || c === C.Cons || c === C.Vowel;

// ---------------------------------------------------------------------------------------- token mapping

export type ViewMode = "base" | "phonetic" | "lookalike";

/**
 * What 8, 10 and 18 sound like in insults: 8 after Hangul (씨8, ㅅ8), 10 and 18 before it (10새끼,
 * 18놈). Other numbers stay digits (18세 reads 십팔세, which matches nothing).
 */
const SPOKEN_AFTER_HANGUL: Readonly<Record<string, string>> = { "8": "팔" };
const SPOKEN_BEFORE_HANGUL: Readonly<Record<string, string>> = { "10": "십", "18": "십팔" };

/** Counters and units: a digit before one of these is a number, not filler (오전9시, 제3개년). */
const COUNTERS = new Set([
  ..."시일월년세개명원분초층호번대차회위등점살주장권잔병곳천만억조배도승패골타톤평칸줄쪽면건부편선인학기봉",
]);

/** Characters drawn like jamo, read as jamo next to Hangul in the look-alike view. */
const LOOKS_LIKE_I = new Set(["l", "I", "i", "1", "|", "!", "ı", "丨"]);
const LOOKS_LIKE_IEUNG = new Set(["o", "O", "0", "○", "◯"]);
const LOOKALIKE_OTHER: Readonly<Record<string, string>> = {
  人: "ㅅ",
  口: "ㅁ",
  ロ: "ㅁ",
  己: "ㄹ",
  卜: "ㅏ",
  ト: "ㅏ",
  "⊥": "ㅗ",
  L: "ㄴ",
};

interface Ch {
  ch: string;
  c: C;
}

/** Nearest neighbour in the token that is not a separator, or undefined. */
function neighbour(chars: Ch[], i: number, step: 1 | -1): Ch | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    if (chars[j]!.c !== C.Sep) return chars[j];
  }
  return undefined;
}

function isAllSyllables(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isSyllableCode(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Latin letters typed with the IME in the wrong mode are read through the 2-set keyboard only when
 * every letter lands in a complete syllable (tlqkf → 시발, tl발 → 시발; hello, Samsung이 stay Latin), or
 * when they complete a syllable begun by a loose consonant just before them (ㅅl발). All-capital words
 * are read as caps lock when alone (TLQKF) and as acronyms next to Hangul (KTX역, LG전자).
 */
function readLatinRun(run: string, inHangulWord: boolean, before: string): string {
  const allCaps = run.length >= 2 && run === run.toUpperCase();
  if (inHangulWord) {
    if (allCaps) return run.toLowerCase();
    const hangul = qwertyToHangul(run);
    if (isAllSyllables(hangul)) return hangul;
    // ㅅl발, ㅅlqkf: the letters finish a syllable begun by a loose consonant just before them.
    if (
      before &&
      isConsonantJamoCode(before.charCodeAt(0)) &&
      isAllSyllables(assembleJamo(before + qwertyToJamo(run)))
    ) {
      return hangul;
    }
    return run.toLowerCase();
  }
  const typed = allCaps ? run.toLowerCase() : run;
  const hangul = qwertyToHangul(typed);
  return isAllSyllables(hangul) ? hangul : run.toLowerCase();
}

function mapToken(token: string, mode: ViewMode): string {
  if (isAllSyllables(token)) return token; // the common case: nothing to map
  const chars: Ch[] = [];
  let hasHangul = false;
  for (const ch of token) {
    const c = classOf(ch);
    if (isHangulClass(c)) hasHangul = true;
    chars.push({ ch, c });
  }

  if (hasHangul && mode === "lookalike") {
    for (let i = 0; i < chars.length; i++) {
      const x = chars[i]!;
      const prev = neighbour(chars, i, -1);
      const next = neighbour(chars, i, 1);
      const between = isHangulClass(prev?.c) && isHangulClass(next?.c);
      let jamo: string | undefined;
      if (LOOKS_LIKE_I.has(x.ch) && (prev?.c === C.Cons || between)) jamo = "ㅣ";
      else if (LOOKS_LIKE_IEUNG.has(x.ch) && (next?.c === C.Vowel || between)) jamo = "ㅇ";
      else if (x.ch === "7" && next?.c === C.Vowel) jamo = "ㄱ";
      else if (x.ch === "H" && prev?.c === C.Cons) jamo = "ㅐ";
      else if (LOOKALIKE_OTHER[x.ch] && (isHangulClass(prev?.c) || isHangulClass(next?.c))) {
        jamo = LOOKALIKE_OTHER[x.ch];
      }
      if (jamo) chars[i] = { ch: jamo, c: isVowelJamoCode(jamo.charCodeAt(0)) ? C.Vowel : C.Cons };
    }
  }

  if (mode !== "base") {
    // c before Hangul or 8 reads 씨 (c발, c8), unless it ends a Latin word (abc발표).
    for (let i = 0; i < chars.length; i++) {
      const x = chars[i]!;
      if (x.ch !== "c" && x.ch !== "C") continue;
      const prev = chars[i - 1];
      const next = chars[i + 1];
      if (prev?.c === C.Latin) continue;
      if (next && (isHangulClass(next.c) || next.ch === "8")) chars[i] = { ch: "씨", c: C.Syl };
    }
  }

  let out = "";
  let i = 0;
  while (i < chars.length) {
    const x = chars[i]!;
    if (x.c === C.Latin) {
      let j = i;
      let run = "";
      while (j < chars.length && chars[j]!.c === C.Latin) run += chars[j++]!.ch;
      const read = readLatinRun(run, hasHangul, out.slice(-1));
      const filler =
        run.length === 1 &&
        read === run.toLowerCase() &&
        isHangulClass(neighbour(chars, i, -1)?.c) &&
        isHangulClass(neighbour(chars, i, 1)?.c);
      if (!filler) out += read; // a lone letter inside a Hangul word is filler (시x발)
      i = j;
      continue;
    }
    if (x.c === C.Digit) {
      let j = i;
      let run = "";
      while (j < chars.length && chars[j]!.c === C.Digit) run += chars[j++]!.ch;
      const prev = neighbour(chars, i, -1);
      const next = neighbour(chars, j - 1, 1);
      const spoken =
        (isHangulClass(prev?.c) && SPOKEN_AFTER_HANGUL[run]) ||
        (isHangulClass(next?.c) && SPOKEN_BEFORE_HANGUL[run]);
      if (mode === "phonetic" && spoken) out += spoken;
      else if (
        run.length === 1 &&
        isHangulClass(prev?.c) &&
        isHangulClass(next?.c) &&
        !COUNTERS.has(next!.ch)
      ) {
        // a single digit inside a Hangul word is filler (시1발, 병1신), unless it counts something (오전9시)
      } else out += run;
      i = j;
      continue;
    }
    if (x.c !== C.Sep) out += x.ch;
    i++;
  }
  return out;
}

// ------------------------------------------------------------------------------------------- finishing

const IEUNG = CHOSEONG.indexOf("ㅇ");
const RIEUL_FINAL = 8;
/** Vowel index → the plain vowel a stretched 아/어/오/우/이/에 repeats after it. */
const VOWEL_TAIL: readonly number[] = (() => {
  const names = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  const tail: Record<string, string> = {
    ㅑ: "ㅏ",
    ㅒ: "ㅐ",
    ㅕ: "ㅓ",
    ㅖ: "ㅔ",
    ㅘ: "ㅏ",
    ㅙ: "ㅐ",
    ㅚ: "ㅣ",
    ㅛ: "ㅗ",
    ㅝ: "ㅓ",
    ㅞ: "ㅔ",
    ㅟ: "ㅣ",
    ㅠ: "ㅜ",
    ㅢ: "ㅣ",
  };
  return [...names].map((v) => names.indexOf(tail[v] ?? v));
})();
const AE = 1;
const E = 5;

function sameVowel(prevV: number, nextV: number): boolean {
  const a = VOWEL_TAIL[prevV]!;
  const b = VOWEL_TAIL[nextV]!;
  return a === b || ((a === AE || a === E) && (b === AE || b === E));
}

/**
 * Folds stretched syllables back: an open syllable followed by ㅇ + the same vowel loses the echo
 * (시이 → 시, 개애 → 개); followed by ㅇ + the same vowel + ㄹ, it takes the ㄹ (바알 → 발, 라알 → 랄).
 * Only ㄹ is carried over: 시인 must not become 신.
 */
function foldStretch(word: string): string {
  let out = "";
  let prevCode = -1;
  for (let i = 0; i < word.length; i++) {
    const cp = word.charCodeAt(i);
    if (prevCode >= 0 && isSyllableCode(cp) && isSyllableCode(prevCode)) {
      const p = syllableParts(prevCode);
      const n = syllableParts(cp);
      if (n.l === IEUNG && p.t === 0 && sameVowel(p.v, n.v)) {
        if (n.t === 0) continue;
        if (n.t === RIEUL_FINAL) {
          const merged = composeSyllable(p.l, p.v, n.t);
          out = out.slice(0, -1) + merged;
          prevCode = merged.charCodeAt(0);
          continue;
        }
      }
    }
    out += word[i];
    prevCode = cp;
  }
  return out;
}

function reassembleJamo(word: string): string {
  let out = "";
  let run = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (isJamoCode(ch.charCodeAt(0))) {
      run += ch;
      continue;
    }
    if (run) {
      out += assembleJamoRun(run);
      run = "";
    }
    out += ch;
  }
  if (run) out += assembleJamoRun(run);
  return out;
}

function dropLooseVowels(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    if (!isVowelJamoCode(word.charCodeAt(i))) out += word[i];
  }
  return out;
}

function collapseRepeats(word: string): string {
  let out = "";
  let prev = "";
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const cp = ch.charCodeAt(0);
    if (ch === prev && !(cp >= 0x30 && cp <= 0x39)) continue;
    out += ch;
    prev = ch;
  }
  return out;
}

const isJamoWord = (w: string): boolean => {
  if (w.length === 0 || w.length > 3) return false;
  for (let i = 0; i < w.length; i++) if (!isJamoCode(w.charCodeAt(i))) return false;
  return true;
};

/** Joins runs of two or more words made of a few loose jamo, if together they spell syllables. */
function joinSpelledWords(words: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isJamoWord(words[i]!)) {
      out.push(words[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && isJamoWord(words[j]!)) j++;
    const joined = words.slice(i, j).join("");
    const spells = j - i >= 2 && assembleJamoRun(joined) !== joined;
    if (spells) out.push(joined);
    else out.push(...words.slice(i, j));
    i = j;
  }
  return out;
}

function hasJamo(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isJamoCode(word.charCodeAt(i))) return true;
  return false;
}

function finishWords(words: string[]): string {
  const joined = joinSpelledWords(words);
  const out: string[] = [];
  for (const w of joined) {
    const loose = hasJamo(w) ? dropLooseVowels(reassembleJamo(w)) : w;
    const f = collapseRepeats(foldStretch(loose));
    if (f) out.push(f);
  }
  return out.join(" ");
}

/** Builds one Hangul view of an already cleaned comment. */
export function buildView(cleaned: string, mode: ViewMode): string {
  const words = cleaned.split(" ");
  const mapped: string[] = [];
  for (const w of words) {
    if (!w) continue;
    const m = mapToken(w, mode);
    if (m) mapped.push(m);
  }
  return finishWords(mapped);
}

// ------------------------------------------------------------------------------------------ latin view

const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
};

const HAS_SYLLABLE = /[가-힣]/;

/**
 * The Latin reading: lower case, leet read as letters in words with letters, separators dropped. In a
 * word that mixes scripts, Hangul syllables are romanised (시bal, si발 → sibal).
 */
export function buildLatinView(cleaned: string): string {
  const out: string[] = [];
  for (let word of cleaned.toLowerCase().split(" ")) {
    if (!word) continue;
    const hasLetter = /[a-z]/.test(word);
    if (hasLetter && HAS_SYLLABLE.test(word)) word = romanizeSyllables(word);
    let w = "";
    let prev = "";
    for (const ch of word) {
      let x = ch;
      if (hasLetter && LEET[x]) x = LEET[x]!;
      const cp = x.codePointAt(0)!;
      const keep = (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || isHangulCode(cp);
      if (!keep) continue;
      if (x === prev && cp >= 0x61 && cp <= 0x7a) continue;
      w += x;
      prev = x;
    }
    if (w) out.push(w);
  }
  return out.join(" ");
}

// --------------------------------------------------------------------------------------------- views

const PHONETIC_TRIGGER = /(?<!\d)1[08][가-힣ㄱ-ㅣ]|[가-힣ㄱ-ㅣ]8(?!\d)|(?:^|[^a-z])c[가-힣ㄱ-ㅣ8]/i;
/** Roughly where the look-alike view can read something the base view cannot (see mapToken). */
const LOOKALIKE_TRIGGER =
  /[ㄱ-ㅎ][lIi1|!ı丨H]|[가-힣ㄱ-ㅣ][lIi1|!ı丨oO0○◯][가-힣ㄱ-ㅣ]|[oO0○◯7][ㅏ-ㅣ]|[人口ロ己卜ト⊥L][가-힣ㄱ-ㅣ]|[가-힣ㄱ-ㅣ][人口ロ己卜ト⊥L]/;
const HAS_LATIN = /[a-z]/i;

export interface Views {
  cleaned: string;
  /** Hangul views: base first. */
  hangul: string[];
  /** Latin view, or null when the comment has no Latin letter. */
  latin: string | null;
}

export function buildViews(raw: string): Views {
  const cleaned = cleanText(raw);
  const base = buildView(cleaned, "base");
  const hangul = [base];
  if (PHONETIC_TRIGGER.test(cleaned)) {
    const v = buildView(cleaned, "phonetic");
    if (v !== base) hangul.push(v);
  }
  if (LOOKALIKE_TRIGGER.test(cleaned)) {
    const v = buildView(cleaned, "lookalike");
    if (v !== base) hangul.push(v);
  }
  const latin = HAS_LATIN.test(cleaned) ? buildLatinView(cleaned) : null;
  return { cleaned, hangul, latin };
}

/**
 * The base reading used for matching: Hangul syllables and compatibility jamo, lower-case Latin that
 * is not keyboard Hangul, digits, words separated by single spaces. Exported for tests.
 */
export function normalizeForMatching(text: string): string {
  return buildView(cleanText(text), "base");
}
