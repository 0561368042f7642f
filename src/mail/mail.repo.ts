import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, MailQueueTable } from "../db/schema.ts";
import type { OutgoingMail } from "./mail.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type MailRow = Selectable<MailQueueTable>;

/** Queues one mail, due at once. Called inside the transaction of the write that causes it. */
export async function insertMail(db: Db, mail: OutgoingMail, now: number): Promise<number> {
  const row = await db
    .insertInto("mail_queue")
    .values({
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      created_at: now,
      attempts: 0,
      next_attempt_at: now,
      claimed_until: null,
      sent_at: null,
      failed_at: null,
      last_error: null,
      outbox_file: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Ids of mails due now that no worker holds, oldest first. */
export async function listDueMailIds(db: Db, now: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("mail_queue")
    .select("id")
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", now)]))
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Takes one due mail for this worker until `until`, counting the attempt, and returns it; null when
 * another worker took it first. One conditional UPDATE: on PostgreSQL a racing update waits for the
 * first and re-checks the WHERE on the row it committed (which now has `claimed_until` in the
 * future), on SQLite writes are serialised; either way exactly one worker gets the row.
 */
export async function claimMail(db: Db, id: number, now: number, until: number): Promise<MailRow | null> {
  const row = await db
    .updateTable("mail_queue")
    .set((eb) => ({ claimed_until: until, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", now)]))
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function markMailSent(
  db: Db,
  id: number,
  now: number,
  outboxFile: string | null,
): Promise<void> {
  await db
    .updateTable("mail_queue")
    .set({ sent_at: now, claimed_until: null, last_error: null, outbox_file: outboxFile })
    .where("id", "=", id)
    .execute();
}

export async function markMailRetry(db: Db, id: number, nextAttemptAt: number, error: string): Promise<void> {
  await db
    .updateTable("mail_queue")
    .set({ next_attempt_at: nextAttemptAt, claimed_until: null, last_error: error })
    .where("id", "=", id)
    .execute();
}

export async function markMailFailed(db: Db, id: number, now: number, error: string): Promise<void> {
  await db
    .updateTable("mail_queue")
    .set({ failed_at: now, claimed_until: null, last_error: error })
    .where("id", "=", id)
    .execute();
}

/** Puts a given-up mail back in the queue (an admin's 다시 보내기). */
export async function requeueMail(db: Db, id: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable("mail_queue")
    .set({ failed_at: null, next_attempt_at: now, attempts: 0, claimed_until: null })
    .where("id", "=", id)
    .where("failed_at", "is not", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** What the admin list shows of each mail (not the bodies). */
export type MailListRow = Pick<
  MailRow,
  | "id"
  | "kind"
  | "to_address"
  | "subject"
  | "created_at"
  | "attempts"
  | "next_attempt_at"
  | "sent_at"
  | "failed_at"
  | "last_error"
  | "outbox_file"
>;

export async function listMails(db: Db, limit: number, offset: number): Promise<MailListRow[]> {
  return db
    .selectFrom("mail_queue")
    .select([
      "id",
      "kind",
      "to_address",
      "subject",
      "created_at",
      "attempts",
      "next_attempt_at",
      "sent_at",
      "failed_at",
      "last_error",
      "outbox_file",
    ])
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function findMail(db: Db, id: number): Promise<MailRow | null> {
  return (await db.selectFrom("mail_queue").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Mails waiting to go and mails given up, for /metrics and the admin list. */
export async function countMailQueue(db: Db): Promise<{ queued: number; failed: number }> {
  const row = await db
    .selectFrom("mail_queue")
    .select((eb) => [
      eb.fn
        .count<number>("id")
        .filterWhere((w) => w.and([w("sent_at", "is", null), w("failed_at", "is", null)]))
        .as("queued"),
      eb.fn.count<number>("id").filterWhere("failed_at", "is not", null).as("failed"),
    ])
    .executeTakeFirstOrThrow();
  return { queued: Number(row.queued), failed: Number(row.failed) };
}

/** Sent mails are kept a while for the admin list, then deleted (they carry names and addresses). */
export async function deleteSentBefore(db: Db, before: number): Promise<number> {
  const r = await db.deleteFrom("mail_queue").where("sent_at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
