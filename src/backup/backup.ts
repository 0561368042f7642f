import { z } from "zod";

/**
 * What a Jikji backup archive is, and the rules around it (names, which ones to keep, how often).
 *
 * An archive is one POSIX tar file:
 *   database/jikji.sqlite   (SQLite: a page-for-page copy)  or  database/jikji.pgdump  (pg_dump -Fc)
 *   media/…                 every uploaded photo and rendition (the crops cache is left out: it is redrawn)
 *   jikji-backup.json       the manifest: format, dialect, migrations, time, every entry's size and SHA-256
 *   jikji-backup.json.sha256  the manifest's own SHA-256, so that no byte of the archive goes unchecked
 */

export const MANIFEST_NAME = "jikji-backup.json";
export const MANIFEST_SUM_NAME = "jikji-backup.json.sha256";
export const DATABASE_ENTRY = { sqlite: "database/jikji.sqlite", postgres: "database/jikji.pgdump" } as const;
export const MEDIA_PREFIX = "media/";

const digest = z.strictObject({
  name: z.string().min(1).max(400),
  bytes: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ManifestSchema = z.strictObject({
  format: z.literal("jikji-backup"),
  version: z.literal(1),
  /** KST ISO 8601, when the database copy began */
  createdAt: z.string(),
  dialect: z.enum(["sqlite", "postgres"]),
  /** the newest migration the copied database had run: the schema level of the copy */
  migration: z.string().nullable(),
  migrations: z.array(z.string()),
  database: digest,
  media: z.array(digest),
});

export type BackupManifest = z.infer<typeof ManifestSchema>;
export type EntryDigest = z.infer<typeof digest>;

/** `jikji-backup.json.sha256`'s content: the `sha256sum` line for the manifest. */
export const manifestSumLine = (sha256: string) => `${sha256}  ${MANIFEST_NAME}\n`;

/** Where media files may land inside the media folder: relative, no `..`, no absolute paths. */
export function isSafeMediaPath(relative: string): boolean {
  if (!relative || relative.startsWith("/") || relative.includes("\\") || relative.includes("\0"))
    return false;
  return relative.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

const BACKUP_FILE = /^jikji-backup-(\d{8}-\d{6})(?:-(\d+))?\.tar$/;

/** `jikji-backup-20261205-093000.tar`: the KST time it was made, which sorts as it reads. */
export function backupFileName(at: number, suffix = 0): string {
  const kst = new Date(at + 9 * 3600_000).toISOString();
  const stamp = `${kst.slice(0, 10).replaceAll("-", "")}-${kst.slice(11, 19).replaceAll(":", "")}`;
  return `jikji-backup-${stamp}${suffix ? `-${suffix}` : ""}.tar`;
}

/** Of the archives in a folder, the ones to delete so that the newest `keep` remain. */
export function backupsToPrune(fileNames: readonly string[], keep: number): string[] {
  const ours = fileNames
    .filter((f) => BACKUP_FILE.test(f))
    .sort((a, b) => {
      const [, sa, na] = BACKUP_FILE.exec(a)!;
      const [, sb, nb] = BACKUP_FILE.exec(b)!;
      return sa!.localeCompare(sb!) || Number(na ?? 0) - Number(nb ?? 0);
    });
  return ours.slice(0, Math.max(0, ours.length - keep));
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `6h`, `24h`, `7d` in milliseconds; null for anything else. At least 1 minute. */
export function parseInterval(value: string): number | null {
  const m = /^(\d{1,5})([mhd])$/.exec(value.trim());
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  return ms >= 60_000 ? ms : null;
}

/**
 * The scheduled run a moment belongs to: runs are numbered from the epoch, so every instance agrees
 * on the number without talking, and the database lets one of them claim it.
 */
export const backupSlot = (at: number, everyMs: number) => Math.floor(at / everyMs);
