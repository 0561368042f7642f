/**
 * `npx tsx scripts/filter-experiments.ts [name …]`: compares training settings for the comment filter's
 * model by cross-validation on the public sets' training and validation splits together (never their
 * test splits). Each set's lines are dealt into FOLDS stratified folds by a fixed seed; each fold is
 * judged by a model trained on the other folds (plus the project's own training lines), with the
 * threshold set on that fold so that the combined verdict holds at most 2 % of its innocent lines.
 * Printed per setting and set: the ranking quality (AUC of the model's score) and the abusive lines
 * held, as the mean over folds and the lowest–highest fold, so a difference can be read against the
 * spread. Slow on purpose (every setting trains FOLDS full models): run it on a quiet machine, by hand.
 */
import { loadSplits, type SetName } from "../src/comments/filter/datasets.ts";
import {
  heldAtInnocentShares,
  OWN_EXAMPLE_WEIGHT,
  rankingAuc,
  validationLines,
} from "../src/comments/filter/learn.ts";
import {
  DEFAULT_TRAINING,
  seededRandom,
  shuffleInPlace,
  type TrainingExample,
  type TrainingOptions,
  trainModel,
} from "../src/comments/filter/train.ts";

const FOLDS = 5;
const FOLD_SEED = 20_261_205;
const PUBLIC: SetName[] = ["curse-detection", "korean-hate-speech"];

const d = DEFAULT_TRAINING;
const SETTINGS: Record<string, TrainingOptions> = {
  shipped: d,
  "naive-Bayes scaling": { ...d, nbSmoothing: 1 },
  "n-grams 1–2": { ...d, shape: { ...d.shape, maxN: 2 } },
  "n-grams 1–2, naive-Bayes": { ...d, shape: { ...d.shape, maxN: 2 }, nbSmoothing: 1 },
  "n-grams 1–4": { ...d, shape: { ...d.shape, maxN: 4 } },
  "n-grams 1–5, 2^21": { ...d, shape: { bits: 21, minN: 1, maxN: 5 } },
  "2^18 buckets": { ...d, shape: { ...d.shape, bits: 18 } },
  "12 epochs": { ...d, epochs: 12 },
  "step 0.1, 12 epochs": { ...d, rate: 0.1, epochs: 12 },
  "L2 1e-3": { ...d, l2: 1e-3 },
};

const splits = loadSplits();
const folds = Object.fromEntries(
  PUBLIC.map((name) => {
    const lines = [...splits[name].train, ...splits[name].validation];
    const dealt: (typeof lines)[] = Array.from({ length: FOLDS }, () => []);
    for (const abusive of [true, false]) {
      const group = shuffleInPlace(
        lines.filter((l) => l.abusive === abusive),
        seededRandom(FOLD_SEED + (abusive ? 1 : 0)),
      );
      for (const [i, l] of group.entries()) dealt[i % FOLDS]!.push(l);
    }
    return [name, dealt];
  }),
) as Record<SetName, { text: string; abusive: boolean }[][]>;

const own: TrainingExample[] = [...splits.own.train, ...splits.own.validation].map((l) => ({
  ...l,
  source: "own",
  weight: OWN_EXAMPLE_WEIGHT,
}));

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
const wanted = process.argv.slice(2);
console.log(
  `| setting | ${PUBLIC.map((n) => `${n}: AUC | held at 2 % innocent (lowest–highest fold)`).join(" | ")} |`,
);
console.log(`|---|${PUBLIC.map(() => "---|---").join("|")}|`);
for (const [label, options] of Object.entries(SETTINGS)) {
  if (wanted.length > 0 && !wanted.includes(label)) continue;
  const auc: Record<string, number[]> = Object.fromEntries(PUBLIC.map((n) => [n, []]));
  const held: Record<string, number[]> = Object.fromEntries(PUBLIC.map((n) => [n, []]));
  for (let f = 0; f < FOLDS; f++) {
    const examples: TrainingExample[] = [...own];
    for (const name of PUBLIC)
      folds[name].forEach((fold, i) => {
        if (i !== f) for (const l of fold) examples.push({ ...l, source: name });
      });
    const model = trainModel(examples, options);
    for (const name of PUBLIC) {
      const lines = validationLines(model, folds[name][f]!);
      auc[name]!.push(rankingAuc(lines));
      held[name]!.push(heldAtInnocentShares(lines, [0.02])[0]!.abusiveHeld);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cells = PUBLIC.map(
    (n) =>
      `${mean(auc[n]!).toFixed(3)} | ${pct(mean(held[n]!))} % (${pct(Math.min(...held[n]!))}–${pct(Math.max(...held[n]!))})`,
  );
  console.log(`| ${label} | ${cells.join(" | ")} |`);
}
