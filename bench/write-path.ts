import { performance } from "node:perf_hooks";
import { findEditable } from "../src/articles/desk.repo.ts";
import { publishArticle, saveArticle, unpublishArticle } from "../src/articles/desk.service.ts";
import { openDatabase } from "../src/db/client.ts";
import { createLocalBus } from "../src/lib/invalidation-bus.ts";
import { indexArticles } from "../src/search/search.repo.ts";
import type { StaffUser } from "../src/staff/staff.ts";
import type { SeededDatabase } from "./seed.ts";

/**
 * The write path on the benchmark's newsroom (`npm run bench` runs it after the pages): what a desk
 * action costs now that each one keeps the search index and person links in its transaction and
 * announces what it made stale. Each action runs on `stories` different published stories, one at a
 * time, as a desk works; the index update alone is timed apart for comparison.
 */
export interface WritePathRow {
  action: string;
  p50: number;
  p95: number;
  max: number;
  /** tags announced per action, on average */
  tags: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export async function measureWritePath(seeded: SeededDatabase, stories = 100): Promise<WritePathRow[]> {
  const handle = openDatabase({ databaseUrl: seeded.databaseUrl, dataDir: seeded.dataDir, poolSize: 2 });
  const bus = createLocalBus();
  let announced = 0;
  bus.subscribe((tags) => {
    announced += tags.length;
  });
  const deps = { db: handle.db, dialect: handle.dialect, now: Date.now, bus };
  try {
    const staff = await handle.db
      .selectFrom("staff")
      .select(["id", "key", "name", "email", "desk"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const desk: StaffUser = { ...staff, role: "admin" };
    const nums = seeded.publishedNums.slice(0, stories);
    const ids: number[] = [];
    for (const num of nums) {
      const row = await handle.db
        .selectFrom("articles")
        .select("id")
        .where("num", "=", num)
        .executeTakeFirst();
      if (row) ids.push(row.id);
    }
    const rows: WritePathRow[] = [];
    const time = async (action: string, run: (id: number) => Promise<unknown>) => {
      const ms: number[] = [];
      announced = 0;
      for (const id of ids) {
        const started = performance.now();
        await run(id);
        ms.push(performance.now() - started);
      }
      ms.sort((a, b) => a - b);
      rows.push({
        action,
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
        max: ms.at(-1)!,
        tags: announced / ids.length,
      });
    };
    await time("search index of one story (alone, for comparison)", (id) =>
      handle.db.transaction().execute((trx) => indexArticles(trx, handle.dialect, [id])),
    );
    await time("save a published story (correction)", async (id) => {
      const a = (await findEditable(handle.db, id))!;
      await saveArticle(
        deps,
        desk,
        id,
        {
          title: a.title,
          subtitle: a.subtitle,
          sectionId: a.sectionId,
          bodyHtml: `${a.bodyHtml}<p>덧붙임.</p>`,
          tags: a.tags,
          leadMediaId: a.leadMediaId,
          leadAlt: a.leadAlt,
          leadCaption: a.leadCaption,
          leadCredit: a.leadCredit,
        },
        { kind: "save", correctionNote: "벤치마크 정정" },
      );
    });
    await time("unpublish", (id) => unpublishArticle(deps, desk, id));
    await time("publish again", (id) => publishArticle(deps, desk, id));
    return rows;
  } finally {
    await bus.close();
    await handle.close();
  }
}
