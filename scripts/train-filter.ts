/**
 * `npm run train-filter`: trains the comment filter's model on the public sets' and the project's own
 * training splits (fixed seed), chooses its threshold on the validation splits, and writes it to
 * src/comments/filter/abuse-model.bin (through a temporary file, so a reader never sees half of it).
 * The same examples and seed give the same weights: the hash printed at the end must not change
 * between runs. `npm run eval-filter` then measures it on the test splits.
 */
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodeModel, SHIPPED_MODEL_URL } from "../src/comments/filter/abuse-model.ts";
import { loadSplits, SET_NAMES } from "../src/comments/filter/datasets.ts";
import {
  heldAtInnocentShares,
  learnModel,
  rankingAuc,
  validationLines,
} from "../src/comments/filter/learn.ts";

const started = Date.now();
const model = learnModel();
const file = fileURLToPath(SHIPPED_MODEL_URL);
const data = encodeModel(model);
writeFileSync(`${file}.tmp`, data);
renameSync(`${file}.tmp`, file);
console.log(`examples: ${JSON.stringify(model.info.examples)}`);
console.log(`features: 2^${model.shape.bits} buckets, n-grams ${model.shape.minN}–${model.shape.maxN}`);
console.log(`threshold: ${model.threshold.toFixed(4)} (${model.info.thresholdRule})`);
console.log(`weights sha256: ${model.hash}`);
// What the threshold trades on the validation splits (never the test splits): how many abusive lines
// the combined verdict would hold if it were allowed to hold more innocent ones.
const shares = [0.01, 0.02, 0.03, 0.05, 0.1, 0.2];
console.log(
  `validation splits: AUC of the score; abusive held (innocent held) when the combined verdict may hold ${shares.map((s) => `${s * 100} %`).join(" / ")} of innocent lines`,
);
for (const name of SET_NAMES) {
  const lines = validationLines(model, loadSplits()[name].validation);
  const points = heldAtInnocentShares(lines, shares);
  console.log(
    `  ${name}: AUC ${rankingAuc(lines).toFixed(3)}; ${points.map((p) => `${(100 * p.abusiveHeld).toFixed(1)} % (${(100 * p.innocentHeld).toFixed(1)} %)`).join(" / ")}`,
  );
}
console.log(
  `wrote ${file} (${(data.length / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
