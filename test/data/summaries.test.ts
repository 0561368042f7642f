import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refreshSummaries } from "../../src/articles/summary.service.ts";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { createLocalBus } from "../../src/lib/invalidation-bus.ts";
import { NOW } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { article, newsroom } from "../support/factories.ts";

describe("refreshing stored summaries (jikji reindex)", () => {
  let d: TestDatabase;
  beforeEach(async () => {
    d = await createTestDatabase();
  });
  afterEach(() => d.destroy());

  it("rewrites summaries made by the old rule from the paragraphs only, and announces it", async () => {
    const bus = createLocalBus();
    const deps = { db: d.db, dialect: d.dialect, bus, now: () => NOW };
    await importBundle(
      { ...deps, mediaDir: path.join(d.dataDir, "media") },
      newsroom([
        article({
          num: 1,
          body: "<p>▲ 공장 내부 클린룸. &lt;태성전자&gt;</p><h2>소제목</h2><p>본문이다.</p>",
        }),
        article({ num: 2, body: "<p>바뀔 것 없는 기사.</p>" }),
      ]),
      { baseDir: d.dataDir },
    );
    // what a database from before this rule holds
    await d.db
      .updateTable("articles")
      .set({ excerpt: "▲ 공장 내부 클린룸. <태성전자> 소제목 본문이다." })
      .where("num", "=", 1)
      .execute();
    const heard: string[][] = [];
    bus.subscribe((tags) => heard.push([...tags]));
    expect(await refreshSummaries(deps)).toEqual({ checked: 2, changed: 1 });
    const row = await d.db
      .selectFrom("articles")
      .select("excerpt")
      .where("num", "=", 1)
      .executeTakeFirstOrThrow();
    expect(row.excerpt).toBe("본문이다.");
    expect(heard).toEqual([["*"]]);
    // a second run finds nothing to do and says nothing
    expect(await refreshSummaries(deps)).toEqual({ checked: 2, changed: 0 });
    expect(heard).toHaveLength(1);
  });
});
