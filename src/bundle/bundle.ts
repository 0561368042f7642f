import { z } from "zod";
import { COMMENT_MAX_BYTES, koreanByteLength } from "../lib/korean-bytes.ts";
import { parseIsoWithOffset } from "../lib/kst-time.ts";

/**
 * The bundle (shared/contracts/bundle.schema.json) as a zod schema, with the limits Jikji enforces on
 * every input. The JSON schema is the contract; this file must accept exactly what it accepts, plus
 * our size limits.
 */

const dateTime = z.string().refine((v) => parseIsoWithOffset(v) !== null, {
  message: "expected an ISO 8601 date-time with an offset, e.g. 2026-03-12T14:05:30+09:00",
});
const text = (max: number) => z.string().max(max, `at most ${max} characters`);
const required = (max: number) => text(max).min(1, "must not be empty");
const url = z.url({ protocol: /^https?$/, message: "expected an http(s) URL" }).max(2000);

/** A photo carried by the bundle: a data: URI or a path relative to the bundle file. */
const photoSource = required(30_000_000);

export const SiteSchema = z.strictObject({
  name: required(100).optional(),
  dateline: text(100).optional(),
  baseUrl: url.optional(),
  youtubeUrl: url.optional(),
  logo: photoSource.optional(),
  shareImage: photoSource.optional(),
  /** Jikji's addition: the square icon (favicon, home screen) an admin picked */
  icon: photoSource.optional(),
  legal: z
    .strictObject({
      title: text(100).optional(),
      registrationNumber: text(50).optional(),
      registeredOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date, YYYY-MM-DD")
        .optional(),
      publisher: text(100).optional(),
      editors: z
        .array(z.strictObject({ name: required(100), area: text(100).optional() }))
        .max(20)
        .optional(),
      youthProtectionOfficer: z
        .strictObject({ name: required(100), contact: text(200).optional() })
        .optional(),
      address: text(300).optional(),
      phone: text(50).optional(),
      email: z.email("expected an e-mail address").max(254).optional(),
      businessNumber: text(50).optional(),
      ombudsman: text(200).optional(),
    })
    .optional(),
});

export const SectionSchema = z.strictObject({
  slug: z
    .string()
    .max(120)
    .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, "expected 'name' or 'parent/name' of a-z, 0-9 and -"),
  name: required(100),
  position: z.int().min(-1_000_000).max(1_000_000).optional(),
});

export const StaffSchema = z.strictObject({
  key: required(64),
  name: required(100),
  email: z.email("expected an e-mail address").max(254),
  role: z.enum(["reporter", "editor", "moderator", "admin"]),
  desk: text(100).optional(),
  active: z.boolean().optional(),
});

const stringList = (maxItems: number, maxLength: number) => z.array(required(maxLength)).max(maxItems);

export const PersonSchema = z.strictObject({
  key: required(64),
  num: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  name: required(100),
  aliases: stringList(50, 100).optional(),
  role: text(200).optional(),
  organization: text(200).optional(),
  bio: text(5000).optional(),
  contextWords: stringList(100, 100).optional(),
  /** Jikji's addition: the photo on the person's public page */
  photo: photoSource.optional(),
});

export const LeadImageSchema = z.strictObject({
  src: required(30_000_000),
  alt: text(500).optional(),
  caption: text(2000).optional(),
  credit: text(200).optional(),
});

export const ArticleSchema = z.strictObject({
  num: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  title: required(300),
  subtitle: text(500).optional(),
  section: z.string().max(120),
  authors: z.array(required(64)).min(1, "at least one author").max(20),
  status: z.enum(["draft", "submitted", "scheduled", "published", "unpublished"]),
  publishedAt: dateTime.optional(),
  updatedAt: dateTime.optional(),
  body: text(1_000_000),
  leadImage: LeadImageSchema.optional(),
  tags: stringList(30, 100).optional(),
  views: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** 신문법 시행령 §2: 자체 취재 unless said otherwise */
  origin: z.enum(["own", "press-release", "wire", "contribution", "translation", "sponsored"]).optional(),
  originSource: text(200).optional(),
  labels: z
    .array(z.enum(["breaking", "exclusive", "feature", "interview", "photo", "video", "editorial", "column"]))
    .max(8)
    .refine((l) => new Set(l).size === l.length, { message: "labels must not repeat" })
    .optional(),
  series: z.strictObject({ key: required(100), part: z.int().min(1).max(100_000) }).optional(),
  embargoUntil: dateTime.optional(),
  /** Jikji's addition: the 바로잡습니다 note under a corrected story, and when it was made */
  correction: z.strictObject({ note: required(2000), correctedAt: dateTime }).optional(),
  /** Jikji's addition: 정정·반론·추후보도 published at the top of the story (언론중재법 §15③) */
  notices: z
    .array(
      z.strictObject({
        kind: z.enum(["correction", "reply", "follow-up"]),
        title: required(300),
        body: required(20_000),
        publishedAt: dateTime,
      }),
    )
    .max(50)
    .optional(),
});

export const SeriesSchema = z.strictObject({
  key: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/, "expected a-z, 0-9 and -"),
  title: required(300),
  description: text(5000).optional(),
});

/** Jikji's addition: every saved version of a policy page (/policy/{slug}). */
export const PolicySchema = z.strictObject({
  slug: z.enum(["terms", "privacy", "youth", "ethics", "copyright", "no-email-harvesting"]),
  versions: z
    .array(
      z.strictObject({
        version: z.int().min(1).max(1_000_000),
        body: text(200_000),
        effectiveAt: dateTime,
      }),
    )
    .min(1)
    .max(1000),
});

const percent = z.number().min(0).max(100);

/**
 * Jikji's addition: the media library. Every photo is listed by its SHA-256 with what the library
 * keeps about it (its name, default alt/caption/credit, focal point); `src` carries the photo itself
 * when nothing else in the bundle does (a photo only in the library).
 */
export const MediaSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected the photo's SHA-256 in lower-case hex"),
  src: photoSource.optional(),
  name: text(300).optional(),
  alt: text(500).optional(),
  caption: text(2000).optional(),
  credit: text(200).optional(),
  focus: z.strictObject({ x: percent, y: percent }).optional(),
});

export const CommentSchema = z.strictObject({
  article: z.int().min(1),
  nickname: required(100),
  body: z
    .string()
    .min(1, "must not be empty")
    .refine((v) => koreanByteLength(v) <= COMMENT_MAX_BYTES, {
      message: `at most ${COMMENT_MAX_BYTES} bytes (a Hangul syllable counts 2)`,
    }),
  createdAt: dateTime,
  status: z.enum(["visible", "hidden", "deleted"]).optional(),
});

export const EventSchema = z.strictObject({
  key: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/, "expected a-z, 0-9 and -"),
  title: required(300),
  startsAt: dateTime,
  endsAt: dateTime.optional(),
  venue: text(300).optional(),
  description: text(200_000).optional(),
  capacity: z.int().min(0).max(1_000_000).optional(),
  registrationOpen: z.boolean().optional(),
  promoted: z.boolean().optional(),
  speakers: z.array(required(64)).max(100).optional(),
});

export const BundleSchema = z.strictObject({
  format: z.literal("jikji-bundle"),
  version: z.literal(1),
  site: SiteSchema.optional(),
  sections: z.array(SectionSchema).optional(),
  staff: z.array(StaffSchema).optional(),
  people: z.array(PersonSchema).optional(),
  articles: z.array(ArticleSchema).optional(),
  comments: z.array(CommentSchema).optional(),
  events: z.array(EventSchema).optional(),
  series: z.array(SeriesSchema).optional(),
  policies: z.array(PolicySchema).optional(),
  media: z.array(MediaSchema).optional(),
});

export type Bundle = z.infer<typeof BundleSchema>;
export type BundleSection = z.infer<typeof SectionSchema>;
export type BundleStaff = z.infer<typeof StaffSchema>;
export type BundlePerson = z.infer<typeof PersonSchema>;
export type BundleArticle = z.infer<typeof ArticleSchema>;
export type BundleComment = z.infer<typeof CommentSchema>;
export type BundleEvent = z.infer<typeof EventSchema>;
export type BundleSeries = z.infer<typeof SeriesSchema>;
export type BundlePolicy = z.infer<typeof PolicySchema>;
export type BundleMedia = z.infer<typeof MediaSchema>;

/** `articles[1].section` from ["articles", 1, "section"]. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(root)";
}

export interface BundleProblem {
  path: string;
  message: string;
}

export function formatProblem(p: BundleProblem): string {
  return `${p.path}: ${p.message}`;
}

const LISTS = {
  sections: SectionSchema,
  staff: StaffSchema,
  people: PersonSchema,
  articles: ArticleSchema,
  comments: CommentSchema,
  events: EventSchema,
  series: SeriesSchema,
  policies: PolicySchema,
  media: MediaSchema,
} as const;

/**
 * Structural validation; every problem, not just the first. When the bundle as a whole is invalid,
 * `partial` still holds the records that are valid on their own (at their original indexes), so that reference checks can report
 * their problems in the same run instead of one round of errors at a time.
 */
export function parseBundle(
  input: unknown,
):
  | { bundle: Bundle; partial: Bundle; problems: [] }
  | { bundle: null; partial: Bundle; problems: BundleProblem[] } {
  const result = BundleSchema.safeParse(input);
  if (result.success) return { bundle: result.data, partial: result.data, problems: [] };
  const problems = result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
  const partial: Bundle = { format: "jikji-bundle", version: 1 };
  const raw = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  for (const [name, schema] of Object.entries(LISTS) as [keyof typeof LISTS, z.ZodType][]) {
    const list = raw[name];
    if (!Array.isArray(list)) continue;
    // A sparse array: invalid records leave holes, so valid ones keep their index (and JSON path).
    const valid: unknown[] = new Array(list.length);
    list.forEach((item, i) => {
      const r = schema.safeParse(item);
      if (r.success) valid[i] = r.data;
    });
    (partial as Record<string, unknown>)[name] = valid;
  }
  return { bundle: null, partial, problems };
}
