import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Kysely, Transaction } from "kysely";
import { makeExcerpt } from "../articles/article.ts";
import type { Dialect } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import { AppError, fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { parseIsoWithOffset } from "../lib/kst-time.ts";
import { unwrapLeakedLinks } from "../lib/plain-text.ts";
import { paragraphText, sanitizeBodyHtml } from "../lib/sanitize-html.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { upsertMedia } from "../media/media.repo.ts";
import { type ProcessedImage, processImage } from "../media/media.service.ts";
import type { MediaStore } from "../media/media-store.ts";
import { refreshManyArticlePeople } from "../people/article-people.service.ts";
import { indexImported } from "../search/search.repo.ts";
import { saveSiteSettings } from "../site/site-settings.repo.ts";
import { paths } from "../web/paths.ts";
import { type Bundle, type BundleProblem, formatProblem, parseBundle } from "./bundle.ts";

export interface ImportDeps extends UseCaseDeps {
  mediaDir: string;
  /** the configured media store (MEDIA_STORE); without it, photos go to the folder mediaDir */
  media?: MediaStore;
}

export interface ImportOptions {
  /** directory that relative image paths are resolved against (the bundle file's folder) */
  baseDir: string;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface ImportReport {
  sections: number;
  staff: number;
  people: number;
  articles: number;
  comments: number;
  events: number;
  images: number;
  /** plain-text fields whose leaked `<a …>X</a>` was unwrapped to `X`, by JSON path */
  repairedTitles: RepairedTitle[];
}

export interface RepairedTitle {
  path: string;
  before: string;
  after: string;
}

/**
 * Titles and subtitles are plain text; the old system leaked links into some. Unwraps those (the one
 * repair the importer makes) and lists each, so the report can name every title it changed.
 */
function repairTitles(b: Bundle): RepairedTitle[] {
  const repaired: RepairedTitle[] = [];
  const repair = (path: string, before: string | undefined): string | undefined => {
    if (before === undefined) return before;
    const { text, repaired: changed } = unwrapLeakedLinks(before);
    if (changed) repaired.push({ path, before, after: text });
    return text;
  };
  (b.articles ?? []).forEach((a, i) => {
    a.title = repair(`articles[${i}].title`, a.title)!;
    a.subtitle = repair(`articles[${i}].subtitle`, a.subtitle);
  });
  (b.events ?? []).forEach((e, i) => {
    e.title = repair(`events[${i}].title`, e.title)!;
  });
  return repaired;
}

/** The bundle was refused; nothing was written. `problems` name every error with its JSON path. */
export class BundleInvalidError extends AppError {
  constructor(readonly problems: BundleProblem[]) {
    super(
      "bundle_invalid",
      400,
      `번들에 오류가 ${problems.length}개 있어 아무것도 가져오지 않았습니다.\n${problems.map(formatProblem).join("\n")}`,
    );
  }
}

const CHUNK = 500;

async function inChunks<T, R>(items: readonly T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}

function duplicates<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number | undefined,
  where: string,
  field: string,
  problems: BundleProblem[],
) {
  const seen = new Map<string | number, number>();
  items.forEach((item, i) => {
    const k = keyOf(item);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first !== undefined)
      problems.push({
        path: `${where}[${i}].${field}`,
        message: `duplicate ${field} '${k}' (also ${where}[${first}])`,
      });
    else seen.set(k, i);
  });
}

/** Checks what the schema cannot: references, duplicates, number collisions, required times. */
async function checkReferences(db: Kysely<Database>, b: Bundle): Promise<BundleProblem[]> {
  const problems: BundleProblem[] = [];
  // Lists may be sparse (see parseBundle): forEach skips the holes and keeps indexes for paths;
  // `present` gives the dense list for building sets.
  const sections = b.sections ?? [];
  const staff = b.staff ?? [];
  const people = b.people ?? [];
  const articles = b.articles ?? [];
  const comments = b.comments ?? [];
  const events = b.events ?? [];
  const present = <T>(list: T[]): T[] => list.filter(() => true);

  duplicates(sections, (s) => s.slug, "sections", "slug", problems);
  duplicates(staff, (s) => s.key, "staff", "key", problems);
  duplicates(staff, (s) => s.email.toLowerCase(), "staff", "email", problems);
  duplicates(people, (p) => p.key, "people", "key", problems);
  duplicates(people, (p) => p.num, "people", "num", problems);
  duplicates(articles, (a) => a.num, "articles", "num", problems);
  duplicates(events, (e) => e.key, "events", "key", problems);

  const dbSlugs = new Set((await db.selectFrom("sections").select("slug").execute()).map((r) => r.slug));
  const slugs = new Set([...dbSlugs, ...present(sections).map((s) => s.slug)]);
  sections.forEach((s, i) => {
    const parent = s.slug.includes("/") ? s.slug.split("/")[0]! : null;
    if (parent && !slugs.has(parent))
      problems.push({ path: `sections[${i}].slug`, message: `parent section '${parent}' does not exist` });
  });

  const staffKeys = present(staff).map((s) => s.key);
  const dbStaff = await db.selectFrom("staff").select(["key", "email"]).execute();
  const staffByEmail = new Map(dbStaff.map((s) => [s.email.toLowerCase(), s.key]));
  const allStaffKeys = new Set([...dbStaff.map((s) => s.key), ...staffKeys]);
  staff.forEach((s, i) => {
    const owner = staffByEmail.get(s.email.toLowerCase());
    if (owner !== undefined && owner !== s.key) {
      problems.push({
        path: `staff[${i}].email`,
        message: `e-mail '${s.email}' already belongs to staff '${owner}'`,
      });
    }
  });

  const peopleKeys = new Set([
    ...(await db.selectFrom("people").select("key").execute()).map((r) => r.key),
    ...present(people).map((p) => p.key),
  ]);

  // Article and people numbers share one namespace: /BP?…&num=N must name exactly one thing. A
  // person's number after the import is the bundle's when the bundle lists them, else the stored one.
  const bundlePeopleKeys = new Set(present(people).map((p) => p.key));
  const personNums = people.flatMap((p) => (p.num === undefined ? [] : [p.num]));
  const articleNums = present(articles).map((a) => a.num);
  const bundleArticleNums = new Set(articleNums);
  const finalPersonByNum = new Map<number, string>();
  const storedPeople = await inChunks([...new Set([...articleNums, ...personNums])], (c) =>
    db.selectFrom("people").select(["key", "num"]).where("num", "in", c).execute(),
  );
  for (const r of storedPeople) if (!bundlePeopleKeys.has(r.key)) finalPersonByNum.set(r.num!, r.key);
  const storedArticleNums = new Set(
    (
      await inChunks(personNums, (c) =>
        db.selectFrom("articles").select("num").where("num", "in", c).execute(),
      )
    ).map((r) => r.num),
  );
  people.forEach((p, i) => {
    if (p.num === undefined) return;
    const other = finalPersonByNum.get(p.num);
    if (other !== undefined)
      problems.push({
        path: `people[${i}].num`,
        message: `number ${p.num} already belongs to person '${other}'`,
      });
    if (bundleArticleNums.has(p.num) || storedArticleNums.has(p.num)) {
      problems.push({ path: `people[${i}].num`, message: `number ${p.num} is already an article's number` });
    }
  });
  for (const p of present(people))
    if (p.num !== undefined && !finalPersonByNum.has(p.num)) finalPersonByNum.set(p.num, p.key);

  articles.forEach((a, i) => {
    const at = `articles[${i}]`;
    if (!slugs.has(a.section))
      problems.push({ path: `${at}.section`, message: `unknown section '${a.section}'` });
    a.authors.forEach((k, j) => {
      if (!allStaffKeys.has(k))
        problems.push({ path: `${at}.authors[${j}]`, message: `unknown staff key '${k}'` });
    });
    if ((a.status === "published" || a.status === "scheduled") && !a.publishedAt) {
      problems.push({ path: `${at}.publishedAt`, message: `required when status is '${a.status}'` });
    }
    if (
      a.publishedAt &&
      a.updatedAt &&
      parseIsoWithOffset(a.updatedAt)! < parseIsoWithOffset(a.publishedAt)!
    ) {
      problems.push({ path: `${at}.updatedAt`, message: "is earlier than publishedAt" });
    }
    const owner = finalPersonByNum.get(a.num);
    if (owner !== undefined)
      problems.push({ path: `${at}.num`, message: `number ${a.num} is already person '${owner}'` });
  });

  const commentNums = [...new Set(present(comments).map((c) => c.article))].filter(
    (n) => !bundleArticleNums.has(n),
  );
  const dbArticleNums = new Set(
    (
      await inChunks(commentNums, (c) =>
        db.selectFrom("articles").select("num").where("num", "in", c).execute(),
      )
    ).map((r) => r.num),
  );
  comments.forEach((c, i) => {
    if (!bundleArticleNums.has(c.article) && !dbArticleNums.has(c.article)) {
      problems.push({ path: `comments[${i}].article`, message: `unknown article ${c.article}` });
    }
  });

  events.forEach((e, i) => {
    (e.speakers ?? []).forEach((k, j) => {
      if (!peopleKeys.has(k))
        problems.push({ path: `events[${i}].speakers[${j}]`, message: `unknown person key '${k}'` });
    });
    if (e.endsAt && parseIsoWithOffset(e.endsAt)! < parseIsoWithOffset(e.startsAt)!) {
      problems.push({ path: `events[${i}].endsAt`, message: "is earlier than startsAt" });
    }
  });
  return problems;
}

const DATA_URI = /^data:(image\/[a-z0-9.+-]+)?(;base64)?,(.*)$/is;

async function readImageSource(src: string, baseDir: string): Promise<Buffer> {
  const m = DATA_URI.exec(src);
  if (m) {
    if (!m[2]) throw new Error("data: URIs must be base64");
    return Buffer.from(m[3]!, "base64");
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(src))
    throw new Error("expected a path relative to the bundle file or a data: URI");
  const root = path.resolve(baseDir);
  const file = path.resolve(root, src);
  // A bundle may only read files beside it, never elsewhere on the machine.
  if (file !== root && !file.startsWith(root + path.sep)) throw new Error("path leaves the bundle's folder");
  return fs.readFile(file).catch(() => {
    throw new Error(`cannot read file '${src}'`);
  });
}

/** An `<img>` in a bundle body, with its src in whichever quoting the HTML used. */
const BODY_IMG = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*>/gi;

/** The srcs of a body's photos that the bundle carries (data: URIs and paths beside the file). */
function carriedBodyImageSources(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(BODY_IMG)) {
    const src = (m[1] ?? m[2] ?? m[3] ?? "").trim();
    // photos on the web or already in our media store are linked as they are
    if (src && !/^(https?:|\/\/|\/media\/)/i.test(src)) out.push(src);
  }
  return [...new Set(out)];
}

/** A body with each carried photo's src replaced by its stored media path; other srcs untouched. */
function withStoredBodyImages(body: string, stored: ReadonlyMap<string, ProcessedImage>): string {
  if (!stored.size) return body;
  return body.replace(
    BODY_IMG,
    (tag, dq: string | undefined, sq: string | undefined, bare: string | undefined) => {
      const src = (dq ?? sq ?? bare ?? "").trim();
      const image = stored.get(src);
      if (!image) return tag;
      return tag.replace(dq ?? sq ?? bare ?? "", paths.media(image.path));
    },
  );
}

interface PreparedImages {
  /** lead photos by article index */
  images: Map<number, ProcessedImage>;
  /** in-body photos by their src as written in the bundle */
  bodyImages: Map<string, ProcessedImage>;
  problems: BundleProblem[];
}

/**
 * Decodes and stores every photo before the transaction: lead photos, and the body photos a bundle
 * carries as data: URIs or paths beside the file, which become media like any upload.
 */
async function prepareImages(b: Bundle, deps: ImportDeps, options: ImportOptions): Promise<PreparedImages> {
  const images = new Map<number, ProcessedImage>();
  const bodyImages = new Map<string, ProcessedImage>();
  const problems: BundleProblem[] = [];
  const articles = b.articles ?? [];
  const jobs: { path: string; src: string; done: (image: ProcessedImage) => void }[] = [];
  articles.forEach((a, i) => {
    if (a.leadImage) {
      jobs.push({
        path: `articles[${i}].leadImage.src`,
        src: a.leadImage.src,
        done: (img) => images.set(i, img),
      });
    }
    carriedBodyImageSources(a.body).forEach((src, n) => {
      jobs.push({
        path: `articles[${i}].body (photo ${n + 1})`,
        src,
        done: (img) => bodyImages.set(src, img),
      });
    });
  });
  const bySource = new Map<string, Promise<ProcessedImage>>();
  let done = 0;
  for (const job of jobs) {
    try {
      let pending = bySource.get(job.src);
      if (!pending) {
        pending = readImageSource(job.src, options.baseDir).then((data) =>
          processImage(deps.media ?? deps.mediaDir, data),
        );
        bySource.set(job.src, pending);
      }
      job.done(await pending);
    } catch (error) {
      problems.push({ path: job.path, message: error instanceof Error ? error.message : String(error) });
    }
    options.onProgress?.("images", ++done, jobs.length);
  }
  return { images, bodyImages, problems };
}

function ms(iso: string | undefined): number | null {
  return iso === undefined ? null : parseIsoWithOffset(iso);
}

/** A stable identity for an imported comment, since comments have no key of their own in a bundle. */
function commentImportKey(c: { article: number; nickname: string; createdAt: string; body: string }): string {
  return createHash("sha256")
    .update(JSON.stringify([c.article, c.nickname, parseIsoWithOffset(c.createdAt), c.body]))
    .digest("hex");
}

async function writeBundle(
  trx: Transaction<Database>,
  dialect: Dialect,
  b: Bundle,
  images: Map<number, ProcessedImage>,
  bodyImages: Map<string, ProcessedImage>,
  now: number,
  progress: (stage: string, done: number, total: number) => void,
): Promise<void> {
  if (b.site) await saveSiteSettings(trx, b.site);

  // Parents before children, whatever order the file lists them in.
  const sections = [...(b.sections ?? [])].sort(
    (x, y) => x.slug.split("/").length - y.slug.split("/").length,
  );
  for (const s of sections) {
    const parentSlug = s.slug.includes("/") ? s.slug.split("/")[0]! : null;
    const parent = parentSlug
      ? await trx.selectFrom("sections").select("id").where("slug", "=", parentSlug).executeTakeFirstOrThrow()
      : null;
    const values = { name: s.name, position: s.position ?? 0, parent_id: parent?.id ?? null };
    await trx
      .insertInto("sections")
      .values({ slug: s.slug, ...values })
      .onConflict((oc) => oc.column("slug").doUpdateSet(values))
      .execute();
  }

  for (const s of b.staff ?? []) {
    const values = {
      name: s.name,
      email: s.email,
      role: s.role,
      desk: s.desk ?? null,
      active: s.active === false ? 0 : 1,
    };
    await trx
      .insertInto("staff")
      .values({ key: s.key, ...values, created_at: now })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .execute();
  }

  for (const p of b.people ?? []) {
    const values = {
      num: p.num ?? null,
      name: p.name,
      aliases: JSON.stringify(p.aliases ?? []),
      role: p.role ?? null,
      organization: p.organization ?? null,
      bio: p.bio ?? null,
      context_words: JSON.stringify(p.contextWords ?? []),
    };
    const existing = await trx.selectFrom("people").selectAll().where("key", "=", p.key).executeTakeFirst();
    if (!existing) {
      await trx
        .insertInto("people")
        .values({ key: p.key, ...values, created_at: now, updated_at: now })
        .execute();
    } else if (Object.entries(values).some(([k, v]) => existing[k as keyof typeof values] !== v)) {
      await trx
        .updateTable("people")
        .set({ ...values, updated_at: now })
        .where("id", "=", existing.id)
        .execute();
    }
  }

  const sectionIds = new Map(
    (await trx.selectFrom("sections").select(["id", "slug"]).execute()).map((r) => [r.slug, r.id]),
  );
  const staffIds = new Map(
    (await trx.selectFrom("staff").select(["id", "key"]).execute()).map((r) => [r.key, r.id]),
  );
  const mediaIds = new Map<string, number>();

  // In-body photos join the media library like uploads (the lead photos are stored below).
  for (const image of new Set(bodyImages.values())) {
    if (mediaIds.has(image.sha256)) continue;
    const row = await upsertMedia(trx, {
      ...image,
      variants: JSON.stringify(image.variants),
      created_at: now,
    });
    mediaIds.set(image.sha256, row.id);
  }

  const articles = b.articles ?? [];
  const articleIds: number[] = [];
  for (const [i, a] of articles.entries()) {
    const image = images.get(i);
    let mediaId: number | null = null;
    if (image) {
      mediaId = mediaIds.get(image.sha256) ?? null;
      if (mediaId === null) {
        const row = await upsertMedia(trx, {
          ...image,
          variants: JSON.stringify(image.variants),
          created_at: now,
        });
        mediaId = row.id;
        mediaIds.set(image.sha256, mediaId);
      }
    }
    const body = sanitizeBodyHtml(withStoredBodyImages(a.body, bodyImages));
    const values = {
      title: a.title,
      subtitle: a.subtitle || null,
      section_id: sectionIds.get(a.section)!,
      status: a.status,
      published_at: ms(a.publishedAt),
      updated_at: ms(a.updatedAt),
      body_html: body,
      excerpt: makeExcerpt(paragraphText(body)),
      lead_media_id: mediaId,
      lead_alt: a.leadImage?.alt ?? null,
      lead_caption: a.leadImage?.caption ?? null,
      lead_credit: a.leadImage?.credit ?? null,
    };
    const views = a.views ?? 0;
    const { id } = await trx
      .insertInto("articles")
      .values({ num: a.num, ...values, created_at: values.published_at ?? now, view_count: views })
      .onConflict((oc) =>
        oc.column("num").doUpdateSet((eb) => ({
          ...values,
          // Views counted here since the last import must not be lost by importing again.
          view_count: eb
            .case()
            .when("articles.view_count", "<", views)
            .then(views)
            .else(eb.ref("articles.view_count"))
            .end(),
        })),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    articleIds.push(id);
    await trx.deleteFrom("article_authors").where("article_id", "=", id).execute();
    await trx
      .insertInto("article_authors")
      .values(
        [...new Set(a.authors)].map((k, position) => ({
          article_id: id,
          staff_id: staffIds.get(k)!,
          position,
        })),
      )
      .execute();
    await trx.deleteFrom("article_tags").where("article_id", "=", id).execute();
    const tags = [...new Set((a.tags ?? []).map((t) => t.trim()).filter(Boolean))];
    if (tags.length) {
      await trx
        .insertInto("article_tags")
        .values(tags.map((tag, position) => ({ article_id: id, tag, position })))
        .execute();
    }
    progress("articles", i + 1, articles.length);
  }
  // In this transaction, so search shows exactly what this import publishes and nothing it pulls.
  await indexImported(trx, dialect, { articleIds, staff: b.staff ?? [], people: b.people ?? [] }, progress);
  // Person links (issue 4), in this transaction so an import never leaves articles without them.
  await refreshManyArticlePeople(trx, articleIds);

  const comments = b.comments ?? [];
  if (comments.length) {
    const nums = [...new Set(comments.map((c) => c.article))];
    const articleIds = new Map(
      (
        await inChunks(nums, (c) =>
          trx.selectFrom("articles").select(["id", "num"]).where("num", "in", c).execute(),
        )
      ).map((r) => [r.num, r.id]),
    );
    for (const [i, c] of comments.entries()) {
      const status = c.status ?? "visible";
      await trx
        .insertInto("comments")
        .values({
          article_id: articleIds.get(c.article)!,
          nickname: c.nickname,
          body: c.body,
          status,
          password_hash: null,
          created_at: parseIsoWithOffset(c.createdAt)!,
          import_key: commentImportKey(c),
        })
        .onConflict((oc) => oc.column("import_key").doUpdateSet({ status }))
        .execute();
      progress("comments", i + 1, comments.length);
    }
  }

  for (const e of b.events ?? []) {
    const values = {
      title: e.title,
      starts_at: parseIsoWithOffset(e.startsAt)!,
      ends_at: ms(e.endsAt),
      venue: e.venue ?? null,
      description_html: e.description === undefined ? null : sanitizeBodyHtml(e.description),
      capacity: e.capacity ?? null,
      registration_open: e.registrationOpen === false ? 0 : 1,
      promoted: e.promoted ? 1 : 0,
    };
    const { id } = await trx
      .insertInto("events")
      .values({ key: e.key, ...values, created_at: now })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("event_speakers").where("event_id", "=", id).execute();
    const speakers = [...new Set(e.speakers ?? [])];
    if (speakers.length) {
      const ids = new Map(
        (await trx.selectFrom("people").select(["id", "key"]).where("key", "in", speakers).execute()).map(
          (r) => [r.key, r.id],
        ),
      );
      await trx
        .insertInto("event_speakers")
        .values(speakers.map((k, position) => ({ event_id: id, person_id: ids.get(k)!, position })))
        .execute();
    }
  }
}

/**
 * Imports a bundle: validates all of it first (every problem, with its JSON path), then writes all
 * of it in one transaction, or nothing. Records are matched by key, slug or number, so importing the
 * same bundle twice leaves the newsroom as it was.
 */
export async function importBundle(
  deps: ImportDeps,
  input: unknown,
  options: ImportOptions,
): Promise<ImportReport> {
  const parsed = parseBundle(input);
  if (!parsed.bundle) {
    // Report reference problems among the records that are well-formed too, all in one go.
    const more = await checkReferences(deps.db, parsed.partial);
    throw new BundleInvalidError([
      ...parsed.problems,
      ...more.filter((p) => !parsed.problems.some((q) => q.path === p.path)),
    ]);
  }
  const b = parsed.bundle;
  const repairedTitles = repairTitles(b);
  const problems = await checkReferences(deps.db, b);
  const { images, bodyImages, problems: imageProblems } = await prepareImages(b, deps, options);
  problems.push(...imageProblems);
  if (problems.length) throw new BundleInvalidError(problems);

  const progress = options.onProgress ?? (() => {});
  const now = deps.now();
  await deps.db
    .transaction()
    .execute((trx) => writeBundle(trx, deps.dialect, b, images, bodyImages, now, progress));
  // A bundle may touch any page: sections, staff, people, articles, events.
  await deps.bus.announce([stale.everything]);
  return {
    sections: b.sections?.length ?? 0,
    staff: b.staff?.length ?? 0,
    people: b.people?.length ?? 0,
    articles: b.articles?.length ?? 0,
    comments: b.comments?.length ?? 0,
    events: b.events?.length ?? 0,
    images: new Set([...images.values(), ...bodyImages.values()].map((i) => i.sha256)).size,
    repairedTitles,
  };
}

/** Reads a bundle file, reporting a JSON syntax error as a bundle problem. */
export async function readBundleFile(file: string): Promise<unknown> {
  const text = await fs.readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw fail("bundle_unreadable", `${file} (${e.code ?? e.message})`);
  });
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BundleInvalidError([{ path: "(root)", message: `not valid JSON: ${(e as Error).message}` }]);
  }
}
