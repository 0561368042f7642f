/**
 * Scores the filter on a labelled set (see labelled-comments.ts). Used by bench/comment-filter.ts and
 * the unit tests, so both report the same figures.
 */
import type { AbuseModel } from "./abuse-model.ts";
import { judgeComment, type Verdict } from "./judge.ts";
import type { LabelledComment } from "./labelled-comments.ts";

export interface Misclassified {
  line: LabelledComment;
  verdict: Verdict;
}

export interface Score {
  abusive: number;
  abusiveHeld: number;
  innocent: number;
  innocentHeld: number;
  /** abusive held / abusive total */
  detectionRate: number;
  /** innocent held / innocent total */
  falsePositiveRate: number;
  missed: Misclassified[];
  falsePositives: Misclassified[];
}

export function evaluate(lines: readonly LabelledComment[]): Score {
  const missed: Misclassified[] = [];
  const falsePositives: Misclassified[] = [];
  let abusive = 0;
  let abusiveHeld = 0;
  let innocent = 0;
  let innocentHeld = 0;
  for (const line of lines) {
    const verdict = judgeComment(line.text);
    const held = verdict.action === "hold";
    if (line.hold) {
      abusive++;
      if (held) abusiveHeld++;
      else missed.push({ line, verdict });
    } else {
      innocent++;
      if (held) {
        innocentHeld++;
        falsePositives.push({ line, verdict });
      }
    }
  }
  return {
    abusive,
    abusiveHeld,
    innocent,
    innocentHeld,
    detectionRate: abusive === 0 ? 1 : abusiveHeld / abusive,
    falsePositiveRate: innocent === 0 ? 0 : innocentHeld / innocent,
    missed,
    falsePositives,
  };
}

/** Held counts on a split, in all and by the reason the verdict gave. */
export interface SplitScore {
  abusive: number;
  abusiveHeld: number;
  innocent: number;
  innocentHeld: number;
  /** reason → lines held for it: abusive ones and innocent ones */
  byReason: Record<string, { abusive: number; innocent: number }>;
}

/** Judges every line with the given model (null: the word list and spam rules alone). */
export function scoreSplit(
  lines: readonly { text: string; abusive: boolean }[],
  model: AbuseModel | null,
): SplitScore {
  const s: SplitScore = { abusive: 0, abusiveHeld: 0, innocent: 0, innocentHeld: 0, byReason: {} };
  for (const line of lines) {
    const verdict = judgeComment(line.text, model);
    if (line.abusive) s.abusive++;
    else s.innocent++;
    if (verdict.action !== "hold") continue;
    const r = s.byReason[verdict.reason] ?? { abusive: 0, innocent: 0 };
    s.byReason[verdict.reason] = r;
    if (line.abusive) {
      s.abusiveHeld++;
      r.abusive++;
    } else {
      s.innocentHeld++;
      r.innocent++;
    }
  }
  return s;
}
