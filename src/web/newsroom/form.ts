import type { z } from "zod";
import { AppError, fail } from "../../lib/errors.ts";

/**
 * Parses a newsroom form with a zod schema kept beside its route. A failure is a 400 carrying the
 * first problem's Korean message (the schemas word their messages for people), so the page can show
 * it above the form that was sent.
 */
export function parseForm<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const fields = result.error.issues.map((i) => i.path.join(".")).filter(Boolean);
  throw fail(
    "invalid_form",
    issue?.message ?? "입력한 값을 확인해 주세요.",
    fields.length ? { fields } : undefined,
  );
}

/** The text fields of a posted form, to fill the form again after a refused save (nothing typed is lost). */
export function sentText(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== "object" || body === null) return out;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string" && key !== "_csrf" && !/password/i.test(key)) out[key] = value;
  }
  return out;
}

const SHOWN_ON_FORM = new Set([400, 409, 413, 422]);

/**
 * True for an error a form should show in place (a refused input or a conflict), not as a failure
 * page. Refusals of the person (401, 403) and missing records (404) keep their own pages.
 */
export function isFormError(error: unknown): error is AppError {
  return error instanceof AppError && SHOWN_ON_FORM.has(error.status);
}
