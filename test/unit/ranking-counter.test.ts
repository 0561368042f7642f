import type { Kysely } from "kysely";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { sqliteDialect } from "../../src/db/dialect.ts";
import type { Database } from "../../src/db/schema.ts";
import { ReadCounter } from "../../src/ranking/read-counter.ts";
import type { ReadStore } from "../../src/ranking/read-store.ts";
import type { Beacon } from "../../src/ranking/reads.ts";

const NOW = Date.parse("2026-03-20T03:00:00Z");

/** A store in memory that counts each (article, visitor) once and can be told to fail. */
function fakeStore() {
  const seen = new Set<string>();
  const calls: number[] = [];
  let failures = 0;
  let gate: Promise<void> | null = null;
  const store: ReadStore & { calls: number[]; failNext(n: number): void; hold(p: Promise<void>): void } = {
    kind: "database",
    calls,
    failNext: (n) => {
      failures = n;
    },
    hold: (p) => {
      gate = p;
    },
    async count(batch, keep) {
      calls.push(batch.length);
      if (gate) await gate;
      if (failures > 0) {
        failures--;
        throw new Error("storage is down");
      }
      let counted = 0;
      for (const b of batch) {
        const key = `${b.articleId}:${b.visitor}`;
        if (!seen.has(key) && keep(b)) counted++;
        seen.add(key);
      }
      return counted;
    },
    hasPending: () => false,
    retryPending: async () => {},
    windowScores: async () => [],
    sweep: async () => {},
  };
  return store;
}

function counter(store: ReadStore) {
  return new ReadCounter({
    db: {} as Kysely<Database>,
    dialect: sqliteDialect,
    redis: null,
    now: () => NOW,
    log: pino({ level: "silent" }),
    store,
  });
}

const beacon = (visitor: string, articleId = 1): Beacon => ({
  articleId,
  publishedAt: NOW - 3_600_000,
  visitor,
  at: NOW,
  address: "198.51.100.1",
});

describe("the read counter's buffer", () => {
  it("keeps a batch that could not be written and writes it with the next flush", async () => {
    const store = fakeStore();
    const reads = counter(store);
    reads.record(beacon("visitor-aaaaaaaaaaaa"));
    reads.record(beacon("visitor-bbbbbbbbbbbb"));
    store.failNext(1);
    await expect(reads.flush()).rejects.toThrow("storage is down");
    expect(reads.stats()).toMatchObject({ buffered: 2, counted: 0 });
    reads.record(beacon("visitor-cccccccccccc"));
    expect(await reads.flush()).toMatchObject({ beacons: 3, counted: 3 });
    expect(reads.stats()).toMatchObject({ buffered: 0, counted: 3, received: 3, dropped: 0 });
  });

  it("runs one flush at a time: a flush asked for meanwhile writes only what is left", async () => {
    const store = fakeStore();
    const reads = counter(store);
    let open!: () => void;
    store.hold(
      new Promise<void>((resolve) => {
        open = resolve;
      }),
    );
    reads.record(beacon("visitor-aaaaaaaaaaaa"));
    const first = reads.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.calls).toEqual([1]);
    // the first flush is writing (held); these arrive meanwhile
    reads.record(beacon("visitor-bbbbbbbbbbbb"));
    reads.record(beacon("visitor-cccccccccccc"));
    const second = reads.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.calls).toEqual([1]);
    open();
    expect(await first).toMatchObject({ beacons: 1 });
    expect(await second).toMatchObject({ beacons: 2 });
    expect(store.calls).toEqual([1, 2]);
  });

  it("writes what it holds when stopped", async () => {
    const store = fakeStore();
    const reads = counter(store);
    reads.record(beacon("visitor-aaaaaaaaaaaa"));
    await reads.stop();
    expect(store.calls).toEqual([1]);
    expect(reads.stats()).toMatchObject({ buffered: 0, counted: 1 });
  });

  it("does not touch storage when there is nothing to write", async () => {
    const store = fakeStore();
    const reads = counter(store);
    expect(await reads.flush()).toMatchObject({ beacons: 0, counted: 0 });
    expect(store.calls).toEqual([]);
  });
});
