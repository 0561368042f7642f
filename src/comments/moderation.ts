/** What moderators see and choose from: the tabs, the block lengths and the page's view models. */
import type { ModelReading } from "./abuse-filter.service.ts";

export type ModerationAction = "approve" | "delete" | "restore";

export const BLOCK_DAYS = [1, 7, 30, 365] as const;

export type ModerationTab = "queue" | "deleted" | "visible";

/** A comment as the moderation page shows it, with its article and readers' report reasons. */
export interface QueueItem {
  id: number;
  nickname: string;
  body: string;
  status: string;
  /** why the filter or readers' reports held it (profanity, slur, abuse_model, spam_link, spam_repeat, reported) */
  heldReason: string | null;
  reportCount: number;
  createdAt: number;
  /** whether the poster's address is on record, so that it can be blocked */
  hasAddress: boolean;
  articleNum: number;
  articleTitle: string;
  reports: string[];
  /** the filter model's score now, and the n-grams that weighed most toward holding it */
  model: ModelReading;
}

/** An active block: a nickname, or an address shown by the first characters of its hash. */
export interface BlockItem {
  id: number;
  kind: "nickname" | "address";
  /** the nickname, or the start of the address hash */
  label: string;
  reason: string | null;
  until: number;
  staffName: string | null;
}

/** One line of the moderation log; no staff name means the comment's author (a deletion). */
export interface LogItem {
  id: number;
  commentId: number | null;
  action: string;
  note: string | null;
  createdAt: number;
  staffName: string | null;
}

/** The filter model judging comments now, as the page names it. */
export interface ModelInUse {
  /** the retrained model's number and time; null for the model shipped with the code */
  retrained: { id: number; trainedAt: number } | null;
  /** decisions of this paper's moderators it learned from */
  paperExamples: number;
  threshold: number;
}

export interface ModerationPageData {
  items: QueueItem[];
  modelInUse: ModelInUse;
  blocks: BlockItem[];
  log: LogItem[];
}
