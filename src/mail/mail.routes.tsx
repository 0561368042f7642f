import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import type { MailListRow } from "./mail.repo.ts";
import { mailById, mailOverview, retryMail } from "./mail.service.ts";
import { mailState } from "./mail.ts";
import { MailDetailPage, type MailListItem, MailListPage } from "./mail.view.tsx";

const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

function toListItem(row: MailListRow): MailListItem {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    createdAt: row.created_at,
    state: mailState(row),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    outboxFile: row.outbox_file,
  };
}

const FILE_NAME = /^[0-9A-Za-z-]+\.eml$/;

/**
 * The mails the site sent or holds, for admins only (`settings.manage`): they carry reset links,
 * registrants' names and addresses. Without SMTP_URL this is where mail written to the outbox is read.
 */
export function registerMailRoutes(app: FastifyInstance, ctx: WebContext): void {
  const mode = ctx.config.smtpUrl ? "smtp" : "outbox";
  const outboxDir = path.join(ctx.config.dataDir, "outbox");
  const mailOf = async (params: unknown) => {
    const p = IdParams.safeParse(params);
    if (!p.success) throw fail("not_found", "메일");
    return mailById(ctx.db, p.data.id);
  };

  app.get("/newsroom/mail", async (request, reply) => {
    requirePermission(request, "settings.manage");
    const q = PageQuery.safeParse(request.query ?? {});
    const overview = await mailOverview(ctx.db, q.success ? q.data.page : 1);
    return sendPage(
      reply,
      <MailListPage
        {...(await pageBase(ctx, request))}
        mode={mode}
        outboxDir={outboxDir}
        rows={overview.rows.map(toListItem)}
        counts={overview.counts}
        page={overview.page}
        hasMore={overview.hasMore}
      />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/mail/:id", async (request, reply) => {
    requirePermission(request, "settings.manage");
    const row = await mailOf(request.params);
    return sendPage(
      reply,
      <MailDetailPage
        {...(await pageBase(ctx, request))}
        mode={mode}
        mail={{ ...toListItem(row), text: row.text_body }}
      />,
      200,
      "no-store",
    );
  });

  // The .eml as it was written to the outbox: opens in any mail program.
  app.get("/newsroom/mail/:id/eml", async (request, reply) => {
    requirePermission(request, "settings.manage");
    const row = await mailOf(request.params);
    if (!row.outbox_file || !FILE_NAME.test(row.outbox_file)) throw fail("not_found", "메일 파일");
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.join(outboxDir, row.outbox_file));
    } catch {
      // Another instance's disk, or removed by the operator.
      throw fail("not_found", "메일 파일");
    }
    return reply
      .header("content-type", "message/rfc822")
      .header("content-disposition", `attachment; filename="${row.outbox_file}"`)
      .header("cache-control", "no-store")
      .send(bytes);
  });

  app.post("/newsroom/mail/:id/retry", async (request, reply) => {
    requirePermission(request, "settings.manage");
    const row = await mailOf(request.params);
    await retryMail({ db: ctx.db, now: ctx.now }, row.id);
    return reply.redirect(`/newsroom/mail/${row.id}?notice=mail_requeued`, 303);
  });
}
