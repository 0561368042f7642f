import { type ImportDeps, type ImportReport, importBundle } from "../bundle/bundle.import.ts";
import type { Bundle } from "../bundle/bundle.ts";
import { randomToken } from "../lib/secrets.ts";
import { setPassword } from "../staff/auth.service.ts";
import { findStaffByKey } from "../staff/staff.repo.ts";
import { buildDemoBundle, DEMO_IMAGE_COUNT } from "./demo-content.ts";
import { addDemoExtras } from "./demo-extras.ts";
import { demoImageDataUri } from "./demo-images.ts";

const DEMO_IMAGE = /^demo-image:(\d+)$/;

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  password: string;
}

/**
 * Loads the demo newsroom through the ordinary bundle import, so the demo exercises the same path as
 * a paper's own archive. Photos are drawn on the fly and travel as data: URIs.
 */
export async function loadDemoNewsroom(
  deps: ImportDeps,
): Promise<ImportReport & { accounts: DemoAccount[] }> {
  const bundle = buildDemoBundle(new Date(deps.now()));
  const images = await Promise.all(Array.from({ length: DEMO_IMAGE_COUNT }, (_, i) => demoImageDataUri(i)));
  for (const article of bundle.articles ?? []) {
    const m = article.leadImage ? DEMO_IMAGE.exec(article.leadImage.src) : null;
    if (article.leadImage && m) article.leadImage.src = images[Number(m[1]) % images.length]!;
  }
  await addDemoExtras(bundle as Bundle, deps.now());
  const report = await importBundle(deps, bundle, { baseDir: process.cwd() });
  // Demo staff get random passwords, shown once to whoever started the demo: nothing guessable ships.
  const accounts: DemoAccount[] = [];
  for (const s of bundle.staff ?? []) {
    const row = await findStaffByKey(deps.db, s.key);
    if (!row) throw new Error(`demo staff ${s.key} was not imported`);
    const password = randomToken(9);
    await setPassword({ db: deps.db, now: deps.now }, row.id, password);
    accounts.push({ email: s.email, name: s.name, role: s.role, password });
  }
  return { ...report, accounts };
}
