import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { deleteRegistrationsOfEventsEndedBefore } from "./registration.repo.ts";

/** How long registrants' personal data is kept after their event ends (the form's notice says so). */
export const RETENTION_AFTER_EVENT_MS = 90 * 24 * 3600_000;

/**
 * Deletes the registrations of events that ended more than three months ago, as the consent notice
 * promises (CONSENT_NOTICE.retention). Idempotent; every instance may run it.
 */
export function purgeExpiredRegistrations(db: Kysely<Database>, now: number): Promise<number> {
  return deleteRegistrationsOfEventsEndedBefore(db, now - RETENTION_AFTER_EVENT_MS);
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
