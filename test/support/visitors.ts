import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema.ts";
import { signedVisitorId, visitorKey } from "../../src/web/visitor.ts";

/**
 * Makes `jikji_vid` values the site itself would accept, one distinct reader per name: what a browser
 * that got the cookie from this site (this installation's key) sends back.
 */
export async function signedVisitors(db: Kysely<Database>): Promise<(name: string | number) => string> {
  const key = await visitorKey(db);
  return (name) =>
    signedVisitorId(key, createHash("sha256").update(String(name)).digest("base64url").slice(0, 22));
}
