/**
 * The learned abuse model: logistic regression over hashed character n-grams (features.ts), trained by
 * train.ts. A model is immutable once made; retraining makes a new one and the holder swaps the
 * reference (comments/abuse-filter.service.ts), so a judgement always uses one whole model.
 *
 * Stored as one binary blob (the shipped file abuse-model.bin, or a database row after retraining):
 *   "JKAM" · u32 format version · u32 header length · header JSON (UTF-8) · zero padding to 4 bytes ·
 *   float32 little-endian weights, one per bucket.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type FeatureShape, heaviestNgrams, linearScore, type WeighedNgram } from "./features.ts";
import { buildViews, type Views } from "./normalize.ts";

const MAGIC = "JKAM";
const FORMAT = 1;

/** What training recorded about itself; shown by the CLI and the moderation page. */
export interface ModelInfo {
  seed: number;
  /** examples trained on, by source (curse-detection, korean-hate-speech, own, paper) */
  examples: Record<string, number>;
  epochs: number;
  /** what the threshold was chosen for (innocent held on the validation split, at most) */
  thresholdRule: string;
}

export interface AbuseModel {
  readonly shape: FeatureShape;
  readonly bias: number;
  /** probability at or above which a comment is held (abuse_model) */
  readonly threshold: number;
  readonly weights: Float32Array;
  readonly info: ModelInfo;
  /** sha256 of bias and weights: equal hashes, equal models */
  readonly hash: string;
}

/**
 * The model judges comments of at least this many letters (base reading, spaces not counted). Below it
 * a handful of n-grams decide alone, with no context: 물개 새끼 (a seal pup) scores like an insult. Short
 * insults are the word list's work (ㅅㅂ, 미친놈). Measured cost on the validation splits: of the abusive
 * lines, 3 of 306 (curse-detection) and 1 of 708 (korean-hate-speech) held by the model were shorter.
 */
export const MODEL_MIN_LETTERS = 6;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function weightsHash(bias: number, weights: Float32Array): string {
  const h = createHash("sha256");
  const b = new Float64Array([bias]);
  h.update(new Uint8Array(b.buffer));
  h.update(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength));
  return h.digest("hex");
}

export function makeModel(parts: Omit<AbuseModel, "hash">): AbuseModel {
  return Object.freeze({ ...parts, hash: weightsHash(parts.bias, parts.weights) });
}

/** Probability (0–1) that the comment is abusive, from its views (judge.ts builds them once). */
export function scoreViews(model: AbuseModel, views: Views): number {
  return sigmoid(linearScore(views, model.shape, model.weights, model.bias));
}

export function scoreText(model: AbuseModel, text: string): number {
  return scoreViews(model, buildViews(text));
}

/** The n-grams that weighed most toward holding the comment. */
export function explainText(model: AbuseModel, text: string, limit = 5): WeighedNgram[] {
  return heaviestNgrams(buildViews(text), model.shape, model.weights, limit);
}

interface Header {
  shape: FeatureShape;
  bias: number;
  threshold: number;
  info: ModelInfo;
}

export function encodeModel(model: AbuseModel): Buffer {
  const header: Header = {
    shape: model.shape,
    bias: model.bias,
    threshold: model.threshold,
    info: model.info,
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const headerEnd = 12 + json.length;
  const weightsAt = Math.ceil(headerEnd / 4) * 4;
  const out = Buffer.alloc(weightsAt + model.weights.length * 4);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(FORMAT, 4);
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  for (let i = 0; i < model.weights.length; i++) out.writeFloatLE(model.weights[i]!, weightsAt + i * 4);
  return out;
}

export class ModelFormatError extends Error {}

/** Reads a stored model; throws ModelFormatError on anything that is not a whole, valid model. */
export function decodeModel(data: Uint8Array): AbuseModel {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== MAGIC) throw new ModelFormatError("not a model");
  if (buf.readUInt32LE(4) !== FORMAT) throw new ModelFormatError("unknown model format");
  const headerLength = buf.readUInt32LE(8);
  if (12 + headerLength > buf.length) throw new ModelFormatError("truncated header");
  let header: Header;
  try {
    header = JSON.parse(buf.toString("utf8", 12, 12 + headerLength)) as Header;
  } catch {
    throw new ModelFormatError("unreadable header");
  }
  const { shape } = header;
  if (!shape || !(shape.bits >= 8 && shape.bits <= 24) || !(shape.minN >= 1 && shape.maxN >= shape.minN))
    throw new ModelFormatError("bad feature shape");
  if (!Number.isFinite(header.bias) || !(header.threshold > 0 && header.threshold < 1))
    throw new ModelFormatError("bad bias or threshold");
  const weightsAt = Math.ceil((12 + headerLength) / 4) * 4;
  const count = 1 << shape.bits;
  if (buf.length !== weightsAt + count * 4) throw new ModelFormatError("weights do not match the shape");
  const weights = new Float32Array(count);
  for (let i = 0; i < count; i++) weights[i] = buf.readFloatLE(weightsAt + i * 4);
  return makeModel({ shape, bias: header.bias, threshold: header.threshold, weights, info: header.info });
}

export const SHIPPED_MODEL_URL = new URL("./abuse-model.bin", import.meta.url);

let shipped: AbuseModel | null = null;

/** The model trained by `npm run train-filter` and shipped with the code; read once. */
export function shippedModel(): AbuseModel {
  shipped ??= decodeModel(readFileSync(SHIPPED_MODEL_URL));
  return shipped;
}
