import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, fail } from "../lib/errors.ts";
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

/**
 * Any error as the catalogue's: our own as they are; Fastify's refusals (a body that fails its schema,
 * is too large or of a type no route takes) by their status; anything else is ours to fix, a 500.
 */
function asAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  if ("validation" in error && error.validation) return fail("invalid_request");
  const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status === 413) return fail("payload_too_large");
  if (status === 415) return fail("unsupported_media_type");
  if (status >= 400 && status < 500) {
    const refused = fail("bad_request");
    return new AppError(refused.code, status, refused.message);
  }
  return fail("internal_error");
}

/** One mapping from errors to answers: JSON for the API, a Korean page for everything else. */
export function registerErrorHandlers(app: FastifyInstance, ctx: WebContext): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) {
      const error = fail("not_found", "자료");
      return sendJsonError(reply, error.status, error.code, error.message);
    }
    return sendErrorPage(ctx, reply, 404);
  });

  app.setErrorHandler(async (error: FastifyError | AppError | Error, request, reply) => {
    const { status, code, message, details } = asAppError(error);
    if (status >= 500) request.log.error({ err: error }, "request failed");
    if (isApi(request)) return sendJsonError(reply, status, code, message, details);
    return sendErrorPage(ctx, reply, status, message);
  });
}
