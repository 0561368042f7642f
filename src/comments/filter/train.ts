/**
 * Trains the abuse model: logistic regression by stochastic gradient descent with per-bucket (AdaGrad)
 * step sizes and L2 shrinkage, over the hashed n-grams of features.ts. Deterministic: the order of the
 * examples in each epoch comes from a seeded generator, and nothing else is random, so the same examples
 * and the same seed give the same weights, bit for bit.
 *
 * The threshold is chosen afterwards on examples the model did not learn from (chooseThreshold).
 */
import { type AbuseModel, type ModelInfo, makeModel } from "./abuse-model.ts";
import { type FeatureShape, featureBuckets } from "./features.ts";
import { buildViews } from "./normalize.ts";

export interface TrainingExample {
  text: string;
  /** true: should be held */
  abusive: boolean;
  /** where it came from (a public set's name, "own", or "paper" for moderators' decisions) */
  source: string;
  /** how much the example counts (1 unless said otherwise) */
  weight?: number;
}

export interface TrainingOptions {
  seed: number;
  epochs: number;
  shape: FeatureShape;
  /** AdaGrad base step */
  rate: number;
  /** L2 shrinkage per update of a bucket */
  l2: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  seed: 17,
  epochs: 4,
  shape: { bits: 20, minN: 1, maxN: 3 },
  rate: 0.3,
  l2: 1e-5,
};

/** mulberry32: a small seeded generator, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Trains the weights and bias; the threshold is set to 0.5 until chooseThreshold picks one. */
export function trainModel(
  examples: readonly TrainingExample[],
  options: TrainingOptions = DEFAULT_TRAINING,
  thresholdRule = "0.5 (not chosen)",
): AbuseModel {
  const { shape } = options;
  const size = 1 << shape.bits;
  const weights = new Float64Array(size);
  const squares = new Float64Array(size);
  let bias = 0;
  let biasSquares = 0;
  const encoded = examples.map((e) => ({
    buckets: featureBuckets(buildViews(e.text), shape),
    y: e.abusive ? 1 : 0,
    weight: e.weight ?? 1,
  }));
  const random = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const ex = encoded[i]!;
      const n = ex.buckets.length;
      if (n === 0) continue;
      const x = 1 / Math.sqrt(n);
      let z = bias;
      for (let k = 0; k < n; k++) z += weights[ex.buckets[k]!]! * x;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ex.y) * ex.weight;
      for (let k = 0; k < n; k++) {
        const b = ex.buckets[k]!;
        const grad = g * x + options.l2 * weights[b]!;
        squares[b]! += grad * grad;
        weights[b]! -= (options.rate * grad) / Math.sqrt(squares[b]! + 1e-8);
      }
      biasSquares += g * g;
      bias -= (options.rate * g) / Math.sqrt(biasSquares + 1e-8);
    }
  }
  const info: ModelInfo = {
    seed: options.seed,
    examples: countBySource(examples),
    epochs: options.epochs,
    thresholdRule,
  };
  return makeModel({ shape, bias, threshold: 0.5, weights: Float32Array.from(weights), info });
}

function countBySource(examples: readonly TrainingExample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of examples) out[e.source] = (out[e.source] ?? 0) + 1;
  return out;
}

/** The same model with another threshold (and the rule that chose it). */
export function withThreshold(model: AbuseModel, threshold: number, rule: string): AbuseModel {
  return makeModel({
    shape: model.shape,
    bias: model.bias,
    weights: model.weights,
    threshold,
    info: { ...model.info, thresholdRule: rule },
  });
}

export interface ValidationLine {
  /** the model's probability */
  score: number;
  /** whether the word list (or the spam rules) holds the line anyway */
  heldWithoutModel: boolean;
  abusive: boolean;
}

/**
 * The lowest threshold at which, on every validation set, the combined verdict (word list or spam rules
 * or score ≥ threshold) holds at most `maxInnocentHeld` of the innocent lines. Lines the rules hold
 * anyway cost nothing more. Lowest, because a lower threshold holds more abuse.
 */
export function chooseThreshold(
  sets: Record<string, readonly ValidationLine[]>,
  maxInnocentHeld: Record<string, number>,
): number {
  let threshold = 0.05;
  for (const [name, lines] of Object.entries(sets)) {
    const limit = maxInnocentHeld[name] ?? 0.02;
    const innocent = lines.filter((l) => !l.abusive);
    const allowed = Math.floor(limit * innocent.length) - innocent.filter((l) => l.heldWithoutModel).length;
    // Innocent lines only the model could hold, highest score first: the threshold must sit above the
    // (allowed + 1)-th of them.
    const scores = innocent
      .filter((l) => !l.heldWithoutModel)
      .map((l) => l.score)
      .sort((a, b) => b - a);
    const need = allowed < 0 ? scores[0] : scores[allowed];
    if (need !== undefined) threshold = Math.max(threshold, Math.min(0.999, need + 1e-6));
  }
  return threshold;
}
