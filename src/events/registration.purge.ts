import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** How long registrants' personal data is kept after their event ends (the form's notice says so). */
export const RETENTION_AFTER_EVENT_MS = 90 * 24 * 3600_000;

/**
 * Deletes the registrations of events that ended more than three months ago, as the consent notice
 * promises (CONSENT_NOTICE.retention). Idempotent; every instance may run it.
 */
export async function purgeExpiredRegistrations(db: Kysely<Database>, now: number): Promise<number> {
  const cutoff = now - RETENTION_AFTER_EVENT_MS;
  const expired = db
    .selectFrom("events")
    .select("id")
    .where((eb) => eb(eb.fn.coalesce("ends_at", "starts_at"), "<", cutoff));
  const result = await db
    .deleteFrom("event_registrations")
    .where("event_id", "in", expired)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Runs the purge at boot and then hourly; returns a stop function for shutdown. */
export function startRegistrationPurge(
  deps: { db: Kysely<Database>; now: () => number },
  logger: FastifyBaseLogger,
  everyMs = 3600_000,
): () => void {
  const tick = async () => {
    try {
      const n = await purgeExpiredRegistrations(deps.db, deps.now());
      if (n) logger.info({ registrations: n }, "expired event registrations deleted");
    } catch (error) {
      logger.error({ err: error }, "registration purge failed");
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
