import fs from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { groupBy } from "../lib/group-by.ts";
import { parseStringList } from "../lib/json-list.ts";
import { toKstIso } from "../lib/kst-time.ts";
import { bodyMediaPaths } from "../media/body-images.ts";
import type { MediaStore } from "../media/media-store.ts";
import { getSiteImageChoice } from "../site/site-images.repo.ts";
import { getStoredSiteSettings } from "../site/site-settings.repo.ts";
import type {
  Bundle,
  BundleArticle,
  BundleComment,
  BundleEvent,
  BundleMedia,
  BundlePerson,
  BundlePolicy,
  BundleSeries,
} from "./bundle.ts";

export interface ExportDeps {
  db: Kysely<Database>;
  mediaDir: string;
  /** the configured media store (MEDIA_STORE); without it, photos are read from the folder mediaDir */
  media?: MediaStore;
}

/** Drops undefined fields so the JSON has no `"x": undefined` noise and round-trips exactly. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The order labels are listed in, whatever order they were stored in. */
const ARTICLE_LABELS = [
  "breaking",
  "exclusive",
  "feature",
  "interview",
  "photo",
  "video",
  "editorial",
  "column",
] as const;

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/**
 * The whole newsroom as a bundle: everything `importBundle` reads, so that export → import into an
 * empty database → export gives the same file. Photos travel inside it as data: URIs.
 */
export async function exportBundle(
  deps: ExportDeps,
  onProgress?: (stage: string, done: number, total: number) => void,
): Promise<Bundle> {
  const { db } = deps;
  const site = await getStoredSiteSettings(db);

  const sectionRows = await db.selectFrom("sections").selectAll().execute();
  const slugById = new Map(sectionRows.map((s) => [s.id, s.slug]));
  const sections = sectionRows
    .sort(
      (a, b) =>
        (a.parent_id === null ? 0 : 1) - (b.parent_id === null ? 0 : 1) || a.slug.localeCompare(b.slug),
    )
    .map((s) => ({ slug: s.slug, name: s.name, position: s.position }));

  const staffRows = await db.selectFrom("staff").selectAll().orderBy("key").execute();
  const staff = staffRows.map((s) =>
    compact({
      key: s.key,
      name: s.name,
      email: s.email,
      role: s.role,
      desk: opt(s.desk),
      active: s.active === 1,
    }),
  );
  const staffKeyById = new Map(staffRows.map((s) => [s.id, s.key]));

  const peopleRows = await db.selectFrom("people").selectAll().orderBy("key").execute();
  const people: BundlePerson[] = peopleRows.map((p) =>
    compact({
      key: p.key,
      num: opt(p.num),
      name: p.name,
      aliases: parseStringList(p.aliases),
      role: opt(p.role),
      organization: opt(p.organization),
      bio: opt(p.bio),
      contextWords: parseStringList(p.context_words),
    }),
  );
  const personKeyById = new Map(peopleRows.map((p) => [p.id, p.key]));

  const mediaRows = await db.selectFrom("media").selectAll().orderBy("sha256").execute();
  /** Photos some other field of the bundle carries; the library list names them by hash only. */
  const carried = new Set<number>();
  const mediaById = new Map(mediaRows.map((m) => [m.id, m]));
  const dataUris = new Map<number, string>();
  async function dataUri(mediaId: number): Promise<string> {
    carried.add(mediaId);
    const cached = dataUris.get(mediaId);
    if (cached) return cached;
    const m = mediaById.get(mediaId)!;
    const bytes = (await deps.media?.read(m.path)) ?? (await fs.readFile(path.join(deps.mediaDir, m.path)));
    const uri = `data:${m.mime};base64,${bytes.toString("base64")}`;
    dataUris.set(mediaId, uri);
    return uri;
  }

  for (const [i, p] of peopleRows.entries()) {
    if (p.photo_media_id !== null && mediaById.has(p.photo_media_id))
      people[i] = { ...people[i]!, photo: await dataUri(p.photo_media_id) };
  }
  const siteImages = await getSiteImageChoice(db);
  const siteWithImages = compact({
    ...site,
    logo: siteImages.logo ? await dataUri(siteImages.logo.mediaId) : undefined,
    shareImage: siteImages.share ? await dataUri(siteImages.share.mediaId) : undefined,
    icon: siteImages.icon ? await dataUri(siteImages.icon.mediaId) : undefined,
  });

  const mediaIdByPath = new Map(mediaRows.map((m) => [m.path, m.id]));
  /** The body with its stored photos as data: URIs, so the bundle carries them as it does lead photos. */
  async function withCarriedBodyImages(body: string): Promise<string> {
    const found = bodyMediaPaths(body).filter((p) => mediaIdByPath.has(p));
    if (!found.length) return body;
    const uris = new Map<string, string>();
    for (const p of found) uris.set(p, await dataUri(mediaIdByPath.get(p)!));
    return body.replace(/(<img\b[^>]*?\ssrc=")\/media\/([^"]+)"/gi, (whole, head: string, p: string) => {
      const uri = uris.get(p);
      return uri ? `${head}${uri}"` : whole;
    });
  }

  const articleRows = await db.selectFrom("articles").selectAll().orderBy("num").execute();
  const authorRows = await db
    .selectFrom("article_authors")
    .selectAll()
    .orderBy("article_id")
    .orderBy("position")
    .execute();
  const tagRows = await db
    .selectFrom("article_tags")
    .selectAll()
    .orderBy("article_id")
    .orderBy("position")
    .execute();
  const labelRows = await db.selectFrom("article_labels").selectAll().execute();
  const noticeRows = await db
    .selectFrom("article_notices")
    .selectAll()
    .orderBy("article_id")
    .orderBy("published_at")
    .orderBy("id")
    .execute();
  const seriesRows = await db.selectFrom("series").selectAll().orderBy("position").orderBy("key").execute();
  const seriesKeyById = new Map(seriesRows.map((r) => [r.id, r.key]));
  const authorsByArticle = groupBy(authorRows, (r) => r.article_id);
  const tagsByArticle = groupBy(tagRows, (r) => r.article_id);
  const labelsByArticle = groupBy(labelRows, (r) => r.article_id);
  const noticesByArticle = groupBy(noticeRows, (r) => r.article_id);
  const numById = new Map(articleRows.map((a) => [a.id, a.num]));
  const labelsOf = (id: number) => {
    const labels = (labelsByArticle.get(id) ?? []).map((r) => r.label);
    return labels.length ? ARTICLE_LABELS.filter((l) => labels.includes(l)) : undefined;
  };
  const noticesOf = (id: number) => {
    const rows = noticesByArticle.get(id) ?? [];
    return rows.length
      ? rows.map((n) => ({
          kind: n.kind,
          title: n.title,
          body: n.body,
          publishedAt: toKstIso(n.published_at),
        }))
      : undefined;
  };
  const articles: BundleArticle[] = [];
  for (const [i, a] of articleRows.entries()) {
    const tags = (tagsByArticle.get(a.id) ?? []).map((t) => t.tag);
    articles.push(
      compact({
        num: a.num,
        title: a.title,
        subtitle: opt(a.subtitle),
        section: slugById.get(a.section_id)!,
        authors: (authorsByArticle.get(a.id) ?? []).map((r) => staffKeyById.get(r.staff_id)!),
        status: a.status,
        publishedAt: a.published_at === null ? undefined : toKstIso(a.published_at),
        updatedAt: a.updated_at === null ? undefined : toKstIso(a.updated_at),
        body: await withCarriedBodyImages(a.body_html),
        leadImage:
          a.lead_media_id === null
            ? undefined
            : compact({
                src: await dataUri(a.lead_media_id),
                alt: opt(a.lead_alt),
                caption: opt(a.lead_caption),
                credit: opt(a.lead_credit),
              }),
        tags: tags.length ? tags : undefined,
        views: a.view_count,
        origin: a.origin === "own" ? undefined : a.origin,
        originSource: opt(a.origin_source),
        labels: labelsOf(a.id),
        series:
          a.series_id !== null && a.series_part !== null && seriesKeyById.has(a.series_id)
            ? { key: seriesKeyById.get(a.series_id)!, part: a.series_part }
            : undefined,
        embargoUntil: a.embargo_until === null ? undefined : toKstIso(a.embargo_until),
        correction: a.correction_note
          ? {
              note: a.correction_note,
              correctedAt: toKstIso(a.corrected_at ?? a.updated_at ?? a.created_at),
            }
          : undefined,
        notices: noticesOf(a.id),
      }),
    );
    onProgress?.("articles", i + 1, articleRows.length);
  }

  const commentRows = await db
    .selectFrom("comments")
    .selectAll()
    .orderBy("article_id")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const comments: BundleComment[] = commentRows.map((c) => ({
    article: numById.get(c.article_id)!,
    nickname: c.nickname,
    body: c.body,
    createdAt: toKstIso(c.created_at),
    // A comment held for moderation is, to the outside, simply not shown.
    status: c.status === "held" ? "hidden" : c.status,
  }));

  const eventRows = await db.selectFrom("events").selectAll().orderBy("starts_at").orderBy("key").execute();
  const speakerRows = await db
    .selectFrom("event_speakers")
    .selectAll()
    .orderBy("event_id")
    .orderBy("position")
    .execute();
  const speakersByEvent = groupBy(speakerRows, (r) => r.event_id);
  const events: BundleEvent[] = eventRows.map((e) =>
    compact({
      key: e.key,
      title: e.title,
      startsAt: toKstIso(e.starts_at),
      endsAt: e.ends_at === null ? undefined : toKstIso(e.ends_at),
      venue: opt(e.venue),
      description: opt(e.description_html),
      capacity: opt(e.capacity),
      registrationOpen: e.registration_open === 1,
      promoted: e.promoted === 1,
      speakers: (speakersByEvent.get(e.id) ?? []).map((s) => personKeyById.get(s.person_id)!),
    }),
  );

  const series: BundleSeries[] = seriesRows.map((r) =>
    compact({ key: r.key, title: r.title, description: opt(r.description) }),
  );

  const policyRows = await db
    .selectFrom("policy_versions")
    .select(["slug", "version", "body_html", "effective_at"])
    .orderBy("slug")
    .orderBy("version")
    .execute();
  const policies: BundlePolicy[] = [...groupBy(policyRows, (r) => r.slug).entries()].map(([slug, rows]) => ({
    slug: slug as BundlePolicy["slug"],
    versions: rows.map((r) => ({
      version: r.version,
      body: r.body_html,
      effectiveAt: toKstIso(r.effective_at),
    })),
  }));

  // The library last: by now `carried` holds every photo another field brought along.
  const media: BundleMedia[] = [];
  for (const m of mediaRows) {
    media.push(
      compact({
        sha256: m.sha256,
        src: carried.has(m.id) ? undefined : await dataUri(m.id),
        name: opt(m.original_name),
        alt: opt(m.alt),
        caption: opt(m.caption),
        credit: opt(m.credit),
        focus: m.focus_x === null || m.focus_y === null ? undefined : { x: m.focus_x, y: m.focus_y },
      }),
    );
  }

  return compact({
    format: "jikji-bundle" as const,
    version: 1 as const,
    site: Object.keys(siteWithImages).length ? siteWithImages : undefined,
    sections,
    staff,
    people,
    articles,
    comments,
    events,
    series: series.length ? series : undefined,
    policies: policies.length ? policies : undefined,
    media: media.length ? media : undefined,
  }) as Bundle;
}
