import type { ArticleLabel } from "../db/schema.ts";
import { AppError, fail } from "../lib/errors.ts";
import { matchPublishedIds } from "../search/search.service.ts";
import { kstDayStart } from "../search/search.ts";
import { type SectionTree, sectionAndDescendantIds } from "../sections/section.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import { listNewsroomArticles, type NewsroomListRow } from "./article-list.repo.ts";
import type { BulkFormValues, ListQueryValues } from "./article-list.ts";
import { findEditable } from "./desk.repo.ts";
import { type DeskDeps, moveArticleToSection, setArticleLabel, unpublishArticle } from "./desk.service.ts";

/** How many published matches the index is asked for: the newsroom looks for a story, not a census. */
export const LIST_SEARCH_LIMIT = 2000;

const DAY_MS = 86_400_000;

/**
 * One page of the newsroom's list for `user`: a reporter sees the stories they are an author of,
 * editors and admins every story. Search words find published stories through the search index and
 * the rest (drafts, filed, scheduled, pulled: the index holds only what readers may find) by `LIKE`.
 */
export async function listForNewsroom(
  deps: DeskDeps,
  user: StaffUser,
  sections: SectionTree,
  q: ListQueryValues,
): Promise<{ rows: NewsroomListRow[]; total: number }> {
  const from = q.from ? kstDayStart(q.from) : null;
  const to = q.to ? kstDayStart(q.to) : null;
  if ((q.from && from === null) || (q.to && to === null))
    throw fail("invalid_request", "날짜가 올바르지 않습니다.");
  const section = q.section === null ? null : (sections.byId.get(q.section) ?? null);
  if (q.section !== null && !section) throw fail("unknown_section");
  const words = q.q.split(/\s+/).filter(Boolean).slice(0, 8);
  const search = words.length
    ? {
        publishedIds:
          q.status === null || q.status === "published"
            ? await matchPublishedIds(deps, q.q, deps.now(), LIST_SEARCH_LIMIT)
            : [],
        words,
      }
    : null;
  return listNewsroomArticles(deps.db, {
    status: q.status,
    sectionIds: section ? sectionAndDescendantIds(section) : null,
    reporterId: q.reporter,
    label: q.label,
    origin: q.origin,
    from,
    // the "to" day is included: up to the start of the next day
    to: to === null ? null : to + DAY_MS,
    authorId: can(user.role, "article.edit_any") ? null : user.id,
    search,
    sort: q.sort,
    limit: q.size,
    offset: (q.page - 1) * q.size,
  });
}

export interface BulkOutcome {
  id: number;
  title: string | null;
  done: boolean;
  /** why it was refused, in Korean */
  message: string | null;
}

/**
 * A bulk action, story by story, each through the desk's use case (its own transaction, search index
 * and page cache kept right, the same permission rules as one story at a time): what one story
 * refuses does not undo the others, and the outcome lists both.
 */
export async function runBulkAction(
  deps: DeskDeps,
  user: StaffUser,
  form: BulkFormValues,
): Promise<BulkOutcome[]> {
  if (form.action === "unpublish" && !can(user.role, "article.unpublish")) throw fail("forbidden");
  const out: BulkOutcome[] = [];
  for (const id of [...new Set(form.ids)]) {
    const article = await findEditable(deps.db, id);
    if (!article) {
      out.push({ id, title: null, done: false, message: "기사를 찾을 수 없습니다." });
      continue;
    }
    // A reporter learns nothing of a story that is not theirs, not even its title.
    const visible = can(user.role, "article.edit_any") || article.authors.some((a) => a.id === user.id);
    try {
      if (form.action === "move") await moveArticleToSection(deps, user, id, form.sectionId!);
      else if (form.action === "unpublish") await unpublishArticle(deps, user, id);
      else await setArticleLabel(deps, user, id, form.label as ArticleLabel, form.action === "label_add");
      out.push({ id, title: article.title, done: true, message: null });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      out.push({ id, title: visible ? article.title : null, done: false, message: error.message });
    }
  }
  return out;
}
