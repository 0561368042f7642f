import type { FastifyInstance } from "fastify";
import { z } from "zod";

/**
 * What every text a client sends goes through before any route sees it (forms, JSON, query strings,
 * path parameters; staff and readers alike), so no route has to remember it:
 *
 * - NUL and the other C0 controls (tab and line breaks kept) and DEL are removed: PostgreSQL refuses
 *   NUL in text, and none of them means anything in a title, a name or a comment;
 * - bidirectional controls (LRE … RLO, LRI … PDI, LRM, RLM, ALM) are removed: they make a title read
 *   differently from what it says ("right-to-left override" spoofing);
 * - a lone surrogate (half of a UTF-16 pair) becomes U+FFFD, so storage and JSON never choke on it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const REMOVED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function normaliseText(text: string): string {
  return text.replace(REMOVED, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** Deep enough for any form or API body we take; anything deeper is left for its route to refuse. */
const MAX_DEPTH = 16;

export function normaliseInput(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return normaliseText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => normaliseInput(v, depth + 1));
  // Buffers, streams and files (uploads) are not text.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === "function") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__") continue;
    out[normaliseText(k)] = normaliseInput(v, depth + 1);
  }
  return out;
}

/** zod's messages in Korean, for the fields whose schemas give none of their own. */
function koreanIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string"
        ? `${Number(issue.maximum).toLocaleString("ko-KR")}자까지 쓸 수 있습니다.`
        : "값이 너무 큽니다.";
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1
        ? "값을 입력해 주세요."
        : issue.origin === "string"
          ? `${issue.minimum}자 이상 써 주세요.`
          : "값이 너무 작습니다.";
    default:
      return "입력한 값을 확인해 주세요.";
  }
}

let configured = false;

/** Normalises every request's text input (see above) before validation; Korean zod messages. */
export function registerInputNormalisation(app: FastifyInstance): void {
  if (!configured) {
    z.config({ customError: koreanIssue });
    configured = true;
  }
  app.addHook("preValidation", async (request) => {
    if (request.body !== undefined) request.body = normaliseInput(request.body);
    request.query = normaliseInput(request.query);
    request.params = normaliseInput(request.params);
  });
}
