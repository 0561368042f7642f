import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { ArticleLabel, Database } from "../db/schema.ts";
import type { IndexedDocument, MatchQuery, MatchResult } from "../db/search-index.ts";
import { parseStringList } from "../lib/json-list.ts";
import { proseText } from "../lib/sanitize-html.ts";
import { labelBits, labelsFromBits } from "../web/public/article-summary.repo.ts";
import {
  choseongGrams,
  choseongOf,
  likeContains,
  preferredSortKey,
  spellingKey,
  textGrams,
} from "./search.ts";

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;
/** How bylines are written in the index; a name never contains it. */
const BYLINE_SEPARATOR = ", ";

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface IndexSource {
  articleId: number;
  sortKey: number;
  sectionId: number;
  publishedAt: number;
  title: string;
  subtitle: string;
  bylineNames: string[];
  /** plain text */
  body: string;
}

/** What the index keeps of an article: its texts, its title's consonants, the grams of all of them. */
export function indexedDocument(a: IndexSource): IndexedDocument {
  const titleChoseong = choseongOf(a.title);
  const byline = a.bylineNames.join(BYLINE_SEPARATOR);
  return {
    sortKey: a.sortKey,
    articleId: a.articleId,
    sectionId: a.sectionId,
    publishedAt: a.publishedAt,
    title: a.title,
    subtitle: a.subtitle,
    byline,
    body: a.body,
    titleChoseong,
    headGrams: textGrams(`${a.title} ${a.subtitle}`),
    bodyGrams: textGrams(`${byline} ${a.body}`),
    choseongGrams: choseongGrams(titleChoseong),
  };
}

/**
 * Sort keys for stories about to be indexed: each its preferred key, or the next free one when
 * another story published in the same millisecond holds it.
 */
async function assignSortKeys(
  trx: Transaction<Database>,
  stories: ReadonlyArray<{ id: number; publishedAt: number }>,
): Promise<Map<number, number>> {
  const keys = new Map<number, number>();
  const used = new Set<number>();
  let pending = stories.map((s) => ({ id: s.id, key: preferredSortKey(s.publishedAt, s.id) }));
  while (pending.length) {
    const taken = new Set(
      (
        await trx
          .selectFrom("search_documents")
          .select("sort_key")
          .where(
            "sort_key",
            "in",
            pending.map((p) => p.key),
          )
          .execute()
      ).map((r) => r.sort_key),
    );
    const next: typeof pending = [];
    for (const p of pending) {
      if (taken.has(p.key) || used.has(p.key)) next.push({ id: p.id, key: p.key + 1 });
      else {
        used.add(p.key);
        keys.set(p.id, p.key);
      }
    }
    pending = next;
  }
  return keys;
}

/**
 * Brings the index up to date for these articles, inside the caller's transaction so that search
 * never shows a story the same commit took down (or misses one it put up). Published stories are
 * (re)indexed; any other status removes the story. Whoever writes an article calls this.
 */
export async function indexArticles(
  trx: Transaction<Database>,
  dialect: Dialect,
  articleIds: readonly number[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const index = dialect.searchIndex;
  const unique = [...new Set(articleIds)];
  let done = 0;
  for (const chunk of chunks(unique)) {
    const [rows, authors] = await Promise.all([
      trx
        .selectFrom("articles")
        .select(["id", "title", "subtitle", "body_html", "status", "published_at", "section_id"])
        .where("id", "in", chunk)
        .where("status", "=", "published")
        .where("published_at", "is not", null)
        .execute(),
      trx
        .selectFrom("article_authors as aa")
        .innerJoin("staff as s", "s.id", "aa.staff_id")
        .select(["aa.article_id", "s.name"])
        .where("aa.article_id", "in", chunk)
        .orderBy("aa.article_id")
        .orderBy("aa.position")
        .execute(),
    ]);
    // The texts, grams and (on SQLite, by trigger) FTS row go with the document row.
    await trx.deleteFrom("search_documents").where("article_id", "in", chunk).execute();
    if (rows.length) {
      const names = new Map<number, string[]>();
      for (const a of authors) names.set(a.article_id, [...(names.get(a.article_id) ?? []), a.name]);
      const keys = await assignSortKeys(
        trx,
        rows.map((r) => ({ id: r.id, publishedAt: r.published_at! })),
      );
      const docs = rows.map((r) =>
        indexedDocument({
          articleId: r.id,
          sortKey: keys.get(r.id)!,
          sectionId: r.section_id,
          publishedAt: r.published_at!,
          title: r.title,
          subtitle: r.subtitle ?? "",
          bylineNames: names.get(r.id) ?? [],
          body: proseText(r.body_html),
        }),
      );
      await trx
        .insertInto("search_documents")
        .values(
          rows.map((r) => ({
            sort_key: keys.get(r.id)!,
            article_id: r.id,
            section_id: r.section_id,
            published_at: r.published_at!,
          })),
        )
        .execute();
      await trx
        .insertInto("search_texts")
        .values(
          docs.map((d) => ({
            article_id: d.articleId,
            title: d.title,
            subtitle: d.subtitle,
            byline: d.byline,
            body: d.body,
            title_choseong: d.titleChoseong,
          })),
        )
        .execute();
      await index.insert(trx, docs);
    }
    done += chunk.length;
    onProgress?.(done, unique.length);
  }
}

/**
 * Re-indexes the stories of these staff whose byline in the index no longer carries the staff
 * member's current name (a reporter renamed), so their new name finds them at once.
 */
export async function indexRenamedBylines(
  trx: Transaction<Database>,
  dialect: Dialect,
  staffKeys: readonly string[],
): Promise<void> {
  const stale = new Set<number>();
  for (const chunk of chunks(staffKeys)) {
    const rows = await trx
      .selectFrom("article_authors as aa")
      .innerJoin("staff as s", "s.id", "aa.staff_id")
      .innerJoin("search_texts as x", "x.article_id", "aa.article_id")
      .select(["aa.article_id", "s.name", "x.byline"])
      .where("s.key", "in", chunk)
      .execute();
    for (const r of rows) if (!r.byline.split(BYLINE_SEPARATOR).includes(r.name)) stale.add(r.article_id);
  }
  if (stale.size) await indexArticles(trx, dialect, [...stale]);
}

/** Brings people's spellings up to date for search; all people when `personIds` is not given. */
export async function indexPeople(trx: Transaction<Database>, personIds?: readonly number[]): Promise<void> {
  let q = trx.selectFrom("people").select(["id", "name", "aliases"]);
  if (personIds) {
    if (!personIds.length) return;
    q = q.where("id", "in", [...personIds]);
    for (const chunk of chunks(personIds)) {
      await trx.deleteFrom("search_people").where("person_id", "in", chunk).execute();
    }
  } else {
    await trx.deleteFrom("search_people").execute();
  }
  const people = await q.execute();
  for (const chunk of chunks(people)) {
    await trx
      .insertInto("search_people")
      .values(
        chunk.map((p) => {
          const spellings = [...new Set([p.name, ...parseStringList(p.aliases)].map((s) => s.trim()))].filter(
            Boolean,
          );
          const framed = (list: string[]) => `\n${[...new Set(list.filter(Boolean))].join("\n")}\n`;
          return {
            person_id: p.id,
            spellings: JSON.stringify(spellings),
            spelling_keys: framed(spellings.map(spellingKey)),
            choseong: framed(spellings.map(choseongOf)),
          };
        }),
      )
      .execute();
  }
}

/** Takes these people out of search (before they are deleted). */
export async function unindexPeople(trx: Transaction<Database>, personIds: readonly number[]): Promise<void> {
  for (const chunk of chunks(personIds)) {
    await trx.deleteFrom("search_people").where("person_id", "in", chunk).execute();
  }
}

/** Indexes the people with these keys (the bundle import knows keys, not ids). */
export async function indexPeopleByKey(trx: Transaction<Database>, keys: readonly string[]): Promise<void> {
  const ids: number[] = [];
  for (const chunk of chunks(keys)) {
    const rows = await trx.selectFrom("people").select("id").where("key", "in", chunk).execute();
    ids.push(...rows.map((r) => r.id));
  }
  await indexPeople(trx, ids);
}

/**
 * What an import changed, brought into the index in the import's own transaction: its articles,
 * the stories of reporters it renamed, and its people's spellings.
 */
export async function indexImported(
  trx: Transaction<Database>,
  dialect: Dialect,
  changed: {
    articleIds: readonly number[];
    staff: ReadonlyArray<{ key: string }>;
    people: ReadonlyArray<{ key: string }>;
  },
  progress?: (stage: string, done: number, total: number) => void,
): Promise<void> {
  await indexArticles(trx, dialect, changed.articleIds, (done, total) => progress?.("search", done, total));
  await indexRenamedBylines(
    trx,
    dialect,
    changed.staff.map((s) => s.key),
  );
  await indexPeopleByKey(
    trx,
    changed.people.map((p) => p.key),
  );
}

/**
 * Rebuilds the whole index in one transaction (searches go on meanwhile and see the old index until
 * it commits), then tidies it. Reports progress per article.
 */
export async function rebuildSearchIndex(
  db: Kysely<Database>,
  dialect: Dialect,
  onProgress?: (done: number, total: number) => void,
): Promise<{ articles: number; indexed: number; people: number }> {
  const index = dialect.searchIndex;
  const result = await db.transaction().execute(async (trx) => {
    await index.clear(trx);
    await trx.deleteFrom("search_documents").execute();
    const ids = (await trx.selectFrom("articles").select("id").orderBy("id").execute()).map((r) => r.id);
    await indexArticles(trx, dialect, ids, onProgress);
    await indexPeople(trx);
    const [docs, people] = await Promise.all([
      trx
        .selectFrom("search_documents")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom("search_people")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ]);
    return { articles: ids.length, indexed: Number(docs.n), people: Number(people.n) };
  });
  await index.optimize(db);
  return result;
}

export function matchArticles(db: Db, dialect: Dialect, q: MatchQuery): Promise<MatchResult> {
  return dialect.searchIndex.match(db, q);
}

/** Plain-text bodies and subtitles as indexed, for snippets. */
export async function loadTexts(
  db: Db,
  articleIds: readonly number[],
): Promise<Map<number, { body: string; subtitle: string }>> {
  if (!articleIds.length) return new Map();
  const rows = await db
    .selectFrom("search_texts")
    .select(["article_id", "body", "subtitle"])
    .where("article_id", "in", [...articleIds])
    .execute();
  return new Map(rows.map((r) => [r.article_id, { body: r.body, subtitle: r.subtitle }]));
}

/** `column LIKE %text%` with the text's wildcards escaped; SQLite has no LIKE escape unless told. */
function contains(column: RawBuilder<unknown>, text: string): RawBuilder<boolean> {
  return sql<boolean>`${column} LIKE ${likeContains(text)} ESCAPE '\\'`;
}

const PEOPLE_LIMIT = 20;

/** Every spelling of the people one of whose names or aliases is exactly one of these keys. */
export async function spellingsOfPeopleNamed(db: Db, keys: readonly string[]): Promise<string[][]> {
  const usable = keys.filter(Boolean);
  if (!usable.length) return [];
  const rows = await db
    .selectFrom("search_people")
    .select("spellings")
    .where((eb) => eb.or(usable.map((k) => contains(sql.ref("spelling_keys"), `\n${k}\n`))))
    .limit(PEOPLE_LIMIT)
    .execute();
  return rows.map((r) => parseStringList(r.spellings));
}

/** Every spelling of the people whose name or an alias has these initial consonants in a row. */
export async function spellingsOfPeopleByChoseong(db: Db, choseong: string): Promise<string[][]> {
  const rows = await db
    .selectFrom("search_people")
    .select("spellings")
    .where(contains(sql.ref("choseong"), choseong))
    .limit(PEOPLE_LIMIT)
    .execute();
  return rows.map((r) => parseStringList(r.spellings));
}

export interface ResultRow {
  id: number;
  num: number;
  title: string;
  subtitle: string | null;
  sectionId: number;
  publishedAt: number;
  byline: { key: string; name: string } | null;
  sponsored: boolean;
  labels: ArticleLabel[];
}

/**
 * The articles of a result page, in the given order. Status and time are checked again here, on
 * the articles themselves: a search never shows what the article page would refuse.
 */
export async function loadResultRows(
  db: Db,
  articleIds: readonly number[],
  now: number,
): Promise<ResultRow[]> {
  if (!articleIds.length) return [];
  const rows = await db
    .selectFrom("articles as a")
    .leftJoin("article_authors as aa", (j) => j.onRef("aa.article_id", "=", "a.id").on("aa.position", "=", 0))
    .leftJoin("staff as s", "s.id", "aa.staff_id")
    .select([
      "a.id",
      "a.num",
      "a.title",
      "a.subtitle",
      "a.section_id",
      "a.published_at",
      "a.status",
      "a.origin",
      "s.key as author_key",
      "s.name as author_name",
      labelBits.as("label_bits"),
    ])
    .where("a.id", "in", [...articleIds])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return articleIds.flatMap((id) => {
    const r = byId.get(id);
    // Checked here rather than in SQL: given the status condition, SQLite may walk the status index
    // over every published story instead of fetching these twenty by id.
    if (r?.status !== "published" || r.published_at === null || r.published_at > now) return [];
    return [
      {
        id: r.id,
        num: r.num,
        title: r.title,
        subtitle: r.subtitle,
        sectionId: r.section_id,
        publishedAt: r.published_at!,
        byline:
          r.author_key !== null && r.author_name !== null ? { key: r.author_key, name: r.author_name } : null,
        sponsored: r.origin === "sponsored",
        labels: labelsFromBits(r.label_bits),
      },
    ];
  });
}
