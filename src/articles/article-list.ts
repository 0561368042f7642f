import { z } from "zod";
import type { ArticleLabel, ArticleOrigin, ArticleStatus } from "../db/schema.ts";
import { ARTICLE_LABELS } from "./labels.ts";
import { ORIGINS } from "./origin.ts";

/**
 * The newsroom's article list (issue 15 §6): what it may be asked (search words, filters, sort,
 * page) and the bulk actions on the stories it shows. Limits are part of the rules: a query is cut
 * at 100 characters, a page holds at most 100 stories, a bulk action takes at most 100.
 */
export const LIST_PAGE_SIZES = [20, 50, 100] as const;
export const LIST_MAX_PAGE = 500;
export const BULK_MAX_IDS = 100;
export const LIST_QUERY_MAX = 100;

export const LIST_STATUSES = ["draft", "submitted", "scheduled", "published", "unpublished"] as const;
export const LIST_SORTS = ["newest", "oldest", "saved", "title"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const SORT_LABELS: Record<ListSort, string> = {
  newest: "최신순",
  oldest: "오래된순",
  saved: "최근 저장순",
  title: "제목순",
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Empty fields are "any"; each check names its own problem (a union would only say "invalid").
const optionalId = z
  .string()
  .optional()
  .refine(
    (v) => !v || (/^\d{1,10}$/.test(v) && Number(v) >= 1 && Number(v) <= 2_147_483_647),
    "번호가 올바르지 않습니다.",
  )
  .transform((v) => (v ? Number(v) : null));
const optionalEnum = <T extends string>(values: readonly T[], message: string) =>
  z
    .string()
    .optional()
    .refine((v) => !v || (values as readonly string[]).includes(v), message)
    .transform((v) => (v ? (v as T) : null));
const optionalDay = z
  .string()
  .optional()
  .refine((v) => !v || DAY.test(v), "날짜는 YYYY-MM-DD 형식으로 골라 주세요.")
  .transform((v) => (v ? v : null));

/** The list's query string. Every field is optional; anything else is refused with a Korean message. */
export const ListQuery = z.object({
  q: z
    .string()
    .max(LIST_QUERY_MAX * 4, `검색어는 ${LIST_QUERY_MAX}자까지 쓸 수 있습니다.`)
    .optional()
    .default("")
    .transform((v) => v.trim().slice(0, LIST_QUERY_MAX)),
  status: optionalEnum(
    [...LIST_STATUSES, "all"] as unknown as readonly [string, ...string[]],
    "상태를 다시 골라 주세요.",
  ).transform((v) => (v === "all" ? null : (v as ArticleStatus | null))),
  section: optionalId,
  reporter: optionalId,
  label: optionalEnum(
    ARTICLE_LABELS as unknown as readonly [string, ...string[]],
    "라벨을 다시 골라 주세요.",
  ).transform((v) => v as ArticleLabel | null),
  origin: optionalEnum(
    ORIGINS as unknown as readonly [string, ...string[]],
    "출처 구분을 다시 골라 주세요.",
  ).transform((v) => v as ArticleOrigin | null),
  from: optionalDay,
  to: optionalDay,
  sort: z.enum(LIST_SORTS, { message: "정렬을 다시 골라 주세요." }).optional().default("newest"),
  size: z.coerce
    .number()
    .refine(
      (n) => (LIST_PAGE_SIZES as readonly number[]).includes(n),
      "한 쪽에 20, 50, 100건까지 볼 수 있습니다.",
    )
    .optional()
    .default(50),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIST_MAX_PAGE, `${LIST_MAX_PAGE}쪽까지 볼 수 있습니다.`)
    .optional()
    .default(1),
});
export type ListQueryValues = z.infer<typeof ListQuery>;

export const BULK_ACTIONS = ["move", "label_add", "label_remove", "unpublish"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  move: "섹션 옮기기",
  label_add: "라벨 달기",
  label_remove: "라벨 떼기",
  unpublish: "발행 취소",
};

/** A bulk action's form: the checked stories (one `ids` field each), the action and its argument. */
export const BulkForm = z
  .object({
    ids: z
      .union([z.string(), z.array(z.string())], { message: "기사를 하나 이상 골라 주세요." })
      .transform((v): unknown[] => (Array.isArray(v) ? v : [v]))
      .pipe(
        z
          .array(
            z.coerce.number({ message: "기사 번호가 올바르지 않습니다." }).int().min(1).max(2_147_483_647),
          )
          .min(1, "기사를 하나 이상 골라 주세요.")
          .max(BULK_MAX_IDS, `한 번에 ${BULK_MAX_IDS}건까지 처리할 수 있습니다.`),
      ),
    action: z.enum(BULK_ACTIONS, { message: "할 일을 골라 주세요." }),
    sectionId: optionalId,
    label: optionalEnum(
      ARTICLE_LABELS as unknown as readonly [string, ...string[]],
      "라벨을 다시 골라 주세요.",
    ).transform((v) => v as ArticleLabel | null),
    /** the list to go back to */
    back: z.string().max(2000).optional().default(""),
  })
  .superRefine((f, ctx) => {
    if (f.action === "move" && f.sectionId === null)
      ctx.addIssue({ code: "custom", message: "옮길 섹션을 골라 주세요." });
    if ((f.action === "label_add" || f.action === "label_remove") && f.label === null)
      ctx.addIssue({ code: "custom", message: "라벨을 골라 주세요." });
  });
export type BulkFormValues = z.infer<typeof BulkForm>;

/** The list's own address with only list parameters, so "back" can never lead elsewhere. */
export function listHref(q: Partial<Record<keyof ListQueryValues, string | number | null>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/newsroom/articles?${s}` : "/newsroom/articles";
}
