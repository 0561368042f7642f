import { fail } from "../lib/errors.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { analyseArticle } from "../people/article-people.service.ts";
import { replaceTextRanges } from "../people/person-links.ts";
import type { StaffUser } from "../staff/staff.ts";
import { findEditable } from "./desk.repo.ts";
import { saveArticle } from "./desk.service.ts";

/**
 * 표기 통일: rewrites every other spelling of a person in the body (울트먼, 알트만 …) to the
 * directory's name, as an ordinary save — a new revision, the same rules about who may edit, the
 * same links recomputed and pages announced stale. Returns how many spellings were rewritten.
 */
export async function unifySpellings(
  deps: UseCaseDeps,
  actor: StaffUser,
  articleId: number,
  personId: number,
): Promise<number> {
  const article = await findEditable(deps.db, articleId);
  if (!article) throw fail("article_not_found");
  const analysis = await analyseArticle(deps.db, articleId);
  const person = analysis?.dir.people.get(personId);
  const report = analysis?.spellings.find((s) => s.personId === personId);
  if (!analysis || !person || !report) return 0;
  const ranges = report.occurrences
    .filter((o) => o.spelling !== person.name)
    .map((o) => ({ ...o, replacement: person.name }));
  if (ranges.length === 0) return 0;
  const bodyHtml = replaceTextRanges(article.bodyHtml, ranges);
  await saveArticle(
    deps,
    actor,
    articleId,
    {
      title: article.title,
      subtitle: article.subtitle,
      sectionId: article.sectionId,
      bodyHtml,
      tags: article.tags,
      leadMediaId: article.leadMediaId,
      leadAlt: article.leadAlt,
      leadCaption: article.leadCaption,
      leadCredit: article.leadCredit,
    },
    { kind: "save" },
  );
  return ranges.length;
}
