import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { SECTION_SLUG } from "../sections/section.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { parseInput } from "../web/validation.ts";
import { searchArticles } from "./search.service.ts";
import { kstDayStart, SEARCH_SORTS } from "./search.ts";
import { DEFAULT_SORT, SearchPage } from "./search.view.tsx";

const DAY_MS = 24 * 3600_000;
const MAX_PAGE = 1000;

/** A repeated parameter (?q=a&q=b) counts once, by its first value; absent and empty are the same. */
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = (schema: z.ZodString) =>
  z.preprocess((v) => {
    const first = single(v);
    return first === "" ? undefined : first;
  }, schema.optional());

/**
 * The search form's fields. The query itself is never refused: any text is read safely (search.ts
 * parseQuery). A bad sort or page falls back to the default; a malformed section or date, which our
 * form never sends, is a 400 with a Korean message rather than a silently wider search.
 */
const SearchQuery = z.object({
  q: z.preprocess((v) => (typeof single(v) === "string" ? single(v) : ""), z.string()),
  sort: z.preprocess(single, z.enum(SEARCH_SORTS).catch(DEFAULT_SORT)),
  section: optional(z.string().max(200).regex(SECTION_SLUG)),
  from: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)),
});

function day(value: string | undefined): number | null {
  if (value === undefined) return null;
  const start = kstDayStart(value);
  if (start === null) throw fail("invalid_date", value);
  return start;
}

export function registerSearchRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/search", async (request, reply) => {
    const input = parseInput(
      SearchQuery,
      request.query,
      "검색 조건이 올바르지 않습니다. (기간은 YYYY-MM-DD, 섹션은 목록에서 고르세요)",
    );
    const chrome = await ctx.chrome();
    const section = input.section ? chrome.sections.bySlug.get(input.section) : undefined;
    if (input.section && !section) {
      throw fail("unknown_section", input.section);
    }
    // Days are KST days, both ends included: to=2026-03-20 runs to the end of that day.
    let [from, to] = [input.from, input.to];
    if (from && to && from > to) [from, to] = [to, from];
    const fromAt = day(from);
    const toStart = day(to);
    const outcome = await searchArticles(
      ctx,
      chrome.sections,
      {
        q: input.q,
        sort: input.sort,
        section: section ?? null,
        from: fromAt,
        to: toStart === null ? null : toStart + DAY_MS,
        page: input.page,
      },
      chrome.now,
    );
    const form = {
      q: input.q,
      sort: input.sort,
      section: section?.slug ?? "",
      from: from ?? "",
      to: to ?? "",
      page: input.page,
    };
    return sendPage(reply, <SearchPage chrome={chrome} assets={ctx.assets} form={form} outcome={outcome} />);
  });
}
