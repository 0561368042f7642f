import { type Algorithm, hash, verify } from "@node-rs/argon2";

// Algorithm is an ambient const enum (not importable as a value here); 2 is its Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with 19 MiB of memory and 2 passes (OWASP's recommended minimum), tuned so one hash costs
 * tens of milliseconds: cheap for a person signing in, expensive for someone guessing offline.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified against when the account does not exist, so that a wrong
 * e-mail takes as long as a wrong password and does not reveal who works here. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("jikji-decoy-password-never-valid");
  return decoy;
}
