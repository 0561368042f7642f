import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { withParticle } from "../lib/josa.ts";
import { mailSite, queueMail } from "../mail/mail.service.ts";
import type { MailContent } from "../mail/mail.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import {
  type CorrectionKind,
  KIND_LABELS,
  lastDayOf,
  REFUSAL_GROUNDS,
  type RefusalGround,
} from "./correction.ts";

interface RequestFacts {
  email: string;
  name: string;
  receipt: string;
  kind: CorrectionKind;
  articleTitle: string;
  articleNum: number;
}

const factsOf = (r: RequestFacts): [string, string][] => [
  ["접수 번호", r.receipt],
  ["청구 종류", KIND_LABELS[r.kind]],
  ["기사", `${r.articleTitle} (${r.articleNum})`],
];

/** The receipt a requester gets at once: the number and the paper's answer deadline (§15②: 3 days). */
export function correctionReceiptMail(
  r: RequestFacts & { answerDueAt: number; statusUrl: string },
): MailContent {
  const kind = KIND_LABELS[r.kind];
  return {
    kind: "correction_received",
    to: r.email,
    subject: `${kind} 청구 접수: ${r.receipt}`,
    greeting: `${r.name} 님, 안녕하세요.`,
    paragraphs: [
      `${withParticle(`${kind} 청구`, "을/를")} 접수했습니다. 언론중재법 제15조에 따라 ${lastDayOf(r.answerDueAt)}까지 수용 여부를 알려 드립니다.`,
      "진행 상황은 아래 주소에서 접수 번호와 이 이메일 주소로 확인하실 수 있습니다.",
    ],
    facts: factsOf(r),
    action: { label: "처리 상황 보기", url: r.statusUrl },
  };
}

export type AnsweredOutcome = "accepted" | "partly_accepted" | "refused";

/** The paper's answer: accepted (in part) with the publication deadline, or refused with its ground. */
export function correctionOutcomeMail(
  r: RequestFacts & {
    outcome: AnsweredOutcome;
    ground: RefusalGround | null;
    note: string | null;
    publishDueAt: number | null;
    statusUrl: string;
  },
): MailContent {
  const kind = KIND_LABELS[r.kind];
  const outcome = r.outcome === "accepted" ? "수용" : r.outcome === "partly_accepted" ? "일부 수용" : "거부";
  const paragraphs =
    r.outcome === "refused"
      ? [
          `${withParticle(`${kind} 청구`, "을/를")} 검토한 결과 받아들이지 않기로 했습니다.`,
          `사유: ${r.ground ? REFUSAL_GROUNDS[r.ground] : "-"}`,
          "이 결정에 동의하지 않으시면 언론중재위원회에 조정이나 중재를 신청하실 수 있습니다.",
        ]
      : [
          `${withParticle(`${kind} 청구`, "을/를")} ${r.outcome === "accepted" ? "받아들였습니다" : "일부 받아들였습니다"}.${
            r.publishDueAt ? ` ${lastDayOf(r.publishDueAt)}까지 기사에 게재합니다.` : ""
          }`,
        ];
  return {
    kind: "correction_answered",
    to: r.email,
    subject: `${kind} 청구 답변(${outcome}): ${r.receipt}`,
    greeting: `${r.name} 님, 안녕하세요.`,
    paragraphs: r.note ? [...paragraphs, `편집국 답변:\n${r.note}`] : paragraphs,
    facts: factsOf(r),
    action: { label: "처리 상황 보기", url: r.statusUrl },
  };
}

/** Queues a correction mail in the use case's transaction. */
export async function queueCorrectionMail(
  trx: Transaction<Database>,
  now: number,
  siteUrl: string,
  mail: (statusUrl: string) => MailContent,
  receipt: string,
): Promise<void> {
  await queueMail(
    trx,
    now,
    await mailSite(trx, siteUrl),
    mail(absoluteUrl(siteUrl, paths.correctionStatus(receipt))),
  );
}
