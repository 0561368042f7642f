import fs from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { buildApp } from "./app.ts";
import { startScheduler } from "./articles/scheduler.ts";
import { startBackupSchedule } from "./backup/backup.schedule.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { migrateToLatest, openDatabase } from "./db/client.ts";
import { isNewsroomEmpty } from "./demo/demo.repo.ts";
import { startRegistrationPurge } from "./events/registration.purge.ts";
import { createInvalidationBus } from "./lib/invalidation-bus.ts";
import { createMediaStore } from "./media/media-store.ts";
import { FIRST_ADMIN_COMMAND } from "./staff/staff.cli.ts";
import { hasActiveAdmin } from "./staff/staff.service.ts";
import { requestForLog } from "./web/client-address.ts";

/** SIGTERM ends the process within this long, whatever Redis or the database do. */
const SHUTDOWN_DEADLINE_MS = 9_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, serializers: { req: requestForLog } });
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionError: (err) =>
      logger.warn({ err }, "a pooled database connection was closed; it will be replaced"),
  });
  await migrateToLatest(handle.db);
  logger.info({ dialect: handle.dialect.name }, "database ready");
  // One bus for everything this process writes through: requests, the scheduler, the demo load.
  const bus = await createInvalidationBus({ redisUrl: config.redisUrl, db: handle.db, log: logger });
  const useCases = { db: handle.db, dialect: handle.dialect, now: Date.now, bus };

  if (config.loadDemo && (await isNewsroomEmpty(handle.db))) {
    const started = Date.now();
    try {
      // Imported only here: the demo's texts and pictures are ~1 MB an instance need not hold.
      const { loadDemoNewsroom } = await import("./demo/demo.ts");
      const { accounts, ...report } = await loadDemoNewsroom({
        ...useCases,
        mediaDir: config.mediaDir,
        media: createMediaStore(config, handle.db),
      });
      logger.info(
        { ...report, ms: Date.now() - started },
        "demo newsroom loaded (JIKJI_DEMO=0 starts empty)",
      );
      // The passwords go to one file only the operator can read, never to the log.
      const file = path.join(config.dataDir, "demo-accounts.txt");
      const lines = accounts.map(
        (a) => `${a.role.padEnd(9)} ${a.email.padEnd(32)} ${a.password}  (${a.name})`,
      );
      await fs.rm(file, { force: true });
      await fs.writeFile(file, `${lines.join("\n")}\n`, { mode: 0o600, flag: "wx" });
      await fs.chmod(file, 0o600);
      logger.info(
        { file, accounts: accounts.map((a) => a.email) },
        "demo staff accounts: passwords are in this file (readable by this user only); change them with npm run jikji -- set-password EMAIL",
      );
    } catch (error) {
      // Another instance starting at the same moment may have loaded it first; that is fine.
      if (await isNewsroomEmpty(handle.db)) throw error;
    }
  }

  if (!(await hasActiveAdmin(handle))) {
    // An empty start (JIKJI_DEMO=0, or a bundle without an admin): say how to make the first one.
    const message = `no active admin can sign in to the newsroom; create the first one with: ${FIRST_ADMIN_COMMAND}`;
    logger.warn({ command: FIRST_ADMIN_COMMAND }, message);
  }

  const app = await buildApp({
    config,
    db: handle.db,
    dialect: handle.dialect,
    logger,
    bus,
    databasePool: handle.poolStats,
  });
  const stopScheduler = startScheduler(useCases, logger);
  const stopPurge = startRegistrationPurge({ db: handle.db, now: Date.now }, logger);
  const stopBackups = config.backupEveryMs
    ? startBackupSchedule(
        {
          db: handle.db,
          now: Date.now,
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          everyMs: config.backupEveryMs,
          keep: config.backupKeep,
        },
        logger,
      )
    : () => {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    // Whatever hangs (Redis, the database, a request that never ends), the process is gone in 10 s.
    setTimeout(() => {
      logger.error({ signal }, "shutdown took over 10 s; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stop taking requests, finish those in flight, then close the database.
    stopScheduler();
    stopPurge();
    stopBackups();
    try {
      await app.close();
      await bus.close();
      await handle.close();
    } catch (err) {
      logger.error({ err }, "shutdown did not finish cleanly");
      process.exit(1);
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  logger.info(`Jikji is serving ${config.siteUrl} (listening on ${config.host}:${config.port})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Jikji could not start:", error);
  }
  process.exit(1);
});
