/**
 * The labelled comments the abuse model learns from and is measured on, and their fixed splits.
 *
 * - curse-detection: 5,825 Korean community comments, abusive or not (MIT, © 2020 2runo).
 * - korean-hate-speech: 7,896 + 471 portal comments on entertainment news (CC BY-SA 4.0, Moon, Cho and
 *   Lee 2020, "BEEP!"); `offensive` or `hate` counts as abusive, `none` as innocent.
 * - own: the project's lines (labelled-comments.ts). Its `heldOut` part is the test split, as it has
 *   always been; its `tuning` part is split for training and validation.
 *
 * Copies with their licences are in `datasets/korean-comments/` (see its README). The public sets are
 * split per set and per label (stratified), by a fixed seed: 20 % test, 15 % validation, the rest
 * training. The test splits are never trained on nor used to choose the threshold; lines in a training
 * or validation split that read the same as a test line (after normalising) are dropped, so a duplicate
 * cannot carry its label across.
 */
import { readFileSync } from "node:fs";
import { heldOut, tuning } from "./labelled-comments.ts";
import { normalizeForMatching } from "./normalize.ts";
import { seededRandom, shuffleInPlace, type TrainingExample } from "./train.ts";

export const DATASETS_DIR = new URL("../../../datasets/korean-comments/", import.meta.url);

export type SetName = "curse-detection" | "korean-hate-speech" | "own";
export const SET_NAMES: readonly SetName[] = ["curse-detection", "korean-hate-speech", "own"];

export interface LabelledLine {
  text: string;
  abusive: boolean;
}

export interface Split {
  train: LabelledLine[];
  validation: LabelledLine[];
  test: LabelledLine[];
}

/** The seed of the splits. Changing it changes every test split: don't. */
export const SPLIT_SEED = 20_261_204;
const TEST_SHARE = 0.2;
const VALIDATION_SHARE = 0.15;

function read(name: string): string {
  return readFileSync(new URL(name, DATASETS_DIR), "utf8");
}

/** `text|label` per line; the text may itself contain `|`, the label is after the last one. */
export function parseCurseDetection(content: string): LabelledLine[] {
  const out: LabelledLine[] = [];
  for (const line of content.split(/\r?\n/)) {
    const bar = line.lastIndexOf("|");
    if (bar < 0) continue;
    const text = line.slice(0, bar).trim();
    const label = line.slice(bar + 1).trim();
    if (!text || (label !== "0" && label !== "1")) continue;
    out.push({ text, abusive: label === "1" });
  }
  return out;
}

/** Tab-separated with a header: comments, contain_gender_bias, bias, hate. */
export function parseHateSpeech(content: string): LabelledLine[] {
  const rows = content.split(/\r?\n/);
  const header = rows[0]!.split("\t");
  const textAt = header.indexOf("comments");
  const hateAt = header.indexOf("hate");
  const out: LabelledLine[] = [];
  for (const row of rows.slice(1)) {
    const cols = row.split("\t");
    const text = cols[textAt]?.trim();
    const hate = cols[hateAt]?.trim();
    if (!text || !hate) continue;
    out.push({ text, abusive: hate !== "none" });
  }
  return out;
}

function dedupe(lines: LabelledLine[]): LabelledLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    if (seen.has(l.text)) return false;
    seen.add(l.text);
    return true;
  });
}

/** Stratified split by a fixed seed: the same lines in the same splits on every run. */
export function stratifiedSplit(lines: LabelledLine[], seed: number, testShare = TEST_SHARE): Split {
  const split: Split = { train: [], validation: [], test: [] };
  for (const abusive of [true, false]) {
    const group = lines.filter((l) => l.abusive === abusive);
    shuffleInPlace(group, seededRandom(seed + (abusive ? 1 : 0)));
    const test = Math.round(group.length * testShare);
    const validation = Math.round(group.length * VALIDATION_SHARE);
    split.test.push(...group.slice(0, test));
    split.validation.push(...group.slice(test, test + validation));
    split.train.push(...group.slice(test + validation));
  }
  return split;
}

let cached: Record<SetName, Split> | null = null;

/** Every set's fixed split (read from the repository's copies once). */
export function loadSplits(): Record<SetName, Split> {
  if (cached) return cached;
  const curse = stratifiedSplit(dedupe(parseCurseDetection(read("curse-detection.txt"))), SPLIT_SEED);
  const hate = stratifiedSplit(
    dedupe([
      ...parseHateSpeech(read("korean-hate-speech.train.tsv")),
      ...parseHateSpeech(read("korean-hate-speech.dev.tsv")),
    ]),
    SPLIT_SEED + 2,
  );
  const ownTuning = stratifiedSplit(
    dedupe(tuning.map((l) => ({ text: l.text, abusive: l.hold }))),
    SPLIT_SEED + 4,
    0,
  );
  const own: Split = {
    train: ownTuning.train,
    validation: ownTuning.validation,
    test: heldOut.map((l) => ({ text: l.text, abusive: l.hold })),
  };
  const sets: Record<SetName, Split> = { "curse-detection": curse, "korean-hate-speech": hate, own };
  // No training or validation line may read the same as a test line of any set.
  const tested = new Set<string>();
  for (const s of Object.values(sets)) for (const l of s.test) tested.add(normalizeForMatching(l.text));
  for (const s of Object.values(sets)) {
    s.train = s.train.filter((l) => !tested.has(normalizeForMatching(l.text)));
    s.validation = s.validation.filter((l) => !tested.has(normalizeForMatching(l.text)));
  }
  cached = sets;
  return sets;
}

/** Training examples from every set's training split. */
export function publicTrainingExamples(splits = loadSplits()): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const name of SET_NAMES) {
    for (const l of splits[name].train) out.push({ text: l.text, abusive: l.abusive, source: name });
  }
  return out;
}
