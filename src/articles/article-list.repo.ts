import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  sql,
  type Transaction,
} from "kysely";
import type { ArticleLabel, ArticleOrigin, ArticleStatus, Database } from "../db/schema.ts";
import { likeContains } from "../search/search.ts";
import type { ListSort } from "./article-list.ts";
import { type DeskRow, deskQuery, toDeskRow } from "./desk.repo.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface NewsroomListFilter {
  status: ArticleStatus | null;
  sectionIds: number[] | null;
  reporterId: number | null;
  label: ArticleLabel | null;
  origin: ArticleOrigin | null;
  /** [from, to) on the story's date: published, else last saved */
  from: number | null;
  to: number | null;
  /** a reporter sees only the stories they are an author of */
  authorId: number | null;
  /**
   * Search words: published stories are found through the search index (its ids, `publishedIds`),
   * the others by `LIKE` on title, subtitle, body and bylines (`words`, each must match).
   */
  search: { publishedIds: number[]; words: string[] } | null;
  sort: ListSort;
  limit: number;
  offset: number;
}

export interface NewsroomListRow extends DeskRow {
  origin: ArticleOrigin;
  labels: ArticleLabel[];
}

/** The story's date in the list: when it was (or will be) published, else when it was last saved. */
const storyDate = sql<number>`coalesce(a.published_at, a.saved_at, a.created_at)`;
const contains = (column: string, word: string) =>
  sql<SqlBool>`${sql.ref(column)} LIKE ${likeContains(word)} ESCAPE '\\'`;

type ArticlesExpressions = ExpressionBuilder<Database & { a: Database["articles"] }, "a">;

/** The stories the filter asks for, as a condition on `articles as a`. */
function matching(f: NewsroomListFilter) {
  return (eb: ArticlesExpressions) => {
    const all: Expression<SqlBool>[] = [];
    if (f.status) all.push(eb("a.status", "=", f.status));
    if (f.sectionIds) all.push(eb("a.section_id", "in", f.sectionIds.length ? f.sectionIds : [-1]));
    if (f.origin) all.push(eb("a.origin", "=", f.origin));
    if (f.from !== null) all.push(eb(storyDate, ">=", f.from));
    if (f.to !== null) all.push(eb(storyDate, "<", f.to));
    const authoredBy = (staffId: number) =>
      eb.exists(
        eb
          .selectFrom("article_authors as x")
          .select("x.article_id")
          .whereRef("x.article_id", "=", "a.id")
          .where("x.staff_id", "=", staffId),
      );
    if (f.reporterId !== null) all.push(authoredBy(f.reporterId));
    if (f.authorId !== null) all.push(authoredBy(f.authorId));
    if (f.label) {
      all.push(
        eb.exists(
          eb
            .selectFrom("article_labels as l")
            .select("l.article_id")
            .whereRef("l.article_id", "=", "a.id")
            .where("l.label", "=", f.label),
        ),
      );
    }
    if (f.search) {
      const published = eb.and([
        eb("a.status", "=", "published"),
        eb("a.id", "in", f.search.publishedIds.length ? f.search.publishedIds : [-1]),
      ]);
      const others = eb.and([
        eb("a.status", "!=", "published"),
        ...f.search.words.map((w) =>
          eb.or([
            contains("a.title", w),
            contains("a.subtitle", w),
            contains("a.body_html", w),
            eb.exists(
              eb
                .selectFrom("article_authors as y")
                .innerJoin("staff as ys", "ys.id", "y.staff_id")
                .select("y.article_id")
                .whereRef("y.article_id", "=", "a.id")
                .where(contains("ys.name", w)),
            ),
          ]),
        ),
      ]);
      all.push(eb.or([published, others]));
    }
    return eb.and(all);
  };
}

/** One page of the newsroom's list, and how many stories match in all. */
export async function listNewsroomArticles(
  db: Db,
  f: NewsroomListFilter,
): Promise<{ rows: NewsroomListRow[]; total: number }> {
  let q = deskQuery(db).select("a.origin").where(matching(f));
  q =
    f.sort === "oldest"
      ? q.orderBy(storyDate, "asc").orderBy("a.id", "asc")
      : f.sort === "saved"
        ? q.orderBy(sql`coalesce(a.saved_at, a.created_at)`, "desc").orderBy("a.id", "desc")
        : f.sort === "title"
          ? q.orderBy("a.title", "asc").orderBy("a.id", "asc")
          : q.orderBy(storyDate, "desc").orderBy("a.id", "desc");
  const [rows, count] = await Promise.all([
    q.limit(f.limit).offset(f.offset).execute(),
    db
      .selectFrom("articles as a")
      .where(matching(f))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const labels = rows.length
    ? await db
        .selectFrom("article_labels")
        .select(["article_id", "label"])
        .where(
          "article_id",
          "in",
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      ...toDeskRow(r),
      origin: r.origin,
      labels: labels.filter((l) => l.article_id === r.id).map((l) => l.label),
    })),
  };
}

/** The reporters the list can be filtered by (everyone who may write), by name. */
export function listWriters(db: Db) {
  return db
    .selectFrom("staff")
    .select(["id", "name"])
    .where("role", "in", ["reporter", "editor", "admin"])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function addLabel(trx: Transaction<Database>, articleId: number, label: ArticleLabel) {
  await trx
    .insertInto("article_labels")
    .values({ article_id: articleId, label })
    .onConflict((oc) => oc.columns(["article_id", "label"]).doNothing())
    .execute();
}

export async function removeLabel(trx: Transaction<Database>, articleId: number, label: ArticleLabel) {
  await trx
    .deleteFrom("article_labels")
    .where("article_id", "=", articleId)
    .where("label", "=", label)
    .execute();
}
