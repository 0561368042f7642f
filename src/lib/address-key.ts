import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { installSecret, keyedHash } from "./secrets.ts";

/**
 * A reader's network address as a keyed hash (HMAC with this installation's own secret): enough to
 * limit and block an address and to tell two apart, useless to anyone who reads the database, and
 * the same on every instance of one site. Comments (limits, blocks) and event registrations
 * (limits) both key readers by it, so it belongs to neither.
 */
export async function addressKey(db: Kysely<Database>, address: string): Promise<string> {
  return keyedHash(await installSecret(db, "address_hash"), address);
}
