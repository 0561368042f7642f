import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { keepFirstSetting } from "./secrets.repo.ts";

/**
 * Per-installation secrets (for keyed hashes of addresses and the like), made on first use and kept
 * in the database so that every instance of one site shares them. Never part of a bundle.
 */
export async function installSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
  // A secret never changes once stored (the first written wins), so each process reads it once.
  let known = secretsRead.get(db);
  if (!known) {
    known = new Map();
    secretsRead.set(db, known);
  }
  const cached = known.get(name);
  if (cached) return cached;
  const value = await keepFirstSetting(db, `secret.${name}`, randomBytes(32).toString("hex"));
  const secret = Buffer.from(value, "hex");
  known.set(name, secret);
  return secret;
}

const secretsRead = new WeakMap<Kysely<Database>, Map<string, Buffer>>();

/** A keyed hash: the same input gives the same value on this site, and nothing outside it. */
export function keyedHash(secret: Buffer, value: string): string {
  return createHmac("sha256", secret).update(value).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
