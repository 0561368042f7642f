/**
 * Learning a whole model, as `npm run train-filter` (the shipped model) and `jikji train-filter` (with
 * the paper's own moderation decisions) both do: train on every set's training split plus any extra
 * examples, then choose the threshold on the validation splits so that the combined verdict (word list,
 * spam rules, model) holds at most INNOCENT_HELD_LIMIT of each set's innocent lines. The test splits
 * are not touched here.
 */
import type { AbuseModel } from "./abuse-model.ts";
import { loadSplits, publicTrainingExamples, SET_NAMES, type SetName, type Split } from "./datasets.ts";
import { judgeComment, judgedScore } from "./judge.ts";
import {
  chooseThreshold,
  DEFAULT_TRAINING,
  type TrainingExample,
  type TrainingOptions,
  trainModel,
  type ValidationLine,
  withThreshold,
} from "./train.ts";

/** Innocent lines the combined verdict may hold on each validation split. */
export const INNOCENT_HELD_LIMIT: Record<SetName, number> = {
  "curse-detection": 0.02,
  "korean-hate-speech": 0.02,
  own: 0.01,
};

/**
 * How much one of the paper's own decisions, or one of the project's own labelled lines, counts against
 * one line of a public set: they state this paper's policy (새끼 alone is allowed, 물개 새끼 is a seal
 * pup), which the public sets' labellers did not follow.
 */
export const PAPER_EXAMPLE_WEIGHT = 3;
export const OWN_EXAMPLE_WEIGHT = 3;

export interface LearnOptions {
  /** extra examples (the paper's decisions), trained on with the public training splits */
  extra?: readonly TrainingExample[];
  /**
   * Use every `every`-th line of each training and validation split (1 = all). Tests train on a
   * small sample to stay fast; the scripts use everything.
   */
  every?: number;
  training?: TrainingOptions;
}

function sample<T>(items: readonly T[], every: number): T[] {
  return every <= 1 ? [...items] : items.filter((_, i) => i % every === 0);
}

export function learnModel(options: LearnOptions = {}): AbuseModel {
  const every = options.every ?? 1;
  const splits = loadSplits();
  const sampled = Object.fromEntries(
    SET_NAMES.map((n) => [
      n,
      { train: sample(splits[n].train, every), validation: sample(splits[n].validation, every), test: [] },
    ]),
  ) as unknown as Record<SetName, Split>;
  const examples = [
    ...publicTrainingExamples(sampled).map((e) =>
      e.source === "own" ? { ...e, weight: OWN_EXAMPLE_WEIGHT } : e,
    ),
    ...(options.extra ?? []).map((e) => ({ ...e, weight: e.weight ?? PAPER_EXAMPLE_WEIGHT })),
  ];
  const model = trainModel(examples, options.training ?? DEFAULT_TRAINING);
  const validation: Record<string, ValidationLine[]> = {};
  for (const n of SET_NAMES) validation[n] = validationLines(model, sampled[n].validation);
  const threshold = chooseThreshold(validation, INNOCENT_HELD_LIMIT);
  const rule = SET_NAMES.map((n) => `${n} ≤ ${INNOCENT_HELD_LIMIT[n] * 100}%`).join(", ");
  return withThreshold(model, threshold, `innocent held on validation: ${rule}`);
}

/** How the model and the rules judge labelled lines: what the threshold is chosen on. */
export function validationLines(
  model: AbuseModel,
  lines: readonly { text: string; abusive: boolean }[],
): ValidationLine[] {
  return lines.map((l) => ({
    score: judgedScore(model, l.text),
    heldWithoutModel: judgeComment(l.text).action === "hold",
    abusive: l.abusive,
  }));
}

/**
 * The model's ranking quality on labelled lines: the probability that an abusive line scores higher
 * than an innocent one (area under the ROC curve; ties count half). Scores only, rules left out.
 */
export function rankingAuc(lines: readonly ValidationLine[]): number {
  const sorted = [...lines].sort((a, b) => a.score - b.score);
  let abusive = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const rank = (i + 1 + j) / 2; // 1-based ranks, ties share their mean
    for (let k = i; k < j; k++) {
      if (sorted[k]!.abusive) {
        abusive++;
        rankSum += rank;
      }
    }
    i = j;
  }
  const innocent = sorted.length - abusive;
  if (abusive === 0 || innocent === 0) return Number.NaN;
  return (rankSum - (abusive * (abusive + 1)) / 2) / (abusive * innocent);
}

/**
 * The trade-off the threshold makes on one set: for each share of innocent lines the combined verdict
 * may hold, the share of abusive lines it then holds (threshold chosen as chooseThreshold does).
 */
export function heldAtInnocentShares(
  lines: readonly ValidationLine[],
  shares: readonly number[],
): { innocentShare: number; threshold: number; abusiveHeld: number; innocentHeld: number }[] {
  const abusive = lines.filter((l) => l.abusive);
  const innocent = lines.filter((l) => !l.abusive);
  return shares.map((share) => {
    const threshold = chooseThreshold({ set: lines }, { set: share });
    const held = (l: ValidationLine) => l.heldWithoutModel || l.score >= threshold;
    return {
      innocentShare: share,
      threshold,
      abusiveHeld: abusive.filter(held).length / Math.max(1, abusive.length),
      innocentHeld: innocent.filter(held).length / Math.max(1, innocent.length),
    };
  });
}
