import type { CommentStatus } from "../db/schema.ts";
import { type StaleTag, stale } from "../lib/invalidation-bus.ts";
import { TAKEDOWN_NOTICE } from "./takedown.ts";

/** Comments on one page of an article (the page and the JSON list alike). */
export const COMMENTS_PER_PAGE = 20;

export interface PublicComment {
  id: number;
  nickname: string;
  body: string;
  createdAt: number;
  likes: number;
  dislikes: number;
  /** under 임시조치 (정보통신망법 §44의2): `body` is then the notice, never the comment's text */
  takenDown: boolean;
}

/**
 * A comment as readers may see it: under 임시조치 its text is replaced by the notice before it leaves
 * the repository, so no page, API answer or cache can carry it.
 */
export function toPublicComment(r: {
  id: number;
  nickname: string;
  body: string;
  created_at: number;
  likes: number;
  dislikes: number;
  takedown_at: number | null;
}): PublicComment {
  const takenDown = r.takedown_at !== null;
  return {
    id: r.id,
    nickname: r.nickname,
    body: takenDown ? TAKEDOWN_NOTICE : r.body,
    createdAt: r.created_at,
    likes: r.likes,
    dislikes: r.dislikes,
    takenDown,
  };
}

/**
 * Nicknames are shown partly masked, as Korean portals do (독자** for 독자12): readers can follow a
 * thread without the page becoming a directory of handles. Keeps at least one character.
 */
export function maskNickname(nickname: string): string {
  const chars = [...nickname];
  if (chars.length <= 1) return nickname;
  const shown = Math.max(1, Math.ceil(chars.length / 2));
  return chars.slice(0, shown).join("") + "*".repeat(Math.min(chars.length - shown, 4));
}

/**
 * What a change to a comment made stale: its article's page (which shows the comments and their
 * count) when readers could see the comment before or after the change. A comment between held and
 * deleted, or a new one held for a moderator, changes nothing readers see. `before` is null for a
 * new comment.
 */
export function staleTagsOfCommentChange(
  articleNum: number,
  before: CommentStatus | null,
  after: CommentStatus,
): StaleTag[] {
  return before === "visible" || after === "visible" ? [stale.article(articleNum)] : [];
}

/** What a reader without JavaScript is told after posting (by code in the redirect, never free text). */
export const COMMENT_FORM_MESSAGES: Record<string, { text: string; error: boolean }> = {
  posted: { text: "댓글을 등록했습니다.", error: false },
  held: { text: "댓글을 받았습니다. 관리자가 확인한 뒤 게시됩니다.", error: false },
  comment_empty: { text: "댓글 내용을 입력해 주세요.", error: true },
  comment_too_long: { text: "댓글은 400byte(한글 200자)까지 쓸 수 있습니다.", error: true },
  nickname_required: { text: "닉네임을 입력해 주세요.", error: true },
  nickname_too_long: { text: "닉네임은 20자까지 쓸 수 있습니다.", error: true },
  password_too_short: { text: "비밀번호는 4자 이상이어야 합니다.", error: true },
  password_too_long: { text: "비밀번호는 64자까지 쓸 수 있습니다.", error: true },
  comment_blocked: { text: "운영 원칙에 따라 댓글 쓰기가 제한되었습니다.", error: true },
  rate_limited: { text: "댓글을 너무 자주 쓰고 있습니다. 잠시 뒤에 다시 시도해 주세요.", error: true },
};
