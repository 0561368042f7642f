import { publishArticleNotice } from "../articles/desk.service.ts";
import { fail } from "../lib/errors.ts";
import { withParticle } from "../lib/josa.ts";
import { checkRates, type RateLimiter } from "../lib/rate-limit.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { MailContext } from "../mail/mail.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import { correctionOutcomeMail, correctionReceiptMail, queueCorrectionMail } from "./correction.mail.ts";
import {
  addCorrectionEvent,
  findCorrectionRequest,
  findRequestableArticle,
  insertCorrectionRequest,
  updateCorrectionRequest,
} from "./correction.repo.ts";
import {
  ANSWER_DAYS,
  articleNumFrom,
  CORRECTION_KINDS,
  type CorrectionKind,
  deadlineAfter,
  isLate,
  newReceipt,
  PUBLISH_DAYS,
  REFUSAL_GROUNDS,
  type RefusalGround,
} from "./correction.ts";

export type CorrectionDeps = UseCaseDeps & MailContext & { limiter: RateLimiter };

/** The fields of a request, as the form and `POST /api/v1/corrections` send them. */
export const REQUEST_FIELDS = [
  "article",
  "kind",
  "name",
  "email",
  "phone",
  "relation",
  "statement",
  "reason",
  "proposal",
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

const LIMITS: Record<RequestField, number> = {
  article: 2000,
  kind: 20,
  name: 100,
  email: 254,
  phone: 50,
  relation: 500,
  statement: 5000,
  reason: 5000,
  proposal: 10000,
};

const REQUIRED_MESSAGES: Partial<Record<RequestField, string>> = {
  article: "청구할 기사의 번호나 주소를 적어 주세요.",
  name: "청구인 이름을 적어 주세요.",
  email: "답변을 받을 이메일을 적어 주세요.",
  statement: "문제가 된 보도 내용을 적어 주세요.",
  reason: "청구 이유를 적어 주세요.",
  proposal: "게재를 원하는 정정·반론 내용을 적어 주세요.",
};

const FIELD_NAMES: Record<RequestField, string> = {
  article: "기사",
  kind: "청구 종류",
  name: "이름",
  email: "이메일",
  phone: "전화번호",
  relation: "보도와의 관계",
  statement: "문제가 된 보도 내용",
  reason: "청구 이유",
  proposal: "게재를 원하는 내용",
};

export interface RequestInput {
  articleNum: number;
  kind: CorrectionKind;
  name: string;
  email: string;
  phone: string | null;
  relation: string | null;
  statement: string;
  reason: string;
  proposal: string;
}

/** Strips control characters but keeps line breaks; NFC, so Korean typed on any device compares. */
function cleanText(v: string): string {
  let out = "";
  for (const ch of v.normalize("NFC")) {
    const c = ch.codePointAt(0)!;
    if (c === 10 || c === 13 || c === 9 || (c >= 32 && c !== 127)) out += ch;
  }
  return out.trim();
}

/**
 * Checks every field and answers with a Korean message for each one that is wrong (the form shows
 * them beside their fields; the API returns them in `details.fields`).
 */
export function validateRequest(raw: unknown): RequestInput {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const errors: Partial<Record<RequestField, string>> = {};
  const values: Partial<Record<RequestField, string>> = {};
  for (const f of REQUEST_FIELDS) {
    const v = body[f];
    if (v === undefined || v === null || v === "") {
      if (REQUIRED_MESSAGES[f]) errors[f] = REQUIRED_MESSAGES[f];
      continue;
    }
    if (typeof v !== "string" && !(f === "article" && typeof v === "number")) {
      errors[f] = `${FIELD_NAMES[f]} 값의 형식이 올바르지 않습니다.`;
      continue;
    }
    const text = cleanText(String(v));
    if (text === "" && REQUIRED_MESSAGES[f]) errors[f] = REQUIRED_MESSAGES[f];
    else if (text.length > LIMITS[f])
      errors[f] =
        `${withParticle(FIELD_NAMES[f], "은/는")} ${LIMITS[f].toLocaleString("ko-KR")}자까지 쓸 수 있습니다.`;
    else values[f] = text;
  }
  const articleNum = values.article ? articleNumFrom(values.article) : null;
  if (values.article && articleNum === null) errors.article = "기사 번호(숫자)나 기사 주소를 적어 주세요.";
  const kind = (values.kind ?? "correction") as CorrectionKind;
  if (!CORRECTION_KINDS.includes(kind))
    errors.kind = "청구 종류는 정정보도, 반론보도, 추후보도 가운데 하나입니다.";
  if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
    errors.email = "이메일 주소를 확인해 주세요.";
  }
  if (values.phone && !/^[0-9+()\-.\s]{7,30}$/.test(values.phone)) {
    errors.phone = "전화번호는 숫자와 - 로 적어 주세요.";
  }
  const first = REQUEST_FIELDS.map((f) => errors[f]).find(Boolean);
  if (first) throw fail("invalid_correction", first, { fields: errors });
  return {
    articleNum: articleNum!,
    kind,
    name: values.name!,
    email: values.email!,
    phone: values.phone ?? null,
    relation: values.relation ?? null,
    statement: values.statement!,
    reason: values.reason!,
    proposal: values.proposal!,
  };
}

/** Files a request: validated, rate-limited per address, logged; late ones are queued and flagged. */
export async function fileCorrectionRequest(
  deps: CorrectionDeps,
  raw: unknown,
  address: string,
): Promise<{ id: number; receipt: string; answerDueAt: number; late: boolean }> {
  const input = validateRequest(raw);
  const now = deps.now();
  const article = await findRequestableArticle(deps.db, input.articleNum, now);
  if (!article) {
    throw fail("invalid_correction", "해당 번호의 기사를 찾을 수 없습니다.", {
      fields: { article: "해당 번호의 기사를 찾을 수 없습니다." },
    });
  }
  const rate = await checkRates(
    deps.limiter,
    [
      { key: `correction:addr:${address}`, limit: 5, windowMs: 3600_000 },
      { key: `correction:addr:day:${address}`, limit: 20, windowMs: 24 * 3600_000 },
    ],
    now,
  );
  if (!rate.allowed) throw fail("rate_limited", { what: "청구 접수가", retryAfterMs: rate.retryAfterMs });
  const answerDueAt = deadlineAfter(now, ANSWER_DAYS);
  const late = isLate(input.kind, article.published_at ?? now, now);
  const receipt = newReceipt();
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertCorrectionRequest(trx, {
      receipt,
      article_id: article.id,
      kind: input.kind,
      name: input.name,
      email: input.email,
      phone: input.phone,
      relation: input.relation,
      statement: input.statement,
      reason: input.reason,
      proposal: input.proposal,
      status: "received",
      late: late ? 1 : 0,
      received_at: now,
      answer_due_at: answerDueAt,
      answered_at: null,
      refusal_ground: null,
      answer_note: null,
      publish_due_at: null,
      published_at: null,
      notice_id: null,
    });
    await addCorrectionEvent(trx, {
      requestId: id,
      at: now,
      staffId: null,
      action: "received",
      note: late ? "보도 후 6개월이 지난 청구" : null,
    });
    await queueCorrectionMail(
      trx,
      now,
      deps.siteUrl,
      (statusUrl) =>
        correctionReceiptMail({
          email: input.email,
          name: input.name,
          receipt,
          kind: input.kind,
          articleTitle: article.title,
          articleNum: article.num,
          answerDueAt,
          statusUrl,
        }),
      receipt,
    );
    return id;
  });
  // Nothing public shows a request until it is published on the article (through the desk).
  return { id, receipt, answerDueAt, late };
}

/** The requester's view of their request: found only when the e-mail matches (any case). */
export async function findRequestForRequester(deps: Pick<UseCaseDeps, "db">, receipt: string, email: string) {
  const row = await findCorrectionRequest(deps.db, { receipt: receipt.toUpperCase() });
  if (!row || row.email.trim().toLowerCase() !== email.trim().toLowerCase())
    throw fail("correction_not_found");
  return row;
}

export type Outcome = "accepted" | "partly_accepted" | "refused" | "withdrawn";

function ensure(actor: StaffUser) {
  if (!can(actor.role, "corrections.manage")) throw fail("forbidden");
}

/** The paper's answer (§15②): accept, accept in part, refuse on a §15④ ground, or record a withdrawal. */
export async function answerCorrectionRequest(
  deps: UseCaseDeps & MailContext,
  actor: StaffUser,
  id: number,
  answer: { outcome: Outcome; ground: RefusalGround | null; note: string | null },
): Promise<void> {
  ensure(actor);
  if (answer.outcome === "refused" && (!answer.ground || !(answer.ground in REFUSAL_GROUNDS))) {
    throw fail("invalid_form", "거부할 때는 언론중재법 제15조제4항의 사유를 골라 주세요.");
  }
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const from =
      answer.outcome === "withdrawn"
        ? (["received", "accepted", "partly_accepted"] as const)
        : (["received"] as const);
    const moved = await updateCorrectionRequest(trx, id, from, {
      status: answer.outcome,
      ...(answer.outcome === "withdrawn" ? {} : { answered_at: now, answer_note: answer.note }),
      refusal_ground: answer.outcome === "refused" ? answer.ground : null,
      publish_due_at:
        answer.outcome === "accepted" || answer.outcome === "partly_accepted"
          ? deadlineAfter(now, PUBLISH_DAYS)
          : null,
    });
    if (!moved) {
      const row = await findCorrectionRequest(trx, { id });
      if (!row) throw fail("not_found", "청구");
      throw fail("correction_state", "이미 답변했거나 닫힌 청구입니다. 목록을 새로 고쳐 주세요.");
    }
    await addCorrectionEvent(trx, {
      requestId: id,
      at: now,
      staffId: actor.id,
      action: answer.outcome,
      note:
        answer.outcome === "refused"
          ? [REFUSAL_GROUNDS[answer.ground!], answer.note].filter(Boolean).join(" — ")
          : answer.note,
    });
    // The requester hears the answer (§15②); a withdrawal was theirs, so it is not mailed back.
    if (answer.outcome !== "withdrawn") {
      const row = await findCorrectionRequest(trx, { id });
      const outcome = answer.outcome;
      if (row)
        await queueCorrectionMail(
          trx,
          now,
          deps.siteUrl,
          (statusUrl) =>
            correctionOutcomeMail({
              email: row.email,
              name: row.name,
              receipt: row.receipt,
              kind: row.kind as CorrectionKind,
              articleTitle: row.article_title,
              articleNum: row.article_num,
              outcome,
              ground: answer.outcome === "refused" ? answer.ground : null,
              note: answer.note,
              publishDueAt: row.publish_due_at,
              statusUrl,
            }),
          row.receipt,
        );
    }
  });
}

/**
 * Publishes an accepted request at the top of its article (§15③) through the desk's write path (the
 * article page, feeds and sitemaps are announced stale there), then closes the request with the
 * outcome recorded for portals.
 */
export async function publishCorrectionRequest(
  deps: UseCaseDeps,
  actor: StaffUser,
  id: number,
  text: { title: string; body: string },
): Promise<void> {
  ensure(actor);
  const row = await findCorrectionRequest(deps.db, { id });
  if (!row) throw fail("not_found", "청구");
  if (row.status !== "accepted" && row.status !== "partly_accepted") {
    throw fail("correction_state", "수용한 청구만 게재할 수 있습니다.");
  }
  const title = cleanText(text.title);
  const body = cleanText(text.body);
  if (!title || title.length > 300) throw fail("invalid_form", "게재할 제목을 300자 안에서 적어 주세요.");
  if (!body || body.length > 10000) throw fail("invalid_form", "게재할 본문을 10,000자 안에서 적어 주세요.");
  const noticeId = await publishArticleNotice(deps, actor, row.article_id, { kind: row.kind, title, body });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await updateCorrectionRequest(trx, id, ["accepted", "partly_accepted"], {
      status: "published",
      published_at: now,
      notice_id: noticeId,
    });
    await addCorrectionEvent(trx, {
      requestId: id,
      at: now,
      staffId: actor.id,
      action: "published",
      note: title,
    });
  });
}
