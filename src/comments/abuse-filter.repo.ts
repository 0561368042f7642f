import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Keeps a moderator's decision on a comment as a labelled example for the filter. */
export async function insertFilterExample(
  db: Db,
  e: {
    commentId: number;
    body: string;
    abusive: boolean;
    decision: "approve" | "delete" | "restore";
    staffId: number;
    at: number;
  },
): Promise<void> {
  await db
    .insertInto("comment_filter_examples")
    .values({
      comment_id: e.commentId,
      body: e.body,
      abusive: e.abusive ? 1 : 0,
      decision: e.decision,
      staff_id: e.staffId,
      created_at: e.at,
    })
    .execute();
}

/**
 * The paper's labelled examples: for each comment, its latest decision only (a comment approved, then
 * deleted counts once, as abusive); examples whose comment is gone are kept as they are.
 */
export async function listFilterExamples(db: Db) {
  const rows = await db
    .selectFrom("comment_filter_examples as e")
    .leftJoin("staff as s", "s.id", "e.staff_id")
    .select([
      "e.id",
      "e.comment_id",
      "e.body",
      "e.abusive",
      "e.decision",
      "e.created_at",
      "s.name as staff_name",
    ])
    .orderBy("e.id")
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  const loose: typeof rows = [];
  for (const r of rows) {
    if (r.comment_id === null) loose.push(r);
    else latest.set(r.comment_id, r);
  }
  return [...loose, ...latest.values()].sort((a, b) => a.id - b.id);
}

/** The newest retrained model's id and hash, or undefined when none was ever stored. */
export function latestFilterModelId(db: Db) {
  return db
    .selectFrom("comment_filter_models")
    .select(["id", "hash"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function findFilterModel(db: Db, id: number) {
  return db
    .selectFrom("comment_filter_models")
    .select(["id", "hash", "model", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Stores a retrained model and drops all but the newest `keep` (older ones are of no use). */
export async function insertFilterModel(
  db: Db,
  m: { hash: string; model: string; at: number },
  keep: number,
): Promise<number> {
  const row = await db
    .insertInto("comment_filter_models")
    .values({ hash: m.hash, model: m.model, created_at: m.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  const kept = await db
    .selectFrom("comment_filter_models")
    .select("id")
    .orderBy("id", "desc")
    .limit(keep)
    .execute();
  await db
    .deleteFrom("comment_filter_models")
    .where(
      "id",
      "not in",
      kept.map((k) => k.id),
    )
    .execute();
  return row.id;
}
