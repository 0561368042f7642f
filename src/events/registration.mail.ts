import type { Kysely, Transaction } from "kysely";
import type { Database, EventRow, RegistrationRow } from "../db/schema.ts";
import { withParticle } from "../lib/josa.ts";
import { formatKstMinute } from "../lib/kst-time.ts";
import { installSecret } from "../lib/secrets.ts";
import { mailSite, queueMail } from "../mail/mail.service.ts";
import type { MailContent } from "../mail/mail.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import { cancelTokenFor, hashCancelToken } from "./registration.ts";

/** What a registrant is told, by e-mail, when their registration is made or changes. */
export type RegistrationNotice = "confirmed" | "waitlisted" | "promoted" | "cancelled";

/**
 * Queues registration mails inside the use case's transaction. Made before the transaction starts
 * (it reads the installation's secret, which must not wait for the transaction's own connection).
 */
export interface RegistrationMailer {
  /** the cancel link's token of a registration (see `cancelTokenFor`) */
  tokenFor(eventId: number, email: string, createdAt: number, confirmationCode: string): string;
  queue(
    trx: Transaction<Database>,
    now: number,
    event: EventRow,
    registration: RegistrationRow,
    notice: RegistrationNotice,
  ): Promise<void>;
}

export async function registrationMailer(db: Kysely<Database>, siteUrl: string): Promise<RegistrationMailer> {
  const secret = await installSecret(db, "registration_cancel");
  const tokenFor = (eventId: number, email: string, createdAt: number, code: string) =>
    cancelTokenFor(secret, eventId, email, createdAt, code);
  return {
    tokenFor,
    async queue(trx, now, event, registration, notice) {
      const token = tokenFor(
        event.id,
        registration.email,
        registration.created_at,
        registration.confirmation_code,
      );
      // Registrations made before links were derived carry a random token nobody kept: no link then.
      const cancelUrl =
        hashCancelToken(token) === registration.cancel_token_hash
          ? absoluteUrl(siteUrl, paths.eventCancel(event.key, token))
          : null;
      const eventUrl = absoluteUrl(siteUrl, paths.event(event.key));
      await queueMail(
        trx,
        now,
        await mailSite(trx, siteUrl),
        registrationMail({ event, registration, notice, cancelUrl, eventUrl }),
      );
    },
  };
}

/** The mail for each state, with the cancel link (or, once cancelled, the event's page). */
export function registrationMail(input: {
  event: Pick<EventRow, "title" | "starts_at" | "venue">;
  registration: Pick<RegistrationRow, "name" | "email" | "confirmation_code">;
  notice: RegistrationNotice;
  cancelUrl: string | null;
  eventUrl: string;
}): MailContent {
  const { event, registration: r, notice } = input;
  const when = formatKstMinute(event.starts_at);
  const facts: [string, string][] = [
    ["행사", event.title],
    ["일시", when],
    ...(event.venue ? [["장소", event.venue] as [string, string]] : []),
    ["확인 번호", r.confirmation_code],
  ];
  const cancel = input.cancelUrl
    ? { label: notice === "waitlisted" ? "대기 신청 취소하기" : "참가 신청 취소하기", url: input.cancelUrl }
    : { label: "행사 페이지", url: input.eventUrl };
  const base = { to: r.email, greeting: `${r.name} 님, 안녕하세요.`, facts };
  switch (notice) {
    case "confirmed":
      return {
        ...base,
        kind: "registration_confirmed",
        subject: `참가 확정: ${event.title}`,
        paragraphs: [
          `${withParticle(event.title, "은/는")} ${when}에 열립니다. 참가 신청이 확정되었습니다.`,
          "행사 당일 입구에서 확인 번호를 알려 주세요.",
        ],
        action: cancel,
        after: ["참석하지 못하시게 되면 위 링크로 신청을 취소해 주세요. 대기 중인 분께 자리가 돌아갑니다."],
      };
    case "waitlisted":
      return {
        ...base,
        kind: "registration_waitlisted",
        subject: `대기 등록: ${event.title}`,
        paragraphs: [
          `${withParticle(event.title, "은/는")} 정원이 찼습니다. 대기자로 등록해 두었습니다.`,
          "자리가 나면 신청하신 순서대로 참가가 확정되고, 그때 메일로 알려 드립니다.",
        ],
        action: cancel,
        after: ["더는 기다리지 않으시려면 위 링크로 대기 신청을 취소해 주세요."],
      };
    case "promoted":
      return {
        ...base,
        kind: "registration_promoted",
        subject: `대기 중 참가 확정: ${event.title}`,
        paragraphs: [
          `자리가 나서 대기하시던 ${withParticle(event.title, "이/가")} 참가 확정으로 바뀌었습니다.`,
          `행사는 ${when}에 열립니다. 행사 당일 입구에서 확인 번호를 알려 주세요.`,
        ],
        action: cancel,
        after: ["참석하지 못하시게 되면 위 링크로 신청을 취소해 주세요. 다음 대기자께 자리가 돌아갑니다."],
      };
    case "cancelled":
      return {
        ...base,
        kind: "registration_cancelled",
        subject: `신청 취소: ${event.title}`,
        paragraphs: [
          `${event.title} 참가 신청이 취소되었습니다.`,
          "다시 참가하시려면 행사 페이지에서 새로 신청해 주세요(자리가 있을 때).",
        ],
        action: { label: "행사 페이지", url: input.eventUrl },
        after: ["취소하신 적이 없다면 이 메일에 답장하거나 행사 담당자에게 알려 주세요."],
      };
  }
}
