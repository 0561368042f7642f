import type { Kysely } from "kysely";
import type { Dialect } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import type { InvalidationBus } from "./invalidation-bus.ts";

/**
 * What every use case that writes is given: the database with its dialect, the clock, and the bus
 * it announces what it made stale on (after its transaction commits). The newsroom, the scheduler,
 * the CLI and the bundle import pass the same object, so a write has the same consequences
 * whichever door it came through.
 */
export interface UseCaseDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  now: () => number;
  bus: InvalidationBus;
}
