import { fail } from "../lib/errors.ts";
import { checkRates, type RateLimiter } from "../lib/rate-limit.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { getSiteSettings } from "../site/site-settings.repo.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import { findComment, findPublicArticle, setCommentStatus } from "./comment.repo.ts";
import { staleTagsOfCommentChange } from "./comment.ts";
import { logModeration } from "./moderation.repo.ts";
import {
  countExpiredTakedowns,
  findRightsRequest,
  insertRightsRequest,
  listRightsRequests,
  moveRightsRequest,
  type RightsRequestRow,
  setCommentTakedown,
} from "./takedown.repo.ts";
import {
  INFRINGED_RIGHTS,
  type InfringedRight,
  posterNotice,
  type RightsRequestItem,
  requesterNotice,
  takedownDays,
  takedownEnd,
  takedownExpired,
  validateRightsReport,
} from "./takedown.ts";

/** A 권리침해 신고 from one address: five an hour, twenty a day (it is a legal request, not a click). */
export const RIGHTS_REPORT_RATES = {
  perAddressHour: { limit: 5, windowMs: 3600_000 },
  perAddressDay: { limit: 20, windowMs: 24 * 3600_000 },
} as const;

function ensureModerator(user: StaffUser) {
  if (!can(user.role, "comments.moderate")) throw fail("forbidden", "moderate");
}

/**
 * A comment a 권리침해 신고 may be filed on: visible (under 임시조치 included) on a public article;
 * else comment_not_found, so the form reveals nothing of drafts or pulled stories.
 */
export async function findReportableComment(deps: Pick<UseCaseDeps, "db" | "now">, commentId: number) {
  const comment = await findComment(deps.db, commentId);
  if (comment?.status !== "visible" || !(await findPublicArticle(deps.db, comment.article_num, deps.now())))
    throw fail("comment_not_found");
  return comment;
}

/**
 * Files a 권리침해 신고 on a comment readers can see (정보통신망법 §44의2①). Nothing readers see changes
 * until a moderator acts, so nothing is announced.
 */
export async function fileRightsReport(
  deps: UseCaseDeps & { limiter: RateLimiter },
  commentId: number,
  raw: unknown,
  addressHash: string,
): Promise<{ id: number }> {
  const input = validateRightsReport(raw);
  const now = deps.now();
  await findReportableComment(deps, commentId);
  const rate = await checkRates(
    deps.limiter,
    [
      { key: `rights:hour:${addressHash}`, ...RIGHTS_REPORT_RATES.perAddressHour },
      { key: `rights:day:${addressHash}`, ...RIGHTS_REPORT_RATES.perAddressDay },
    ],
    now,
  );
  if (!rate.allowed)
    throw fail(
      "rate_limited",
      { what: "권리침해 신고가", retryAfterMs: rate.retryAfterMs },
      { retryAfterSeconds: Math.max(1, Math.ceil(rate.retryAfterMs / 1000)) },
    );
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertRightsRequest(trx, { commentId, ...input, addressHash, at: now });
    await logModeration(trx, {
      commentId,
      staffId: null,
      action: "rights_report",
      note: `#${id} ${INFRINGED_RIGHTS[input.right]}`,
      at: now,
    });
    return id;
  });
  return { id };
}

function toItem(r: RightsRequestRow, now: number): RightsRequestItem {
  return {
    id: r.id,
    commentId: r.comment_id,
    commentBody: r.comment_body,
    commentNickname: r.comment_nickname,
    commentStatus: r.comment_status,
    articleNum: r.article_num,
    articleTitle: r.article_title,
    name: r.name,
    contact: r.contact,
    right: INFRINGED_RIGHTS[r.infringed_right as InfringedRight] ?? r.infringed_right,
    reason: r.reason,
    status: r.status,
    receivedAt: r.received_at,
    blockDays: r.block_days,
    blockedAt: r.blocked_at,
    blockUntil: r.block_until,
    expired: r.status === "blocked" && takedownExpired(r.block_until, now),
    requesterNotice: r.requester_notice,
    posterNotice: r.poster_notice,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_name,
    decisionNote: r.decision_note,
  };
}

/** The moderators' list: open requests (waiting, then expired 임시조치, then running) and the latest closed. */
export async function loadRightsRequests(
  deps: Pick<UseCaseDeps, "db" | "now">,
  user: StaffUser,
): Promise<{ open: RightsRequestItem[]; closed: RightsRequestItem[] }> {
  ensureModerator(user);
  const now = deps.now();
  const [open, closed] = await Promise.all([
    listRightsRequests(deps.db, true, 500),
    listRightsRequests(deps.db, false, 100),
  ]);
  const items = open.map((r) => toItem(r, now));
  // Expired first: they are the ones the law leaves waiting on a person.
  const rank = (i: RightsRequestItem) => (i.expired ? 0 : i.status === "received" ? 1 : 2);
  items.sort((a, b) => rank(a) - rank(b));
  return { open: items, closed: closed.map((r) => toItem(r, now)) };
}

/** How many 임시조치 have run out without a decision (the reminder on the newsroom home). */
export function countTakedownsAwaitingDecision(deps: Pick<UseCaseDeps, "db" | "now">): Promise<number> {
  return countExpiredTakedowns(deps.db, deps.now());
}

async function openRequest(deps: UseCaseDeps, id: number) {
  const row = await findRightsRequest(deps.db, id);
  if (!row) throw fail("rights_request_not_found");
  return row;
}

/**
 * 임시조치 (§44의2②④): hides the comment's text from readers for `days` (1–30), records what the
 * requester and the poster are told, and logs who did it. The article's page is announced stale.
 */
export async function applyTakedown(
  deps: UseCaseDeps,
  user: StaffUser,
  requestId: number,
  rawDays: unknown,
  note: string | null,
): Promise<void> {
  ensureModerator(user);
  const days = takedownDays(rawDays);
  const row = await openRequest(deps, requestId);
  if (row.status !== "received") throw fail("takedown_state", "not_received");
  if (row.comment_status === "deleted") throw fail("takedown_state", "comment_gone");
  const now = deps.now();
  const until = takedownEnd(now, days);
  const { name: siteName } = await getSiteSettings(deps.db);
  const notices = {
    requester: requesterNotice({ siteName, commentId: row.comment_id, days, until }),
    poster: posterNotice({ siteName, commentId: row.comment_id, days, until }),
  };
  await deps.db.transaction().execute(async (trx) => {
    const moved = await moveRightsRequest(trx, requestId, "received", {
      status: "blocked",
      blockDays: days,
      blockedAt: now,
      blockUntil: until,
      requesterNotice: notices.requester,
      posterNotice: notices.poster,
      decidedAt: now,
      decidedBy: user.id,
      decisionNote: note,
    });
    if (!moved) throw fail("takedown_state", "not_received");
    await setCommentTakedown(trx, row.comment_id, now, until);
    await logModeration(trx, {
      commentId: row.comment_id,
      staffId: user.id,
      action: "takedown",
      note: `#${requestId} ${days}일`,
      at: now,
    });
    await logModeration(trx, {
      commentId: row.comment_id,
      staffId: user.id,
      action: "takedown_notice_requester",
      note: notices.requester,
      at: now,
    });
    await logModeration(trx, {
      commentId: row.comment_id,
      staffId: user.id,
      action: "takedown_notice_poster",
      note: notices.poster,
      at: now,
    });
  });
  // The comment is (or may be) on its article's page either way: the notice replaces its text there.
  await deps.bus.announce(staleTagsOfCommentChange(row.article_num, row.comment_status, "visible"));
}

/** 기각: the request does not hold; nothing readers see changes. */
export async function dismissRightsRequest(
  deps: UseCaseDeps,
  user: StaffUser,
  requestId: number,
  note: string | null,
): Promise<void> {
  ensureModerator(user);
  const row = await openRequest(deps, requestId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await moveRightsRequest(trx, requestId, "received", {
      status: "dismissed",
      decidedAt: now,
      decidedBy: user.id,
      decisionNote: note,
    });
    if (!moved) throw fail("takedown_state", "not_received");
    await logModeration(trx, {
      commentId: row.comment_id,
      staffId: user.id,
      action: "rights_dismiss",
      note: `#${requestId}${note ? ` ${note}` : ""}`,
      at: now,
    });
  });
}

/**
 * The end of a 임시조치: the moderator restores the comment's text or deletes the comment. Either may
 * come before the period is over. The article's page is announced stale.
 */
export async function endTakedown(
  deps: UseCaseDeps,
  user: StaffUser,
  requestId: number,
  decision: "restore" | "delete",
  note: string | null,
): Promise<void> {
  ensureModerator(user);
  const row = await openRequest(deps, requestId);
  if (row.status !== "blocked") throw fail("takedown_state", "not_blocked");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await moveRightsRequest(trx, requestId, "blocked", {
      status: decision === "restore" ? "restored" : "deleted",
      decidedAt: now,
      decidedBy: user.id,
      decisionNote: note,
    });
    if (!moved) throw fail("takedown_state", "not_blocked");
    await setCommentTakedown(trx, row.comment_id, null, null);
    if (decision === "delete") await setCommentStatus(trx, row.comment_id, "deleted", { moderatedAt: now });
    await logModeration(trx, {
      commentId: row.comment_id,
      staffId: user.id,
      action: decision === "restore" ? "takedown_restore" : "takedown_delete",
      note: `#${requestId}${note ? ` ${note}` : ""}`,
      at: now,
    });
  });
  await deps.bus.announce(
    staleTagsOfCommentChange(
      row.article_num,
      row.comment_status,
      decision === "delete" ? "deleted" : row.comment_status,
    ),
  );
}
