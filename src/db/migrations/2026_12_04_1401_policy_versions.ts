import type { Kysely } from "kysely";
import { withId } from "./columns.ts";

/**
 * Policy pages (/policy/{slug}): every saved text is a new version with its effective date, and old
 * versions stay readable (개인정보 보호법 §30 asks for the 처리방침's changes to be traceable).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("policy_versions"))
    .addColumn("slug", "varchar(40)", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("effective_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addUniqueConstraint("policy_versions_slug_version", ["slug", "version"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("policy_versions").execute();
}
