import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import {
  createLocalBus,
  createRedisBus,
  type InvalidationBus,
  type StaleTag,
} from "../../src/lib/invalidation-bus.ts";
import { NOW } from "../support/app.ts";
import type { TestDatabase } from "../support/database.ts";
import { article, newsroom } from "../support/factories.ts";
import { startTwoInstances, TEST_REDIS_URL, type TwoInstances } from "../support/instances.ts";
import { freePort, startRedis, stopRedis } from "../support/redis-server.ts";

/**
 * The invalidation bus: what a use case announces reaches every subscriber in its process and, on
 * Redis, every other instance (each test run on a channel of its own).
 */
const REDIS_URL = TEST_REDIS_URL;
const channel = () => `jikji-test-${process.pid}-${randomBytes(4).toString("hex")}:stale`;

/** Resolves with the next announcement a bus delivers. */
function nextAnnouncement(bus: InvalidationBus): Promise<readonly StaleTag[]> {
  return new Promise((resolve) => {
    const stop = bus.subscribe((tags) => {
      stop();
      resolve(tags);
    });
  });
}

describe("a bus in one process", () => {
  it("delivers each announcement once to every subscriber, without duplicates, and survives a throwing one", async () => {
    const bus = createLocalBus();
    const seen: (readonly StaleTag[])[] = [];
    bus.subscribe(() => {
      throw new Error("a broken subscriber");
    });
    const stop = bus.subscribe((tags) => seen.push(tags));
    await bus.announce(["article:7", "home", "article:7"]);
    await bus.announce([]);
    stop();
    await bus.announce(["home"]);
    expect(seen).toEqual([["article:7", "home"]]);
  });
});

describe("a bus shared through Redis", () => {
  let a: InvalidationBus;
  let b: InvalidationBus;
  beforeAll(async () => {
    const name = channel();
    [a, b] = await Promise.all([
      createRedisBus({ url: REDIS_URL, channel: name }),
      createRedisBus({ url: REDIS_URL, channel: name }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it("carries an announcement to the other instance, and delivers it once here", async () => {
    const here: (readonly StaleTag[])[] = [];
    a.subscribe((tags) => here.push(tags));
    const there = nextAnnouncement(b);
    await a.announce(["article:320512", "section:industry"]);
    expect(await there).toEqual(["article:320512", "section:industry"]);
    // b answering proves the message went round; a must not deliver its own echo a second time
    const back = nextAnnouncement(a);
    await b.announce(["home"]);
    expect(await back).toEqual(["home"]);
    expect(here).toEqual([["article:320512", "section:industry"], ["home"]]);
  });
});

describe("two instances of the app on one database and one Redis", () => {
  const prefix = `jikji-test-${process.pid}-${randomBytes(4).toString("hex")}:`;
  let instances: TwoInstances;
  let database: TestDatabase;
  let first: FastifyInstance;
  let other: FastifyInstance;

  beforeAll(async () => {
    instances = await startTwoInstances({ now: () => NOW, redisKeyPrefix: prefix });
    ({ database, a: first, b: other } = instances);
  });
  afterAll(() => instances.close());

  it("a write through one instance's use case is announced on the other", async () => {
    const there = nextAnnouncement(other.bus);
    await importBundle(
      {
        db: database.db,
        dialect: database.dialect,
        now: () => NOW,
        bus: first.bus,
        mediaDir: path.join(database.dataDir, "media"),
      },
      newsroom([article({ num: 9101, title: "두 서버에 알린 기사" })]),
      { baseDir: database.dataDir },
    );
    expect(await there).toEqual(["*"]);
    expect((await other.inject("/article/9101")).statusCode).toBe(200);
  });
});

describe("a Redis bus when Redis goes away and comes back", () => {
  let port: number;
  let redis: ChildProcess;
  let a: InvalidationBus;
  let b: InvalidationBus;
  const warnings: string[] = [];
  const log = { warn: (_: object, message: string) => void warnings.push(message) };

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    [a, b] = await Promise.all([
      createRedisBus({ url, channel: "stale", log }),
      createRedisBus({ url, channel: "stale", log }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await stopRedis(redis);
  });

  it("keeps announcing here while Redis is down, and reaches the other instance again once it is back", async () => {
    const there = nextAnnouncement(b);
    await a.announce(["article:1"]);
    expect(await there).toEqual(["article:1"]);

    await stopRedis(redis);
    const here: (readonly StaleTag[])[] = [];
    const stop = a.subscribe((tags) => here.push(tags));
    // A write that commits while Redis is down still tells this instance, and never fails.
    await expect(a.announce(["article:2"])).resolves.toBeUndefined();
    expect(here).toEqual([["article:2"]]);
    stop();
    expect(warnings).toContain("invalidation bus: broadcast failed");

    redis = await startRedis(port);
    const received: (readonly StaleTag[])[] = [];
    b.subscribe((tags) => received.push(tags));
    // Both connections reconnect (and the listener subscribes again) on their own: announce until
    // the other instance hears it.
    await vi.waitFor(
      async () => {
        await a.announce(["article:3"]);
        expect(received).toContainEqual(["article:3"]);
      },
      { timeout: 15_000, interval: 200 },
    );
  });
});

/**
 * Redis comes back, the listener subscribes again, and the instance shuts down before Redis has
 * answered: the SUBSCRIBE still in flight must fail into a handler, not as an unhandled rejection
 * (ioredis's own resubscription did, and failed a CI run), and close() must not wait on a Redis that
 * does not answer. A relay between the bus and Redis holds Redis's answers once it sees SUBSCRIBE.
 */
describe("a Redis bus closed while it subscribes again", () => {
  let port: number;
  let redis: ChildProcess;
  let relay: net.Server;
  let relayPort: number;
  let holdAfterSubscribe = false;
  let subscribeHeld = false;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    port = await freePort();
    relayPort = await freePort();
    redis = await startRedis(port);
    relay = net.createServer((client) => {
      const server = net.connect(port, "127.0.0.1");
      let holding = false;
      for (const s of [client, server]) {
        sockets.add(s);
        s.on("error", () => undefined);
        s.on("close", () => {
          sockets.delete(s);
          client.destroy();
          server.destroy();
        });
      }
      client.on("data", (chunk: Buffer) => {
        if (holdAfterSubscribe && /subscribe/i.test(chunk.toString("latin1"))) {
          holding = true;
          subscribeHeld = true;
        }
        server.write(chunk);
      });
      server.on("data", (chunk: Buffer) => {
        if (!holding) client.write(chunk);
      });
    });
    await new Promise<void>((resolve) => relay.listen(relayPort, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => relay.close(resolve));
    await stopRedis(redis);
  });

  it("fails the unanswered SUBSCRIBE into its handler and closes without waiting on the silent Redis", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const warnings: string[] = [];
      const bus = await createRedisBus({
        url: `redis://127.0.0.1:${relayPort}`,
        channel: "stale",
        log: { warn: (_: object, message: string) => void warnings.push(message) },
      });
      await stopRedis(redis);
      holdAfterSubscribe = true;
      redis = await startRedis(port);
      await vi.waitFor(() => expect(subscribeHeld).toBe(true), { timeout: 15_000, interval: 50 });

      const started = Date.now();
      await bus.close();
      // QUIT gets one command timeout (500 ms), then the connection is dropped.
      expect(Date.now() - started).toBeLessThan(2_000);
      // Rejections are reported after the microtasks that could have handled them.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      expect(warnings).toContain("invalidation bus: could not subscribe");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
