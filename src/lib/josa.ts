import { josa } from "es-hangul";

/** How a final digit is read aloud (Sino-Korean), which decides the particle: 1일 → 은, 2이 → 는. */
const DIGIT_READINGS = ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];

/**
 * The particle that follows `word` (es-hangul's `josa.pick`), reading a final digit as it is spoken,
 * since es-hangul decides by the last Hangul syllable only: ‘2026-03-01’은, ‘기사 12’는.
 */
export function particleFor(word: string, pair: Parameters<typeof josa.pick>[1]): string {
  const last = word.at(-1) ?? "";
  const spoken = /[0-9]/.test(last) ? DIGIT_READINGS[Number(last)]! : word;
  return josa.pick(spoken, pair);
}

/** The word followed by its particle: 기사를, 인물을, ‘2026-13-01’은. */
export function withParticle(word: string, pair: Parameters<typeof josa.pick>[1]): string {
  return `${word}${particleFor(word, pair)}`;
}
