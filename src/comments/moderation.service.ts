import { fail } from "../lib/errors.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import { insertFilterExample } from "./abuse-filter.repo.ts";
import { type AbuseFilter, readWithModel } from "./abuse-filter.service.ts";
import { clearReports, findComment, setCommentStatus } from "./comment.repo.ts";
import { staleTagsOfCommentChange } from "./comment.ts";
import {
  endBlock,
  insertBlock,
  listActiveBlocks,
  listModerationLog,
  listModerationQueue,
  listRecentComments,
  logModeration,
  reportReasons,
} from "./moderation.repo.ts";
import {
  BLOCK_DAYS,
  type ModerationAction,
  type ModerationPageData,
  type ModerationTab,
} from "./moderation.ts";

export type ModerationDeps = UseCaseDeps;

const PAGE_SIZE = 100;

function ensureModerator(user: StaffUser) {
  if (!can(user.role, "comments.moderate")) throw fail("forbidden", "moderate");
}

/**
 * The moderation page of one tab: its comments (with report reasons and what the filter's model reads
 * in each), active blocks and the log.
 */
export async function loadModerationPage(
  deps: Pick<UseCaseDeps, "db" | "now"> & { abuseFilter: AbuseFilter },
  tab: ModerationTab,
  page: number,
): Promise<ModerationPageData> {
  const offset = (page - 1) * PAGE_SIZE;
  const rows =
    tab === "queue"
      ? await listModerationQueue(deps.db, PAGE_SIZE, offset)
      : await listRecentComments(deps.db, tab, PAGE_SIZE, offset);
  const [reasons, blocks, log] = await Promise.all([
    reportReasons(
      deps.db,
      rows.map((r) => r.id),
    ),
    listActiveBlocks(deps.db, deps.now()),
    listModerationLog(deps.db, 50),
  ]);
  const model = await deps.abuseFilter.model();
  return {
    modelInUse: {
      retrained: deps.abuseFilter.source(),
      paperExamples: model.info.examples.paper ?? 0,
      threshold: model.threshold,
    },
    items: rows.map((r) => ({
      id: r.id,
      nickname: r.nickname,
      body: r.body,
      status: r.status,
      heldReason: r.held_reason,
      reportCount: r.report_count,
      createdAt: r.created_at,
      hasAddress: r.address_hash !== null,
      articleNum: r.article_num,
      articleTitle: r.article_title,
      reports: reasons.filter((x) => x.comment_id === r.id).map((x) => x.reason),
      model: readWithModel(model, r.body),
    })),
    blocks: blocks.map((b) => ({
      id: b.id,
      kind: b.kind,
      label: b.kind === "nickname" ? b.value : `${b.value.slice(0, 8)}…`,
      reason: b.reason,
      until: b.until,
      staffName: b.staff_name,
    })),
    log: log.map((l) => ({
      id: l.id,
      commentId: l.comment_id,
      action: l.action,
      note: l.note,
      createdAt: l.created_at,
      staffName: l.staff_name,
    })),
  };
}

/**
 * A moderator's decision on one comment; every one is logged with who and when, and kept as a labelled
 * example for the filter (deleted = should be held; approved or restored = fine), which
 * `jikji train-filter` learns from. A decision readers can see (a comment shown or taken down) makes
 * its article's page stale.
 */
export async function moderateComment(
  deps: ModerationDeps,
  user: StaffUser,
  id: number,
  action: ModerationAction,
  note?: string,
) {
  ensureModerator(user);
  const comment = await findComment(deps.db, id);
  if (!comment) throw fail("comment_not_found");
  const now = deps.now();
  const next = action === "delete" ? "deleted" : "visible";
  if (action === "restore" && comment.status !== "deleted")
    throw fail("invalid_transition", "restore_needs_deleted");
  await deps.db.transaction().execute(async (trx) => {
    await setCommentStatus(trx, id, next, {
      heldReason: action === "delete" ? comment.held_reason : null,
      moderatedAt: now,
    });
    // An approved comment starts afresh: old reports no longer count toward hiding it again.
    if (action === "approve") await clearReports(trx, id);
    await logModeration(trx, {
      commentId: id,
      staffId: user.id,
      action,
      note: note?.slice(0, 500) ?? null,
      at: now,
    });
    await insertFilterExample(trx, {
      commentId: id,
      body: comment.body,
      abusive: action === "delete",
      decision: action,
      staffId: user.id,
      at: now,
    });
  });
  await deps.bus.announce(staleTagsOfCommentChange(comment.article_num, comment.status, next));
}

/** Blocks the nickname or the address of a comment's author for some days. Nothing readers see changes. */
export async function blockAuthor(
  deps: ModerationDeps,
  user: StaffUser,
  commentId: number,
  kind: "nickname" | "address",
  days: number,
  reason: string,
) {
  ensureModerator(user);
  if (!BLOCK_DAYS.includes(days as (typeof BLOCK_DAYS)[number])) throw fail("invalid_block", "days");
  const comment = await findComment(deps.db, commentId);
  if (!comment) throw fail("comment_not_found");
  const value = kind === "nickname" ? comment.nickname.toLowerCase() : comment.address_hash;
  if (!value) throw fail("invalid_block", "no_address");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await insertBlock(trx, {
      kind,
      value,
      reason: reason.slice(0, 500) || null,
      until: now + days * 24 * 3600_000,
      staffId: user.id,
      at: now,
    });
    await logModeration(trx, {
      commentId,
      staffId: user.id,
      action: `block_${kind}`,
      note: `${days}일${reason ? `: ${reason.slice(0, 400)}` : ""}`,
      at: now,
    });
  });
}

/** Ends a block now. Nothing readers see changes. */
export async function liftBlock(deps: ModerationDeps, user: StaffUser, blockId: number) {
  ensureModerator(user);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await endBlock(trx, blockId, now))) throw fail("block_not_found");
    await logModeration(trx, {
      commentId: null,
      staffId: user.id,
      action: "unblock",
      note: `#${blockId}`,
      at: now,
    });
  });
}
