/**
 * judgeComment: the comment abuse filter. Pure, synchronous, no I/O; runs on every comment.
 *
 * Order: a listed word (slurs before profanity) in any reading of the comment, then links and contact
 * offers, then repetition; last, when a learned model is given (abuse-model.ts), its score at or over
 * the model's threshold (reason abuse_model, with the score). The word list is compiled once, when this
 * module loads. Without a model the verdict is the word list's and the spam rules' alone.
 */
import { type AbuseModel, MODEL_MIN_LETTERS, scoreViews } from "./abuse-model.ts";
import { ALLOW, GESTURES, LATIN_LEXICON, LEXICON } from "./lexicon.ts";
import { compileMatcher, type Found, findInView, isHangulWordChar, isLatinWordChar } from "./matcher.ts";
import { buildLatinView, buildViews, normalizeForMatching, type Views } from "./normalize.ts";
import { findSpamLink, findSpamRepeat } from "./spam.ts";

export type HoldReason = "profanity" | "slur" | "abuse_model" | "spam_link" | "spam_repeat";
export type Verdict =
  | { action: "allow" }
  | { action: "hold"; reason: Exclude<HoldReason, "abuse_model">; matched: string }
  /** `matched` is empty: the model weighs the whole comment (explainText shows which n-grams weighed most) */
  | { action: "hold"; reason: "abuse_model"; matched: string; score: number };

const HANGUL = compileMatcher(LEXICON, ALLOW, normalizeForMatching, isHangulWordChar);
const LATIN = compileMatcher(LATIN_LEXICON, [], (s) => buildLatinView(s), isLatinWordChar);

const ALLOW_VERDICT: Verdict = { action: "allow" };

function gesture(cleaned: string): string | null {
  for (const g of GESTURES) {
    if (g === "ㅗ") {
      // a word made only of ㅗ, possibly with punctuation: ㅗ, ㅗㅗㅗ, ㅗㅗ!!
      if (/(?:^|\s)[^\s\p{L}]*ㅗ+[^\s\p{L}]*(?=\s|$)/u.test(cleaned)) return g;
    } else if (g === "凸") {
      if (/凸(?!凹)/u.test(cleaned) && !cleaned.includes("凹凸")) return g;
    } else if (cleaned.includes(g)) return g;
  }
  return null;
}

function letterCount(view: string): number {
  let n = 0;
  for (let i = 0; i < view.length; i++) if (view.charCodeAt(i) !== 0x20) n++;
  return n;
}

/** The model's score, or 0 for a comment too short for it to judge (MODEL_MIN_LETTERS). */
function modelScore(model: AbuseModel, views: Views): number {
  return letterCount(views.hangul[0]!) >= MODEL_MIN_LETTERS ? scoreViews(model, views) : 0;
}

/** The score the verdict compares with the threshold (training uses it to choose the threshold). */
export function judgedScore(model: AbuseModel, body: string): number {
  return modelScore(model, buildViews(body));
}

function hold(found: Found): Verdict {
  return { action: "hold", reason: found.entry.kind, matched: found.text };
}

/** The verdict on a comment; with no model, the word list and the spam rules alone (the filter before the model). */
export function judgeComment(body: string, model: AbuseModel | null = null): Verdict {
  const views = buildViews(body);

  let profanity: Found | null = null;
  for (const view of views.hangul) {
    const found = findInView(HANGUL, view);
    if (!found) continue;
    if (found.entry.kind === "slur") return hold(found);
    profanity ??= found;
  }
  if (views.latin !== null) {
    const found = findInView(LATIN, views.latin);
    if (found?.entry.kind === "slur") return hold(found);
    if (found) profanity ??= found;
  }
  if (profanity) return hold(profanity);

  const sign = gesture(views.cleaned);
  if (sign) return { action: "hold", reason: "profanity", matched: sign };

  const link = findSpamLink(views.cleaned);
  if (link) return { action: "hold", reason: "spam_link", matched: link };

  const repeat = findSpamRepeat(views.cleaned);
  if (repeat) return { action: "hold", reason: "spam_repeat", matched: repeat };

  // Last, so that whatever the rules hold keeps its reason; the model only adds holds.
  if (model) {
    const score = modelScore(model, views);
    if (score >= model.threshold) return { action: "hold", reason: "abuse_model", matched: "", score };
  }

  return ALLOW_VERDICT;
}
