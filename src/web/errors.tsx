import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../lib/errors.ts";
import type { WebContext } from "./context.ts";
import { sendPage } from "./context.ts";
import { ErrorPage } from "./public/error.view.tsx";

/** JSON answers for the public API and the newsroom's script endpoints; pages for everything else. */
const isApi = (request: FastifyRequest) =>
  request.url.startsWith("/api/") || request.url.startsWith("/newsroom/api/");

export function sendJsonError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply
    .status(status)
    .header("cache-control", "no-store")
    .send({ error: { code, message, ...(details ? { details } : {}) } });
}

async function sendErrorPage(ctx: WebContext, reply: FastifyReply, status: number, message?: string) {
  // The frame needs the database; when that is what failed, the page goes out without it.
  const chrome = await ctx.chrome().catch(() => null);
  return sendPage(
    reply,
    <ErrorPage status={status} chrome={chrome} assets={ctx.assets} message={message} />,
    status,
  );
}

/** One mapping from errors to answers: JSON for the API, a Korean page for everything else. */
export function registerErrorHandlers(app: FastifyInstance, ctx: WebContext): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) return sendJsonError(reply, 404, "not_found", "요청한 자료를 찾을 수 없습니다.");
    return sendErrorPage(ctx, reply, 404);
  });

  app.setErrorHandler(async (error: FastifyError | AppError | Error, request, reply) => {
    let status = 500;
    let code = "internal_error";
    let message = "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.";
    let details: unknown;
    if (error instanceof AppError) {
      ({ status, code, message } = error);
      details = error.details;
    } else if ("validation" in error && error.validation) {
      status = 400;
      code = "invalid_request";
      message = "요청 형식이 올바르지 않습니다.";
    } else if ("statusCode" in error && typeof error.statusCode === "number" && error.statusCode < 500) {
      status = error.statusCode;
      code = status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : "bad_request";
      message = status === 413 ? "보낸 내용이 너무 큽니다." : "요청을 처리할 수 없습니다.";
    }
    if (status >= 500) request.log.error({ err: error }, "request failed");
    if (isApi(request)) return sendJsonError(reply, status, code, message, details);
    return sendErrorPage(ctx, reply, status, message);
  });
}
