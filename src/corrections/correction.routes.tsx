import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { addressKey } from "../lib/address-key.ts";
import { AppError, fail } from "../lib/errors.ts";
import { toKstIso } from "../lib/kst-time.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { checkOrigin } from "../web/origin.ts";
import type { CorrectionRow } from "./correction.repo.ts";
import {
  type CorrectionDeps,
  fileCorrectionRequest,
  findRequestForRequester,
  REQUEST_FIELDS,
  type RequestField,
} from "./correction.service.ts";
import { RECEIPT_PATTERN } from "./correction.ts";
import {
  CorrectionLookupPage,
  CorrectionReceivedPage,
  CorrectionRequestPage,
  CorrectionStatusPage,
} from "./correction.view.tsx";

/** Requests and statuses carry personal data: never kept by the page cache or any shared cache. */
const PRIVATE = "private, no-store";

function receiptParam(request: FastifyRequest): string {
  const receipt = String((request.params as { receipt?: string }).receipt ?? "").toUpperCase();
  if (!RECEIPT_PATTERN.test(receipt)) throw fail("correction_not_found");
  return receipt;
}

function statusJson(r: CorrectionRow) {
  const iso = (t: number | null) => (t === null ? null : toKstIso(t));
  return {
    receipt: r.receipt,
    kind: r.kind,
    status: r.status,
    late: r.late === 1,
    article: { num: r.article_num, title: r.article_title },
    receivedAt: iso(r.received_at),
    answerDueAt: iso(r.answer_due_at),
    answeredAt: iso(r.answered_at),
    refusalGround: r.refusal_ground,
    publishDueAt: iso(r.publish_due_at),
    publishedAt: iso(r.published_at),
  };
}

/**
 * The reader's side of 언론중재법 §14–§16: the request form, `POST /api/v1/corrections`, and the status
 * of a request for whoever knows both its receipt and the e-mail that filed it.
 */
export function registerCorrectionRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: CorrectionDeps = {
    db: ctx.db,
    dialect: ctx.dialect,
    now: ctx.now,
    bus: ctx.bus,
    limiter: ctx.limiter,
    siteUrl: ctx.config.siteUrl,
  };

  const fromBody = (body: unknown): Partial<Record<RequestField, string>> => {
    const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    const out: Partial<Record<RequestField, string>> = {};
    for (const f of REQUEST_FIELDS) if (typeof b[f] === "string") out[f] = (b[f] as string).slice(0, 10_000);
    return out;
  };

  app.get("/corrections/request", async (request, reply) => {
    const chrome = await ctx.chrome();
    const article = (request.query as { article?: unknown }).article;
    const values = typeof article === "string" && /^\d{1,12}$/.test(article) ? { article } : {};
    return sendPage(
      reply,
      <CorrectionRequestPage chrome={chrome} assets={ctx.assets} values={values} errors={{}} />,
      200,
      PRIVATE,
    );
  });

  app.post("/corrections/request", async (request, reply) => {
    checkOrigin(ctx, request);
    const chrome = await ctx.chrome();
    try {
      const filed = await fileCorrectionRequest(deps, request.body, await addressKey(ctx.db, request.ip));
      return sendPage(
        reply,
        <CorrectionReceivedPage
          chrome={chrome}
          assets={ctx.assets}
          receipt={filed.receipt}
          answerDueAt={filed.answerDueAt}
          late={filed.late}
          email={fromBody(request.body).email ?? ""}
        />,
        201,
        PRIVATE,
      );
    } catch (error) {
      if (
        !(error instanceof AppError) ||
        (error.code !== "invalid_correction" && error.code !== "rate_limited")
      ) {
        throw error;
      }
      const errors = (error.details?.fields ?? {}) as Partial<Record<RequestField, string>>;
      return sendPage(
        reply,
        <CorrectionRequestPage
          chrome={chrome}
          assets={ctx.assets}
          values={fromBody(request.body)}
          errors={errors}
          message={error.message}
        />,
        error.status,
        PRIVATE,
      );
    }
  });

  app.get("/corrections/:receipt", async (request, reply) => {
    const receipt = receiptParam(request);
    const chrome = await ctx.chrome();
    return sendPage(
      reply,
      <CorrectionLookupPage chrome={chrome} assets={ctx.assets} receipt={receipt} />,
      200,
      PRIVATE,
    );
  });

  // The e-mail travels in the body, not the URL: it stays out of histories, logs and referrers.
  app.post("/corrections/:receipt", async (request, reply: FastifyReply) => {
    checkOrigin(ctx, request);
    const receipt = receiptParam(request);
    const chrome = await ctx.chrome();
    const email = String((request.body as { email?: unknown } | undefined)?.email ?? "").slice(0, 254);
    try {
      const row = await findRequestForRequester(ctx, receipt, email);
      return sendPage(
        reply,
        <CorrectionStatusPage chrome={chrome} assets={ctx.assets} request={row} />,
        200,
        PRIVATE,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "correction_not_found") throw error;
      return sendPage(
        reply,
        <CorrectionLookupPage
          chrome={chrome}
          assets={ctx.assets}
          receipt={receipt}
          message={error.message}
        />,
        404,
        PRIVATE,
      );
    }
  });

  app.post("/api/v1/corrections", async (request, reply) => {
    checkOrigin(ctx, request);
    const filed = await fileCorrectionRequest(deps, request.body, await addressKey(ctx.db, request.ip));
    return reply
      .status(201)
      .header("cache-control", "no-store")
      .send({ receipt: filed.receipt, answerDueAt: toKstIso(filed.answerDueAt), late: filed.late });
  });

  app.get("/api/v1/corrections/:receipt", async (request, reply) => {
    const receipt = receiptParam(request);
    const email = String((request.query as { email?: unknown }).email ?? "").slice(0, 254);
    const row = await findRequestForRequester(ctx, receipt, email);
    return reply.header("cache-control", "no-store").send(statusJson(row));
  });
}
