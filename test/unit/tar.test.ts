import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTar, TarError, TarWriter } from "../../src/lib/tar.ts";

const run = promisify(execFile);

describe("tar archives", () => {
  let dir: string;
  let archive: string;
  const longName = `media/${"a".repeat(60)}/${"b".repeat(64)}-1200.webp`;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jikji-tar-"));
    archive = path.join(dir, "a.tar");
    const source = path.join(dir, "source.bin");
    await fs.writeFile(source, Buffer.alloc(1500, 7));
    const file = await fs.open(archive, "w");
    const tar = new TarWriter(file, 1_780_000_000);
    await tar.addFile("database/jikji.sqlite", source);
    await tar.addBuffer(longName, Buffer.from("사진"));
    await tar.addBuffer("empty.txt", Buffer.alloc(0));
    await tar.finish();
    await file.close();
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("writes what GNU tar reads, long names included", async () => {
    const { stdout } = await run("tar", ["tf", archive]);
    expect(stdout.trim().split("\n")).toEqual(["database/jikji.sqlite", longName, "empty.txt"]);
    const out = path.join(dir, "x");
    await fs.mkdir(out);
    await run("tar", ["xf", archive, "-C", out]);
    expect(await fs.readFile(path.join(out, longName), "utf8")).toBe("사진");
  });

  it("reads back every entry with its size and SHA-256, and copies the ones asked for", async () => {
    const copy = path.join(dir, "copy.bin");
    const entries = await readTar(archive, {
      entry: (name) => (name === "database/jikji.sqlite" ? copy : null),
    });
    expect(entries.map((e) => [e.name, e.bytes])).toEqual([
      ["database/jikji.sqlite", 1500],
      [longName, 6],
      ["empty.txt", 0],
    ]);
    expect(entries[2]!.sha256).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await fs.readFile(copy)).toEqual(Buffer.alloc(1500, 7));
  });

  it("accepts the record padding tar adds (POSIX ustar), and refuses anything else after the end", async () => {
    const gnu = path.join(dir, "gnu.tar");
    await run("tar", ["--format=ustar", "-cf", gnu, "-C", dir, "source.bin"]);
    expect((await readTar(gnu)).map((e) => e.name)).toEqual(["source.bin"]);
    const bytes = await fs.readFile(archive);
    const trailing = path.join(dir, "trailing.tar");
    await fs.writeFile(trailing, Buffer.concat([bytes, Buffer.from("x".padEnd(512, "\0"))]));
    await expect(readTar(trailing)).rejects.toBeInstanceOf(TarError);
  });
});
