import { z } from "zod";
import { fail } from "../lib/errors.ts";

/** Parses request input with a zod schema kept beside the route; a failure is a 400 with a Korean message. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  message = "요청 값이 올바르지 않습니다.",
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => i.path.join(".")).filter(Boolean);
  throw fail("invalid_request", message, fields.length ? { fields } : undefined);
}

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** Article numbers as they appear in URLs: digits only, no leading sign or zero tricks. */
export const ArticleNum = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number);
