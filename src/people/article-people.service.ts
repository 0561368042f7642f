import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { sanitizeBodyHtml } from "../lib/sanitize-html.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import {
  type ArticlePersonRow,
  directoryVersion,
  findArticleForLinks,
  listArticlePeople,
  loadDirectory,
  markArticlePersonRemoved,
  recentPublishedBodies,
  replaceArticlePeople,
} from "./article-people.repo.ts";
import {
  type AmbiguousMention,
  buildNameDirectory,
  findSpellings,
  type LinkResult,
  linkMentions,
  type NameDirectory,
  peopleForSpelling,
  type SpellingReport,
  spellingReport,
  withCorpusGuard,
} from "./name-matcher.ts";
import { findPersonById } from "./person.repo.ts";
import { bodyLinkableText } from "./person-links.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Automatons by directory version. A cache, not a source of truth: the version is read from the
 * database on every use, so an instance whose peer edited the directory rebuilds on its next save.
 */
const cache = new Map<string, NameDirectory>();

/** How many of the latest published stories the common-word check reads when the directory is built. */
export const CORPUS_SAMPLE = 300;

/**
 * The name automaton for the directory as it is now (rebuilt only when the directory changed). When
 * it is built, the latest published stories are read to find names the paper mostly uses as ordinary
 * words (`withCorpusGuard`); those people are then linked only with evidence.
 */
export async function currentDirectory(db: Db): Promise<NameDirectory> {
  const version = await directoryVersion(db);
  const hit = cache.get(version);
  if (hit) return hit;
  const built = buildNameDirectory(await loadDirectory(db));
  const corpus = (await recentPublishedBodies(db, CORPUS_SAMPLE)).map(bodyLinkableText);
  const dir = withCorpusGuard(built, corpus);
  cache.clear();
  cache.set(version, dir);
  return dir;
}

export interface ArticleAnalysis {
  /** the article's public number */
  num: number;
  text: string;
  result: LinkResult;
  ambiguous: AmbiguousMention[];
  spellings: SpellingReport[];
  dir: NameDirectory;
}

/** Runs the matcher over an article's body as stored. */
export async function analyseArticle(db: Db, articleId: number): Promise<ArticleAnalysis | null> {
  const a = await findArticleForLinks(db, articleId);
  if (!a) return null;
  const dir = await currentDirectory(db);
  const text = bodyLinkableText(sanitizeBodyHtml(a.body_html));
  const options = { section: [a.section_name, a.section_slug] };
  const result = linkMentions(dir, text, options);
  return {
    num: a.num,
    text,
    result,
    ambiguous: result.ambiguous,
    spellings: spellingReport(dir, text, options),
    dir,
  };
}

/**
 * Recomputes an article's links after its body changed. Editors' decisions survive: a removed link
 * stays removed, and a person picked by hand stays linked at the first mention of their spelling
 * (dropped if the spelling is gone from the body).
 */
export async function refreshArticlePeople(db: Db, articleId: number): Promise<void> {
  const analysis = await analyseArticle(db, articleId);
  if (!analysis) return;
  const { text, result, dir } = analysis;
  const previous = await listArticlePeople(db, articleId);
  const rows = new Map<number, Omit<ArticlePersonRow, "article_id">>();
  for (const old of previous) {
    if (old.source === "editor" && old.removed === 0) {
      const at = findSpellings(dir, text).find((m) => m.spelling === old.spelling);
      if (at) rows.set(old.person_id, { ...old, start: at.start, length: at.end - at.start });
    }
  }
  const removed = new Set(previous.filter((p) => p.removed === 1).map((p) => p.person_id));
  const taken = [...rows.values()];
  for (const l of result.links) {
    if (rows.has(l.personId)) continue;
    // A hand-picked person already holds this range.
    if (taken.some((t) => l.start < t.start + t.length && l.start + l.length > t.start)) continue;
    rows.set(l.personId, {
      person_id: l.personId,
      start: l.start,
      length: l.length,
      spelling: l.spelling,
      source: "auto",
      removed: removed.has(l.personId) ? 1 : 0,
    });
  }
  await replaceArticlePeople(db, articleId, [...rows.values()]);
}

/** Recomputes links for many articles (bundle import), building the automaton once. */
export async function refreshManyArticlePeople(db: Db, articleIds: readonly number[]): Promise<void> {
  for (const id of articleIds) await refreshArticlePeople(db, id);
}

export interface PersonSpellings {
  personId: number;
  key: string;
  name: string;
  variants: { spelling: string; count: number }[];
}

/** Spellings of each person mentioned in an article, for `check-names` and the editor's warnings. */
export async function articleSpellings(db: Db, articleId: number): Promise<PersonSpellings[] | null> {
  const analysis = await analyseArticle(db, articleId);
  if (!analysis) return null;
  return analysis.spellings.flatMap((r) => {
    const p = analysis.dir.people.get(r.personId);
    if (!p) return [];
    return [
      {
        personId: p.id,
        key: p.key,
        name: p.name,
        variants: [...r.variants].map(([spelling, count]) => ({ spelling, count })),
      },
    ];
  });
}

/** One line per person: `샘 올트먼 (open-ai-ceo): 올트먼 ×2, 울트먼 ×2, 알트만 ×3`. */
export function formatSpellings(s: PersonSpellings): string {
  return `${s.name} (${s.key}): ${s.variants.map((v) => `${v.spelling} ×${v.count}`).join(", ")}`;
}

const SNIPPET = 24;

function snippet(text: string, start: number, length: number): string {
  const from = Math.max(0, start - SNIPPET);
  const to = Math.min(text.length, start + length + SNIPPET);
  return `${from > 0 ? "…" : ""}${text.slice(from, to).replace(/\s+/g, " ").trim()}${to < text.length ? "…" : ""}`;
}

export interface PeoplePanel {
  links: {
    personId: number;
    key: string;
    name: string;
    /** tells namesakes apart in the list */
    organization: string | null;
    spelling: string;
    snippet: string;
    source: "auto" | "editor";
    removed: boolean;
  }[];
  ambiguous: {
    spelling: string;
    snippet: string;
    /** namesakes the context did not tell apart, or a name also used as a word, here without evidence */
    reason: "namesakes" | "word";
    candidates: { personId: number; key: string; name: string; organization: string | null }[];
  }[];
  /** people whose name is spelt more than one way in the body */
  spellings: PersonSpellings[];
  /** "김 사장" / "김 의원": who each refers to (never links), first of each spelling and person */
  references: { spelling: string; key: string; name: string; organization: string | null }[];
}

/** What the editor's side panel shows about people in a story. */
export async function peoplePanel(db: Db, articleId: number): Promise<PeoplePanel | null> {
  const analysis = await analyseArticle(db, articleId);
  if (!analysis) return null;
  const { text, dir } = analysis;
  const rows = await listArticlePeople(db, articleId);
  const decided = new Set(rows.filter((r) => r.source === "editor").map((r) => r.spelling));
  const links = rows.flatMap((r) => {
    const p = dir.people.get(r.person_id);
    if (!p) return [];
    return [
      {
        personId: p.id,
        key: p.key,
        name: p.name,
        organization: p.organization ?? null,
        spelling: r.spelling,
        snippet: snippet(text, r.start, r.length),
        source: r.source,
        removed: r.removed === 1,
      },
    ];
  });
  const ambiguous = analysis.ambiguous
    .filter((m) => !decided.has(m.spelling))
    .map((m) => ({
      spelling: m.spelling,
      snippet: snippet(text, m.start, m.length),
      reason: m.reason,
      candidates: m.candidates.flatMap((c) => {
        const p = dir.people.get(c.personId);
        return p ? [{ personId: p.id, key: p.key, name: p.name, organization: p.organization ?? null }] : [];
      }),
    }));
  const spellings = ((await articleSpellings(db, articleId)) ?? []).filter((s) => s.variants.length > 1);
  const seenRefs = new Set<string>();
  const references = analysis.result.references.flatMap((r) => {
    const p = dir.people.get(r.personId);
    const id = `${r.spelling.replace(/\s/g, "")}:${r.personId}`;
    if (!p || seenRefs.has(id)) return [];
    seenRefs.add(id);
    return [{ spelling: r.spelling, key: p.key, name: p.name, organization: p.organization ?? null }];
  });
  return { links, ambiguous, spellings, references };
}

/**
 * An editor's "do not link this person here": kept through later saves. Announces the article and
 * the person's page stale; false when the person was not linked from the article.
 */
export async function removeArticlePerson(
  deps: UseCaseDeps,
  articleId: number,
  personId: number,
): Promise<boolean> {
  const changed = await deps.db.transaction().execute(async (trx) => {
    const article = await findArticleForLinks(trx, articleId);
    if (!article) throw fail("article_not_found");
    const person = await findPersonById(trx, personId);
    if (!person || !(await markArticlePersonRemoved(trx, articleId, personId))) return null;
    return { num: article.num, key: person.key };
  });
  if (!changed) return false;
  await deps.bus.announce([stale.article(changed.num), stale.person(changed.key)]);
  return true;
}

/**
 * An editor's answer to "who is this?": links `personId` at the first mention of `spelling`. The
 * spelling must be one of that person's and stand in the body as a mention (else `invalid_person`).
 * Announces the article stale, and the pages of the person linked and of anyone who gave way.
 */
export async function pickArticlePerson(
  deps: UseCaseDeps,
  articleId: number,
  spelling: string,
  personId: number,
): Promise<void> {
  const changed = await deps.db.transaction().execute(async (trx) => {
    const analysis = await analyseArticle(trx, articleId);
    if (!analysis) throw fail("invalid_person");
    const ids = peopleForSpelling(analysis.dir, spelling);
    if (!ids.includes(personId)) throw fail("invalid_person");
    const at = findSpellings(analysis.dir, analysis.text).find((m) => m.spelling === spelling);
    if (!at) throw fail("invalid_person");
    const start = at.start;
    const length = at.end - at.start;
    // The range can hold one person: whoever the matcher put there gives way to the editor's choice.
    const previous = await listArticlePeople(trx, articleId);
    const kept = previous.filter(
      (r) => r.person_id !== personId && !(r.start < start + length && r.start + r.length > start),
    );
    await replaceArticlePeople(trx, articleId, [
      ...kept.map(({ article_id: _, ...r }) => r),
      { person_id: personId, start, length, spelling, source: "editor", removed: 0 },
    ]);
    const gaveWay = previous.filter((r) => !kept.includes(r)).map((r) => r.person_id);
    const keys = [personId, ...gaveWay].flatMap((id) => {
      const key = analysis.dir.people.get(id)?.key;
      return key ? [key] : [];
    });
    return { num: analysis.num, keys };
  });
  await deps.bus.announce([stale.article(changed.num), ...changed.keys.map(stale.person)]);
}
