import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "../../src/bundle/bundle.import.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";
import type { MediaVariant } from "../../src/media/media.ts";
import { databaseMediaStore } from "../../src/media/media-store.ts";
import { NOW, type TestApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { newsroom } from "../support/factories.ts";
import { startTwoInstances, type TwoInstances } from "../support/instances.ts";
import { multipart } from "../support/multipart.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

/**
 * Photos shared by every instance (issue 16, part 5): stored in the database (each instance keeps a
 * bounded copy on its own disk) or in one folder every instance mounts (MEDIA_DIR). A photo uploaded
 * through one instance is served by the other with the same URLs, headers and renditions.
 */
const EDITOR = { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor" as const };
const prefix = () => `jikji-test-${process.pid}-${randomBytes(4).toString("hex")}:`;

const jpeg = (width: number, height: number, color: string) =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

async function editorOnA(instances: TwoInstances): Promise<StaffClient> {
  const { database, a } = instances;
  await importBundle(
    {
      db: database.db,
      dialect: database.dialect,
      now: () => NOW,
      bus: a.bus,
      mediaDir: path.join(database.dataDir, "media"),
    },
    newsroom([], { staff: [EDITOR] }),
    { baseDir: database.dataDir },
  );
  const onA = { app: a, database } as TestApp;
  await givePasswords(onA, [EDITOR.key]);
  return signIn(onA, EDITOR.email);
}

async function uploadOn(app: FastifyInstance, client: StaffClient, data: Buffer) {
  const body = multipart({ _csrf: client.csrf, caption: "공장 전경", credit: "직지", alt: "" }, [
    { filename: "공장.jpg", type: "image/jpeg", data },
  ]);
  const res = await app.inject({
    method: "POST",
    url: "/newsroom/media",
    headers: { "content-type": body.contentType, cookie: client.cookie },
    payload: body.payload,
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
}

async function newestPhoto(instances: TwoInstances) {
  const row = await instances.database.db
    .selectFrom("media")
    .selectAll()
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return { ...row, variants: JSON.parse(row.variants) as MediaVariant[] };
}

describe("MEDIA_STORE=database: two instances, each with a folder of its own", () => {
  let instances: TwoInstances;
  let editor: StaffClient;
  let dirs: { a: string; b: string };

  beforeAll(async () => {
    const root = await fs.mkdtemp(path.join((await import("node:os")).tmpdir(), "jikji-media-"));
    dirs = { a: path.join(root, "a"), b: path.join(root, "b") };
    instances = await startTwoInstances({
      now: () => NOW,
      redisKeyPrefix: prefix(),
      redisUrl: null,
      env: (which) => ({ MEDIA_STORE: "database", MEDIA_DIR: dirs[which] }),
    });
    editor = await editorOnA(instances);
  });
  afterAll(async () => {
    await instances?.close();
    await fs.rm(path.dirname(dirs.a), { recursive: true, force: true });
  });

  it("serves a photo uploaded through A from B, original and renditions, with the same headers", async () => {
    const original = await jpeg(1600, 1000, "#2a6f97");
    await uploadOn(instances.a, editor, original);
    const photo = await newestPhoto(instances);
    expect(photo.variants.map((v) => v.width)).toEqual([480, 960, 1440, 1600]);
    // B never saw the upload: its folder has nothing until a reader asks.
    await expect(fs.access(path.join(dirs.b, photo.path))).rejects.toThrow();

    for (const app of [instances.a, instances.b]) {
      const res = await app.inject(`/media/${photo.path}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("image/jpeg");
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.rawPayload.equals(original)).toBe(true);
      for (const v of photo.variants) {
        const rendition = await app.inject(`/media/${v.path}`);
        expect(rendition.statusCode, v.path).toBe(200);
        expect(rendition.headers["content-type"]).toBe("image/webp");
        expect((await sharp(rendition.rawPayload).metadata()).width).toBe(v.width);
      }
    }
    // B now keeps its own copy, so the next reader is served from its disk.
    expect((await fs.readFile(path.join(dirs.b, photo.path))).equals(original)).toBe(true);
    const etag = (await instances.b.inject(`/media/${photo.path}`)).headers.etag as string;
    const again = await instances.b.inject({
      url: `/media/${photo.path}`,
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it("cuts crops on B from the stored original, and answers 404 for what no instance stored", async () => {
    const photo = await newestPhoto(instances);
    const crop = await instances.b.inject(`/crop/16x9/${photo.path}?f=50-50`);
    expect(crop.statusCode).toBe(200);
    expect(await sharp(crop.rawPayload).metadata()).toMatchObject({ width: 1200, height: 675 });

    const missing = `${"0".repeat(2)}/${"0".repeat(64)}.jpg`;
    for (const url of [`/media/${missing}`, "/media/../config.ts", "/media/%2e%2e/%2e%2e/etc/passwd"]) {
      const res = await instances.b.inject(url);
      expect(res.statusCode, url).toBe(404);
    }
    // a malformed escape is the router's 400, as on the disk store, never a 500
    expect((await instances.b.inject("/media/ab/%E0%A4%A.jpg")).statusCode).toBe(400);
  });

  it("a folder wiped (a new machine) fills again from the database", async () => {
    const photo = await newestPhoto(instances);
    await fs.rm(dirs.a, { recursive: true, force: true });
    await fs.mkdir(dirs.a);
    const res = await instances.a.inject(`/media/${photo.variants[0]!.path}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/webp");
  });
});

describe("the database store's local cache", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.destroy());

  it("keeps at most its bound on disk, dropping the least recently used; dropped files come back", async () => {
    const cacheDir = path.join(database.dataDir, "cache");
    const store = databaseMediaStore({ db: database.db, cacheDir, cacheBytes: 250_000, now: () => NOW });
    const file = (i: number) => `0${i}/${String(i).repeat(64)}.jpg`;
    const bytes = (i: number) => Buffer.alloc(100_000, i);
    for (const i of [1, 2]) await store.put(file(i), bytes(i));
    // Reading 1 makes 2 the least recently used, so the third file pushes out 2.
    expect((await store.read(file(1)))?.equals(bytes(1))).toBe(true);
    await store.put(file(3), bytes(3));
    expect(store.cachedBytes()).toBeLessThanOrEqual(250_000);
    const onDisk = async (i: number) =>
      fs.access(path.join(cacheDir, file(i))).then(
        () => true,
        () => false,
      );
    expect([await onDisk(1), await onDisk(2), await onDisk(3)]).toEqual([true, false, true]);
    // Still in the store: read from the database, and brought back to disk when served.
    expect((await store.read(file(2)))?.equals(bytes(2))).toBe(true);
    expect(await store.ensureLocal(file(2))).toBe(true);
    expect(await onDisk(2)).toBe(true);
    expect(store.cachedBytes()).toBeLessThanOrEqual(250_000);

    // A restart learns what the folder holds and keeps the bound.
    const restarted = databaseMediaStore({ db: database.db, cacheDir, cacheBytes: 150_000, now: () => NOW });
    await restarted.put(file(4), bytes(4));
    expect(restarted.cachedBytes()).toBeLessThanOrEqual(150_000);
    expect(await restarted.ensureLocal("../../etc/passwd")).toBe(false);
    expect(await restarted.ensureLocal(`09/${"9".repeat(64)}.jpg`)).toBe(false);
  });
});

describe("MEDIA_DIR: one folder both instances mount", () => {
  let instances: TwoInstances;
  let shared: string;

  beforeAll(async () => {
    shared = await fs.mkdtemp(path.join((await import("node:os")).tmpdir(), "jikji-shared-media-"));
    instances = await startTwoInstances({
      now: () => NOW,
      redisKeyPrefix: prefix(),
      redisUrl: null,
      env: () => ({ MEDIA_DIR: shared }),
    });
  });
  afterAll(async () => {
    await instances?.close();
    await fs.rm(shared, { recursive: true, force: true });
  });

  it("keeps uploads in MEDIA_DIR, served by both", async () => {
    const editor = await editorOnA(instances);
    const original = await jpeg(800, 600, "#9b2226");
    await uploadOn(instances.a, editor, original);
    const photo = await newestPhoto(instances);
    expect((await fs.readFile(path.join(shared, photo.path))).equals(original)).toBe(true);
    await expect(fs.access(path.join(instances.database.dataDir, "media", photo.path))).rejects.toThrow();
    const res = await instances.b.inject(`/media/${photo.path}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(original)).toBe(true);
  });

  it("refuses a media store it does not know", () => {
    expect(() => loadConfig({ MEDIA_STORE: "s3" })).toThrow(ConfigError);
    expect(() => loadConfig({ MEDIA_CACHE_MB: "0" })).toThrow(ConfigError);
    expect(loadConfig({ DATA_DIR: "/srv/jikji" }).mediaDir).toBe("/srv/jikji/media");
  });
});
