import type { Kysely } from "kysely";
import { type ImportDeps, type ImportReport, importBundle } from "../bundle/bundle.import.ts";
import type { Database } from "../db/schema.ts";
import { randomToken } from "../lib/secrets.ts";
import { setPassword } from "../staff/auth.service.ts";
import { buildDemoBundle, DEMO_IMAGE_COUNT } from "./demo-content.ts";
import { demoImageDataUri } from "./demo-images.ts";

const DEMO_IMAGE = /^demo-image:(\d+)$/;

/** True when nothing has been set up yet: no sections and no articles. */
export async function isNewsroomEmpty(db: Kysely<Database>): Promise<boolean> {
  const [sections, articles] = await Promise.all([
    db.selectFrom("sections").select("id").limit(1).executeTakeFirst(),
    db.selectFrom("articles").select("id").limit(1).executeTakeFirst(),
  ]);
  return !sections && !articles;
}

/**
 * Loads the demo newsroom through the ordinary bundle import, so the demo exercises the same path as
 * a paper's own archive. Photos are drawn on the fly and travel as data: URIs.
 */
export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  password: string;
}

export async function loadDemoNewsroom(
  deps: ImportDeps,
): Promise<ImportReport & { accounts: DemoAccount[] }> {
  const bundle = buildDemoBundle(new Date(deps.now()));
  const images = await Promise.all(Array.from({ length: DEMO_IMAGE_COUNT }, (_, i) => demoImageDataUri(i)));
  for (const article of bundle.articles ?? []) {
    const m = article.leadImage ? DEMO_IMAGE.exec(article.leadImage.src) : null;
    if (article.leadImage && m) article.leadImage.src = images[Number(m[1]) % images.length]!;
  }
  const report = await importBundle(deps, bundle, { baseDir: process.cwd() });
  // Demo staff get random passwords, shown once to whoever started the demo: nothing guessable ships.
  const accounts: DemoAccount[] = [];
  for (const s of bundle.staff ?? []) {
    const row = await deps.db
      .selectFrom("staff")
      .select("id")
      .where("key", "=", s.key)
      .executeTakeFirstOrThrow();
    const password = randomToken(9);
    await setPassword({ db: deps.db, now: deps.now }, row.id, password);
    accounts.push({ email: s.email, name: s.name, role: s.role, password });
  }
  return { ...report, accounts };
}
