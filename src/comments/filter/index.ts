/** The comment abuse filter: see judge.ts for the verdict, lexicon.ts for the word list and policy. */
export { type HoldReason, judgeComment, type Verdict } from "./judge.ts";
export { normalizeForMatching } from "./normalize.ts";
