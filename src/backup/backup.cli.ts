import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { UsageError } from "../lib/usage-error.ts";
import { createBackup, restoreBackup } from "./backup.service.ts";

export const BACKUP_USAGE = `  backup [FILE]    사이트가 돌아가는 중에도 데이터베이스와 사진을 한 파일(tar)로 백업합니다.
                   FILE이 없으면 DATA_DIR/backups/jikji-backup-YYYYMMDD-HHMMSS.tar (한국 시각)에 씁니다.
  restore FILE [--force]
                   백업을 빈 DATA_DIR(SQLite) 또는 빈 데이터베이스(PostgreSQL)에 복원합니다. 먼저 파일 전체를
                   검사하고, 손상되었거나 대상이 비어 있지 않으면 아무것도 바꾸지 않습니다 (--force: 덮어씀).
                   복원하는 동안 그 데이터를 쓰는 사이트는 멈춰 두세요.`;

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${(bytes / 1024).toFixed(1)}KB`;

/** `jikji backup [FILE]`: the archive path is the one line on standard output, for scripts. */
export async function runBackup(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError("사용법: npm run jikji -- backup [FILE]");
  const config = loadConfig();
  const report = await createBackup(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, now: Date.now },
    positionals[0],
  );
  console.error(
    `백업 완료: ${report.file} (${size(report.bytes)}, ${report.manifest.dialect}, 사진 파일 ${report.manifest.media.length}개, ` +
      `마이그레이션 ${report.manifest.migration ?? "없음"}, ${(report.ms / 1000).toFixed(1)}초)`,
  );
  console.log(report.file);
}

/** `jikji restore FILE [--force]`. */
export async function runRestore(args: string[]): Promise<void> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { force: { type: "boolean" } }; allowPositionals: true; args: string[] }>
  >;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean" } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n사용법: npm run jikji -- restore FILE [--force]`);
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1)
    throw new UsageError("복원할 백업 파일을 지정하세요: npm run jikji -- restore FILE [--force]");
  const config = loadConfig();
  const report = await restoreBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, file, {
    force: parsed.values.force === true,
  });
  console.log(
    `복원 완료: ${report.manifest.createdAt}의 백업 (${report.manifest.dialect}, 사진 파일 ${report.media}개)` +
      (report.migrated > 0 ? `, 이 버전으로 마이그레이션 ${report.migrated}개 적용` : ""),
  );
}
