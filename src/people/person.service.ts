import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import { indexPeople } from "../search/search.repo.ts";
import { findPersonById, parseStringList } from "./person.repo.ts";

/**
 * The person directory's use cases for the newsroom (`people.manage`): add, edit, merge. Links in
 * articles are recomputed on each story's next save; a merge moves them at once.
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
}

export const personNotFound = () => new AppError("person_not_found", 404, "인물을 찾을 수 없습니다.");

function taken(error: unknown): never {
  if (isUniqueViolation(error))
    throw new AppError("person_taken", 409, "같은 주소(key)나 예전 번호를 쓰는 인물이 이미 있습니다.");
  throw error;
}

async function numInUse(db: Kysely<Database>, num: number, exceptId: number | null): Promise<boolean> {
  const article = await db.selectFrom("articles").select("id").where("num", "=", num).executeTakeFirst();
  if (article) return true;
  const redirect = await db
    .selectFrom("person_redirects")
    .select("person_id")
    .where("num", "=", num)
    .executeTakeFirst();
  return redirect !== undefined && redirect.person_id !== exceptId;
}

function columns(input: PersonInput, now: number) {
  return {
    key: input.key,
    name: input.name,
    aliases: JSON.stringify(input.aliases),
    role: input.role,
    organization: input.organization,
    bio: input.bio,
    context_words: JSON.stringify(input.contextWords),
    num: input.num,
    updated_at: now,
  };
}

export async function createPerson(db: Kysely<Database>, input: PersonInput, now: number): Promise<number> {
  if (input.num !== null && (await numInUse(db, input.num, null)))
    throw new AppError("person_num_taken", 409, "그 예전 번호는 이미 기사나 다른 인물이 쓰고 있습니다.");
  return db
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("people")
        .values({ ...columns(input, now), created_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      await indexPeople(trx, [id]);
      return id;
    })
    .catch(taken);
}

export async function editPerson(
  db: Kysely<Database>,
  id: number,
  input: PersonInput,
  now: number,
): Promise<void> {
  if (!(await findPersonById(db, id))) throw personNotFound();
  if (input.num !== null && (await numInUse(db, input.num, id)))
    throw new AppError("person_num_taken", 409, "그 예전 번호는 이미 기사나 다른 인물이 쓰고 있습니다.");
  await db
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable("people").set(columns(input, now)).where("id", "=", id).execute();
      await indexPeople(trx, [id]);
    })
    .catch(taken);
}

/**
 * Merges `goneId` into `keepId`: its article links and event appearances move to the kept person,
 * its name and aliases become the kept person's aliases, and its old number (and any merged into it
 * before) redirects to the kept person. The merged entry is then deleted.
 */
export async function mergePeople(
  db: Kysely<Database>,
  keepId: number,
  goneId: number,
  now: number,
): Promise<void> {
  if (keepId === goneId) throw new AppError("merge_self", 400, "같은 인물끼리는 합칠 수 없습니다.");
  await db.transaction().execute(async (trx) => {
    const [keep, gone] = await Promise.all([findPersonById(trx, keepId), findPersonById(trx, goneId)]);
    if (!keep || !gone) throw personNotFound();
    // Where both are linked from one article, the kept person's link stays.
    const both = await trx
      .selectFrom("article_people")
      .select("article_id")
      .where("person_id", "=", keepId)
      .execute();
    const keepArticles = both.map((r) => r.article_id);
    if (keepArticles.length) {
      await trx
        .deleteFrom("article_people")
        .where("person_id", "=", goneId)
        .where("article_id", "in", keepArticles)
        .execute();
    }
    await trx
      .updateTable("article_people")
      .set({ person_id: keepId })
      .where("person_id", "=", goneId)
      .execute();
    const keepEvents = (
      await trx.selectFrom("event_speakers").select("event_id").where("person_id", "=", keepId).execute()
    ).map((r) => r.event_id);
    if (keepEvents.length) {
      await trx
        .deleteFrom("event_speakers")
        .where("person_id", "=", goneId)
        .where("event_id", "in", keepEvents)
        .execute();
    }
    await trx
      .updateTable("event_speakers")
      .set({ person_id: keepId })
      .where("person_id", "=", goneId)
      .execute();
    await trx
      .updateTable("person_redirects")
      .set({ person_id: keepId })
      .where("person_id", "=", goneId)
      .execute();
    const aliases = [
      ...new Set([...parseStringList(keep.aliases), gone.name, ...parseStringList(gone.aliases)]),
    ].filter((s) => s !== keep.name);
    const context = [
      ...new Set([...parseStringList(keep.context_words), ...parseStringList(gone.context_words)]),
    ];
    await trx.deleteFrom("search_people").where("person_id", "=", goneId).execute();
    await trx.deleteFrom("people").where("id", "=", goneId).execute();
    if (gone.num !== null)
      await trx.insertInto("person_redirects").values({ num: gone.num, person_id: keepId }).execute();
    await trx
      .updateTable("people")
      .set({ aliases: JSON.stringify(aliases), context_words: JSON.stringify(context), updated_at: now })
      .where("id", "=", keepId)
      .execute();
    await indexPeople(trx, [keepId]);
  });
}
