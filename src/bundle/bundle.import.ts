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
import { type SiteImageSlot, saveSiteImageChoice } from "../site/site-images.repo.ts";
import { saveSiteSettings } from "../site/site-settings.repo.ts";
import { paths } from "../web/paths.ts";
import { type Bundle, type BundleArticle, type BundleProblem, formatProblem, parseBundle } from "./bundle.ts";

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
  const seriesList = b.series ?? [];
  duplicates(seriesList, (s) => s.key, "series", "key", problems);
  duplicates(b.policies ?? [], (p) => p.slug, "policies", "slug", problems);
  (b.policies ?? []).forEach((p, i) => {
    duplicates(p.versions, (v) => v.version, `policies[${i}].versions`, "version", problems);
  });
  duplicates(b.media ?? [], (m) => m.sha256, "media", "sha256", problems);
  const seriesKeys = new Set([
    ...(await db.selectFrom("series").select("key").execute()).map((r) => r.key),
    ...present(seriesList).map((s) => s.key),
  ]);
  const seriesParts = new Map<string, number>();
  articles.forEach((a, i) => {
    if (!a.series) return;
    if (!seriesKeys.has(a.series.key)) {
      problems.push({ path: `articles[${i}].series.key`, message: `unknown series key '${a.series.key}'` });
    }
    const slot = `${a.series.key}#${a.series.part}`;
    const first = seriesParts.get(slot);
    if (first !== undefined) {
      problems.push({
        path: `articles[${i}].series.part`,
        message: `part ${a.series.part} of '${a.series.key}' is also articles[${first}]`,
      });
    } else seriesParts.set(slot, i);
  });

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
  /** people's photos by person index */
  personPhotos: Map<number, ProcessedImage>;
  /** the paper's logo, icon and share image */
  siteImages: Map<SiteImageSlot, ProcessedImage>;
  /** library photos the bundle carries in `media[].src`, by media index */
  libraryImages: Map<number, ProcessedImage>;
  problems: BundleProblem[];
}

/**
 * Decodes and stores every photo before the transaction: lead photos, and the body photos a bundle
 * carries as data: URIs or paths beside the file, which become media like any upload.
 */
async function prepareImages(b: Bundle, deps: ImportDeps, options: ImportOptions): Promise<PreparedImages> {
  const images = new Map<number, ProcessedImage>();
  const bodyImages = new Map<string, ProcessedImage>();
  const personPhotos = new Map<number, ProcessedImage>();
  const siteImages = new Map<SiteImageSlot, ProcessedImage>();
  const libraryImages = new Map<number, ProcessedImage>();
  const problems: BundleProblem[] = [];
  const articles = b.articles ?? [];
  const jobs: { path: string; src: string; done: (image: ProcessedImage) => void }[] = [];
  for (const [field, slot] of [
    ["logo", "logo"],
    ["shareImage", "share"],
    ["icon", "icon"],
  ] as const) {
    const src = b.site?.[field];
    if (src) jobs.push({ path: `site.${field}`, src, done: (img) => siteImages.set(slot, img) });
  }
  (b.people ?? []).forEach((p, i) => {
    if (p.photo)
      jobs.push({ path: `people[${i}].photo`, src: p.photo, done: (img) => personPhotos.set(i, img) });
  });
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
  (b.media ?? []).forEach((m, i) => {
    if (!m.src) return;
    jobs.push({
      path: `media[${i}].src`,
      src: m.src,
      done: (img) => {
        if (img.sha256 !== m.sha256) throw new Error(`the photo's SHA-256 is ${img.sha256}, not ${m.sha256}`);
        libraryImages.set(i, img);
      },
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
  return { images, bodyImages, personPhotos, siteImages, libraryImages, problems };
}

/** Library entries without `src` must name a photo the bundle carries elsewhere or the library holds. */
async function checkLibraryReferences(
  db: Kysely<Database>,
  b: Bundle,
  prepared: PreparedImages,
): Promise<BundleProblem[]> {
  const carried = new Set(
    [
      ...prepared.images.values(),
      ...prepared.bodyImages.values(),
      ...prepared.personPhotos.values(),
      ...prepared.siteImages.values(),
    ].map((i) => i.sha256),
  );
  const missing = (b.media ?? []).filter((m) => !m.src && !carried.has(m.sha256)).map((m) => m.sha256);
  const stored = new Set(
    (
      await inChunks(missing, (c) =>
        db.selectFrom("media").select("sha256").where("sha256", "in", c).execute(),
      )
    ).map((r) => r.sha256),
  );
  const problems: BundleProblem[] = [];
  (b.media ?? []).forEach((m, i) => {
    if (!m.src && !carried.has(m.sha256) && !stored.has(m.sha256))
      problems.push({
        path: `media[${i}].sha256`,
        message: "no photo with this SHA-256 in the bundle or the library",
      });
  });
  return problems;
}

/**
 * A story under an embargo that has not passed is held as `scheduled` at the embargo's time, whatever
 * status the bundle gives it: the scheduler then publishes it, and no reader surface (all of which show
 * `published` only) can show it before. Re-importing after the time imports it as given.
 */
function embargoedState(
  status: BundleArticle["status"],
  publishedAt: number | null,
  embargoUntil: number | null,
  now: number,
) {
  if (embargoUntil === null || embargoUntil <= now || (status !== "published" && status !== "scheduled")) {
    return { status, publishedAt };
  }
  return { status: "scheduled" as const, publishedAt: Math.max(publishedAt ?? embargoUntil, embargoUntil) };
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
  prepared: PreparedImages,
  now: number,
  progress: (stage: string, done: number, total: number) => void,
): Promise<void> {
  const { images, bodyImages } = prepared;
  if (b.site) await saveSiteSettings(trx, b.site);
  const mediaIds = new Map<string, number>();
  /** Stores a photo in the library once (by content) and gives its id. */
  const stored = async (image: ProcessedImage): Promise<number> => {
    const known = mediaIds.get(image.sha256);
    if (known !== undefined) return known;
    const row = await upsertMedia(trx, {
      ...image,
      variants: JSON.stringify(image.variants),
      created_at: now,
    });
    mediaIds.set(image.sha256, row.id);
    return row.id;
  };
  if (prepared.siteImages.size) {
    const choice: Partial<Record<SiteImageSlot, number>> = {};
    for (const [slot, image] of prepared.siteImages) choice[slot] = await stored(image);
    await saveSiteImageChoice(trx, choice);
  }

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

  for (const [i, p] of (b.people ?? []).entries()) {
    const photo = prepared.personPhotos.get(i);
    const values = {
      // A bundle without a photo for someone (an older export, another system) keeps the one chosen here.
      ...(photo ? { photo_media_id: await stored(photo) } : {}),
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
  // In-body photos join the media library like uploads (the lead photos are stored below).
  for (const image of new Set(bodyImages.values())) await stored(image);

  // 연재 before the articles that point at them; their order is the bundle's.
  for (const [position, s] of (b.series ?? []).entries()) {
    const values = { title: s.title, description: s.description ?? null, position };
    await trx
      .insertInto("series")
      .values({ key: s.key, ...values, created_at: now })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .execute();
  }
  const seriesIds = new Map(
    (await trx.selectFrom("series").select(["id", "key"]).execute()).map((r) => [r.key, r.id]),
  );

  const articles = b.articles ?? [];
  const articleIds: number[] = [];
  for (const [i, a] of articles.entries()) {
    const image = images.get(i);
    const mediaId = image ? await stored(image) : null;
    const body = sanitizeBodyHtml(withStoredBodyImages(a.body, bodyImages));
    const { status, publishedAt } = embargoedState(a.status, ms(a.publishedAt), ms(a.embargoUntil), now);
    const values = {
      title: a.title,
      subtitle: a.subtitle || null,
      section_id: sectionIds.get(a.section)!,
      status,
      published_at: publishedAt,
      embargo_until: ms(a.embargoUntil),
      series_id: a.series ? seriesIds.get(a.series.key)! : null,
      series_part: a.series ? a.series.part : null,
      updated_at: ms(a.updatedAt),
      body_html: body,
      excerpt: makeExcerpt(paragraphText(body)),
      lead_media_id: mediaId,
      lead_alt: a.leadImage?.alt ?? null,
      lead_caption: a.leadImage?.caption ?? null,
      lead_credit: a.leadImage?.credit ?? null,
      origin: a.origin ?? "own",
      origin_source: (a.origin ?? "own") === "own" ? null : a.originSource?.trim() || null,
      correction_note: a.correction?.note ?? null,
      corrected_at: ms(a.correction?.correctedAt),
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
    await trx.deleteFrom("article_labels").where("article_id", "=", id).execute();
    if (a.labels?.length) {
      await trx
        .insertInto("article_labels")
        .values([...new Set(a.labels)].map((label) => ({ article_id: id, label })))
        .execute();
    }
    await trx.deleteFrom("article_tags").where("article_id", "=", id).execute();
    const tags = [...new Set((a.tags ?? []).map((t) => t.trim()).filter(Boolean))];
    if (tags.length) {
      await trx
        .insertInto("article_tags")
        .values(tags.map((tag, position) => ({ article_id: id, tag, position })))
        .execute();
    }
    // Published notices are a legal record (and correction requests point at them): ones already
    // here stay; the bundle's are added unless the same notice is already published.
    if (a.notices?.length) {
      const existing = await trx
        .selectFrom("article_notices")
        .select(["kind", "title", "body", "published_at"])
        .where("article_id", "=", id)
        .execute();
      const seen = new Set(existing.map((n) => JSON.stringify([n.kind, n.title, n.body, n.published_at])));
      for (const n of a.notices) {
        const publishedAt = parseIsoWithOffset(n.publishedAt)!;
        if (seen.has(JSON.stringify([n.kind, n.title, n.body, publishedAt]))) continue;
        await trx
          .insertInto("article_notices")
          .values({
            article_id: id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            published_at: publishedAt,
            published_by: null,
          })
          .execute();
      }
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

  for (const p of b.policies ?? []) {
    for (const v of p.versions) {
      const values = {
        body_html: sanitizeBodyHtml(v.body),
        effective_at: parseIsoWithOffset(v.effectiveAt)!,
      };
      await trx
        .insertInto("policy_versions")
        .values({ slug: p.slug, version: v.version, ...values, created_at: now, created_by: null })
        .onConflict((oc) => oc.columns(["slug", "version"]).doUpdateSet(values))
        .execute();
    }
  }

  // The library: photos only it holds, then what it keeps about every photo it lists.
  for (const [i, m] of (b.media ?? []).entries()) {
    const image = prepared.libraryImages.get(i);
    if (image) await stored(image);
    await trx
      .updateTable("media")
      .set({
        original_name: m.name ?? null,
        alt: m.alt ?? null,
        caption: m.caption ?? null,
        credit: m.credit ?? null,
        focus_x: m.focus?.x ?? null,
        focus_y: m.focus?.y ?? null,
      })
      .where("sha256", "=", m.sha256)
      .execute();
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
  const prepared = await prepareImages(b, deps, options);
  problems.push(...prepared.problems, ...(await checkLibraryReferences(deps.db, b, prepared)));
  if (problems.length) throw new BundleInvalidError(problems);
  const { images, bodyImages } = prepared;

  const progress = options.onProgress ?? (() => {});
  const now = deps.now();
  await deps.db.transaction().execute((trx) => writeBundle(trx, deps.dialect, b, prepared, now, progress));
  // A bundle may touch any page: sections, staff, people, articles, events.
  await deps.bus.announce([stale.everything]);
  return {
    sections: b.sections?.length ?? 0,
    staff: b.staff?.length ?? 0,
    people: b.people?.length ?? 0,
    articles: b.articles?.length ?? 0,
    comments: b.comments?.length ?? 0,
    events: b.events?.length ?? 0,
    images: new Set(
      [
        ...images.values(),
        ...bodyImages.values(),
        ...prepared.personPhotos.values(),
        ...prepared.siteImages.values(),
        ...prepared.libraryImages.values(),
      ].map((i) => i.sha256),
    ).size,
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
