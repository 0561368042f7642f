import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { toKstLocal } from "../lib/kst-input.ts";
import { htmlToText } from "../lib/sanitize-html.ts";
import { peoplePanel } from "../people/article-people.service.ts";
import {
  findEditable,
  findEditorMedia,
  lastRevision,
  listEditorMedia,
  listEvents,
  listSectionsForEditor,
} from "./desk.repo.ts";
import type { EditorData } from "./desk.view.tsx";
import { findBreakingBar, findKinds, listLabels, listSeries } from "./kinds.repo.ts";
import type { KindsPanelData } from "./kinds.view.tsx";
import { BREAKING_BAR_MS } from "./labels.ts";
import { publishWarnings } from "./workflow.ts";

/** Photos offered in the lead-photo picker: the newest of the library. */
const EDITOR_MEDIA = 200;

/**
 * Everything the editor page shows for a story (or a new one, `id` null): the story, the sections
 * and photos to pick from, the warnings before publishing, its last revision (the base of the next
 * save), its history and the people linked in its body. Callers have checked the viewer may see it.
 */
export async function loadEditorData(
  db: Kysely<Database>,
  id: number | null,
  now: number,
  extra: Partial<EditorData> = {},
): Promise<EditorData> {
  const [sections, media] = await Promise.all([listSectionsForEditor(db), listEditorMedia(db, EDITOR_MEDIA)]);
  const article = id === null ? null : await findEditable(db, id);
  if (id !== null && !article) throw fail("article_not_found");
  const [revision, history] = article
    ? await Promise.all([lastRevision(db, article.id), listEvents(db, article.id)])
    : [undefined, []];
  const warnings = article
    ? publishWarnings({
        title: article.title,
        bodyHtml: article.bodyHtml,
        bodyText: htmlToText(article.bodyHtml),
        hasLeadPhoto: article.leadMediaId !== null,
        leadCredit: article.leadCredit,
      })
    : [];
  // The selected photo may be older than those listed; keep it selectable.
  if (article?.leadMediaId && !media.some((m) => m.id === article.leadMediaId)) {
    const m = await findEditorMedia(db, article.leadMediaId);
    if (m) media.unshift(m);
  }
  // A published story's autosaves wait as a revision until 저장 (see saveArticle): reopen on them.
  const pending =
    article?.status === "published" && revision?.kind === "autosave" && !extra.draft
      ? {
          pendingSince: revision.created_at,
          draft: {
            title: revision.title,
            subtitle: revision.subtitle ?? "",
            body: revision.body_html,
            tags: (JSON.parse(revision.tags) as string[]).join(", "),
            leadAlt: revision.lead_alt ?? "",
            leadCaption: revision.lead_caption ?? "",
            leadCredit: revision.lead_credit ?? "",
            sectionId: revision.section_id ?? undefined,
            leadMediaId: revision.lead_media_id,
          },
        }
      : {};
  return {
    article,
    sections,
    media,
    warnings,
    revisionId: revision?.id ?? null,
    history,
    defaultScheduleAt: toKstLocal(now + 3600_000),
    people: article ? await peoplePanel(db, article.id) : null,
    kinds: article ? await loadKindsPanel(db, article.id, article.num, now) : null,
    ...pending,
    ...extra,
  };
}

/** The editor's 표시·연재 panel: the story's labels, video, series and part, the series to pick from. */
async function loadKindsPanel(
  db: Kysely<Database>,
  id: number,
  num: number,
  now: number,
): Promise<KindsPanelData> {
  const [labels, kinds, series, bar] = await Promise.all([
    listLabels(db, id),
    findKinds(db, id),
    listSeries(db),
    findBreakingBar(db, now, BREAKING_BAR_MS),
  ]);
  return {
    labels,
    videoId: kinds?.video_youtube_id ?? null,
    seriesId: kinds?.series_id ?? null,
    seriesPart: kinds?.series_part ?? null,
    series: series.map((s) => ({ id: s.id, key: s.key, title: s.title })),
    breakingBarUp: bar?.num === num,
    defaultEmbargoAt: toKstLocal(now + 3600_000),
  };
}
