import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrateToLatest, openDatabase } from "../db/client.ts";
import {
  copySqlite,
  dialectOf,
  dumpPostgres,
  knownMigrations,
  postgresHasContent,
  postgresProblems,
  restorePostgres,
  SnapshotError,
  sqliteHasContent,
  sqliteProblems,
} from "../db/snapshot.ts";
import { toKstIso } from "../lib/kst-time.ts";
import { readTar, TarError, TarWriter } from "../lib/tar.ts";
import {
  type BackupManifest,
  backupFileName,
  backupsToPrune,
  DATABASE_ENTRY,
  type EntryDigest,
  isSafeMediaPath,
  MANIFEST_NAME,
  MANIFEST_SUM_NAME,
  ManifestSchema,
  MEDIA_PREFIX,
  manifestSumLine,
} from "./backup.ts";

/** Where the data lives: the same two settings the site runs with. */
export interface BackupTarget {
  databaseUrl: string | null;
  dataDir: string;
}

export interface BackupReport {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  ms: number;
}

/** An archive that is damaged, cut short or not a Jikji backup: nothing was touched. */
export class BackupInvalidError extends Error {
  override name = "BackupInvalidError";
}

/** The target already holds a newsroom and `--force` was not given: nothing was touched. */
export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

const SQLITE_FILE = "jikji.sqlite";
/** Derived files redrawn on demand: never worth carrying. */
const MEDIA_CACHE_DIR = "crops";

export const backupsDir = (dataDir: string) => path.join(dataDir, "backups");
const mediaDirOf = (dataDir: string) => path.join(dataDir, "media");

/** Every stored photo file under the media folder, relative, sorted (the crops cache and temp files left out). */
async function mediaFiles(mediaDir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const e of entries) {
      const relative = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!prefix && e.name === MEDIA_CACHE_DIR) continue;
        await walk(path.join(dir, e.name), relative);
      } else if (e.isFile() && !e.name.endsWith(".tmp")) out.push(relative);
    }
  }
  await walk(mediaDir, "");
  return out.sort();
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function freeName(dir: string, at: number): Promise<string> {
  for (let suffix = 0; ; suffix++) {
    const file = path.join(dir, backupFileName(at, suffix));
    const taken = await fs.access(file).then(
      () => true,
      () => false,
    );
    if (!taken) return file;
  }
}

/**
 * Makes one archive of the database and the media folder while the site runs and writes. The
 * database is copied first (a consistent snapshot), then the photos: a photo is stored before the
 * row that names it is committed and is never changed afterwards, so every photo the copy refers
 * to is on disk by then. The archive is written to a temporary file beside the target and renamed
 * into place, so a reader never sees half an archive.
 */
export async function createBackup(
  source: BackupTarget & { now: () => number },
  target?: string,
): Promise<BackupReport> {
  const started = Date.now();
  const createdAt = source.now();
  const file = target ? path.resolve(target) : await freeName(backupsDir(source.dataDir), createdAt);
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const work = await fs.mkdtemp(path.join(dir, ".jikji-backup-"));
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const dialect = dialectOf(source.databaseUrl);
    const copy = path.join(work, path.basename(DATABASE_ENTRY[dialect]));
    const { migrations } =
      dialect === "postgres"
        ? await dumpPostgres(source.databaseUrl!, copy)
        : await copySqlite(path.join(source.dataDir, SQLITE_FILE), copy);
    const mediaDir = mediaDirOf(source.dataDir);
    const photos = await mediaFiles(mediaDir);

    const out = await fs.open(tmp, "wx", 0o600);
    let manifest: BackupManifest;
    try {
      const tar = new TarWriter(out, Math.floor(createdAt / 1000));
      const database = await tar.addFile(DATABASE_ENTRY[dialect], copy);
      const media: EntryDigest[] = [];
      for (const photo of photos)
        media.push(await tar.addFile(`${MEDIA_PREFIX}${photo}`, path.join(mediaDir, photo)));
      manifest = {
        format: "jikji-backup",
        version: 1,
        createdAt: toKstIso(createdAt),
        dialect,
        migration: migrations.at(-1) ?? null,
        migrations,
        database,
        media,
      };
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      const sum = createHash("sha256").update(manifestBytes).digest("hex");
      await tar.addBuffer(MANIFEST_NAME, manifestBytes);
      await tar.addBuffer(MANIFEST_SUM_NAME, Buffer.from(manifestSumLine(sum)));
      await tar.finish();
      await out.sync();
    } finally {
      await out.close();
    }
    await fs.rename(tmp, file);
    await syncDirectory(dir);
    const { size } = await fs.stat(file);
    return { file, bytes: size, manifest, ms: Date.now() - started };
  } finally {
    await fs.rm(tmp, { force: true });
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Deletes the oldest scheduled archives in DATA_DIR/backups so that the newest `keep` remain, and
 * what a backup cut short (a crash, a power cut) left behind a day ago or more.
 */
export async function pruneBackups(dataDir: string, keep: number, now = Date.now()): Promise<string[]> {
  const dir = backupsDir(dataDir);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const doomed = backupsToPrune(names, keep);
  for (const name of names) {
    if (!name.startsWith(".jikji-backup-") && !name.endsWith(".tmp")) continue;
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (stat && now - stat.mtimeMs > 86_400_000) doomed.push(name);
  }
  for (const name of doomed) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  return doomed;
}

/**
 * Reads the whole archive and checks it against its manifest: every entry's size and SHA-256, the
 * manifest's own checksum, no entry missing or extra, no path that would leave its folder.
 * `extractTo` also writes the entries into that (empty) folder as they are read.
 */
export async function verifyBackup(file: string, extractTo?: string): Promise<BackupManifest> {
  const fail = (detail: string): never => {
    throw new BackupInvalidError(
      `이 백업 파일로는 복원할 수 없습니다 (${file}): ${detail}. 아무것도 바꾸지 않았습니다.`,
    );
  };
  let manifestBytes: Buffer | null = null;
  let sumLine: string | null = null;
  let entries: EntryDigest[] = [];
  try {
    await fs.access(file);
  } catch {
    fail("파일이 없습니다");
  }
  // The manifest and its checksum are small; they are read into a scratch folder on the same pass.
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-verify-"));
  try {
    entries = await readTar(file, {
      entry: async (name, bytes) => {
        if (name === MANIFEST_NAME || name === MANIFEST_SUM_NAME) {
          if (bytes > 50 * 1024 * 1024) fail("목록 파일이 너무 큽니다");
          return path.join(scratch, name);
        }
        if (!extractTo) return null;
        const relative = name.startsWith(MEDIA_PREFIX) ? name.slice(MEDIA_PREFIX.length) : null;
        if (relative !== null) {
          if (!isSafeMediaPath(relative)) fail(`허용되지 않는 경로: ${name}`);
          const target = path.join(extractTo, "media", relative);
          await fs.mkdir(path.dirname(target), { recursive: true });
          return target;
        }
        if (name === DATABASE_ENTRY.sqlite || name === DATABASE_ENTRY.postgres)
          return path.join(extractTo, path.basename(name));
        return fail(`알 수 없는 항목: ${name}`);
      },
    });
    manifestBytes = await fs.readFile(path.join(scratch, MANIFEST_NAME)).catch(() => null);
    if (!manifestBytes) fail("백업 목록(jikji-backup.json)이 없습니다 — 직지 백업 파일이 아닙니다");
    sumLine = await fs.readFile(path.join(scratch, MANIFEST_SUM_NAME), "utf8").catch(() => null);
  } catch (error) {
    if (error instanceof TarError) fail(`손상된 파일입니다 (${error.message})`);
    if ((error as NodeJS.ErrnoException).code === "EEXIST") fail("같은 이름의 항목이 두 번 들어 있습니다");
    throw error;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  const manifestDigest = createHash("sha256").update(manifestBytes!).digest("hex");
  if (sumLine !== manifestSumLine(manifestDigest)) fail("백업 목록의 체크섬이 맞지 않습니다 (손상)");
  let manifest: BackupManifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(manifestBytes!.toString("utf8")));
  } catch {
    return fail("백업 목록을 읽을 수 없습니다");
  }
  const expected = [manifest.database, ...manifest.media];
  if (manifest.database.name !== DATABASE_ENTRY[manifest.dialect])
    fail("데이터베이스 항목 이름이 맞지 않습니다");
  const content = entries.filter((e) => e.name !== MANIFEST_NAME && e.name !== MANIFEST_SUM_NAME);
  if (content.length !== expected.length) fail("목록과 들어 있는 파일 수가 다릅니다");
  const byName = new Map(content.map((e) => [e.name, e]));
  for (const want of expected) {
    const got = byName.get(want.name);
    if (!got) fail(`빠진 파일: ${want.name}`);
    if (got!.bytes !== want.bytes || got!.sha256 !== want.sha256)
      fail(`손상된 파일: ${want.name} (SHA-256이 다릅니다)`);
  }
  return manifest;
}

export interface RestoreReport {
  manifest: BackupManifest;
  media: number;
  /** migrations run after the restore to bring an older backup to this version */
  migrated: number;
}

/** What the target already holds, in words for the refusal message; empty when it holds nothing. */
async function whatIsThere(target: BackupTarget): Promise<string[]> {
  const found: string[] = [];
  if (target.databaseUrl) {
    if (await postgresHasContent(target.databaseUrl))
      found.push("PostgreSQL 데이터베이스에 뉴스룸 데이터가 있습니다");
  } else {
    const file = path.join(target.dataDir, SQLITE_FILE);
    const exists = await fs.access(file).then(
      () => true,
      () => false,
    );
    if (exists && sqliteHasContent(file)) found.push(`${file}에 뉴스룸 데이터가 있습니다`);
  }
  const photos = await mediaFiles(mediaDirOf(target.dataDir));
  if (photos.length) found.push(`${mediaDirOf(target.dataDir)}에 사진 파일 ${photos.length}개가 있습니다`);
  return found;
}

/**
 * Puts an archive back into an empty data folder (SQLite) or database (PostgreSQL) and its media
 * folder. The archive is read and checked in full first; with a damaged archive, a wrong database
 * kind or a target that holds a newsroom (without `force`), nothing is touched. The archive is then
 * unpacked beside the target and moved into place; an older archive is migrated to this version.
 * Instances using the target must be stopped while it runs.
 */
export async function restoreBackup(
  target: BackupTarget,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const manifest = await verifyBackup(file);
  const dialect = dialectOf(target.databaseUrl);
  if (manifest.dialect !== dialect) {
    const names = { sqlite: "SQLite", postgres: "PostgreSQL" };
    throw new BackupInvalidError(
      `이 백업은 ${names[manifest.dialect]} 백업이라 ${names[dialect]}에 복원할 수 없습니다. ` +
        "데이터베이스를 옮기려면 export와 import를 쓰세요. 아무것도 바꾸지 않았습니다.",
    );
  }
  const known = new Set(knownMigrations());
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new BackupInvalidError(
      `이 백업은 더 새로운 직지에서 만들어졌습니다 (모르는 마이그레이션: ${unknown.join(", ")}). ` +
        "직지를 그 버전 이상으로 올린 뒤 복원하세요. 아무것도 바꾸지 않았습니다.",
    );
  }
  const present = await whatIsThere(target);
  if (present.length && !options.force) {
    throw new RestoreRefusedError(
      `복원할 곳이 비어 있지 않습니다:\n  ${present.join("\n  ")}\n` +
        "지금 있는 데이터를 백업의 것으로 바꾸려면 --force를 붙이세요 (DATA_DIR/backups는 지우지 않습니다). " +
        "아무것도 바꾸지 않았습니다.",
    );
  }

  await fs.mkdir(target.dataDir, { recursive: true });
  const staging = await fs.mkdtemp(path.join(target.dataDir, ".restore-"));
  try {
    // Unpacked and checked again as it is written: the file could have changed since the first read.
    const unpacked = await verifyBackup(file, staging);
    if (JSON.stringify(unpacked) !== JSON.stringify(manifest))
      throw new BackupInvalidError(
        `백업 파일이 읽는 동안 바뀌었습니다 (${file}). 아무것도 바꾸지 않았습니다.`,
      );
    const database = path.join(staging, path.basename(manifest.database.name));
    if (dialect === "sqlite") {
      const problems = sqliteProblems(database);
      if (problems.length)
        throw new BackupInvalidError(`백업 안의 SQLite 파일이 손상되었습니다: ${problems.join("; ")}`);
      const live = path.join(target.dataDir, SQLITE_FILE);
      for (const suffix of ["-wal", "-shm", ""]) await fs.rm(`${live}${suffix}`, { force: true });
      await fs.rename(database, live);
    } else {
      await restorePostgres(target.databaseUrl!, database);
      const problems = await postgresProblems(target.databaseUrl!);
      if (problems.length) throw new SnapshotError(`복원한 데이터베이스 검사 실패: ${problems.join("; ")}`);
    }
    const media = mediaDirOf(target.dataDir);
    await fs.rm(media, { recursive: true, force: true });
    await fs.mkdir(path.join(staging, "media"), { recursive: true });
    await fs.rename(path.join(staging, "media"), media);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }

  const handle = openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  return {
    manifest,
    media: manifest.media.length,
    migrated: knownMigrations().length - manifest.migrations.length,
  };
}
