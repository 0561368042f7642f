import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { getSiteSettings } from "../site/site-settings.repo.ts";
import { countMailQueue, findMail, insertMail, listMails, requeueMail } from "./mail.repo.ts";
import { composeMail, isMailAddress, type MailContent, type MailSite } from "./mail.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The paper's name (site settings, read in the caller's transaction) and its public origin. */
export async function mailSite(db: Db, siteUrl: string): Promise<MailSite> {
  const settings = await getSiteSettings(db);
  return { name: settings.name, url: siteUrl };
}

/**
 * Queues a mail in the caller's transaction, so it exists exactly when the change that causes it
 * commits: a rolled-back registration mails nobody, and a committed one is never without its mail.
 * An address that cannot be mailed is skipped (the change still stands). Returns the row's id.
 */
export async function queueMail(
  trx: Db,
  now: number,
  site: MailSite,
  content: MailContent,
): Promise<number | null> {
  if (!isMailAddress(content.to)) return null;
  return insertMail(trx, composeMail(site, content), now);
}

/** The admin list: the newest mails first, with the queue's counts. */
export async function mailOverview(db: Kysely<Database>, page: number) {
  const size = 50;
  const [rows, counts] = await Promise.all([listMails(db, size + 1, (page - 1) * size), countMailQueue(db)]);
  return { rows: rows.slice(0, size), hasMore: rows.length > size, counts, page };
}

export async function mailById(db: Kysely<Database>, id: number) {
  const row = await findMail(db, id);
  if (!row) throw fail("not_found", "메일");
  return row;
}

/** An admin sends a given-up mail again: it goes back to the queue, due now. */
export async function retryMail(
  deps: { db: Kysely<Database>; now: () => number },
  id: number,
): Promise<void> {
  await mailById(deps.db, id);
  if (!(await requeueMail(deps.db, id, deps.now()))) {
    throw fail("invalid_form", "실패한 메일만 다시 보낼 수 있습니다.");
  }
}
