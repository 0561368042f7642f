import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { Database } from "../db/schema.ts";
import {
  claimMail,
  deleteSentBefore,
  listDueMailIds,
  type MailRow,
  markMailFailed,
  markMailRetry,
  markMailSent,
} from "./mail.repo.ts";
import { describeFailure, isPermanentFailure, MAX_MAIL_ATTEMPTS, retryDelayMs } from "./mail.ts";

/** How often each instance looks for due mail. Mail is not chat: a few seconds is prompt enough. */
const POLL_MS = 3_000;
/** A worker holds a claimed mail this long; a send gives up well before (the SMTP timeouts below). */
const CLAIM_MS = 5 * 60_000;
/** Mails taken per pass, so one instance does not hold the whole queue while it sends. */
const BATCH = 20;
/** Sent mails stay in the admin list this long. */
const KEEP_SENT_MS = 30 * 24 * 3600_000;

export interface MailWorkerOptions {
  db: Kysely<Database>;
  now: () => number;
  /** SMTP_URL, or null to write `.eml` files into `outboxDir` */
  smtpUrl: string | null;
  mailFrom: string;
  /** DATA_DIR/outbox */
  outboxDir: string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** the poll interval; 0 never polls by itself (tests call deliverDue) */
  pollMs?: number;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

export interface MailWorker {
  /** where mail goes: `smtp` or `outbox` */
  readonly mode: "smtp" | "outbox";
  start(): void;
  /** stops polling and waits for the pass under way */
  stop(): Promise<void>;
  /**
   * Delivers every due mail now, after the pass under way in this process (if any) has finished, so
   * that when it returns, whatever was due when it was called has been tried.
   */
  deliverDue(): Promise<DeliveryReport>;
}

/** A name for the file that sorts by time and says which mail it is: `20260320-030000-000042.eml`. */
export function outboxFileName(row: Pick<MailRow, "id" | "created_at">): string {
  const t = new Date(row.created_at).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${t}-${String(row.id).padStart(6, "0")}.eml`;
}

/**
 * The mail worker of one instance: every few seconds it claims due rows of `mail_queue` one by one
 * (a conditional update, so several instances never send one mail twice), sends each over SMTP, or
 * writes it as an `.eml` file into DATA_DIR/outbox when no SMTP_URL is set, and marks it sent. A
 * failure schedules the next try with back-off (1 min, 2, 4 … at most 6 h); a permanent refusal (5xx
 * to the recipient) or the 25th failure (about four days on) gives the mail up, and it stays listed for admins.
 */
export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { db, now, log } = options;
  const mode = options.smtpUrl ? "smtp" : "outbox";
  const transport = options.smtpUrl
    ? nodemailer.createTransport({
        url: options.smtpUrl,
        // One connection per instance, kept open between mails: a new connection (greeting, EHLO,
        // STARTTLS, AUTH) for every mail cost about 150 ms each against a local server, a kept one 25.
        pool: true,
        maxConnections: 1,
        // Fail a try in seconds rather than hold the claim: the queue retries.
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" });
  const host = (() => {
    const m = /@([^>\s]+)>?$/.exec(options.mailFrom);
    return m?.[1] ?? os.hostname();
  })();

  async function deliver(row: MailRow): Promise<string | null> {
    const message = {
      from: options.mailFrom,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      // The same id on every try, so a receiver can tell a retry after a lost answer from a new mail.
      messageId: `<jikji-${row.id}-${row.created_at}@${host}>`,
      date: new Date(row.created_at),
      headers: { "X-Jikji-Mail": row.kind, "Auto-Submitted": "auto-generated" },
    };
    const info = await transport.sendMail(message);
    if (mode === "smtp") return null;
    const file = outboxFileName(row);
    await fs.mkdir(options.outboxDir, { recursive: true });
    const raw = (info as { message?: unknown }).message;
    await fs.writeFile(path.join(options.outboxDir, file), raw instanceof Buffer ? raw : String(raw), {
      mode: 0o600,
    });
    return file;
  }

  async function pass(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const ids = await listDueMailIds(db, now(), BATCH);
      if (ids.length === 0) break;
      let claimedAny = false;
      for (const id of ids) {
        const at = now();
        const row = await claimMail(db, id, at, at + CLAIM_MS);
        if (!row) continue; // another instance took it
        claimedAny = true;
        try {
          const file = await deliver(row);
          await markMailSent(db, row.id, now(), file);
          report.sent++;
        } catch (error) {
          const why = describeFailure(error);
          if (isPermanentFailure(error) || row.attempts >= MAX_MAIL_ATTEMPTS) {
            await markMailFailed(db, row.id, now(), why);
            report.failed++;
            log.warn({ mail: row.id, kind: row.kind, error: why }, "mail given up");
          } else {
            await markMailRetry(db, row.id, now() + retryDelayMs(row.attempts), why);
            report.retried++;
            log.warn({ mail: row.id, attempts: row.attempts, error: why }, "mail not delivered; will retry");
          }
        }
      }
      if (!claimedAny || ids.length < BATCH) break;
    }
    await deleteSentBefore(db, now() - KEEP_SENT_MS);
    return report;
  }

  // One pass at a time in this process; callers queue behind the pass under way.
  let running: Promise<DeliveryReport> = Promise.resolve({ sent: 0, retried: 0, failed: 0 });
  const deliverDue = () => {
    const next = running.catch(() => undefined).then(pass);
    running = next.catch(() => ({ sent: 0, retried: 0, failed: 0 }));
    return next;
  };

  let timer: NodeJS.Timeout | null = null;
  const pollMs = options.pollMs ?? POLL_MS;
  return {
    mode,
    start() {
      if (timer || pollMs <= 0) return;
      log.info(
        { mode, outbox: mode === "outbox" ? options.outboxDir : undefined },
        mode === "smtp" ? "mail: sending over SMTP" : "mail: no SMTP_URL, writing .eml files to the outbox",
      );
      timer = setInterval(() => {
        deliverDue().catch((err: unknown) => log.warn({ err }, "mail worker pass failed"));
      }, pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      transport.close();
    },
    deliverDue,
  };
}
