import type { ArticleStatus } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";

/**
 * The desk workflow: draft → filed (송고, `submitted`) → published or scheduled → unpublished.
 * An editor may return a filed story to its reporter (back to draft, with a note).
 */
export type DeskAction = "file" | "return" | "publish" | "schedule" | "unpublish";

const FROM: Record<DeskAction, readonly ArticleStatus[]> = {
  file: ["draft"],
  return: ["submitted"],
  publish: ["draft", "submitted", "scheduled", "unpublished"],
  schedule: ["draft", "submitted", "scheduled", "unpublished"],
  unpublish: ["published", "scheduled"],
};

const TO: Record<DeskAction, ArticleStatus> = {
  file: "submitted",
  return: "draft",
  publish: "published",
  schedule: "scheduled",
  unpublish: "unpublished",
};

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: "작성 중",
  submitted: "송고(검토 대기)",
  scheduled: "예약",
  published: "발행",
  unpublished: "발행 취소",
};

export function canTransition(action: DeskAction, from: ArticleStatus): boolean {
  return FROM[action].includes(from);
}

/** The status after `action`, or a Korean refusal naming why. */
export function nextStatus(action: DeskAction, from: ArticleStatus): ArticleStatus {
  if (!canTransition(action, from)) {
    throw fail("invalid_transition", { statusLabel: STATUS_LABELS[from] });
  }
  return TO[action];
}

export const TITLE_WARN_LENGTH = 60;

export interface PublishWarning {
  code: "title_long" | "photo_credit_missing" | "lead_photo_missing" | "body_short";
  message: string;
}

/** What the editor is told before publishing; none of it blocks publishing. */
export function publishWarnings(a: {
  title: string;
  bodyHtml: string;
  hasLeadPhoto: boolean;
  leadCredit: string | null;
  bodyText: string;
}): PublishWarning[] {
  const out: PublishWarning[] = [];
  const titleLength = [...a.title].length;
  if (titleLength > TITLE_WARN_LENGTH) {
    out.push({
      code: "title_long",
      message: `제목이 ${titleLength}자로 ${TITLE_WARN_LENGTH}자를 넘습니다. 포털에서 잘릴 수 있습니다.`,
    });
  }
  if (!a.hasLeadPhoto) out.push({ code: "lead_photo_missing", message: "대표 사진이 없습니다." });
  const bodyFigures = a.bodyHtml.match(/<figcaption>[\s\S]*?<\/figcaption>/g) ?? [];
  const figureWithoutCredit = bodyFigures.some((f) => !/&lt;[^&]+&gt;\s*<\/figcaption>$/.test(f));
  if ((a.hasLeadPhoto && !a.leadCredit?.trim()) || figureWithoutCredit) {
    out.push({ code: "photo_credit_missing", message: "출처(사진 제공)가 없는 사진이 있습니다." });
  }
  if ([...a.bodyText].length < 100) out.push({ code: "body_short", message: "본문이 100자보다 짧습니다." });
  return out;
}
