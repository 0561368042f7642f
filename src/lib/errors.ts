/**
 * Domain errors carry a stable machine code, an HTTP status and a Korean message for people.
 * Check them with `instanceof AppError` and `.code`, never by message.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const notFound = (what = "페이지") =>
  new AppError("not_found", 404, `요청하신 ${what}을(를) 찾을 수 없습니다.`);

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 400, message, details);
