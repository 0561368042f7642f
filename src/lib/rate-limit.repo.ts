import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Counts one hit on `key` in the window starting at `windowStart` and returns the window's count,
 * this hit included. One statement, atomic on both databases:
 *
 *     INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
 *     ON CONFLICT (key) DO UPDATE SET
 *       count = CASE WHEN rate_limits.window_start = excluded.window_start
 *                    THEN rate_limits.count + 1 ELSE 1 END,
 *       window_start = excluded.window_start
 *     RETURNING count
 *
 * PostgreSQL locks the conflicting row and evaluates the update on its latest version, so racing
 * hits queue up and each gets its own count; SQLite runs one write statement at a time. (Reading
 * the count first and writing a sum computed here would let racing hits write the same number.)
 * Both sides of a SET see the row as it was, so the order of the two assignments does not matter.
 */
export async function countHit(db: Db, key: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        count: eb
          .case()
          .when("rate_limits.window_start", "=", eb.ref("excluded.window_start"))
          .then(eb("rate_limits.count", "+", 1))
          .else(1)
          .end(),
        window_start: eb.ref("excluded.window_start"),
      })),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
