/**
 * The learned half of the comment filter as the site runs it: which model is in use, how moderators'
 * decisions become training examples, and retraining.
 *
 * The model in use is the newest one retrained for this database (`comment_filter_models`), or the one
 * shipped with the code (filter/abuse-model.bin) when none was. Every instance keeps it in memory and
 * looks for a newer row at most every REFRESH_MS, when a comment is judged or the moderation page is
 * drawn, so `jikji train-filter` (another process) reaches every running instance within that time and
 * without a restart. A new model is decoded completely before it replaces the old one by a single
 * assignment: a judgement uses one whole model, never a mix, and a row that cannot be read leaves the
 * old model in use.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import {
  findFilterModel,
  insertFilterModel,
  latestFilterModelId,
  listFilterExamples,
} from "./abuse-filter.repo.ts";
import {
  type AbuseModel,
  decodeModel,
  encodeModel,
  explainText,
  scoreText,
  shippedModel,
} from "./filter/abuse-model.ts";
import type { WeighedNgram } from "./filter/features.ts";
import { type LearnOptions, learnModel } from "./filter/learn.ts";
import type { TrainingExample } from "./filter/train.ts";

/** How often an instance looks for a newer retrained model. */
export const REFRESH_MS = 10_000;
/** Retrained models kept in the database (the newest is used; one more to compare with). */
const MODELS_KEPT = 2;

export interface AbuseFilter {
  /** The model in use, after looking for a newer one if the last look is older than REFRESH_MS. */
  model(): Promise<AbuseModel>;
  /** Looks for a newer model now and swaps it in; returns the model in use afterwards. */
  refresh(): Promise<AbuseModel>;
  /** The model in use, without looking. */
  current(): AbuseModel;
  /** Which model is in use: the retrained row's number and time, or null for the shipped model. */
  source(): { id: number; trainedAt: number } | null;
}

interface Holder extends AbuseFilter {
  /** the row of the model in use; null for the shipped one */
  modelId: number | null;
  /** Swaps in a model read from row `id`, unless a newer row is in use already (swaps only go forward). */
  install(next: AbuseModel, id: number, trainedAt: number): void;
}

function createAbuseFilter(db: Kysely<Database>, onError: (error: unknown) => void): Holder {
  let model = shippedModel();
  let checkedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<AbuseModel> | null = null;
  let trainedAt = 0;
  const holder: Holder = {
    modelId: null,
    current: () => model,
    source: () => (holder.modelId === null ? null : { id: holder.modelId, trainedAt }),
    install(next, id, at) {
      if (holder.modelId !== null && id <= holder.modelId) return;
      model = next; // the swap: one assignment, after the whole model was read
      holder.modelId = id;
      trainedAt = at;
    },
    refresh() {
      inFlight ??= (async () => {
        try {
          const latest = await latestFilterModelId(db);
          if (latest && latest.id !== holder.modelId) {
            const row = await findFilterModel(db, latest.id);
            if (row) holder.install(decodeModel(Buffer.from(row.model, "base64")), row.id, row.created_at);
          }
        } catch (error) {
          onError(error); // the model in use stays
        } finally {
          checkedAt = performance.now();
          inFlight = null;
        }
        return model;
      })();
      return inFlight;
    },
    model() {
      return performance.now() - checkedAt >= REFRESH_MS ? holder.refresh() : Promise.resolve(model);
    },
  };
  return holder;
}

/**
 * One filter per database handle: the model follows the database it was retrained for, and every app
 * (and test) opens its own handle. Held weakly, so a closed database takes its filter with it.
 */
const filters = new WeakMap<Kysely<Database>, Holder>();

export function abuseFilterFor(
  db: Kysely<Database>,
  onError: (error: unknown) => void = () => {},
): AbuseFilter {
  return holderFor(db, onError);
}

function holderFor(db: Kysely<Database>, onError: (error: unknown) => void = () => {}): Holder {
  let f = filters.get(db);
  if (!f) {
    f = createAbuseFilter(db, onError);
    filters.set(db, f);
  }
  return f;
}

/** What the moderation page shows about a comment: the model's score and the n-grams that weighed most. */
export interface ModelReading {
  score: number;
  threshold: number;
  ngrams: WeighedNgram[];
}

export function readWithModel(model: AbuseModel, text: string): ModelReading {
  return { score: scoreText(model, text), threshold: model.threshold, ngrams: explainText(model, text, 5) };
}

/** The paper's decisions as training examples: deleted = abusive; approved or restored = fine. */
export async function paperExamples(db: Kysely<Database>): Promise<TrainingExample[]> {
  const rows = await listFilterExamples(db);
  return rows.map((r) => ({ text: r.body, abusive: r.abusive === 1, source: "paper" }));
}

export interface RetrainReport {
  modelId: number;
  model: AbuseModel;
  paperExamples: number;
}

/**
 * `jikji train-filter`: retrains on the public sets and the paper's own decisions, stores the model and
 * swaps it in here at once (other instances within REFRESH_MS). Nothing readers see changes until a
 * comment is judged, so nothing is announced.
 */
export async function retrainAbuseFilter(
  deps: Pick<UseCaseDeps, "db" | "now">,
  options: Omit<LearnOptions, "extra"> = {},
): Promise<RetrainReport> {
  const extra = await paperExamples(deps.db);
  const model = learnModel({ ...options, extra });
  const data = encodeModel(model).toString("base64");
  const at = deps.now();
  const modelId = await deps.db
    .transaction()
    .execute((trx) => insertFilterModel(trx, { hash: model.hash, model: data, at }, MODELS_KEPT));
  holderFor(deps.db).install(model, modelId, at);
  return { modelId, model, paperExamples: extra.length };
}
