import type {
  ArticleLabel,
  ArticleOrigin,
  ArticleRevisionRow,
  ArticleStatus,
  MediaRow,
  SectionRow,
} from "../db/schema.ts";
import { withParticle } from "../lib/josa.ts";
import { formatKst, formatKstMinute } from "../lib/kst-time.ts";
import type { PeoplePanel } from "../people/article-people.service.ts";
import { PeoplePanelView } from "../people/article-people.view.tsx";
import { can, type StaffUser } from "../staff/staff.ts";
import type { NewsroomAlert } from "../web/newsroom/alerts.ts";
import { NewsroomAlerts } from "../web/newsroom/alerts.view.tsx";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { DeskRow, EditableArticle } from "./desk.repo.ts";
import type { EditRequestRow } from "./edit-request.repo.ts";
import { DiffTable, EditRequestsPanel, EditSafetyNotices, type LockView } from "./edit-safety.view.tsx";
import { KindsPanel, type KindsPanelData } from "./kinds.view.tsx";
import { LABEL_NAMES } from "./labels.ts";
import { ORIGIN_LABELS, ORIGIN_SOURCE_MAX, ORIGINS } from "./origin.ts";
import type { DiffRow } from "./revision-diff.ts";
import { type PublishWarning, STATUS_LABELS, TITLE_WARN_LENGTH } from "./workflow.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

export function StatusBadge({
  status,
  embargoUntil = null,
}: {
  status: ArticleStatus;
  embargoUntil?: number | null;
}) {
  // A story held by an embargo is shown as 엠바고 with its time, not as an ordinary 예약.
  if (status === "scheduled" && embargoUntil !== null) {
    return <span class="nr-status nr-status--embargo">엠바고 {formatKstMinute(embargoUntil)}</span>;
  }
  return <span class={`nr-status nr-status--${status}`}>{STATUS_LABELS[status]}</span>;
}

/** A row of a story table: the desk's lists, and the newsroom's article list with its labels. */
export type StoryTableRow = DeskRow & { labels?: readonly ArticleLabel[]; origin?: ArticleOrigin };

/**
 * The newsroom's table of stories (desk home, the article list). `selectable` adds a checkbox per
 * story named `ids`, for a bulk form around the table.
 */
export function StoryTable({
  rows,
  empty,
  timeLabel,
  time,
  selectable = false,
}: {
  rows: readonly StoryTableRow[];
  empty: string;
  timeLabel: string;
  time: (r: StoryTableRow) => number | null;
  selectable?: boolean;
}) {
  if (rows.length === 0) return empty ? <p class="nr-empty">{empty}</p> : null;
  return (
    <div class="nr-table-wrap">
      <table class="nr-table">
        <thead>
          <tr>
            {selectable ? <th scope="col">선택</th> : null}
            <th scope="col">제목</th>
            <th scope="col">기자</th>
            <th scope="col">섹션</th>
            <th scope="col">{timeLabel}</th>
            <th scope="col">상태</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const t = time(r);
            const title = r.title || "(제목 없음)";
            return (
              <tr key={r.id}>
                {selectable ? (
                  <td>
                    <input type="checkbox" name="ids" value={String(r.id)} aria-label={`${title} 선택`} />
                  </td>
                ) : null}
                <td class="nr-table__title">
                  {(r.labels ?? []).map((l) => (
                    <span key={l} class="nr-label">
                      {LABEL_NAMES[l]}
                    </span>
                  ))}
                  <a href={`/newsroom/articles/${r.id}/edit`}>{title}</a>
                  {r.origin && r.origin !== "own" ? (
                    <small class="nr-hint"> · {ORIGIN_LABELS[r.origin]}</small>
                  ) : null}
                  {r.deskNote && r.status === "draft" ? (
                    <p class="nr-desknote">데스크 메모: {r.deskNote}</p>
                  ) : null}
                </td>
                <td>{r.authorNames}</td>
                <td>{r.sectionName ?? ""}</td>
                <td>{t ? formatKstMinute(t) : ""}</td>
                <td>
                  <StatusBadge status={r.status} embargoUntil={r.embargoUntil} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function DeskHome(
  props: Base & {
    queue: DeskRow[] | null;
    drafts: DeskRow[];
    scheduled: DeskRow[] | null;
    published: DeskRow[];
    filed: DeskRow[];
    alerts?: NewsroomAlert[];
  },
) {
  const user = props.user!;
  return (
    <NewsroomLayout {...props} title="데스크" active="home">
      <div class="nr-head">
        <h1>{can(user.role, "article.view_desk") ? "데스크" : "내 기사"}</h1>
        <div class="nr-head__actions">
          {can(user.role, "frontpage.manage") ? (
            <a class="nr-button" href="/newsroom/frontpage">
              편집판
            </a>
          ) : null}
          {can(user.role, "article.create") ? (
            <a class="nr-button nr-button--primary" href="/newsroom/articles/new">
              새 기사 쓰기
            </a>
          ) : null}
        </div>
      </div>
      <NewsroomAlerts alerts={props.alerts} />
      {!can(user.role, "article.create") ? <p class="nr-empty">기사 작업 권한이 없는 계정입니다.</p> : null}
      {props.queue ? (
        <section aria-labelledby="queue">
          <h2 id="queue">
            데스크 대기열 <span class="nr-count">{props.queue.length}</span>
          </h2>
          <StoryTable
            rows={props.queue}
            empty="검토를 기다리는 기사가 없습니다."
            timeLabel="송고"
            time={(r) => r.statusChangedAt ?? r.savedAt}
          />
        </section>
      ) : null}
      {can(user.role, "article.create") ? (
        <section aria-labelledby="drafts">
          <h2 id="drafts">내 작성 중 기사</h2>
          <StoryTable
            rows={props.drafts}
            empty="작성 중인 기사가 없습니다."
            timeLabel="마지막 저장"
            time={(r) => r.savedAt}
          />
        </section>
      ) : null}
      {props.filed.length ? (
        <section aria-labelledby="filed">
          <h2 id="filed">송고한 기사</h2>
          <StoryTable rows={props.filed} empty="" timeLabel="송고" time={(r) => r.statusChangedAt} />
        </section>
      ) : null}
      {props.scheduled ? (
        <section aria-labelledby="scheduled">
          <h2 id="scheduled">예약 발행</h2>
          <StoryTable
            rows={props.scheduled}
            empty="예약된 기사가 없습니다."
            timeLabel="발행 예정"
            time={(r) => r.publishedAt}
          />
        </section>
      ) : null}
      {can(user.role, "article.create") ? (
        <section aria-labelledby="published">
          <h2 id="published">최근 발행</h2>
          <StoryTable
            rows={props.published}
            empty="최근 발행한 기사가 없습니다."
            timeLabel="발행"
            time={(r) => r.publishedAt}
          />
        </section>
      ) : null}
    </NewsroomLayout>
  );
}

export interface EditorData {
  article: EditableArticle | null;
  sections: SectionRow[];
  media: Pick<MediaRow, "id" | "path" | "original_name" | "caption" | "width" | "height">[];
  warnings: PublishWarning[];
  revisionId: number | null;
  history: {
    id: number;
    action: string;
    note: string | null;
    created_at: number;
    staff_name: string | null;
  }[];
  /** values to show after a failed save, so nothing typed is lost */
  draft?: Partial<
    Record<
      | "title"
      | "subtitle"
      | "body"
      | "tags"
      | "leadAlt"
      | "leadCaption"
      | "leadCredit"
      | "origin"
      | "originSource",
      string
    >
  > & {
    sectionId?: number;
    leadMediaId?: number | null;
  };
  error?: string | null;
  /** a published story's autosave not yet saved (shown in the form, not to readers): since when */
  pendingSince?: number | null;
  defaultScheduleAt: string;
  /** people found in the body (issue 4) */
  people?: PeoplePanel | null;
  /** labels, video, 연재, 엠바고, takedown (kinds.view.tsx) */
  kinds?: KindsPanelData | null;
  /** the soft lock (issue 15 §7): held by the viewer (with the heartbeat), or by someone named */
  lock?: LockView | null;
  /** a refused save: the stored text against the typed one */
  conflict?: { label: string; diff: DiffRow }[] | null;
  /** a reporter on their published story: saving sends a 수정 요청 */
  requestMode?: boolean;
  /** pending 수정 요청s (the desk: all of the story's; a reporter: their own) */
  editRequests?: EditRequestRow[];
}

const ACTION_LABELS: Record<string, string> = {
  created: "작성",
  saved: "저장",
  filed: "송고",
  returned: "반려",
  published: "발행",
  scheduled: "예약",
  unpublished: "발행 취소",
  corrected: "정정",
  restored: "판 되돌림",
  labelled: "표시·연재",
  embargoed: "엠바고",
  taken_down: "게재 중단",
  breaking_cleared: "속보 띠 내림",
  edit_requested: "수정 요청",
  edit_approved: "수정 요청 승인",
  edit_returned: "수정 요청 반려",
  lock_taken_over: "편집 넘겨받음",
};

function sectionOptions(sections: SectionRow[]) {
  const roots = sections.filter((s) => s.parent_id === null);
  return roots.flatMap((root) => [
    { id: root.id, label: root.name },
    ...sections
      .filter((s) => s.parent_id === root.id)
      .map((c) => ({ id: c.id, label: `${root.name} › ${c.name}` })),
  ]);
}

/** 신문법 시행령 §2 (own reporting) and §6③ (ads apart): where the story came from. */
function OriginFields({ origin, source }: { origin: string; source: string }) {
  return (
    <div class="nr-origin">
      <label>
        <span>기사 출처 구분</span>
        <select name="origin">
          {ORIGINS.map((o) => (
            <option key={o} value={o} selected={o === origin}>
              {ORIGIN_LABELS[o]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>통신사·출처 (통신 전재는 필수)</span>
        <input name="originSource" maxLength={ORIGIN_SOURCE_MAX} value={source} placeholder="예: 연합뉴스" />
      </label>
    </div>
  );
}

export function EditorPage(props: Base & { data: EditorData }) {
  const { article: a, draft = {} } = props.data;
  const user = props.user as StaffUser;
  const action = a ? `/newsroom/articles/${a.id}` : "/newsroom/articles";
  const value = (field: keyof NonNullable<EditorData["draft"]>, stored: string | null | undefined) =>
    (draft[field] as string | undefined) ?? stored ?? "";
  const sectionId = draft.sectionId ?? a?.sectionId;
  const leadMediaId = draft.leadMediaId !== undefined ? draft.leadMediaId : (a?.leadMediaId ?? null);
  const status = a?.status ?? "draft";
  const isDesk = can(user.role, "article.publish");
  const ownsIt = a ? a.authors.some((x) => x.id === user.id) : true;
  return (
    <NewsroomLayout
      {...props}
      title={a ? `편집: ${a.title}` : "새 기사"}
      active={a ? "articles" : "new"}
      scripts={["/newsroom/assets/editor.js", props.assets.url("article-lock.js")]}
    >
      <div class="nr-head">
        <h1>{a ? "기사 편집" : "새 기사"}</h1>
        {a ? (
          <p class="nr-meta">
            <StatusBadge status={status} embargoUntil={a.embargoUntil} /> 기사 번호 {a.num}
            {a.savedAt ? <> · 마지막 저장 {formatKst(a.savedAt)}</> : null}
            {a.authors.length ? <> · {a.authors.map((x) => x.name).join(", ")} 기자</> : null}
          </p>
        ) : null}
      </div>
      {props.data.error ? (
        <p class="nr-error" role="alert">
          {props.data.error}
        </p>
      ) : null}
      {props.data.pendingSince ? (
        <p class="nr-desknote nr-desknote--block" role="note">
          자동 저장된 수정본을 불러왔습니다. 독자에게는 [저장]을 눌러야 보입니다.
        </p>
      ) : null}
      {a ? (
        <EditSafetyNotices
          articleId={a.id}
          lock={props.data.lock}
          conflict={props.data.conflict}
          requestMode={props.data.requestMode}
          editRequests={props.data.editRequests}
          csrfToken={props.csrfToken}
        />
      ) : null}
      {a?.deskNote && status === "draft" ? (
        <p class="nr-desknote nr-desknote--block" role="note">
          데스크 메모: {a.deskNote}
        </p>
      ) : null}
      <div class="nr-editor-layout">
        <form
          method="post"
          action={action}
          class="nr-form nr-editor"
          data-editor-form
          // A 수정 요청 is sent by pressing the button only: no server autosave (the browser keeps a copy).
          data-article-id={props.data.requestMode ? "" : (a?.id ?? "")}
          data-revision-id={props.data.revisionId ?? ""}
          data-lock-heartbeat={a && props.data.lock?.held ? `/newsroom/api/articles/${a.id}/lock` : undefined}
          data-lock-ms={props.data.lock?.held ? String(props.data.lock.heartbeatMs) : undefined}
        >
          <Csrf token={props.csrfToken} />
          <input type="hidden" name="baseRevisionId" value={String(props.data.revisionId ?? "")} />
          <div class="nr-field">
            <label for="f-title">제목</label>
            <input
              id="f-title"
              name="title"
              required
              maxLength={300}
              value={value("title", a?.title)}
              data-warn-length={TITLE_WARN_LENGTH}
              aria-describedby="f-title-count"
            />
            <small class="nr-hint" id="f-title-count" data-title-count />
          </div>
          <label>
            <span>부제</span>
            <input name="subtitle" maxLength={500} value={value("subtitle", a?.subtitle)} />
          </label>
          <label>
            <span>섹션</span>
            {/* no `required`: a list without an empty choice always sends one of its sections */}
            <select name="sectionId">
              {sectionOptions(props.data.sections).map((o) => (
                <option key={o.id} value={String(o.id)} selected={o.id === sectionId}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <div class="nr-field nr-body-field">
            <label for="f-body">본문</label>
            <textarea
              id="f-body"
              name="body"
              rows={18}
              maxLength={1_000_000}
              data-rich-text
              aria-describedby="f-body-hint"
            >
              {value("body", a?.bodyHtml)}
            </textarea>
            <small class="nr-hint" id="f-body-hint">
              문단, 소제목, 굵게, 링크, 인용, 목록, 사진(설명과 출처)을 쓸 수 있습니다. 날짜 머리말과 기자
              서명은 자동으로 붙습니다.
            </small>
          </div>
          <fieldset class="nr-fieldset">
            <legend>대표 사진</legend>
            <label>
              <span>사진</span>
              <select name="leadMediaId" data-lead-media>
                <option value="">사진 없음</option>
                {props.data.media.map((m) => (
                  <option
                    key={m.id}
                    value={String(m.id)}
                    selected={m.id === leadMediaId}
                    data-src={paths.media(m.path)}
                  >
                    {`#${m.id} ${m.original_name ?? m.caption ?? ""} (${m.width}×${m.height})`}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>사진 설명 (▲ 뒤에 나옵니다)</span>
              <input name="leadCaption" maxLength={2000} value={value("leadCaption", a?.leadCaption)} />
            </label>
            <label>
              <span>출처</span>
              <input
                name="leadCredit"
                maxLength={200}
                value={value("leadCredit", a?.leadCredit)}
                placeholder="예: 한빛경제, 누리통신"
              />
            </label>
            <label>
              <span>대체 텍스트 (화면 낭독기용)</span>
              <input name="leadAlt" maxLength={500} value={value("leadAlt", a?.leadAlt)} />
            </label>
          </fieldset>
          <label>
            <span>태그 (쉼표로 구분)</span>
            <input name="tags" maxLength={3000} value={value("tags", a?.tags.join(", "))} />
          </label>
          <OriginFields
            origin={value("origin", a?.origin) || "own"}
            source={value("originSource", a?.originSource)}
          />
          {a && status === "published" && can(user.role, "article.correct") ? (
            <label>
              <span>정정 내용 (적으면 기사 아래에 ‘바로잡습니다’로 나갑니다)</span>
              <textarea name="correctionNote" rows={2} maxLength={2000}>
                {a.correctionNote ?? ""}
              </textarea>
            </label>
          ) : null}
          <div class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              {props.data.requestMode ? "수정 요청 보내기" : "저장"}
            </button>
            <span class="nr-lock-status" data-lock-status aria-live="polite" />
            <span class="nr-autosave" data-autosave-status aria-live="polite" />
          </div>
        </form>
        {a ? (
          <aside class="nr-side">
            <section class="nr-panel">
              <h2>검토</h2>
              {props.data.warnings.length ? (
                <ul class="nr-warnings">
                  {props.data.warnings.map((w) => (
                    <li key={w.code}>{w.message}</li>
                  ))}
                </ul>
              ) : (
                <p class="nr-ok">발행 전 점검에 걸린 것이 없습니다.</p>
              )}
              <p>
                <a
                  class="nr-button"
                  href={`/newsroom/articles/${a.id}/preview`}
                  target="_blank"
                  rel="noopener"
                >
                  미리보기
                </a>{" "}
                <a class="nr-button" href={`/newsroom/articles/${a.id}/revisions`}>
                  판 기록
                </a>
              </p>
              {status === "draft" && ownsIt && can(user.role, "article.file") ? (
                <form method="post" action={`/newsroom/articles/${a.id}/file`}>
                  <Csrf token={props.csrfToken} />
                  <button type="submit" class="nr-button nr-button--primary">
                    송고
                  </button>
                </form>
              ) : null}
              {isDesk ? (
                <>
                  {status !== "published" ? (
                    <form
                      method="post"
                      action={`/newsroom/articles/${a.id}/publish`}
                      data-confirm={
                        props.data.warnings.length
                          ? `점검 결과 ${props.data.warnings.length}건이 있습니다. 그래도 발행할까요?`
                          : undefined
                      }
                    >
                      <Csrf token={props.csrfToken} />
                      <button type="submit" class="nr-button nr-button--publish">
                        지금 발행
                      </button>
                    </form>
                  ) : null}
                  {status !== "published" ? (
                    <form method="post" action={`/newsroom/articles/${a.id}/schedule`} class="nr-inline-form">
                      <Csrf token={props.csrfToken} />
                      <label>
                        <span>예약 발행 (한국 시각)</span>
                        <input
                          type="datetime-local"
                          name="at"
                          required
                          value={props.data.defaultScheduleAt}
                          step={60}
                        />
                      </label>
                      <button type="submit" class="nr-button">
                        예약
                      </button>
                    </form>
                  ) : null}
                  {status === "submitted" ? (
                    <form method="post" action={`/newsroom/articles/${a.id}/return`} class="nr-inline-form">
                      <Csrf token={props.csrfToken} />
                      <label>
                        <span>돌려보내는 이유</span>
                        <textarea name="note" rows={2} required maxLength={2000} />
                      </label>
                      <button type="submit" class="nr-button">
                        기자에게 돌려보내기
                      </button>
                    </form>
                  ) : null}
                  {status === "published" || status === "scheduled" ? (
                    <form
                      method="post"
                      action={`/newsroom/articles/${a.id}/unpublish`}
                      data-confirm="독자에게서 이 기사를 내릴까요?"
                    >
                      <Csrf token={props.csrfToken} />
                      <button type="submit" class="nr-button nr-button--danger">
                        발행 취소
                      </button>
                    </form>
                  ) : null}
                </>
              ) : null}
              {status === "published" ? (
                <p>
                  <a href={`/article/${a.num}`} target="_blank" rel="noopener">
                    독자 화면에서 보기
                  </a>
                </p>
              ) : null}
              {status === "scheduled" && a.publishedAt ? (
                <p class="nr-meta">발행 예정: {formatKst(a.publishedAt)}</p>
              ) : null}
            </section>
            {props.data.kinds ? (
              <KindsPanel article={a} data={props.data.kinds} user={user} csrfToken={props.csrfToken} />
            ) : null}
            {!props.data.requestMode ? (
              <EditRequestsPanel articleId={a.id} rows={props.data.editRequests ?? []} />
            ) : null}
            {props.data.people ? (
              <PeoplePanelView articleId={a.id} panel={props.data.people} csrfToken={props.csrfToken} />
            ) : null}
            <section class="nr-panel">
              <h2>기록</h2>
              {props.data.history.length === 0 ? (
                <p class="nr-empty">기록이 없습니다. 번들로 가져온 기사입니다.</p>
              ) : null}
              <ol class="nr-history">
                {props.data.history.map((h) => (
                  <li key={h.id}>
                    <strong>{ACTION_LABELS[h.action] ?? h.action}</strong> {h.staff_name ?? "예약 발행"} ·{" "}
                    {formatKstMinute(h.created_at)}
                    {h.note ? <p>{h.note}</p> : null}
                  </li>
                ))}
              </ol>
            </section>
          </aside>
        ) : null}
      </div>
    </NewsroomLayout>
  );
}

export function RevisionsPage(
  props: Base & {
    article: EditableArticle;
    revisions: { id: number; kind: string; created_at: number; title: string; staff_name: string | null }[];
  },
) {
  const { article: a, revisions } = props;
  const kinds: Record<string, string> = {
    save: "저장",
    autosave: "자동 저장",
    restore: "되돌림",
    import: "가져오기",
  };
  return (
    <NewsroomLayout {...props} title={`판 기록: ${a.title}`} active="articles">
      <div class="nr-head">
        <h1>판 기록</h1>
        <p class="nr-meta">
          <a href={`/newsroom/articles/${a.id}/edit`}>‹ {a.title}</a>
        </p>
      </div>
      <form method="get" action={`/newsroom/articles/${a.id}/revisions/diff`}>
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">이전</th>
              <th scope="col">이후</th>
              <th scope="col">판</th>
              <th scope="col">종류</th>
              <th scope="col">누가</th>
              <th scope="col">언제</th>
              <th scope="col">제목</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr key={r.id}>
                <td>
                  <input
                    type="radio"
                    name="a"
                    value={String(r.id)}
                    checked={i === 1}
                    aria-label={`${withParticle(`#${r.id}`, "을/를")} 이전 판으로`}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="b"
                    value={String(r.id)}
                    checked={i === 0}
                    aria-label={`${withParticle(`#${r.id}`, "을/를")} 이후 판으로`}
                  />
                </td>
                <td>#{r.id}</td>
                <td>{kinds[r.kind] ?? r.kind}</td>
                <td>{r.staff_name ?? ""}</td>
                <td>{formatKst(r.created_at)}</td>
                <td>{r.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" class="nr-button nr-button--primary" disabled={revisions.length < 2}>
          두 판 비교
        </button>
      </form>
    </NewsroomLayout>
  );
}

export type { DiffRow };

export function DiffPage(
  props: Base & {
    article: EditableArticle;
    a: ArticleRevisionRow;
    b: ArticleRevisionRow;
    rows: { label: string; diff: DiffRow }[];
    canRestore: boolean;
  },
) {
  const { article, a, b } = props;
  return (
    <NewsroomLayout {...props} title="판 비교" active="articles">
      <div class="nr-head">
        <h1>판 비교</h1>
        <p class="nr-meta">
          <a href={`/newsroom/articles/${article.id}/revisions`}>‹ 판 기록</a>
        </p>
      </div>
      <DiffTable
        rows={props.rows}
        label="두 판의 차이"
        left={`#${a.id} · ${formatKst(a.created_at)}`}
        right={`#${b.id} · ${formatKst(b.created_at)}`}
      />
      {props.canRestore ? (
        <div class="nr-actions">
          {[a, b].map((r) => (
            <form
              key={r.id}
              method="post"
              action={`/newsroom/articles/${article.id}/revisions/${r.id}/restore`}
              data-confirm={`#${r.id} 판으로 되돌릴까요?`}
            >
              <Csrf token={props.csrfToken} />
              <button type="submit" class="nr-button">
                #{r.id} 판으로 되돌리기
              </button>
            </form>
          ))}
        </div>
      ) : null}
    </NewsroomLayout>
  );
}
