import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Every version of a policy, newest first (bodies left out). */
export async function listPolicyVersions(db: Db, slug: string) {
  return db
    .selectFrom("policy_versions")
    .select(["version", "effective_at", "created_at"])
    .where("slug", "=", slug)
    .orderBy("version", "desc")
    .execute();
}

export async function findPolicyVersion(db: Db, slug: string, version: number) {
  return db
    .selectFrom("policy_versions")
    .select(["version", "body_html", "effective_at"])
    .where("slug", "=", slug)
    .where("version", "=", version)
    .executeTakeFirst();
}

/** The version in force at `now`: the newest whose effective time has come. */
export async function findPolicyInForce(db: Db, slug: string, now: number) {
  return db
    .selectFrom("policy_versions")
    .select(["version", "body_html", "effective_at"])
    .where("slug", "=", slug)
    .where("effective_at", "<=", now)
    .orderBy("effective_at", "desc")
    .orderBy("version", "desc")
    .executeTakeFirst();
}

export async function insertPolicyVersion(
  trx: Db,
  row: { slug: string; bodyHtml: string; effectiveAt: number; createdAt: number; createdBy: number | null },
): Promise<number> {
  const last = await trx
    .selectFrom("policy_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("slug", "=", row.slug)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await trx
    .insertInto("policy_versions")
    .values({
      slug: row.slug,
      version,
      body_html: row.bodyHtml,
      effective_at: row.effectiveAt,
      created_at: row.createdAt,
      created_by: row.createdBy,
    })
    .execute();
  return version;
}
