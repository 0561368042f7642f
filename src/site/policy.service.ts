import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { htmlToText, sanitizeBodyHtml } from "../lib/sanitize-html.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { PolicySlug } from "../web/paths.ts";
import { insertPolicyVersion } from "./policy.repo.ts";

export const POLICY_MAX_HTML = 200_000;

/**
 * Saves a policy's text as a new version, in force from `effectiveAt` (now or later), sanitised to
 * the editor's allow-list. Earlier versions are kept and stay readable at `?version=N`. The policy's
 * page (and every version of it) is announced stale.
 */
export async function savePolicy(
  deps: UseCaseDeps,
  staffId: number,
  slug: PolicySlug,
  input: { html: string; effectiveAt: number | null },
): Promise<number> {
  if (input.html.length > POLICY_MAX_HTML) throw fail("invalid_form", "본문이 너무 깁니다(200,000자까지).");
  const html = sanitizeBodyHtml(input.html);
  if (!htmlToText(html).trim()) throw fail("invalid_form", "본문을 적어 주세요.");
  const now = deps.now();
  const effectiveAt = input.effectiveAt === null ? now : Math.max(now, input.effectiveAt);
  let version: number;
  try {
    version = await deps.db
      .transaction()
      .execute(async (trx) =>
        insertPolicyVersion(trx, { slug, bodyHtml: html, effectiveAt, createdAt: now, createdBy: staffId }),
      );
  } catch (error) {
    if (deps.dialect.isUniqueViolation(error)) {
      throw fail("invalid_form", "다른 사람이 방금 이 정책을 저장했습니다. 새로 고친 뒤 다시 저장해 주세요.");
    }
    throw error;
  }
  await deps.bus.announce([stale.policy(slug)]);
  return version;
}
