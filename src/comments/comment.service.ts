import { addressKey } from "../lib/address-key.ts";
import { type AppError, fail } from "../lib/errors.ts";
import { COMMENT_MAX_BYTES, koreanByteLength } from "../lib/korean-bytes.ts";
import { hashPassword, verifyPassword } from "../lib/password.ts";
import { checkRates, checkRatesInOrder, type RateLimiter } from "../lib/rate-limit.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { AbuseFilter } from "./abuse-filter.service.ts";
import {
  type CommentSort,
  type CommentWithArticle,
  countRecentSameText,
  countVisibleComments,
  findActiveBlock,
  findComment,
  findPublicArticle,
  findVoteCounts,
  incrementReportCount,
  insertComment,
  insertReport,
  insertVote,
  listVisibleComments,
  setCommentStatus,
} from "./comment.repo.ts";
import { COMMENTS_PER_PAGE, maskNickname, type PublicComment, staleTagsOfCommentChange } from "./comment.ts";
import { judgeComment } from "./filter/index.ts";
import { logModeration } from "./moderation.repo.ts";

/** What the readers' comment use cases need: the usual use-case deps, the rate limiter and the filter's model. */
export interface CommentDeps extends UseCaseDeps {
  limiter: RateLimiter;
  abuseFilter: AbuseFilter;
}

/** Flood limits: per address one comment per 15 s and 20 an hour; per article 30 a minute from everyone. */
export const COMMENT_RATES = {
  perAddressShort: { limit: 1, windowMs: 15_000 },
  perAddressHour: { limit: 20, windowMs: 3600_000 },
  perArticleMinute: { limit: 30, windowMs: 60_000 },
} as const;
/**
 * Votes from one address: a household or an office shares one, so a few on one comment a day, and
 * 60 an hour in all; fresh cookies (anyone can collect them) buy no more.
 */
export const VOTE_RATES = {
  perAddressComment: { limit: 5, windowMs: 24 * 3600_000 },
  perAddressHour: { limit: 60, windowMs: 3600_000 },
} as const;
/** Distinct addresses whose reports hide a comment until a moderator looks. */
export const REPORTS_TO_HIDE = 3;
export const NICKNAME_MAX = 20;
const PASSWORD_MIN = 4;
const PASSWORD_MAX = 64;

/** A refusal by the rate limiter; `details.retryAfterSeconds` becomes the Retry-After header. */
const tooOften = (what: string, retryAfterMs: number): AppError =>
  fail(
    "rate_limited",
    { what, retryAfterMs },
    { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
  );

export interface NewComment {
  articleNum: number;
  nickname: string;
  password: string;
  body: string;
  address: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Validates in the order a reader fixes things: the text, then who they are. */
export function validateComment(input: { nickname: string; password: string; body: string }) {
  const body = input.body.replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
  const nickname = input.nickname.replace(CONTROL, "").trim();
  if (!body) throw fail("comment_empty");
  const bytes = koreanByteLength(body);
  if (bytes > COMMENT_MAX_BYTES) {
    throw fail("comment_too_long", { max: COMMENT_MAX_BYTES, bytes }, { bytes, maxBytes: COMMENT_MAX_BYTES });
  }
  if (!nickname) throw fail("nickname_required");
  if ([...nickname].length > NICKNAME_MAX) throw fail("nickname_too_long", NICKNAME_MAX);
  if (input.password.length < PASSWORD_MIN) throw fail("password_too_short", PASSWORD_MIN);
  if (input.password.length > PASSWORD_MAX) throw fail("password_too_long", PASSWORD_MAX);
  return { body, nickname };
}

export interface CommentsPage {
  total: number;
  comments: PublicComment[];
}

/** One page of an article's visible comments (nicknames masked); article_not_found unless public. */
export async function listArticleComments(
  deps: Pick<UseCaseDeps, "db" | "now">,
  num: number,
  page: number,
  sort: CommentSort,
): Promise<CommentsPage> {
  const article = await findPublicArticle(deps.db, num, deps.now());
  if (!article) throw fail("article_not_found");
  const [total, comments] = await Promise.all([
    countVisibleComments(deps.db, article.id),
    listVisibleComments(deps.db, article.id, COMMENTS_PER_PAGE, (page - 1) * COMMENTS_PER_PAGE, sort),
  ]);
  return { total, comments: comments.map((c) => ({ ...c, nickname: maskNickname(c.nickname) })) };
}

export interface PostedComment {
  id: number;
  nickname: string;
  body: string;
  createdAt: number;
  likes: number;
  dislikes: number;
  status: "visible" | "held";
}

/**
 * Posts a reader's comment: validated, limited, checked for abuse (held if so), password hashed.
 * A visible one makes its article's page stale.
 */
export async function postComment(deps: CommentDeps, input: NewComment): Promise<PostedComment> {
  const { body, nickname } = validateComment(input);
  const now = deps.now();
  const article = await findPublicArticle(deps.db, input.articleNum, now);
  if (!article) throw fail("article_not_found");
  const address = await addressKey(deps.db, input.address);

  const block = await findActiveBlock(deps.db, nickname, address, now);
  if (block) throw fail("comment_blocked");

  // Narrowest first: what the address's own windows refuse never counts against the article's.
  const rate = await checkRatesInOrder(
    deps.limiter,
    [
      { key: `comment:addr:short:${address}`, ...COMMENT_RATES.perAddressShort },
      { key: `comment:addr:hour:${address}`, ...COMMENT_RATES.perAddressHour },
      { key: `comment:article:${article.id}`, ...COMMENT_RATES.perArticleMinute },
    ],
    now,
  );
  if (!rate.allowed) throw tooOften("댓글 작성이", rate.retryAfterMs);

  // The nickname is shown too, so it is judged as well (separately: joined, each could mask the other),
  // by the word list only: the model learned from comments, and a few letters give it nothing to weigh.
  let verdict = judgeComment(body, await deps.abuseFilter.model());
  if (verdict.action === "allow") verdict = judgeComment(nickname);
  // The same text again from the same address within a day is repetition, whatever the filter says.
  if (
    verdict.action === "allow" &&
    (await countRecentSameText(deps.db, address, body, now - 24 * 3600_000)) > 0
  ) {
    verdict = { action: "hold", reason: "spam_repeat", matched: body.slice(0, 40) };
  }
  const status = verdict.action === "hold" ? "held" : "visible";
  const id = await insertComment(deps.db, {
    articleId: article.id,
    nickname,
    body,
    status,
    heldReason: verdict.action === "hold" ? verdict.reason : null,
    passwordHash: await hashPassword(input.password),
    addressHash: address,
    now,
  });
  await deps.bus.announce(staleTagsOfCommentChange(article.num, null, status));
  return { id, nickname: maskNickname(nickname), body, createdAt: now, likes: 0, dislikes: 0, status };
}

/** A comment that still exists for readers' actions (not deleted), or comment_not_found. */
async function liveComment(deps: CommentDeps, id: number): Promise<CommentWithArticle> {
  const comment = await findComment(deps.db, id);
  if (!comment || comment.status === "deleted") throw fail("comment_not_found");
  return comment;
}

/** A reader deletes their own comment with the password they set. */
export async function deleteOwnComment(
  deps: CommentDeps,
  id: number,
  password: string,
  address: string,
): Promise<void> {
  const now = deps.now();
  const addressHash = await addressKey(deps.db, address);
  // Guessing passwords is slowed like posting is.
  // Per comment too: guesses spread over many addresses still get 20 an hour at one password.
  const rate = await checkRatesInOrder(
    deps.limiter,
    [
      { key: `comment:delete:${addressHash}`, limit: 10, windowMs: 60_000 },
      { key: `comment:delete:c:${id}`, limit: 20, windowMs: 3600_000 },
    ],
    now,
  );
  if (!rate.allowed) throw tooOften("댓글 삭제 시도가", rate.retryAfterMs);
  const comment = await liveComment(deps, id);
  if (!comment.password_hash || !(await verifyPassword(comment.password_hash, password))) {
    throw fail("wrong_password");
  }
  await deps.db.transaction().execute(async (trx) => {
    await setCommentStatus(trx, id, "deleted");
    await logModeration(trx, { commentId: id, staffId: null, action: "deleted_by_author", at: now });
  });
  await deps.bus.announce(staleTagsOfCommentChange(comment.article_num, comment.status, "deleted"));
}

/** 신고: one report per reader; several readers hide the comment until a moderator decides. */
export async function reportComment(
  deps: CommentDeps,
  id: number,
  reporter: string,
  reason: string,
): Promise<void> {
  const now = deps.now();
  const text = reason.replace(CONTROL, "").trim().slice(0, 500) || "사유 없음";
  const comment = await liveComment(deps, id);
  const rate = await checkRates(
    deps.limiter,
    [{ key: `comment:report:${reporter}`, limit: 30, windowMs: 3600_000 }],
    now,
  );
  if (!rate.allowed) throw tooOften("신고가", rate.retryAfterMs);
  const hidden = await deps.db.transaction().execute(async (trx) => {
    if (!(await insertReport(trx, { commentId: id, reporter, reason: text, at: now }))) return false;
    // Counted in one statement that also locks the row, so racing reports each count once.
    const after = await incrementReportCount(trx, id);
    // A comment a moderator has looked at stays as they left it.
    if (after.report_count < REPORTS_TO_HIDE || after.status !== "visible" || after.moderated_at !== null)
      return false;
    await setCommentStatus(trx, id, "held", { heldReason: "reported" });
    return true;
  });
  if (hidden) await deps.bus.announce(staleTagsOfCommentChange(comment.article_num, "visible", "held"));
}

/**
 * 공감 (+1) or 비공감 (-1), once per reader per comment. Announces nothing: counts change with every
 * click, the page's script shows the new ones at once, and a cached page's counts may lag as long as
 * the page cache keeps it.
 */
export async function voteComment(
  deps: CommentDeps,
  id: number,
  voter: string,
  value: 1 | -1,
  from: { address: string },
): Promise<{ likes: number; dislikes: number }> {
  const now = deps.now();
  const comment = await findComment(deps.db, id);
  // A comment under 임시조치 shows no text, so there is nothing to agree or disagree with.
  if (comment?.status !== "visible" || comment.takedown_at !== null) throw fail("comment_not_found");
  const rate = await checkRates(
    deps.limiter,
    [
      { key: `comment:vote:${from.address}:${id}`, ...VOTE_RATES.perAddressComment },
      { key: `comment:vote:${from.address}`, ...VOTE_RATES.perAddressHour },
    ],
    now,
  );
  if (!rate.allowed) throw tooOften("공감 표시가", rate.retryAfterMs);
  try {
    await deps.db.transaction().execute((trx) => insertVote(trx, { commentId: id, voter, value, at: now }));
  } catch (error) {
    if (deps.dialect.isUniqueViolation(error)) throw fail("already_voted");
    throw error;
  }
  const counts = await findVoteCounts(deps.db, id);
  if (!counts) throw fail("comment_not_found");
  return counts;
}
