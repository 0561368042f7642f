import { describe, expect, it } from "vitest";
import { backupFileName, backupsToPrune, isSafeMediaPath, parseInterval } from "../../src/backup/backup.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";

describe("backup rules", () => {
  it("reads BACKUP_EVERY as minutes, hours or days, at least a minute", () => {
    expect(parseInterval("24h")).toBe(86_400_000);
    expect(parseInterval("30m")).toBe(1_800_000);
    expect(parseInterval("7d")).toBe(604_800_000);
    for (const bad of ["", "24", "0m", "1s", "1.5h", "h", "-1h", "24 hours"])
      expect(parseInterval(bad)).toBeNull();
  });

  it("configures scheduled backups: off by default, seven kept, bad values refused in Korean", () => {
    expect(loadConfig({})).toMatchObject({ backupEveryMs: null, backupKeep: 7 });
    expect(loadConfig({ BACKUP_EVERY: "6h", BACKUP_KEEP: "30" })).toMatchObject({
      backupEveryMs: 21_600_000,
      backupKeep: 30,
    });
    expect(() => loadConfig({ BACKUP_EVERY: "daily" })).toThrow(ConfigError);
    expect(() => loadConfig({ BACKUP_EVERY: "daily" })).toThrow(/BACKUP_EVERY/);
    expect(() => loadConfig({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP: 1 이상/);
  });

  it("names archives by KST time, so that names sort as times do", () => {
    const at = Date.parse("2026-12-05T00:30:05Z");
    expect(backupFileName(at)).toBe("jikji-backup-20261205-093005.tar");
    expect(backupFileName(at, 2)).toBe("jikji-backup-20261205-093005-2.tar");
  });

  it("prunes the oldest archives and nothing else", () => {
    const names = [
      "jikji-backup-20261203-090000.tar",
      "jikji-backup-20261205-090000.tar",
      "jikji-backup-20261204-090000-2.tar",
      "jikji-backup-20261204-090000.tar",
      "my-own-copy.tar",
      "jikji-backup-20261206-090000.tar.abc.tmp",
    ];
    expect(backupsToPrune(names, 2)).toEqual([
      "jikji-backup-20261203-090000.tar",
      "jikji-backup-20261204-090000.tar",
    ]);
    expect(backupsToPrune(names, 10)).toEqual([]);
  });

  it("lets media entries land only inside the media folder", () => {
    expect(isSafeMediaPath("ab/abcdef.jpg")).toBe(true);
    for (const bad of ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a\\b"])
      expect(isSafeMediaPath(bad)).toBe(false);
  });
});
