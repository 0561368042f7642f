import type { Kysely } from "kysely";
import { getPublishedArticle } from "../articles/article.service.ts";
import { isUniqueViolation } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import { COMMENT_MAX_BYTES, koreanByteLength } from "../lib/korean-bytes.ts";
import { checkRates, type RateLimiter } from "../lib/rate-limit.ts";
import { installSecret, keyedHash } from "../lib/secrets.ts";
import { hashPassword, verifyPassword } from "../staff/password.ts";
import {
  countRecentSameText,
  findActiveBlock,
  findComment,
  insertComment,
  logModeration,
  setCommentStatus,
} from "./comment.repo.ts";
import { maskNickname } from "./comment.ts";
import { judgeComment } from "./filter/index.ts";

export interface CommentDeps {
  db: Kysely<Database>;
  now: () => number;
  limiter: RateLimiter;
}

/** Flood limits: per address one comment per 15 s and 20 an hour; per article 30 a minute from everyone. */
export const COMMENT_RATES = {
  perAddressShort: { limit: 1, windowMs: 15_000 },
  perAddressHour: { limit: 20, windowMs: 3600_000 },
  perArticleMinute: { limit: 30, windowMs: 60_000 },
} as const;
/** Distinct readers whose reports hide a comment until a moderator looks. */
export const REPORTS_TO_HIDE = 3;
export const NICKNAME_MAX = 20;

const tooMany = (retryAfterMs: number) =>
  new AppError(
    "rate_limited",
    429,
    `댓글을 너무 자주 쓰고 있습니다. ${Math.max(1, Math.ceil(retryAfterMs / 1000))}초 뒤에 다시 시도해 주세요.`,
    { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
  );

/** A reader's address as a keyed hash: enough to limit and block, useless to anyone else. */
export async function addressKey(db: Kysely<Database>, address: string): Promise<string> {
  return keyedHash(await installSecret(db, "address_hash"), address);
}

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
  if (!body) throw new AppError("comment_empty", 400, "댓글 내용을 입력해 주세요.");
  const bytes = koreanByteLength(body);
  if (bytes > COMMENT_MAX_BYTES) {
    throw new AppError(
      "comment_too_long",
      400,
      `댓글은 ${COMMENT_MAX_BYTES}byte(한글 ${COMMENT_MAX_BYTES / 2}자)까지 쓸 수 있습니다. 지금 ${bytes}byte입니다.`,
      {
        bytes,
        maxBytes: COMMENT_MAX_BYTES,
      },
    );
  }
  if (!nickname) throw new AppError("nickname_required", 400, "닉네임을 입력해 주세요.");
  if ([...nickname].length > NICKNAME_MAX)
    throw new AppError("nickname_too_long", 400, `닉네임은 ${NICKNAME_MAX}자까지 쓸 수 있습니다.`);
  if (input.password.length < 4)
    throw new AppError("password_too_short", 400, "비밀번호는 4자 이상이어야 합니다.");
  if (input.password.length > 64)
    throw new AppError("password_too_long", 400, "비밀번호는 64자까지 쓸 수 있습니다.");
  return { body, nickname };
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

/** Posts a reader's comment: validated, limited, checked for abuse (held if so), password hashed. */
export async function postComment(deps: CommentDeps, input: NewComment): Promise<PostedComment> {
  const { body, nickname } = validateComment(input);
  const now = deps.now();
  const article = await getPublishedArticle(deps.db, input.articleNum, now);
  if (!article) throw new AppError("article_not_found", 404, "기사를 찾을 수 없습니다.");
  const address = await addressKey(deps.db, input.address);

  const block = await findActiveBlock(deps.db, nickname, address, now);
  if (block) throw new AppError("comment_blocked", 403, "운영 원칙에 따라 댓글 쓰기가 제한되었습니다.");

  const rate = await checkRates(
    deps.limiter,
    [
      { key: `comment:addr:short:${address}`, ...COMMENT_RATES.perAddressShort },
      { key: `comment:addr:hour:${address}`, ...COMMENT_RATES.perAddressHour },
      { key: `comment:article:${article.id}`, ...COMMENT_RATES.perArticleMinute },
    ],
    now,
  );
  if (!rate.allowed) throw tooMany(rate.retryAfterMs);

  // The nickname is shown too, so it is judged as well (separately: joined, each could mask the other).
  let verdict = judgeComment(body);
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
  return { id, nickname: maskNickname(nickname), body, createdAt: now, likes: 0, dislikes: 0, status };
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
  const rate = await checkRates(
    deps.limiter,
    [{ key: `comment:delete:${addressHash}`, limit: 10, windowMs: 60_000 }],
    now,
  );
  if (!rate.allowed) throw tooMany(rate.retryAfterMs);
  const comment = await findComment(deps.db, id);
  if (!comment || comment.status === "deleted")
    throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
  if (!comment.password_hash || !(await verifyPassword(comment.password_hash, password))) {
    throw new AppError("wrong_password", 403, "비밀번호가 맞지 않습니다.");
  }
  await setCommentStatus(deps.db, id, "deleted");
  await logModeration(deps.db, { commentId: id, staffId: null, action: "deleted_by_author", at: now });
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
  const comment = await findComment(deps.db, id);
  if (!comment || comment.status === "deleted")
    throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
  const rate = await checkRates(
    deps.limiter,
    [{ key: `comment:report:${reporter}`, limit: 30, windowMs: 3600_000 }],
    now,
  );
  if (!rate.allowed) throw tooMany(rate.retryAfterMs);
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("comment_reports")
      .values({ comment_id: id, reporter, reason: text, created_at: now })
      .onConflict((oc) => oc.columns(["comment_id", "reporter"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
    const { n } = await trx
      .selectFrom("comment_reports")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("comment_id", "=", id)
      .executeTakeFirstOrThrow();
    const count = Number(n);
    await trx.updateTable("comments").set({ report_count: count }).where("id", "=", id).execute();
    if (count >= REPORTS_TO_HIDE && comment.status === "visible" && comment.moderated_at === null) {
      await setCommentStatus(trx, id, "held", { heldReason: "reported" });
    }
  });
}

/** 공감 (+1) or 비공감 (-1), once per reader per comment. */
export async function voteComment(
  deps: CommentDeps,
  id: number,
  voter: string,
  value: 1 | -1,
): Promise<{ likes: number; dislikes: number }> {
  const now = deps.now();
  const comment = await findComment(deps.db, id);
  if (comment?.status !== "visible") throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("comment_votes")
        .values({ comment_id: id, voter, value, created_at: now })
        .execute();
      await trx
        .updateTable("comments")
        .set((eb) => (value === 1 ? { likes: eb("likes", "+", 1) } : { dislikes: eb("dislikes", "+", 1) }))
        .where("id", "=", id)
        .execute();
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("already_voted", 409, "이미 이 댓글에 의견을 남겼습니다.");
    throw error;
  }
  const after = (await findComment(deps.db, id))!;
  return { likes: after.likes, dislikes: after.dislikes };
}
