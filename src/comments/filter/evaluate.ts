/**
 * Scores the filter on a labelled set (see labelled-comments.ts). Used by bench/comment-filter.ts and
 * the unit tests, so both report the same figures.
 */
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
