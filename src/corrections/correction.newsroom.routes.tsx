import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { attachmentHeader, toCsv } from "../lib/csv.ts";
import { type AppError, fail } from "../lib/errors.ts";
import { formatKstLong } from "../lib/kst-time.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { MailContext } from "../mail/mail.ts";
import { can } from "../staff/staff.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { CorrectionDetailPage, CorrectionQueuePage } from "./correction.newsroom.view.tsx";
import {
  countOverdueCorrections,
  findCorrectionRequest,
  listCorrectionEvents,
  listCorrectionRequests,
} from "./correction.repo.ts";
import { answerCorrectionRequest, publishCorrectionRequest } from "./correction.service.ts";
import { KIND_LABELS, lastDayOf, REFUSAL_GROUNDS, type RefusalGround, STATUS_LABELS } from "./correction.ts";

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

const AnswerForm = z.object({
  outcome: z.enum(["accepted", "partly_accepted", "refused", "withdrawn"], { error: "결정을 골라 주세요." }),
  ground: z
    .string()
    .optional()
    .transform((v) => (v && v in REFUSAL_GROUNDS ? (v as RefusalGround) : null)),
  note: z
    .string()
    .trim()
    .max(5000, "메모는 5,000자까지 쓸 수 있습니다.")
    .optional()
    .transform((v) => v || null),
});

const PublishForm = z.object({
  title: z.string({ error: "제목을 적어 주세요." }).max(300, "제목은 300자까지 쓸 수 있습니다."),
  body: z.string({ error: "본문을 적어 주세요." }).max(10000, "본문은 10,000자까지 쓸 수 있습니다."),
});

/** The desk's side of 언론중재법 §15: the queue with its clocks, answers, publication, the CSV. */
export function registerCorrectionNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: UseCaseDeps & MailContext = {
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    bus: ctx.bus,
    siteUrl: ctx.config.siteUrl,
  };

  // Editors and admins see overdue requests in red on the newsroom home.
  ctx.newsroomAlerts.push(async (user) => {
    if (!can(user.role, "corrections.manage")) return [];
    const n = await countOverdueCorrections(ctx.db, ctx.now());
    if (n === 0) return [];
    return [
      {
        code: "corrections_overdue",
        level: "danger",
        href: "/newsroom/corrections",
        message: `법정 기한(답변 3일, 게재 7일)이 지난 정정·반론보도 청구가 ${n}건 있습니다.`,
      },
    ];
  });

  const idOf = (request: FastifyRequest) => {
    const p = IdParams.safeParse(request.params);
    if (!p.success) throw fail("not_found", "청구");
    return p.data.id;
  };

  async function detail(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { error?: AppError; draft?: Record<string, string> } = {},
    status = 200,
  ) {
    const row = await findCorrectionRequest(ctx.db, { id });
    if (!row) throw fail("not_found", "청구");
    const events = await listCorrectionEvents(ctx.db, id);
    return sendPage(
      reply,
      <CorrectionDetailPage
        {...(await pageBase(ctx, request))}
        row={row}
        events={events}
        now={ctx.now()}
        error={extra.error ? { code: extra.error.code, message: extra.error.message } : null}
        draft={extra.draft}
      />,
      status,
      "no-store",
    );
  }

  app.get("/newsroom/corrections", async (request, reply) => {
    requirePermission(request, "corrections.manage");
    const rows = await listCorrectionRequests(ctx.db);
    return sendPage(
      reply,
      <CorrectionQueuePage {...(await pageBase(ctx, request))} rows={rows} now={ctx.now()} />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/corrections.csv", async (request, reply) => {
    requirePermission(request, "corrections.manage");
    const rows = await listCorrectionRequests(ctx.db, 100_000);
    const when = (t: number | null) => (t === null ? "" : formatKstLong(t));
    const csv = toCsv([
      [
        "접수 번호",
        "종류",
        "기사 번호",
        "기사 제목",
        "청구인",
        "이메일",
        "전화",
        "보도와의 관계",
        "접수",
        "기간 경과",
        "답변 기한",
        "답변",
        "상태",
        "거부 사유",
        "게재 기한",
        "게재",
      ],
      ...rows.map((r) => [
        r.receipt,
        KIND_LABELS[r.kind],
        r.article_num,
        r.article_title,
        r.name,
        r.email,
        r.phone,
        r.relation,
        when(r.received_at),
        r.late ? "예" : "",
        lastDayOf(r.answer_due_at),
        when(r.answered_at),
        STATUS_LABELS[r.status],
        r.refusal_ground ? (REFUSAL_GROUNDS[r.refusal_ground as RefusalGround] ?? r.refusal_ground) : "",
        r.publish_due_at ? lastDayOf(r.publish_due_at) : "",
        when(r.published_at),
      ]),
    ]);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("cache-control", "no-store")
      .header("content-disposition", attachmentHeader("정정반론보도 청구.csv", "corrections.csv"))
      .send(csv);
  });

  app.get("/newsroom/corrections/:id", async (request, reply) => {
    requirePermission(request, "corrections.manage");
    return detail(request, reply, idOf(request));
  });

  app.post("/newsroom/corrections/:id/answer", async (request, reply) => {
    const user = requirePermission(request, "corrections.manage");
    const id = idOf(request);
    try {
      await answerCorrectionRequest(deps, user, id, parseForm(AnswerForm, request.body));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return detail(request, reply, id, { error, draft: sentText(request.body) }, error.status);
    }
    return reply.redirect(`/newsroom/corrections/${id}?notice=correction_answered`, 303);
  });

  app.post("/newsroom/corrections/:id/publish", async (request, reply) => {
    const user = requirePermission(request, "corrections.manage");
    const id = idOf(request);
    try {
      await publishCorrectionRequest(deps, user, id, parseForm(PublishForm, request.body));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return detail(request, reply, id, { error, draft: sentText(request.body) }, error.status);
    }
    return reply.redirect(`/newsroom/corrections/${id}?notice=correction_published`, 303);
  });
}
