import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import fs from "node:fs/promises";

/**
 * A small POSIX ustar writer and a strict reader, enough for Jikji's backup archives: regular files
 * and nothing else. The archive stays readable with `tar tf`/`tar xf`, and the reader checks every
 * byte it passes (header checksums, zero padding, the zero blocks at the end), so that together with
 * the SHA-256 of every entry a single damaged byte anywhere is noticed.
 */

const BLOCK = 512;
const CHUNK = 1024 * 1024;
/** Sizes up to 8 GiB fit the 11 octal digits; larger ones use the base-256 form GNU tar reads. */
const OCTAL_SIZE_LIMIT = 8 ** 11;

export class TarError extends Error {
  override name = "TarError";
}

export interface TarEntryDigest {
  name: string;
  bytes: number;
  sha256: string;
}

function writeString(header: Buffer, value: string, offset: number, length: number): void {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > length) throw new TarError(`name too long for a tar header: ${value}`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  header.write(`${value.toString(8).padStart(length - 1, "0")}\0`, offset, length, "ascii");
}

/** Splits a path into ustar's prefix (155 bytes) and name (100 bytes) at a slash. */
function splitName(name: string): { prefix: string; base: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: "", base: name };
  for (let i = name.lastIndexOf("/"); i > 0; i = name.lastIndexOf("/", i - 1)) {
    const prefix = name.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return { prefix, base };
  }
  throw new TarError(`name too long for a tar header: ${name}`);
}

function headerFor(name: string, size: number, mtimeSeconds: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  const { prefix, base } = splitName(name);
  writeString(header, base, 0, 100);
  writeOctal(header, 0o644, 100, 8);
  writeOctal(header, 0, 108, 8);
  writeOctal(header, 0, 116, 8);
  if (size < OCTAL_SIZE_LIMIT) writeOctal(header, size, 124, 12);
  else {
    header[124] = 0x80;
    header.writeBigUInt64BE(BigInt(size), 128);
  }
  writeOctal(header, mtimeSeconds, 136, 12);
  header.write("0", 156, "ascii");
  header.write("ustar\0", 257, "ascii");
  header.write("00", 263, "ascii");
  writeString(header, prefix, 345, 155);
  header.write("        ", 148, "ascii");
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return header;
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/** Writes entries one after another into an open file; call `finish` once at the end. */
export class TarWriter {
  private position = 0;
  constructor(
    private readonly file: FileHandle,
    private readonly mtimeSeconds: number,
  ) {}

  private async write(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.file.write(bytes, done, bytes.length - done, this.position);
      done += bytesWritten;
      this.position += bytesWritten;
    }
  }

  async addBuffer(name: string, content: Buffer): Promise<TarEntryDigest> {
    await this.write(headerFor(name, content.length, this.mtimeSeconds));
    await this.write(content);
    await this.write(Buffer.alloc(padding(content.length)));
    return { name, bytes: content.length, sha256: createHash("sha256").update(content).digest("hex") };
  }

  /** Copies a file that must not change while it is read (its size is checked against the header). */
  async addFile(name: string, source: string): Promise<TarEntryDigest> {
    const input = await fs.open(source, "r");
    try {
      const { size } = await input.stat();
      await this.write(headerFor(name, size, this.mtimeSeconds));
      const hash = createHash("sha256");
      const buffer = Buffer.alloc(CHUNK);
      let copied = 0;
      while (copied < size) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - copied), copied);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await this.write(chunk);
        copied += bytesRead;
      }
      if (copied !== size) throw new TarError(`${source} changed while it was archived`);
      await this.write(Buffer.alloc(padding(size)));
      return { name, bytes: size, sha256: hash.digest("hex") };
    } finally {
      await input.close();
    }
  }

  /** The two zero blocks that end an archive. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

function readString(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString("utf8");
}

function readSize(header: Buffer): number {
  if (header[124]! & 0x80) {
    const value = header.readBigUInt64BE(128);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarError("entry too large");
    return Number(value);
  }
  const text = readString(header, 124, 12).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarError("bad size field");
  return Number.parseInt(text, 8);
}

function checksumMatches(header: Buffer): boolean {
  const stored = readString(header, 148, 8).trim();
  if (!/^[0-7]+$/.test(stored)) return false;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum === Number.parseInt(stored, 8);
}

const isZero = (bytes: Buffer) => bytes.every((b) => b === 0);

export interface TarVisitor {
  /**
   * Called for each entry before its content; return a file path to copy the content to, or null
   * to only hash it.
   */
  entry(name: string, bytes: number): string | null | Promise<string | null>;
}

/**
 * Reads a whole archive, hashing every entry and checking every byte that is not content; throws
 * TarError at the first problem. Returns each entry's name, size and SHA-256, in archive order.
 */
export async function readTar(archive: string, visitor?: TarVisitor): Promise<TarEntryDigest[]> {
  const file = await fs.open(archive, "r");
  try {
    const { size: total } = await file.stat();
    if (total % BLOCK !== 0) throw new TarError("archive length is not a whole number of blocks");
    const entries: TarEntryDigest[] = [];
    const header = Buffer.alloc(BLOCK);
    const buffer = Buffer.alloc(CHUNK);
    let position = 0;
    const readExactly = async (target: Buffer, length: number, at: number) => {
      const { bytesRead } = await file.read(target, 0, length, at);
      if (bytesRead !== length) throw new TarError("archive ends in the middle of an entry");
    };
    for (;;) {
      if (position + BLOCK > total) throw new TarError("archive ends without its closing blocks");
      await readExactly(header, BLOCK, position);
      if (isZero(header)) break;
      if (!checksumMatches(header)) throw new TarError(`damaged header at byte ${position}`);
      if (readString(header, 257, 6) !== "ustar" || header.toString("ascii", 156, 157) !== "0")
        throw new TarError(`unexpected entry type at byte ${position}`);
      const prefix = readString(header, 345, 155);
      const base = readString(header, 0, 100);
      const name = prefix ? `${prefix}/${base}` : base;
      const size = readSize(header);
      position += BLOCK;
      if (position + size + padding(size) > total) throw new TarError(`entry ${name} is cut short`);
      const target = visitor ? await visitor.entry(name, size) : null;
      const out = target ? await fs.open(target, "wx") : null;
      const hash = createHash("sha256");
      try {
        let done = 0;
        while (done < size) {
          const length = Math.min(CHUNK, size - done);
          await readExactly(buffer, length, position + done);
          const chunk = buffer.subarray(0, length);
          hash.update(chunk);
          if (out) await out.write(chunk);
          done += length;
        }
        if (out) await out.sync();
      } finally {
        await out?.close();
      }
      position += size;
      const pad = padding(size);
      if (pad) {
        const padBytes = Buffer.alloc(pad);
        await readExactly(padBytes, pad, position);
        if (!isZero(padBytes)) throw new TarError(`damaged padding after ${name}`);
        position += pad;
      }
      entries.push({ name, bytes: size, sha256: hash.digest("hex") });
    }
    // The first zero block was read; everything after it (the second block and any record padding
    // `tar` adds) must be zeros too.
    position += BLOCK;
    if (position + BLOCK > total) throw new TarError("archive ends without its closing blocks");
    while (position < total) {
      const length = Math.min(CHUNK, total - position);
      await readExactly(buffer, length, position);
      if (!isZero(buffer.subarray(0, length))) throw new TarError("damaged bytes after the last entry");
      position += length;
    }
    return entries;
  } finally {
    await file.close();
  }
}
