import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScheduledBackup } from "../../src/backup/backup.schedule.ts";
import { BackupInvalidError, verifyBackup } from "../../src/backup/backup.service.ts";
import { openDatabase } from "../../src/db/client.ts";
import { postgresProblems, sqliteProblems } from "../../src/db/snapshot.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { databaseEnv, runCommand } from "../support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { article, newsroom, photoDataUri } from "../support/factories.ts";
import { startMain, stopMain } from "../support/main-process.ts";

/** Every file under a folder with its bytes, relative paths sorted (the crops cache left out). */
async function filesUnder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    const relative = path.relative(dir, full);
    if (relative.startsWith("crops")) continue;
    out[relative] = (await fs.readFile(full)).toString("base64");
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

describe("backup and restore", () => {
  let t: TestApp;
  let work: string;
  let target: TestDatabase;
  let archive: string;
  let articleId: number;
  /** comment ids the database had acknowledged before the backup command started */
  let acknowledgedBefore: number[] = [];
  let writtenDuring = 0;

  beforeAll(async () => {
    t = await createTestApp();
    work = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-backup-test-"));
    const photo = await photoDataUri("#335577");
    const bodyPhoto = await photoDataUri("#aa7700", 320, 200);
    await t.import(
      newsroom([
        article({
          num: 10,
          leadImage: { src: photo, alt: "대체", caption: "설명", credit: "기자" },
          body: `<p>본문</p><figure><img src="${bodyPhoto}" alt="본문 사진"><figcaption>캡션</figcaption></figure>`,
        }),
      ]),
    );
    const row = await t.database.db
      .selectFrom("articles")
      .select("id")
      .where("num", "=", 10)
      .executeTakeFirstOrThrow();
    articleId = row.id;
    // A database of its own to restore into, created (and later dropped) by the test; its own
    // handle is closed so that only the restore touches it.
    target = await createTestDatabase();
    await target.close();
  });

  afterAll(async () => {
    await t.close();
    await target.destroy();
    await fs.rm(work, { recursive: true, force: true });
  });

  it("backs up while the site writes; the copy restores, passes integrity checks and holds every acknowledged row", {
    timeout: 90_000,
  }, async () => {
    const db = t.database.db;
    const acknowledged: number[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const row = await db
          .insertInto("comments")
          .values({
            article_id: articleId,
            nickname: "동시쓰기",
            body: `쓰기 ${i}`,
            status: "visible",
            password_hash: null,
            created_at: Date.now(),
            import_key: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        acknowledged.push(row.id);
        // Let the event loop run (the child's output and exit) between writes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (acknowledged.length < 50) await new Promise((resolve) => setImmediate(resolve));
    acknowledgedBefore = [...acknowledged];
    archive = path.join(work, "site.tar");
    const backup = await runCommand(["backup", archive], { env: databaseEnv(t.database) });
    writtenDuring = acknowledged.length - acknowledgedBefore.length;
    stop = true;
    await writer;
    expect(backup.stderr).toContain("백업 완료");
    expect(backup.code).toBe(0);
    expect(backup.stdout.trim()).toBe(archive);
    // The site really was writing while the copy was made.
    expect(writtenDuring).toBeGreaterThan(0);
    // Only the archive is left: the temporary file and folder are gone.
    expect(await fs.readdir(work)).toEqual(["site.tar"]);

    const manifest = await verifyBackup(archive);
    expect(manifest).toMatchObject({ format: "jikji-backup", version: 1, dialect: target.dialect.name });
    expect(manifest.migration).toBe(manifest.migrations.at(-1));
    expect(manifest.media.length).toBeGreaterThanOrEqual(4);

    const restore = await runCommand(["restore", archive], { env: databaseEnv(target) });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain("복원 완료");

    if (target.databaseUrl) expect(await postgresProblems(target.databaseUrl)).toEqual([]);
    else expect(sqliteProblems(path.join(target.dataDir, "jikji.sqlite"))).toEqual([]);
    const restored = openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 1 });
    try {
      const ids = new Set(
        (
          await restored.db.selectFrom("comments").select("id").where("nickname", "=", "동시쓰기").execute()
        ).map((r) => r.id),
      );
      expect(acknowledgedBefore.filter((id) => !ids.has(id))).toEqual([]);
      // Nothing in the copy that the site never wrote.
      const all = new Set(acknowledged);
      expect([...ids].filter((id) => !all.has(id))).toEqual([]);
      const a = await restored.db
        .selectFrom("articles")
        .select(["title", "lead_media_id"])
        .where("num", "=", 10)
        .executeTakeFirstOrThrow();
      expect(a.lead_media_id).not.toBeNull();
    } finally {
      await restored.close();
    }
    // Every photo and rendition came back byte for byte.
    expect(await filesUnder(path.join(target.dataDir, "media"))).toEqual(await filesUnder(t.mediaDir));
  });

  it("refuses to restore over a newsroom without --force, and replaces it with --force", {
    timeout: 60_000,
  }, async () => {
    const refused = await runCommand(["restore", archive], { env: databaseEnv(t.database) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("복원할 곳이 비어 있지 않습니다");
    expect(refused.stderr).toContain("--force");

    // The target restored above holds a newsroom now; change it, then put the backup back over it.
    const before = openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 1 });
    await before.db
      .insertInto("sections")
      .values({ slug: "extra", name: "나중에 생긴 섹션", parent_id: null })
      .execute();
    await before.close();
    await fs.writeFile(path.join(target.dataDir, "media", "stray.bin"), "x");
    const again = await runCommand(["restore", archive], { env: databaseEnv(target) });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("비어 있지 않습니다");

    const forced = await runCommand(["restore", archive, "--force"], { env: databaseEnv(target) });
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    const after = openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 1 });
    try {
      const extra = await after.db
        .selectFrom("sections")
        .select("id")
        .where("slug", "=", "extra")
        .executeTakeFirst();
      expect(extra).toBeUndefined();
    } finally {
      await after.close();
    }
    expect(await filesUnder(path.join(target.dataDir, "media"))).toEqual(await filesUnder(t.mediaDir));
  });

  it("refuses an archive with any one byte damaged, before touching anything", {
    timeout: 60_000,
  }, async () => {
    const bytes = await fs.readFile(archive);
    const manifest = await verifyBackup(archive);
    // Where to damage it: a header, the database, padding after it, a photo, the manifest, its
    // checksum, and the closing zero blocks.
    const manifestAt = bytes.indexOf(Buffer.from('"format": "jikji-backup"'));
    const sumAt = bytes.lastIndexOf(Buffer.from("  jikji-backup.json\n"));
    const firstPhotoAt = bytes.indexOf(Buffer.from(manifest.media[0]!.name)) + 512;
    const databaseEnd = 512 + manifest.database.bytes;
    const places = {
      header: 5,
      "header checksum": 150,
      database: 512 + 4096 + 17,
      "padding or next header": databaseEnd + 3,
      photo: firstPhotoAt + 1,
      manifest: manifestAt + 3,
      "manifest checksum": sumAt - 10,
      "closing blocks": bytes.length - 1,
    };
    for (const [place, at] of Object.entries(places)) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ 0x01;
      const file = path.join(work, `damaged-${place.replaceAll(" ", "-")}.tar`);
      await fs.writeFile(file, damaged);
      await expect(verifyBackup(file), place).rejects.toBeInstanceOf(BackupInvalidError);
    }
    const cut = path.join(work, "cut.tar");
    await fs.writeFile(cut, bytes.subarray(0, bytes.length - 2048));
    await expect(verifyBackup(cut)).rejects.toBeInstanceOf(BackupInvalidError);

    // Through the command, into an empty place: refused, and the place stays empty.
    const empty = { dataDir: path.join(work, "empty"), databaseUrl: null };
    const r = await runCommand(["restore", path.join(work, "damaged-photo.tar")], {
      env: { ...databaseEnv(empty), DATABASE_URL: target.databaseUrl ?? "" },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("손상된 파일");
    expect(r.stderr).toContain("아무것도 바꾸지 않았습니다");
    await expect(fs.access(empty.dataDir)).rejects.toThrow();
  });

  it("without pg_dump on PATH, a PostgreSQL backup fails with a clear message; SQLite needs no tools", {
    timeout: 30_000,
  }, async () => {
    const bin = path.join(work, "bin-node-only");
    await fs.mkdir(bin, { recursive: true });
    await fs.symlink(process.execPath, path.join(bin, "node")).catch(() => undefined);
    const file = path.join(work, "no-tools.tar");
    const r = await runCommand(["backup", file], { env: { ...databaseEnv(t.database), PATH: bin } });
    if (t.database.databaseUrl) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("pg_dump를 찾을 수 없습니다");
      await expect(fs.access(file)).rejects.toThrow();
    } else {
      expect(r.code).toBe(0);
      await expect(verifyBackup(file)).resolves.toMatchObject({ dialect: "sqlite" });
    }
  });

  it("scheduled backups: one archive per interval across instances, the newest BACKUP_KEEP kept", {
    timeout: 60_000,
  }, async () => {
    const hour = 3_600_000;
    let clock = Date.parse("2026-12-05T00:10:00Z");
    const instance = () =>
      runScheduledBackup({
        db: t.database.db,
        now: () => clock,
        databaseUrl: t.database.databaseUrl,
        dataDir: t.database.dataDir,
        everyMs: hour,
        keep: 2,
      });
    // Two instances check at the same moment: one of them makes the archive.
    const first = await Promise.all([instance(), instance()]);
    expect(first.filter((r) => r !== null)).toHaveLength(1);
    // The same interval again (a restart): nothing to do.
    clock += 20 * 60_000;
    expect(await instance()).toBeNull();
    for (let i = 0; i < 3; i++) {
      clock += hour;
      expect(await instance()).not.toBeNull();
    }
    const kept = (await fs.readdir(path.join(t.database.dataDir, "backups"))).sort();
    expect(kept).toEqual(["jikji-backup-20261205-113000.tar", "jikji-backup-20261205-123000.tar"]);
    const runs = await t.database.db.selectFrom("backup_runs").selectAll().orderBy("started_at").execute();
    expect(runs).toHaveLength(4);
    expect(runs.every((r) => r.error === null && r.finished_at !== null && Number(r.bytes) > 0)).toBe(true);
  });

  it("the running site backs up on its own with BACKUP_EVERY", { timeout: 90_000 }, async () => {
    const server = await startMain({ ...databaseEnv(t.database), BACKUP_EVERY: "24h", BACKUP_KEEP: "3" });
    try {
      const finished = async () =>
        t.database.db
          .selectFrom("backup_runs")
          .selectAll()
          .where("slot", "like", "86400000:%")
          .where("finished_at", "is not", null)
          .executeTakeFirst();
      const deadline = Date.now() + 60_000;
      let run = await finished();
      while (!run && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        run = await finished();
      }
      expect(run?.error ?? null).toBeNull();
      expect(run?.file).toMatch(/backups\/jikji-backup-\d{8}-\d{6}\.tar$/);
      await expect(verifyBackup(run!.file!)).resolves.toMatchObject({ dialect: t.database.dialect.name });
    } finally {
      await stopMain(server.child);
    }
  });
});
