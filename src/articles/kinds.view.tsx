import type { ArticleLabel } from "../db/schema.ts";
import { formatKst, formatKstMinute } from "../lib/kst-time.ts";
import { can, type StaffUser } from "../staff/staff.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { EditableArticle } from "./desk.repo.ts";
import type { SeriesRow } from "./kinds.repo.ts";
import { ARTICLE_LABELS, LABEL_NAMES } from "./labels.ts";

/** What the editor's 표시·연재 panel shows of a story. */
export interface KindsPanelData {
  labels: ArticleLabel[];
  videoId: string | null;
  seriesId: number | null;
  seriesPart: number | null;
  series: Pick<SeriesRow, "id" | "key" | "title">[];
  /** the 속보 bar shows this story now */
  breakingBarUp: boolean;
  defaultEmbargoAt: string;
}

/**
 * The editor's panel for what a story is beside its text: labels (checkboxes), the 영상's YouTube
 * address, its 연재 and part; for the desk also 엠바고, the 속보 bar and 게재 중단 with a reason.
 * Plain forms: they work without JavaScript.
 */
export function KindsPanel({
  article: a,
  data,
  user,
  csrfToken,
}: {
  article: EditableArticle;
  data: KindsPanelData;
  user: StaffUser;
  csrfToken: string | undefined;
}) {
  const isDesk = can(user.role, "article.publish");
  const embargoed = a.status === "scheduled" && a.embargoUntil !== null;
  return (
    <section class="nr-panel" aria-labelledby="kinds-title">
      <h2 id="kinds-title">표시·연재</h2>
      <form method="post" action={`/newsroom/articles/${a.id}/kinds`} class="nr-inline-form nr-kinds">
        <Csrf token={csrfToken} />
        <fieldset>
          <legend>기사 표시</legend>
          {ARTICLE_LABELS.map((l) => (
            <label key={l} class="nr-check">
              <input type="checkbox" name="labels" value={l} checked={data.labels.includes(l)} />{" "}
              {LABEL_NAMES[l]}
            </label>
          ))}
        </fieldset>
        <label>
          <span>유튜브 영상 주소 (‘영상’ 표시 때)</span>
          <input
            name="video"
            maxLength={200}
            value={data.videoId ? `https://youtu.be/${data.videoId}` : ""}
            placeholder="https://youtu.be/…"
          />
        </label>
        <label>
          <span>연재</span>
          <select name="seriesId">
            <option value="">연재 아님</option>
            {data.series.map((s) => (
              <option key={s.id} value={String(s.id)} selected={s.id === data.seriesId}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>연재 회차</span>
          <input
            name="seriesPart"
            type="number"
            min={1}
            max={10000}
            value={data.seriesPart === null ? "" : String(data.seriesPart)}
          />
        </label>
        <button type="submit" class="nr-button">
          표시·연재 저장
        </button>
      </form>
      {isDesk && data.breakingBarUp ? (
        <form method="post" action={`/newsroom/articles/${a.id}/breaking/clear`}>
          <Csrf token={csrfToken} />
          <p class="nr-meta">
            이 기사가 지금 사이트 맨 위 속보 띠에 나옵니다 (발행 30분 뒤 자동으로 내려감).
          </p>
          <button type="submit" class="nr-button">
            속보 띠 내리기
          </button>
        </form>
      ) : null}
      {isDesk && embargoed ? (
        <form method="post" action={`/newsroom/articles/${a.id}/embargo/lift`}>
          <Csrf token={csrfToken} />
          <p class="nr-meta">
            엠바고: {formatKst(a.embargoUntil!)} (한국 시각)까지 독자에게 보이지 않습니다.
          </p>
          <button type="submit" class="nr-button">
            엠바고 해제
          </button>
        </form>
      ) : null}
      {isDesk && a.status !== "published" ? (
        <form method="post" action={`/newsroom/articles/${a.id}/embargo`} class="nr-inline-form">
          <Csrf token={csrfToken} />
          <label>
            <span>엠바고 (한국 시각): 그때까지 숨기고, 그때 자동 발행</span>
            <input type="datetime-local" name="until" required value={data.defaultEmbargoAt} step={60} />
          </label>
          <button type="submit" class="nr-button">
            엠바고 걸기
          </button>
        </form>
      ) : null}
      {can(user.role, "article.unpublish") && (a.status === "published" || a.status === "scheduled") ? (
        <form
          method="post"
          action={`/newsroom/articles/${a.id}/takedown`}
          class="nr-inline-form"
          data-confirm="이 기사의 게재를 중단할까요? 기사 주소는 ‘게재 중단’ 안내를 보여 줍니다."
        >
          <Csrf token={csrfToken} />
          <label>
            <span>게재 중단 사유 (예: 법원 결정, 정정 합의)</span>
            <input name="reason" required maxLength={500} />
          </label>
          <button type="submit" class="nr-button nr-button--danger">
            게재 중단
          </button>
        </form>
      ) : null}
    </section>
  );
}

type Base = Omit<NewsroomPageProps, "title" | "children">;

/** 연재 management: the list with a form per series, and a form for a new one (editors and admins). */
export function SeriesAdminPage(
  props: Base & {
    series: SeriesRow[];
    error?: string | null;
    draft?: Partial<Record<"key" | "title" | "description" | "position", string>>;
  },
) {
  const d = props.draft ?? {};
  return (
    <NewsroomLayout {...props} title="연재" active="series">
      <h1>연재</h1>
      {props.error ? (
        <p class="nr-error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.series.length === 0 ? <p class="nr-empty">아직 연재가 없습니다.</p> : null}
      {props.series.map((s) => (
        <section class="nr-panel" key={s.id} aria-labelledby={`series-${s.id}`}>
          <h2 id={`series-${s.id}`}>
            {s.title} <span class="nr-meta">({Number(s.parts ?? 0)}편)</span>
          </h2>
          <p class="nr-meta">
            주소: <a href={paths.series(s.key)}>{paths.series(s.key)}</a> · 만든 때{" "}
            {formatKstMinute(s.created_at)}
          </p>
          <form method="post" action={`/newsroom/series/${s.id}`} class="nr-form">
            <Csrf token={props.csrfToken} />
            <label>
              <span>연재 이름</span>
              <input name="title" required maxLength={200} value={s.title} />
            </label>
            <label>
              <span>설명</span>
              <textarea name="description" rows={2} maxLength={2000}>
                {s.description ?? ""}
              </textarea>
            </label>
            <label>
              <span>순서</span>
              <input name="position" type="number" value={String(s.position)} />
            </label>
            <button type="submit" class="nr-button">
              저장
            </button>
          </form>
        </section>
      ))}
      <section class="nr-panel" aria-labelledby="series-new">
        <h2 id="series-new">새 연재</h2>
        <form method="post" action="/newsroom/series" class="nr-form">
          <Csrf token={props.csrfToken} />
          <label>
            <span>연재 주소 (영문 소문자·숫자·하이픈, /series/주소)</span>
            <input name="key" required maxLength={60} pattern="[a-z0-9-]+" value={d.key ?? ""} />
          </label>
          <label>
            <span>연재 이름</span>
            <input name="title" required maxLength={200} value={d.title ?? ""} />
          </label>
          <label>
            <span>설명</span>
            <textarea name="description" rows={2} maxLength={2000}>
              {d.description ?? ""}
            </textarea>
          </label>
          <label>
            <span>순서</span>
            <input name="position" type="number" value={d.position ?? "0"} />
          </label>
          <button type="submit" class="nr-button nr-button--primary">
            연재 만들기
          </button>
        </form>
      </section>
    </NewsroomLayout>
  );
}
