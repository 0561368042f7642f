import type { Kysely } from "kysely";
import { type CommentSort, countVisibleComments, listVisibleComments } from "../comments/comment.repo.ts";
import { COMMENTS_PER_PAGE, type PublicComment } from "../comments/comment.ts";
import type { Database } from "../db/schema.ts";
import { type StaleTag, stale } from "../lib/invalidation-bus.ts";
import { listBodyLinks } from "../people/article-people.repo.ts";
import type { BodyLink } from "../people/person-links.ts";
import { type SectionNode, type SectionTree, sectionTrail } from "../sections/section.ts";
import { paths } from "../web/paths.ts";
import type { ArticleSummary } from "../web/public/view-models.ts";
import { findByNum, listPublished, listSharingTags } from "./article.repo.ts";
import { type ArticleDetail, isPublic } from "./article.ts";

const RELATED_SIZE = 5;

export interface ArticlePageData {
  article: ArticleDetail;
  trail: SectionNode[];
  related: ArticleSummary[];
  comments: PublicComment[];
  commentCount: number;
  commentPage: number;
  commentSort: CommentSort;
  /** person links drawn into the body at render time (issue 4) */
  personLinks?: BodyLink[];
  /** keys of the people linked in the body (their pages' names show here) */
  personKeys: string[];
}

/** A published article, or null when there is none the public may see (drafts, scheduled, pulled). */
export async function getPublishedArticle(
  db: Kysely<Database>,
  num: number,
  now: number,
): Promise<ArticleDetail | null> {
  const article = await findByNum(db, num);
  return article && isPublic(article.status, article.publishedAt, now) ? article : null;
}

/** Stories sharing a tag first, then the section's latest. */
async function listRelated(
  db: Kysely<Database>,
  article: ArticleDetail,
  now: number,
): Promise<ArticleSummary[]> {
  const byTag = await listSharingTags(db, article.id, article.tags, now, RELATED_SIZE);
  if (byTag.length >= RELATED_SIZE) return byTag;
  const bySection = await listPublished(
    db,
    { now, sectionIds: [article.sectionId], excludeIds: [article.id, ...byTag.map((a) => a.id)] },
    RELATED_SIZE - byTag.length,
  );
  return [...byTag, ...bySection];
}

/** Everything the article page shows, or null when the article is not public. */
export async function getArticlePage(
  db: Kysely<Database>,
  sections: SectionTree,
  num: number,
  now: number,
  commentPage: number,
  commentSort: CommentSort,
): Promise<ArticlePageData | null> {
  const article = await getPublishedArticle(db, num, now);
  if (!article) return null;
  const section = sections.byId.get(article.sectionId);
  const [related, comments, commentCount, links] = await Promise.all([
    listRelated(db, article, now),
    listVisibleComments(
      db,
      article.id,
      COMMENTS_PER_PAGE,
      (commentPage - 1) * COMMENTS_PER_PAGE,
      commentSort,
    ),
    countVisibleComments(db, article.id),
    listBodyLinks(db, article.id),
  ]);
  return {
    article,
    trail: section ? sectionTrail(section) : [],
    related,
    comments,
    commentCount,
    commentPage,
    commentSort,
    personLinks: links.map((l) => ({ ...l, href: paths.person(l.key) })),
    personKeys: [...new Set(links.map((l) => l.key))],
  };
}

/**
 * What the article page shows and so goes stale with: the story (and its comments), its reporters'
 * and linked people's names and the related stories by headline. (인기기사 is a fragment of its own,
 * `/fragments/most-read`: the ranking's changes do not purge article pages.)
 */
export function articlePageTags(data: ArticlePageData): StaleTag[] {
  return [
    stale.article(data.article.num),
    ...data.article.authors.map((a) => stale.reporter(a.key)),
    ...data.personKeys.map(stale.person),
    ...data.related.map((a) => stale.article(a.num)),
  ];
}
