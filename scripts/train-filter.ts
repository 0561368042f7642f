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
import { learnModel } from "../src/comments/filter/learn.ts";

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
console.log(
  `wrote ${file} (${(data.length / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
