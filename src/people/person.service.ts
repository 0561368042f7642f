import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { parseStringList } from "../lib/json-list.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { findMediaById } from "../media/media.repo.ts";
import { indexPeople, unindexPeople } from "../search/search.repo.ts";
import { moveArticleLinks } from "./article-people.repo.ts";
import {
  addRedirect,
  deletePerson,
  findPersonById,
  findPersonByKey,
  insertPerson,
  isPersonNumInUse,
  moveEventAppearances,
  moveRedirects,
  type PersonValues,
  updatePerson,
} from "./person.repo.ts";

/**
 * The person directory's use cases for the newsroom (`people.manage`): add, edit, merge. Each keeps
 * search's spellings of the people it touches in its own transaction and, after commit, announces
 * their pages stale (article pages carry the tags of the people they link, and a person's spellings
 * change what search finds). Links in articles are recomputed on each story's next save; a merge
 * moves them at once.
 */
export interface PersonInput {
  key: string;
  name: string;
  aliases: string[];
  role: string | null;
  organization: string | null;
  bio: string | null;
  contextWords: string[];
  num: number | null;
  /** a media library photo for the public page; left out, the photo stays as it is */
  photoMediaId?: number | null;
}

/** Refuses a photo number that is not in the media library. */
async function checkPhoto(deps: UseCaseDeps, input: PersonInput): Promise<void> {
  if (input.photoMediaId != null && !(await findMediaById(deps.db, input.photoMediaId))) {
    throw fail("unknown_person_photo");
  }
}

function values(input: PersonInput, now: number): PersonValues {
  return {
    key: input.key,
    name: input.name,
    aliases: JSON.stringify(input.aliases),
    role: input.role,
    organization: input.organization,
    bio: input.bio,
    context_words: JSON.stringify(input.contextWords),
    num: input.num,
    ...(input.photoMediaId !== undefined ? { photo_media_id: input.photoMediaId } : {}),
    updated_at: now,
  };
}

/** A key or number someone else holds, as the directory's own refusal. */
function refuseTaken(deps: UseCaseDeps) {
  return (error: unknown): never => {
    if (deps.dialect.isUniqueViolation(error)) throw fail("person_taken");
    throw error;
  };
}

export async function createPerson(deps: UseCaseDeps, input: PersonInput): Promise<number> {
  await checkPhoto(deps, input);
  if (input.num !== null && (await isPersonNumInUse(deps.db, input.num, null)))
    throw fail("person_num_taken");
  const now = deps.now();
  const id = await deps.db
    .transaction()
    .execute(async (trx) => {
      const id = await insertPerson(trx, { ...values(input, now), created_at: now });
      await indexPeople(trx, [id]);
      return id;
    })
    .catch(refuseTaken(deps));
  await deps.bus.announce([stale.person(input.key), stale.search]);
  return id;
}

export async function editPerson(deps: UseCaseDeps, id: number, input: PersonInput): Promise<void> {
  const before = await findPersonById(deps.db, id);
  if (!before) throw fail("person_not_found");
  await checkPhoto(deps, input);
  if (input.num !== null && (await isPersonNumInUse(deps.db, input.num, id))) throw fail("person_num_taken");
  const now = deps.now();
  await deps.db
    .transaction()
    .execute(async (trx) => {
      await updatePerson(trx, id, values(input, now));
      await indexPeople(trx, [id]);
    })
    .catch(refuseTaken(deps));
  // A new key leaves the old page (and the articles that linked to it) stale as well.
  await deps.bus.announce([stale.person(before.key), stale.person(input.key), stale.search]);
}

/**
 * Merges the person `goneId` into the one whose key is `intoKey`, and returns the kept person's id:
 * the merged person's article links and event appearances move to the kept person, their name and
 * aliases become the kept person's aliases, and their old number (and any merged into them before)
 * redirects to the kept person. The merged entry is then deleted.
 */
export async function mergePeople(deps: UseCaseDeps, goneId: number, intoKey: string): Promise<number> {
  const now = deps.now();
  const { keep, gone } = await deps.db.transaction().execute(async (trx) => {
    const keep = await findPersonByKey(trx, intoKey);
    if (!keep) throw fail("merge_target_not_found");
    if (keep.id === goneId) throw fail("merge_self");
    const gone = await findPersonById(trx, goneId);
    if (!gone) throw fail("person_not_found");
    await moveArticleLinks(trx, gone.id, keep.id);
    await moveEventAppearances(trx, gone.id, keep.id);
    await moveRedirects(trx, gone.id, keep.id);
    const aliases = [
      ...new Set([...parseStringList(keep.aliases), gone.name, ...parseStringList(gone.aliases)]),
    ].filter((s) => s !== keep.name);
    const contextWords = [
      ...new Set([...parseStringList(keep.context_words), ...parseStringList(gone.context_words)]),
    ];
    await unindexPeople(trx, [gone.id]);
    await deletePerson(trx, gone.id);
    if (gone.num !== null) await addRedirect(trx, gone.num, keep.id);
    await updatePerson(trx, keep.id, {
      aliases: JSON.stringify(aliases),
      context_words: JSON.stringify(contextWords),
      updated_at: now,
    });
    await indexPeople(trx, [keep.id]);
    return { keep, gone };
  });
  await deps.bus.announce([stale.person(keep.key), stale.person(gone.key), stale.search]);
  return keep.id;
}
