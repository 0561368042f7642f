import type { Kysely } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { ArticleLabel, Database } from "../db/schema.ts";
import type { MatchGroup } from "../db/search-index.ts";
import { type SectionNode, type SectionTree, sectionAndDescendantIds } from "../sections/section.ts";
import {
  loadResultRows,
  loadTexts,
  matchArticles,
  spellingsOfPeopleByChoseong,
  spellingsOfPeopleNamed,
} from "./search.repo.ts";
import {
  charLength,
  findMatches,
  type Highlighter,
  highlight,
  isLongPattern,
  type ParsedQuery,
  parseQuery,
  SEARCH_PAGE_SIZE,
  type SearchSort,
  type Segment,
  shortPatternGram,
  snippet,
  spellingKey,
} from "./search.ts";

export interface SearchInput {
  q: string;
  sort: SearchSort;
  /** the section and, for a top section, its subsections */
  section: SectionNode | null;
  /** [from, to) as epoch milliseconds: KST days already turned into instants */
  from: number | null;
  to: number | null;
  page: number;
}

export interface SearchHit {
  num: number;
  title: Segment[];
  snippet: Segment[];
  section: SectionNode | null;
  byline: { key: string; name: string } | null;
  publishedAt: number;
  /** 광고·협찬: listed with the "광고" label */
  sponsored: boolean;
  /** 속보, 단독, …: badges before the title, as every other list shows them */
  labels: ArticleLabel[];
}

export interface SearchOutcome {
  query: ParsedQuery;
  total: number;
  pages: number;
  hits: SearchHit[];
}

/** Consonant queries look for people from two consonants on, for the same reason. */
const PEOPLE_CHOSEONG_MIN = 2;

/** Sorts a group's alternative spellings into the index they are looked up in. */
function groupOf(patterns: readonly string[], choseong: string | null = null): MatchGroup {
  const long: string[] = [];
  const short: string[] = [];
  for (const p of patterns) {
    if (isLongPattern(p)) long.push(p.toLowerCase());
    else {
      const gram = shortPatternGram(p);
      if (gram) short.push(gram);
    }
  }
  return { long: [...new Set(long)], short: [...new Set(short)], choseong };
}

/**
 * Turns a parsed query into what the index is asked, with what the database knows about people:
 * a person's name or alias stands for all their spellings (알트만 also finds 올트먼), and initial
 * consonants also find the people whose names they spell. Bylines are in the index itself.
 */
async function plan(
  db: Kysely<Database>,
  query: ParsedQuery,
): Promise<{ groups: MatchGroup[]; highlighter: Highlighter }> {
  if (query.choseong) {
    const spellings =
      charLength(query.choseong) >= PEOPLE_CHOSEONG_MIN
        ? (await spellingsOfPeopleByChoseong(db, query.choseong)).flat()
        : [];
    return {
      groups: [groupOf(spellings, query.choseong)],
      highlighter: { patterns: spellings, choseong: query.choseong },
    };
  }
  // The whole query may be one name written with a space (마크 리버스): then it is one group.
  if (query.terms.length > 1) {
    const people = await spellingsOfPeopleNamed(db, [spellingKey(query.text)]);
    if (people.length) {
      const spellings = [query.text, ...people.flat()];
      return { groups: [groupOf(spellings)], highlighter: { patterns: spellings, choseong: null } };
    }
  }
  const people = await spellingsOfPeopleNamed(db, query.terms);
  const groups: MatchGroup[] = [];
  const patterns: string[] = [];
  for (const term of query.terms) {
    const key = spellingKey(term);
    const spellings = [term, ...people.filter((p) => p.some((s) => spellingKey(s) === key)).flat()];
    groups.push(groupOf(spellings));
    patterns.push(...spellings);
  }
  return { groups, highlighter: { patterns, choseong: null } };
}

/** One page of search results: matched, checked against the articles, highlighted. */
export async function searchArticles(
  { db, dialect }: { db: Kysely<Database>; dialect: Dialect },
  sections: SectionTree,
  input: SearchInput,
  now: number,
): Promise<SearchOutcome> {
  const query = parseQuery(input.q);
  if (query.kind === "empty") return { query, total: 0, pages: 0, hits: [] };
  const { groups, highlighter } = await plan(db, query);
  const { total, ids } = await matchArticles(db, dialect, {
    groups,
    now,
    from: input.from,
    to: input.to,
    sectionIds: input.section ? sectionAndDescendantIds(input.section) : null,
    sort: input.sort,
    limit: SEARCH_PAGE_SIZE,
    offset: (input.page - 1) * SEARCH_PAGE_SIZE,
  });
  const [rows, texts] = await Promise.all([loadResultRows(db, ids, now), loadTexts(db, ids)]);
  const hits = rows.map((r): SearchHit => {
    const { body, subtitle } = texts.get(r.id) ?? { body: "", subtitle: "" };
    // The snippet shows where the words are: the body, else the subtitle, else the body's opening.
    const found = (text: string) => findMatches(text, highlighter.patterns).length > 0;
    const where = found(body) ? body : subtitle && found(subtitle) ? subtitle : body;
    return {
      num: r.num,
      title: highlight(r.title, highlighter),
      snippet: snippet(where, highlighter),
      section: sections.byId.get(r.sectionId) ?? null,
      byline: r.byline,
      publishedAt: r.publishedAt,
      sponsored: r.sponsored,
      labels: r.labels,
    };
  });
  return { query, total, pages: Math.ceil(total / SEARCH_PAGE_SIZE), hits };
}

/**
 * The ids of published stories matching `q`, newest first, at most `limit`: the newsroom's list
 * (issue 15 §6) finds published stories through the same index readers search, with the same
 * Korean rules (substrings, people's spellings, initial consonants).
 */
export async function matchPublishedIds(
  { db, dialect }: { db: Kysely<Database>; dialect: Dialect },
  q: string,
  now: number,
  limit: number,
): Promise<number[]> {
  const query = parseQuery(q);
  if (query.kind === "empty") return [];
  const { groups } = await plan(db, query);
  const { ids } = await matchArticles(db, dialect, {
    groups,
    now,
    from: null,
    to: null,
    sectionIds: null,
    sort: "recent",
    limit,
    offset: 0,
  });
  return ids;
}
