/**
 * Low-level Hangul helpers for the comment filter: syllable arithmetic (Unicode 3.12), the mapping from
 * conjoining jamo (U+1100…) back to compatibility jamo (U+3131…), the 2-set keyboard, and an IME-style
 * assembler for spelled-out jamo (ㅅㅣㅂㅏㄹ → 시발).
 *
 * es-hangul has `assemble` and `convertQwertyToHangul`, and the tests check this module agrees with
 * them; they are not used on the hot path because they throw on ordinary input (convertQwertyToHangul
 * ("How") and ("localhost") do, in 2.4) and take time quadratic in the length (about 3 ms for a 400-letter
 * comment), and the filter runs on every comment. Its `romanize` applies pronunciation rules and is slow;
 * matching wants the plain spelling-by-syllable that people type (romanizeSyllables).
 */

const S_BASE = 0xac00;
const S_LAST = 0xd7a3;
const V_COUNT = 21;
const T_COUNT = 28;
const N_COUNT = V_COUNT * T_COUNT;

export const CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
export const JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
/** Final consonants; index 0 is "no final". */
export const JONGSEONG = [
  "",
  "ㄱ",
  "ㄲ",
  "ㄳ",
  "ㄴ",
  "ㄵ",
  "ㄶ",
  "ㄷ",
  "ㄹ",
  "ㄺ",
  "ㄻ",
  "ㄼ",
  "ㄽ",
  "ㄾ",
  "ㄿ",
  "ㅀ",
  "ㅁ",
  "ㅂ",
  "ㅄ",
  "ㅅ",
  "ㅆ",
  "ㅇ",
  "ㅈ",
  "ㅊ",
  "ㅋ",
  "ㅌ",
  "ㅍ",
  "ㅎ",
] as const;

export function isSyllableCode(cp: number): boolean {
  return cp >= S_BASE && cp <= S_LAST;
}

/** Compatibility jamo block, modern letters only (ㄱ U+3131 … ㅣ U+3163). */
export function isJamoCode(cp: number): boolean {
  return cp >= 0x3131 && cp <= 0x3163;
}

export function isVowelJamoCode(cp: number): boolean {
  return cp >= 0x314f && cp <= 0x3163;
}

export function isConsonantJamoCode(cp: number): boolean {
  return cp >= 0x3131 && cp <= 0x314e;
}

export function isHangulCode(cp: number): boolean {
  return isSyllableCode(cp) || isJamoCode(cp);
}

export interface SyllableParts {
  /** index into CHOSEONG */
  l: number;
  /** index into JUNGSEONG */
  v: number;
  /** index into JONGSEONG (0 = none) */
  t: number;
}

export function syllableParts(cp: number): SyllableParts {
  const s = cp - S_BASE;
  return { l: Math.floor(s / N_COUNT), v: Math.floor((s % N_COUNT) / T_COUNT), t: s % T_COUNT };
}

export function composeSyllable(l: number, v: number, t = 0): string {
  return String.fromCharCode(S_BASE + l * N_COUNT + v * T_COUNT + t);
}

/** The initial consonant of a syllable as a compatibility jamo (시 → ㅅ); other characters unchanged. */
export function choseongOf(ch: string): string {
  const cp = ch.charCodeAt(0);
  return isSyllableCode(cp) ? CHOSEONG[syllableParts(cp).l]! : ch;
}

/**
 * Compound consonant jamo split into their letters. Typed alone they are slang abbreviations
 * (ㅄ = ㅂㅅ = 병신, ㄳ = ㄱㅅ = 감사), so the filter reads them as the pair.
 */
export const COMPOUND_CONSONANT: Readonly<Record<string, string>> = {
  ㄳ: "ㄱㅅ",
  ㄵ: "ㄴㅈ",
  ㄶ: "ㄴㅎ",
  ㄺ: "ㄹㄱ",
  ㄻ: "ㄹㅁ",
  ㄼ: "ㄹㅂ",
  ㄽ: "ㄹㅅ",
  ㄾ: "ㄹㅌ",
  ㄿ: "ㄹㅍ",
  ㅀ: "ㄹㅎ",
  ㅄ: "ㅂㅅ",
};

// Conjoining jamo (what NFKC and NFD produce) back to compatibility jamo.
const CONJOINING_FINALS = JONGSEONG.slice(1).map((j) => COMPOUND_CONSONANT[j] ?? j);
const ARCHAIC_INITIALS: Readonly<Record<number, string>> = {
  4371: "ㄴㄱ",
  4378: "ㄹㅎ",
  4380: "ㅁㅂ",
  4381: "ㅁ",
  4385: "ㅂㅅ",
  4397: "ㅅㄱ",
  4416: "ㅅ",
  4428: "ㅇ",
  4441: "ㅎ",
  4447: "",
};

/** Maps one conjoining jamo code point to compatibility jamo; undefined when it is not conjoining jamo. */
export function conjoiningToCompat(cp: number): string | undefined {
  if (cp >= 0x1100 && cp <= 0x1112) return CHOSEONG[cp - 0x1100];
  if (cp >= 0x1161 && cp <= 0x1175) return JUNGSEONG[cp - 0x1161];
  if (cp >= 0x11a8 && cp <= 0x11c2) return CONJOINING_FINALS[cp - 0x11a8];
  if (cp >= 0x1100 && cp <= 0x115f) return ARCHAIC_INITIALS[cp] ?? "";
  if (cp === 0x1160) return ""; // jungseong filler
  if ((cp >= 0x1176 && cp <= 0x11a7) || (cp >= 0x11c3 && cp <= 0x11ff)) return "";
  if ((cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return "";
  return undefined;
}

const ROMAN_INITIAL = [
  "g",
  "kk",
  "n",
  "d",
  "tt",
  "r",
  "m",
  "b",
  "pp",
  "s",
  "ss",
  "",
  "j",
  "jj",
  "ch",
  "k",
  "t",
  "p",
  "h",
];
const ROMAN_VOWEL = [
  "a",
  "ae",
  "ya",
  "yae",
  "eo",
  "e",
  "yeo",
  "ye",
  "o",
  "wa",
  "wae",
  "oe",
  "yo",
  "u",
  "wo",
  "we",
  "wi",
  "yu",
  "eu",
  "ui",
  "i",
];
const ROMAN_FINAL = [
  "",
  "k",
  "k",
  "k",
  "n",
  "n",
  "n",
  "t",
  "l",
  "k",
  "m",
  "l",
  "l",
  "l",
  "p",
  "l",
  "m",
  "p",
  "p",
  "t",
  "t",
  "ng",
  "t",
  "t",
  "k",
  "t",
  "p",
  "t",
];

/**
 * Revised Romanization, syllable by syllable, without the sound-change rules (시발 → sibal, 병신 →
 * byeongsin): how people spell Korean insults in Latin letters. Other characters pass through.
 */
export function romanizeSyllables(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (!isSyllableCode(cp)) {
      out += text[i];
      continue;
    }
    const { l, v, t } = syllableParts(cp);
    out += ROMAN_INITIAL[l]! + ROMAN_VOWEL[v]! + ROMAN_FINAL[t]!;
  }
  return out;
}

/** The Korean 2-set (두벌식) keyboard: Latin key → jamo. Shift matters only for the seven doubled letters. */
const QWERTY: Readonly<Record<string, string>> = {
  q: "ㅂ",
  w: "ㅈ",
  e: "ㄷ",
  r: "ㄱ",
  t: "ㅅ",
  y: "ㅛ",
  u: "ㅕ",
  i: "ㅑ",
  o: "ㅐ",
  p: "ㅔ",
  a: "ㅁ",
  s: "ㄴ",
  d: "ㅇ",
  f: "ㄹ",
  g: "ㅎ",
  h: "ㅗ",
  j: "ㅓ",
  k: "ㅏ",
  l: "ㅣ",
  z: "ㅋ",
  x: "ㅌ",
  c: "ㅊ",
  v: "ㅍ",
  b: "ㅠ",
  n: "ㅜ",
  m: "ㅡ",
  Q: "ㅃ",
  W: "ㅉ",
  E: "ㄸ",
  R: "ㄲ",
  T: "ㅆ",
  O: "ㅒ",
  P: "ㅖ",
};

/** Latin letters as the jamo the same keys type on a 2-set keyboard (tlqkf → ㅅㅣㅂㅏㄹ). */
export function qwertyToJamo(latin: string): string {
  let out = "";
  for (const ch of latin) out += QWERTY[ch] ?? QWERTY[ch.toLowerCase()] ?? ch;
  return out;
}

const VOWEL_PAIRS: Readonly<Record<string, string>> = {
  ㅗㅏ: "ㅘ",
  ㅗㅐ: "ㅙ",
  ㅗㅣ: "ㅚ",
  ㅜㅓ: "ㅝ",
  ㅜㅔ: "ㅞ",
  ㅜㅣ: "ㅟ",
  ㅡㅣ: "ㅢ",
};
const FINAL_PAIRS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(COMPOUND_CONSONANT).map(([compound, pair]) => [pair, compound]),
);
/** The split of a compound final when a vowel follows: the second letter moves on (닭이 → 달기). */
const FINAL_SPLIT: Readonly<Record<string, readonly [string, string]>> = Object.fromEntries(
  Object.entries(COMPOUND_CONSONANT).map(([compound, pair]) => [compound, [pair[0]!, pair[1]!] as const]),
);

/**
 * Assembles compatibility jamo into syllables the way a Korean IME does, in one pass: ㅅㅣㅂㅏㄹ → 시발,
 * ㄱㅐㅅㅐㄲㅣ → 개새끼, ㅋㅋㅋㅠ → ㅋㅋ큐. Letters that cannot join stay loose. Non-jamo pass through.
 * (es-hangul's `assemble` does the same but throws on some sequences and is quadratic.)
 */
export function assembleJamo(jamo: string): string {
  let out = "";
  let l = -1; // CHOSEONG index
  let v = ""; // vowel (possibly compound)
  let t = ""; // final (possibly compound)
  const flush = () => {
    if (l >= 0 && v) out += composeSyllable(l, JUNGSEONG.indexOf(v), t ? JONGSEONG.indexOf(t as never) : 0);
    else if (l >= 0) out += CHOSEONG[l];
    else if (v) out += v;
    l = -1;
    v = "";
    t = "";
  };
  for (const ch of jamo) {
    const cp = ch.charCodeAt(0);
    if (!isJamoCode(cp)) {
      flush();
      out += ch;
      continue;
    }
    if (isVowelJamoCode(cp)) {
      if (l >= 0 && v && t) {
        const split = FINAL_SPLIT[t];
        const carried = split ? split[1] : t;
        t = split ? split[0] : "";
        flush();
        const carriedL = CHOSEONG.indexOf(carried);
        if (carriedL >= 0) l = carriedL;
        else out += carried;
        v = ch;
      } else if (v && VOWEL_PAIRS[v + ch]) {
        v = VOWEL_PAIRS[v + ch]!;
      } else if (l >= 0 && !v) {
        v = ch;
      } else {
        flush();
        v = ch;
      }
      continue;
    }
    // consonant
    if (l >= 0 && v && !t && JONGSEONG.includes(ch as never)) {
      t = ch;
    } else if (l >= 0 && v && t && FINAL_PAIRS[t + ch]) {
      t = FINAL_PAIRS[t + ch]!;
    } else {
      flush();
      const li = CHOSEONG.indexOf(ch);
      if (li >= 0) l = li;
      else out += ch; // a compound consonant cannot begin a syllable
    }
  }
  flush();
  return out;
}

/**
 * Reassembles a run of compatibility jamo (ㅅㅣㅂㅏㄹ → 시발, ㄱㅐ → 개). Runs without both a consonant
 * and a vowel are returned unchanged (ㅋㅋ, ㅠㅠ, ㅅㅂ).
 */
export function assembleJamoRun(run: string): string {
  let consonant = false;
  let vowel = false;
  for (let i = 0; i < run.length; i++) {
    const cp = run.charCodeAt(i);
    if (isVowelJamoCode(cp)) vowel = true;
    else consonant = true;
  }
  if (!consonant || !vowel) return run;
  return assembleJamo(run);
}
