import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { claimBackupSlot, finishBackupRun } from "./backup.repo.ts";
import { type BackupReport, type BackupTarget, createBackup, pruneBackups } from "./backup.service.ts";
import { backupSlot } from "./backup.ts";

export interface BackupScheduleDeps extends BackupTarget {
  db: Kysely<Database>;
  now: () => number;
  /** BACKUP_EVERY in milliseconds */
  everyMs: number;
  /** BACKUP_KEEP: how many archives DATA_DIR/backups keeps */
  keep: number;
}

/**
 * One scheduled run, if it is due: the runs are numbered from the epoch (`backupSlot`), and the
 * instance whose insert claims the run's row in the database makes the archive; every other
 * instance (several behind a proxy, or this one restarted within the same interval) leaves it.
 * Returns the archive made, or null when there was nothing to do.
 */
export async function runScheduledBackup(deps: BackupScheduleDeps): Promise<BackupReport | null> {
  const at = deps.now();
  const slot = `${deps.everyMs}:${backupSlot(at, deps.everyMs)}`;
  const runId = await claimBackupSlot(deps.db, slot, at);
  if (runId === null) return null;
  try {
    const report = await createBackup(deps);
    await pruneBackups(deps.dataDir, deps.keep);
    await finishBackupRun(deps.db, runId, {
      finishedAt: deps.now(),
      file: report.file,
      bytes: report.bytes,
      error: null,
    });
    return report;
  } catch (error) {
    await finishBackupRun(deps.db, runId, {
      finishedAt: deps.now(),
      file: null,
      bytes: null,
      error: String((error as Error).message ?? error).slice(0, 2000),
    }).catch(() => undefined);
    throw error;
  }
}

/**
 * Checks every minute (or every `BACKUP_EVERY`, when shorter) whether a scheduled backup is due.
 * The first check runs at start, so a site restarted after a missed run backs up at once.
 */
export function startBackupSchedule(
  deps: BackupScheduleDeps,
  logger: FastifyBaseLogger,
  checkEveryMs = Math.min(60_000, deps.everyMs),
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runScheduledBackup(deps);
      if (report) {
        logger.info(
          { file: report.file, bytes: report.bytes, media: report.manifest.media.length, ms: report.ms },
          "scheduled backup written",
        );
      }
    } catch (error) {
      logger.error({ err: error }, "scheduled backup failed");
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
