import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import { findComment, logModeration, setCommentStatus } from "./comment.repo.ts";

export interface ModerationDeps {
  db: Kysely<Database>;
  now: () => number;
}

export type ModerationAction = "approve" | "delete" | "restore";

function ensureModerator(user: StaffUser) {
  if (!can(user.role, "comments.moderate"))
    throw new AppError("forbidden", 403, "댓글을 관리할 권한이 없습니다.");
}

/** A moderator's decision on one comment; every one is logged with who and when. */
export async function moderateComment(
  deps: ModerationDeps,
  user: StaffUser,
  id: number,
  action: ModerationAction,
  note?: string,
) {
  ensureModerator(user);
  const comment = await findComment(deps.db, id);
  if (!comment) throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
  const now = deps.now();
  const next = action === "delete" ? "deleted" : "visible";
  if (action === "restore" && comment.status !== "deleted")
    throw new AppError("invalid_transition", 409, "삭제된 댓글만 되살릴 수 있습니다.");
  await deps.db.transaction().execute(async (trx) => {
    await setCommentStatus(trx, id, next, {
      heldReason: action === "delete" ? comment.held_reason : null,
      moderatedAt: now,
    });
    // An approved comment starts afresh: old reports no longer count toward hiding it again.
    if (action === "approve") {
      await trx.deleteFrom("comment_reports").where("comment_id", "=", id).execute();
      await trx.updateTable("comments").set({ report_count: 0 }).where("id", "=", id).execute();
    }
    await logModeration(trx, {
      commentId: id,
      staffId: user.id,
      action,
      note: note?.slice(0, 500) ?? null,
      at: now,
    });
  });
}

export const BLOCK_DAYS = [1, 7, 30, 365] as const;

/** Blocks the nickname or the address of a comment's author for some days. */
export async function blockAuthor(
  deps: ModerationDeps,
  user: StaffUser,
  commentId: number,
  kind: "nickname" | "address",
  days: number,
  reason: string,
) {
  ensureModerator(user);
  if (!BLOCK_DAYS.includes(days as (typeof BLOCK_DAYS)[number]))
    throw new AppError("invalid_block", 400, "차단 기간을 골라 주세요.");
  const comment = await findComment(deps.db, commentId);
  if (!comment) throw new AppError("comment_not_found", 404, "댓글을 찾을 수 없습니다.");
  const value = kind === "nickname" ? comment.nickname.toLowerCase() : comment.address_hash;
  if (!value)
    throw new AppError("invalid_block", 400, "이 댓글은 주소 기록이 없어 주소로 차단할 수 없습니다.");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("comment_blocks")
      .values({
        kind,
        value,
        reason: reason.slice(0, 500) || null,
        until: now + days * 24 * 3600_000,
        staff_id: user.id,
        created_at: now,
      })
      .execute();
    await logModeration(trx, {
      commentId,
      staffId: user.id,
      action: `block_${kind}`,
      note: `${days}일${reason ? `: ${reason.slice(0, 400)}` : ""}`,
      at: now,
    });
  });
}

export async function liftBlock(deps: ModerationDeps, user: StaffUser, blockId: number) {
  ensureModerator(user);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable("comment_blocks")
      .set({ until: now })
      .where("id", "=", blockId)
      .where("until", ">", now)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0)
      throw new AppError("block_not_found", 404, "해당 차단을 찾을 수 없습니다.");
    await logModeration(trx, {
      commentId: null,
      staffId: user.id,
      action: "unblock",
      note: `#${blockId}`,
      at: now,
    });
  });
}
