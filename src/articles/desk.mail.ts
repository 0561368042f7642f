import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { withParticle } from "../lib/josa.ts";
import { mailSite, queueMail } from "../mail/mail.service.ts";
import type { MailContent } from "../mail/mail.ts";
import { findReporterContacts } from "./desk-mail.repo.ts";

/** The mail a reporter gets when the desk sends their story back, with the desk's note. */
export function storyReturnedMail(input: {
  to: string;
  reporterName: string;
  deskName: string;
  title: string;
  note: string;
  editUrl: string;
}): MailContent {
  const title = input.title.trim() || "(제목 없음)";
  return {
    kind: "story_returned",
    to: input.to,
    subject: `기사 반려: ${title}`,
    greeting: `${input.reporterName} 님, 안녕하세요.`,
    paragraphs: [
      `${withParticle(input.deskName, "이/가")} 기사를 돌려보냈습니다. 데스크 메모를 보고 고친 뒤 다시 송고해 주세요.`,
      `데스크 메모:\n${input.note}`,
    ],
    facts: [["기사", title]],
    action: { label: "기사 열기", url: input.editUrl },
  };
}

/**
 * Queues the returned-story mail to each reporter on the byline (not to the editor who returned it,
 * should they be on it), inside the desk's transaction.
 */
export async function queueStoryReturnedMails(
  trx: Transaction<Database>,
  input: {
    now: number;
    siteUrl: string;
    articleId: number;
    title: string;
    note: string;
    desk: { id: number; name: string };
  },
): Promise<void> {
  const reporters = (await findReporterContacts(trx, input.articleId)).filter((r) => r.id !== input.desk.id);
  if (reporters.length === 0) return;
  const site = await mailSite(trx, input.siteUrl);
  for (const r of reporters) {
    await queueMail(
      trx,
      input.now,
      site,
      storyReturnedMail({
        to: r.email,
        reporterName: r.name,
        deskName: input.desk.name,
        title: input.title,
        note: input.note,
        editUrl: `${input.siteUrl}/newsroom/articles/${input.articleId}/edit`,
      }),
    );
  }
}
