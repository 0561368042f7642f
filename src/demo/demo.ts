import type { Kysely } from "kysely";
import { type ImportReport, importBundle } from "../bundle/bundle.import.ts";
import type { Database } from "../db/schema.ts";
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
export async function loadDemoNewsroom(deps: {
  db: Kysely<Database>;
  mediaDir: string;
  now: () => number;
}): Promise<ImportReport> {
  const bundle = buildDemoBundle(new Date(deps.now()));
  const images = await Promise.all(Array.from({ length: DEMO_IMAGE_COUNT }, (_, i) => demoImageDataUri(i)));
  for (const article of bundle.articles ?? []) {
    const m = article.leadImage ? DEMO_IMAGE.exec(article.leadImage.src) : null;
    if (article.leadImage && m) article.leadImage.src = images[Number(m[1]) % images.length]!;
  }
  return importBundle(deps, bundle, { baseDir: process.cwd() });
}
