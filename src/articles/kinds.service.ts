import type { ArticleLabel } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { formatKst } from "../lib/kst-time.ts";
import type { StaffUser } from "../staff/staff.ts";
import { recordEvent, updateArticleIfStatus } from "./desk.repo.ts";
import {
  type Actor,
  actorId,
  assertCanEdit,
  type DeskDeps,
  ensure,
  loadForUpdate,
  writeArticle,
} from "./desk.service.ts";
import {
  clearBreakingBar,
  findKinds,
  findPartHolder,
  findSeriesById,
  findSeriesByKey,
  insertSeries,
  listLabels,
  replaceLabels,
  setEmbargo,
  updateKinds,
  updateSeries,
} from "./kinds.repo.ts";
import { LABEL_NAMES, SERIES_KEY, sortLabels } from "./labels.ts";
import { nextStatus } from "./workflow.ts";

/**
 * Use cases for what a story is beside its text: labels and kinds (속보 … 칼럼, the 영상's video),
 * its 연재, the 엠바고, the takedown and the 속보 bar. Each writes through `writeArticle`, so the
 * search index and every page that shows the story (its frame too, for a 속보) follow the write.
 */

export interface KindsInput {
  labels: ArticleLabel[];
  /** a checked YouTube id, or null */
  videoId: string | null;
  seriesId: number | null;
  seriesPart: number | null;
}

/** Sets labels, video and series together, as the editor's panel sends them. */
export async function setArticleKinds(deps: DeskDeps, actor: StaffUser, id: number, input: KindsInput) {
  const labels = sortLabels(input.labels);
  if (labels.includes("video") && !input.videoId) throw fail("video_required");
  if (input.seriesId !== null && (input.seriesPart === null || input.seriesPart < 1)) {
    throw fail("series_part_required");
  }
  const now = deps.now();
  await writeArticle(deps, id, { links: false }, async (trx) => {
    const article = await loadForUpdate(trx, id);
    assertCanEdit(actor, article);
    if (input.seriesId !== null) {
      if (!(await findSeriesById(trx, input.seriesId))) throw fail("unknown_series");
      const holder = await findPartHolder(trx, input.seriesId, input.seriesPart!, id);
      if (holder !== null) throw fail("series_part_taken", holder);
    }
    const [before, kinds] = await Promise.all([listLabels(trx, id), findKinds(trx, id)]);
    await replaceLabels(trx, id, labels);
    await updateKinds(trx, id, {
      // A story that stops being 영상 keeps no video to embed.
      video_youtube_id: labels.includes("video") ? input.videoId : null,
      series_id: input.seriesId,
      series_part: input.seriesId === null ? null : input.seriesPart,
    });
    const changed =
      before.join(",") !== labels.join(",") ||
      (kinds?.video_youtube_id ?? null) !== (labels.includes("video") ? input.videoId : null) ||
      (kinds?.series_id ?? null) !== input.seriesId ||
      (kinds?.series_part ?? null) !== (input.seriesId === null ? null : input.seriesPart);
    if (changed) {
      await recordEvent(trx, {
        articleId: id,
        staffId: actor.id,
        action: "labelled",
        from: article.status,
        to: article.status,
        note: labels.length ? labels.map((l) => LABEL_NAMES[l]).join(", ") : "표시 없음",
        at: now,
      });
    }
  });
}

/**
 * 엠바고: the story waits, invisible to every reader surface (it is `scheduled`, which none of them
 * shows), and the scheduler publishes it at `until` without anyone acting. The desk's 발행 is refused
 * until then (desk.service `publishArticle`).
 */
export async function embargoArticle(deps: DeskDeps, actor: StaffUser, id: number, until: number) {
  ensure(actor, "article.publish");
  const now = deps.now();
  if (!Number.isFinite(until) || until <= now) throw fail("embargo_in_past");
  return writeArticle(deps, id, { links: false }, async (trx) => {
    const article = await loadForUpdate(trx, id);
    const to = nextStatus("schedule", article.status);
    if (!article.title.trim()) throw fail("title_required");
    const changed = await updateArticleIfStatus(trx, id, article.status, {
      status: to,
      status_changed_at: now,
      published_at: until,
      embargo_until: until,
      desk_note: null,
    });
    if (!changed) throw fail("invalid_transition", "changed_meanwhile");
    await recordEvent(trx, {
      articleId: id,
      staffId: actor.id,
      action: "embargoed",
      from: article.status,
      to,
      note: `엠바고 ${formatKst(until)}`,
      at: now,
    });
  });
}

/** Lifts the embargo: the story stays scheduled at its time, and the desk may now publish it at once. */
export async function liftEmbargo(deps: DeskDeps, actor: StaffUser, id: number) {
  ensure(actor, "article.publish");
  const now = deps.now();
  return writeArticle(deps, id, { links: false }, async (trx) => {
    const article = await loadForUpdate(trx, id);
    if (article.embargoUntil === null) return;
    await setEmbargo(trx, id, null);
    await recordEvent(trx, {
      articleId: id,
      staffId: actor.id,
      action: "embargoed",
      from: article.status,
      to: article.status,
      note: "엠바고 해제",
      at: now,
    });
  });
}

/**
 * 게재 중단: unpublishes with the reason on record (법원 결정, 정정 합의 …). The URL then answers 410
 * Gone with a short notice instead of a 404, and the event is in the story's history.
 */
export async function takeDownArticle(deps: DeskDeps, actor: Actor, id: number, reason: string) {
  ensure(actor, "article.unpublish");
  const why = reason.trim();
  if (!why) throw fail("takedown_reason_required");
  const now = deps.now();
  return writeArticle(deps, id, { links: false }, async (trx) => {
    const article = await loadForUpdate(trx, id);
    const to = nextStatus("unpublish", article.status);
    const changed = await updateArticleIfStatus(trx, id, article.status, {
      status: to,
      status_changed_at: now,
    });
    if (!changed) throw fail("invalid_transition", "changed_meanwhile");
    await recordEvent(trx, {
      articleId: id,
      staffId: actorId(actor),
      action: "taken_down",
      from: article.status,
      to,
      note: why,
      at: now,
    });
  });
}

/** Takes the site-wide 속보 bar down before its 30 minutes are up; the label stays on the story. */
export async function clearBreaking(deps: DeskDeps, actor: StaffUser, id: number) {
  ensure(actor, "article.publish");
  const now = deps.now();
  await writeArticle(deps, id, { links: false }, async (trx) => {
    const article = await loadForUpdate(trx, id);
    await clearBreakingBar(trx, id, now);
    await recordEvent(trx, {
      articleId: id,
      staffId: actor.id,
      action: "breaking_cleared",
      from: article.status,
      to: article.status,
      note: "속보 띠 내림",
      at: now,
    });
  });
  // writeArticle announces `*` only for a public 속보; a cleared bar must come down everywhere anyway.
  await deps.bus.announce([stale.everything]);
}

// ---- series (editors and admins)

export interface SeriesInput {
  key: string;
  title: string;
  description: string | null;
  position: number;
}

function checkSeries(input: SeriesInput): SeriesInput {
  const title = input.title.trim();
  if (!title) throw fail("invalid_series", "연재 이름을 적어 주세요.");
  if ([...title].length > 200) throw fail("invalid_series", "연재 이름은 200자까지 쓸 수 있습니다.");
  const description = input.description?.trim() || null;
  if (description && [...description].length > 2000) {
    throw fail("invalid_series", "연재 설명은 2000자까지 쓸 수 있습니다.");
  }
  if (!Number.isInteger(input.position) || Math.abs(input.position) > 1_000_000) {
    throw fail("invalid_series", "순서는 정수로 적어 주세요.");
  }
  return { key: input.key.trim(), title, description, position: input.position };
}

export async function createSeries(deps: DeskDeps, actor: StaffUser, input: SeriesInput): Promise<number> {
  ensure(actor, "article.view_desk");
  const v = checkSeries(input);
  if (!SERIES_KEY.test(v.key)) {
    throw fail("invalid_series", "연재 주소는 영문 소문자, 숫자, 하이픈(-)으로 60자까지 적어 주세요.");
  }
  if (await findSeriesByKey(deps.db, v.key)) throw fail("series_key_taken", v.key);
  try {
    const id = await insertSeries(deps.db, { ...v, created_at: deps.now() });
    await deps.bus.announce([stale.series(v.key)]);
    return id;
  } catch (error) {
    if (deps.dialect.isUniqueViolation(error)) throw fail("series_key_taken", v.key);
    throw error;
  }
}

/** Edits name, description and order; the key (the URL) stays. */
export async function editSeries(
  deps: DeskDeps,
  actor: StaffUser,
  id: number,
  input: Omit<SeriesInput, "key">,
) {
  ensure(actor, "article.view_desk");
  const existing = await findSeriesById(deps.db, id);
  if (!existing) throw fail("series_not_found");
  const v = checkSeries({ ...input, key: existing.key });
  await updateSeries(deps.db, id, { title: v.title, description: v.description, position: v.position });
  // Every part's page names the series in its navigation.
  await deps.bus.announce([stale.series(existing.key)]);
}
