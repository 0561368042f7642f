import fs from "node:fs/promises";
import path from "node:path";
import { findIdByNum } from "./articles/desk.repo.ts";
import { refreshSummaries } from "./articles/summary.service.ts";
import { BACKUP_USAGE, runBackup, runRestore } from "./backup/backup.cli.ts";
import { BackupInvalidError, RestoreRefusedError } from "./backup/backup.service.ts";
import { exportBundle } from "./bundle/bundle.export.ts";
import { BundleInvalidError, importBundle, readBundleFile } from "./bundle/bundle.import.ts";
import { retrainAbuseFilter } from "./comments/abuse-filter.service.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { migrateToLatest, openDatabase } from "./db/client.ts";
import { SnapshotError } from "./db/snapshot.ts";
import { AppError } from "./lib/errors.ts";
import { createInvalidationBus, stale } from "./lib/invalidation-bus.ts";
import { createProgress } from "./lib/progress.ts";
import { UsageError } from "./lib/usage-error.ts";
import type { UseCaseDeps } from "./lib/use-case.ts";
import { createMediaStore, type MediaStore } from "./media/media-store.ts";
import { articleSpellings, formatSpellings } from "./people/article-people.service.ts";
import { rebuildSearchIndex } from "./search/search.repo.ts";
import { runSetPassword, runStaffCommand, STAFF_USAGE } from "./staff/staff.cli.ts";

const USAGE = `사용법: npx jikji <명령> [인자]  (또는 npm run jikji -- <명령> [인자])

  import FILE      번들(JSON)을 가져옵니다. 전부 검사한 뒤 한 번에 쓰고, 오류가 있으면 아무것도 쓰지 않습니다.
  export [FILE]    뉴스룸 전체를 번들로 내보냅니다. FILE이 없으면 표준 출력으로 씁니다.
${BACKUP_USAGE}
  check-names NUM  기사 NUM에 나오는 인물마다 이름 표기와 횟수를 보여 줍니다 (표기가 갈리는지 확인).
  reindex          검색 색인을 처음부터 다시 만듭니다. 만드는 동안에도 검색은 이전 색인으로 동작합니다.
${STAFF_USAGE}
  train-filter     댓글 필터 모델을 공개 데이터와 이 신문 관리자들의 승인·삭제 결정으로 다시 학습합니다.
                   실행 중인 사이트는 재시작 없이 10초 안에 새 모델을 씁니다.

환경 변수 DATA_DIR, DATABASE_URL로 대상 데이터베이스를 정합니다.`;

interface CliDeps extends UseCaseDeps {
  mediaDir: string;
  /** where photos are kept (MEDIA_STORE, MEDIA_DIR), as the running site has them */
  media: MediaStore;
}

/**
 * Opens the database (and, with REDIS_URL, the invalidation bus the running site listens on), so
 * what a command writes goes through the same use cases, with the same consequences, as the site.
 */
async function withDatabase<T>(fn: (deps: CliDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  let bus: Awaited<ReturnType<typeof createInvalidationBus>> | null = null;
  try {
    await migrateToLatest(handle.db);
    // What this command changes reaches running sites: through Redis, or the database they share.
    bus = await createInvalidationBus({ redisUrl: config.redisUrl, db: handle.db });
    const media = createMediaStore(config, handle.db);
    return await fn({
      db: handle.db,
      dialect: handle.dialect,
      now: Date.now,
      bus,
      mediaDir: media.dir,
      media,
    });
  } finally {
    await bus?.close();
    await handle.close();
  }
}

async function runImport(args: string[]): Promise<void> {
  const file = args[0];
  if (!file) throw new UsageError("가져올 번들 파일을 지정하세요: npm run jikji -- import FILE");
  const input = await readBundleFile(file);
  const report = await withDatabase((deps) =>
    importBundle(deps, input, {
      baseDir: path.dirname(path.resolve(file)),
      onProgress: createProgress(),
    }),
  );
  console.log(
    `가져오기 완료: 섹션 ${report.sections}, 직원 ${report.staff}, 인물 ${report.people}, 기사 ${report.articles}, 댓글 ${report.comments}, 행사 ${report.events}, 사진 ${report.images}`,
  );
  if (report.repairedTitles.length) {
    console.log(`제목에 섞인 링크 태그를 걷어 낸 곳 ${report.repairedTitles.length}건:`);
    for (const r of report.repairedTitles) console.log(`  ${r.path}: ${r.before} → ${r.after}`);
  }
}

async function runExport(args: string[]): Promise<void> {
  const file = args[0];
  const bundle = await withDatabase(({ db, mediaDir, media }) =>
    exportBundle({ db, mediaDir, media }, createProgress()),
  );
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  if (!file || file === "-") {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(json, (e) => (e ? reject(e) : resolve())),
    );
    return;
  }
  const tmp = `${file}.tmp`;
  await fs.writeFile(tmp, json);
  await fs.rename(tmp, file);
  console.error(
    `내보내기 완료: ${file} (기사 ${bundle.articles?.length ?? 0}건, ${(json.length / 1024 / 1024).toFixed(1)}MB)`,
  );
}

async function runReindex(): Promise<void> {
  const started = Date.now();
  const progress = createProgress();
  const report = await withDatabase(async (deps) => {
    const { db, dialect, bus } = deps;
    const rebuilt = await rebuildSearchIndex(db, dialect, (done, total) => progress("search", done, total));
    await bus.announce([stale.search]);
    // Summaries are derived from bodies too: one pass brings old ones to the current rule.
    const summaries = await refreshSummaries(deps);
    return { ...rebuilt, summaries };
  });
  console.log(
    `검색 색인 완료: 기사 ${report.articles}건 중 공개 ${report.indexed}건, 인물 ${report.people}명 (${((Date.now() - started) / 1000).toFixed(1)}초)`,
  );
  console.log(`기사 요약 다시 만듦: ${report.summaries.checked}건 중 ${report.summaries.changed}건 바뀜`);
}

async function runCheckNames(args: string[]): Promise<void> {
  const num = Number(args[0]);
  if (!args[0] || !Number.isSafeInteger(num) || num < 1)
    throw new UsageError("기사 번호를 지정하세요: npm run jikji -- check-names NUM");
  await withDatabase(async ({ db }) => {
    const articleId = await findIdByNum(db, num);
    if (articleId === null) throw new UsageError(`번호가 ${num}인 기사가 없습니다.`);
    const people = (await articleSpellings(db, articleId)) ?? [];
    if (people.length === 0) console.log("이 기사에서 찾은 인물이 없습니다.");
    for (const p of people) console.log(formatSpellings(p));
  });
}

async function runTrainFilter(): Promise<void> {
  const started = Date.now();
  const report = await withDatabase((deps) => retrainAbuseFilter(deps));
  const { model } = report;
  console.log(
    `댓글 필터 학습 완료: 모델 #${report.modelId} (${model.hash.slice(0, 12)}), 이 신문의 결정 ${report.paperExamples}건 포함, ` +
      `학습 예문 ${Object.values(model.info.examples).reduce((a, b) => a + b, 0)}건, 보류 기준 ${model.threshold.toFixed(3)} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)}초). 실행 중인 사이트는 10초 안에 새 모델을 씁니다.`,
  );
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  backup: runBackup,
  "check-names": runCheckNames,
  import: runImport,
  export: runExport,
  reindex: runReindex,
  restore: runRestore,
  "set-password": (args) => runSetPassword(args, withDatabase),
  staff: (args) => runStaffCommand(args, withDatabase),
  "train-filter": runTrainFilter,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`알 수 없는 명령입니다: ${command}\n\n${USAGE}`);
    return 2;
  }
  try {
    await run(args);
    return 0;
  } catch (error) {
    if (error instanceof BundleInvalidError) {
      console.error(`번들에 오류가 ${error.problems.length}개 있어 아무것도 가져오지 않았습니다:`);
      for (const p of error.problems) console.error(`  ${p.path}: ${p.message}`);
    } else if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof AppError ||
      error instanceof BackupInvalidError ||
      error instanceof RestoreRefusedError ||
      error instanceof SnapshotError
    ) {
      console.error(error.message);
    } else {
      console.error("오류:", error);
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
