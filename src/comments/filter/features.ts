/**
 * The learned filter's features: character n-grams over the normaliser's readings of a comment
 * (normalize.ts), hashed into a fixed number of buckets. Because they are taken from the readings, the
 * evasions the word list already sees through (시.발, tlqkf, ㅅㅣㅂㅏㄹ, 씨8) give the model the same
 * n-grams as the plain spelling.
 *
 * Each reading is framed by spaces (" 개 같은 "), so an n-gram can mark the start or end of a word. A
 * comment's features are a SET (an n-gram counts once, however many readings or repetitions contain it),
 * each worth 1/√(number of features), so long and short comments score on one scale.
 */
import type { Views } from "./normalize.ts";

export interface FeatureShape {
  /** log2 of the number of buckets */
  bits: number;
  /** shortest and longest n-gram, in UTF-16 code units (a Hangul syllable is one) */
  minN: number;
  maxN: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Mixed into the hash of n-grams from the Latin reading, so "ab" in Latin and in Hangul differ. */
const LATIN_SPACE = 0x9e3779b9;

function finish(h: number, mask: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  return x & mask;
}

/** Calls `emit(bucket, start, length)` for every n-gram of `text` (framed already). */
function eachNgram(
  text: string,
  shape: FeatureShape,
  space: number,
  emit: (bucket: number, start: number, length: number) => void,
): void {
  const mask = (1 << shape.bits) - 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let h = (FNV_OFFSET ^ space) >>> 0;
    const end = Math.min(n, i + shape.maxN);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
      const len = j - i + 1;
      if (len >= shape.minN) emit(finish(h, mask), i, len);
    }
  }
}

/** The readings the model looks at: every Hangul view, and the Latin one when it adds something. */
function readings(views: Views): { text: string; space: number }[] {
  const out: { text: string; space: number }[] = [];
  for (const v of views.hangul) if (v) out.push({ text: ` ${v} `, space: 0 });
  if (views.latin && views.latin !== views.hangul[0])
    out.push({ text: ` ${views.latin} `, space: LATIN_SPACE });
  return out;
}

/**
 * Marks which buckets were already taken for the comment in hand. A stamp per bucket (instead of a
 * Set) keeps extraction free of allocation; one array per bucket count.
 */
const stamps = new Map<number, { seen: Uint32Array; stamp: number }>();

function stampsFor(bits: number) {
  let s = stamps.get(bits);
  if (!s) {
    s = { seen: new Uint32Array(1 << bits), stamp: 0 };
    stamps.set(bits, s);
  }
  if (++s.stamp === 0xffffffff) {
    s.seen.fill(0);
    s.stamp = 1;
  }
  return s;
}

/** The distinct buckets of a comment's n-grams, in the order first met (deterministic). */
export function featureBuckets(views: Views, shape: FeatureShape): Int32Array {
  const s = stampsFor(shape.bits);
  const stamp = s.stamp;
  const seen = s.seen;
  const out: number[] = [];
  for (const r of readings(views)) {
    eachNgram(r.text, shape, r.space, (b) => {
      if (seen[b] !== stamp) {
        seen[b] = stamp;
        out.push(b);
      }
    });
  }
  return Int32Array.from(out);
}

/** Sum of the weights of the comment's buckets, each worth 1/√count, plus the bias. */
export function linearScore(views: Views, shape: FeatureShape, weights: Float32Array, bias: number): number {
  const s = stampsFor(shape.bits);
  const stamp = s.stamp;
  const seen = s.seen;
  let sum = 0;
  let count = 0;
  for (const r of readings(views)) {
    eachNgram(r.text, shape, r.space, (b) => {
      if (seen[b] !== stamp) {
        seen[b] = stamp;
        sum += weights[b]!;
        count++;
      }
    });
  }
  return count === 0 ? bias : bias + sum / Math.sqrt(count);
}

export interface WeighedNgram {
  /** the n-gram as read (spaces mark the start or end of a word) */
  text: string;
  /** its share of the score before the sigmoid (weight / √count) */
  weight: number;
}

/**
 * The n-grams of a comment with the largest positive weights, for moderators: why a comment waits.
 * N-grams of one character, and ones contained in a longer one among the heaviest, are left out.
 */
export function heaviestNgrams(
  views: Views,
  shape: FeatureShape,
  weights: Float32Array,
  limit: number,
): WeighedNgram[] {
  const byBucket = new Map<number, string>();
  for (const r of readings(views)) {
    eachNgram(r.text, shape, r.space, (b, start, length) => {
      const prev = byBucket.get(b);
      const text = r.text.slice(start, start + length);
      // Of the n-grams sharing a bucket, show the longest (most telling) one.
      if (prev === undefined || text.trim().length > prev.trim().length) byBucket.set(b, text);
    });
  }
  const scale = byBucket.size === 0 ? 0 : 1 / Math.sqrt(byBucket.size);
  const all = [...byBucket]
    .map(([b, text]) => ({ text, weight: weights[b]! * scale }))
    .filter((x) => x.weight > 0 && x.text.trim().length >= 2)
    .sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : 1));
  // Of n-grams that contain one another, the longest tells the most (대가리, not 대가 and 가리).
  const top = all.slice(0, limit * 3);
  const out: WeighedNgram[] = [];
  for (const x of top) {
    if (out.length >= limit) break;
    const core = x.text.trim();
    if (out.some((o) => o.text.trim() === core)) continue; // "␣시발" after "시발␣"
    if (top.some((o) => o !== x && o.text.trim().length > core.length && o.text.includes(core))) continue;
    out.push(x);
  }
  return out;
}
