import { formatKst, formatKstMinute } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import type { FormRow, SlotKind } from "./frontpage.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

/**
 * HTML's `draggable` is enumerated, not boolean: only "true" makes an element draggable (a bare
 * attribute is "auto", which leaves list items and divs undraggable). Preact's types say boolean.
 */
const DRAGGABLE = { draggable: "true" } as unknown as { draggable: boolean };

export interface FrontpageEditorData {
  page: { key: string; name: string; href: string };
  pages: { key: string; name: string }[];
  slots: { key: string; label: string; size: number; kind: SlotKind }[];
  /** what the form holds, per slot (story numbers as typed, pins as KST local times) */
  rows: Record<string, FormRow[]>;
  /** the page as it stands (or would stand, for a preview) with automatic filling */
  filled: {
    key: string;
    label: string;
    size: number;
    stories: {
      position: number;
      num: number;
      title: string;
      mode: "manual" | "auto";
      until: number | null;
      hasPhoto: boolean;
    }[];
  }[];
  isPreview: boolean;
  placeable: { num: number; title: string; section: string; publishedAt: number; hasPhoto: boolean }[];
  scheduled: { id: number; applyAt: number; createdBy: string | null; count: number }[];
  error: string | null;
  applyAt: string;
}

const rowLabel = (label: string, size: number, position: number) =>
  size === 1 ? label : `${label} ${position}`;

function FilledView({ data }: { data: FrontpageEditorData }) {
  return (
    <section
      class="fp-result"
      aria-labelledby="fp-result-title"
      data-preview={data.isPreview ? "1" : undefined}
    >
      <h2 id="fp-result-title">
        {data.isPreview ? "미리보기: 적용하면 이렇게 보입니다" : "지금 독자에게 보이는 편집판"}
      </h2>
      {data.isPreview ? (
        <p class="nr-hint">
          아직 적용하지 않았습니다. 아래 「지금 적용」이나 「예약 적용」을 눌러야 바뀝니다.
        </p>
      ) : null}
      <ol class="fp-result__list">
        {data.filled.flatMap((slot) =>
          slot.stories.map((s) => (
            <li key={`${slot.key}.${s.position}`} data-slot={slot.key} data-position={s.position}>
              <span class="fp-result__slot">{rowLabel(slot.label, slot.size, s.position)}</span>{" "}
              <span class="fp-result__title">{s.title}</span>{" "}
              <span class={`fp-mode fp-mode--${s.mode}`}>
                {s.mode === "manual" ? (s.until ? `고정 ~${formatKstMinute(s.until)}` : "수동") : "자동"}
              </span>
            </li>
          )),
        )}
      </ol>
    </section>
  );
}

export function FrontpageEditor(props: Base & { data: FrontpageEditorData }) {
  const { data } = props;
  const current = new Map(data.filled.map((f) => [f.key, f]));
  return (
    <NewsroomLayout {...props} title={`편집판 - ${data.page.name}`} active="frontpage">
      <div class="nr-head">
        <h1>편집판: {data.page.name}</h1>
        <a class="nr-button" href="/newsroom/frontpage/log">
          편집판 기록
        </a>
      </div>
      <nav class="nr-tabs" aria-label="편집할 페이지">
        {data.pages.map((p) => (
          <a
            key={p.key}
            href={`/newsroom/frontpage?page=${encodeURIComponent(p.key)}`}
            aria-current={p.key === data.page.key ? "page" : undefined}
          >
            {p.name}
          </a>
        ))}
      </nav>
      <p class="nr-hint">
        기사 번호를 적거나 오른쪽 목록에서 끌어다 놓으세요. 비워 둔 자리는 그 섹션의 최신 기사로 자동으로
        채워집니다. 같은 기사는 한 페이지에 한 번만 나옵니다. 고정 종료 시각을 적으면 그때부터 자동으로
        돌아갑니다.
      </p>
      {data.error ? (
        <p class="nr-error" role="alert">
          {data.error}
        </p>
      ) : null}
      {data.scheduled.length ? (
        <section aria-labelledby="fp-scheduled">
          <h2 id="fp-scheduled">예약된 편집판</h2>
          <ul class="fp-scheduled">
            {data.scheduled.map((s) => (
              <li key={s.id}>
                {formatKstMinute(s.applyAt)}에 적용 (수동 배치 {s.count}건
                {s.createdBy ? `, ${s.createdBy}` : ""}){" "}
                <form method="post" action={`/newsroom/frontpage/scheduled/${s.id}/cancel`} class="fp-inline">
                  <Csrf token={props.csrfToken} />
                  <input type="hidden" name="page" value={data.page.key} />
                  <button type="submit" class="nr-button nr-button--danger">
                    예약 취소
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="fp-grid">
        <form method="post" action="/newsroom/frontpage" class="nr-form fp-form" id="fp-form">
          <Csrf token={props.csrfToken} />
          <input type="hidden" name="page" value={data.page.key} />
          {data.slots.map((slot) => {
            const rows = data.rows[slot.key] ?? [];
            const shown = current.get(slot.key);
            return (
              <fieldset key={slot.key} class="fp-slot" data-slot={slot.key}>
                <legend>
                  {slot.label}
                  {slot.size > 1 ? <span class="nr-count">{slot.size}</span> : null}
                </legend>
                {rows.map((row, i) => {
                  const position = i + 1;
                  const label = rowLabel(slot.label, slot.size, position);
                  const standing = shown?.stories.find((s) => s.position === position);
                  return (
                    <div class="fp-row" key={position} data-row {...DRAGGABLE}>
                      <label class="fp-row__num">
                        <span>{label}</span>
                        <input
                          type="text"
                          name={`s.${slot.key}.${position}`}
                          value={row.num}
                          inputMode="numeric"
                          pattern="[0-9]*"
                          maxLength={9}
                          placeholder="자동"
                          list="fp-stories"
                          aria-label={`${label} 기사 번호`}
                        />
                      </label>
                      <label class="fp-row__until">
                        <span>고정 종료</span>
                        <input
                          type="datetime-local"
                          name={`u.${slot.key}.${position}`}
                          value={row.until}
                          aria-label={`${label} 고정 종료 시각`}
                        />
                      </label>
                      <span class="fp-row__moves">
                        <button
                          type="submit"
                          name="move"
                          value={`${slot.key}.${position}.up`}
                          class="nr-button"
                          aria-label={`${label} 위로`}
                          disabled={position === 1}
                          formnovalidate
                        >
                          ▲
                        </button>
                        <button
                          type="submit"
                          name="move"
                          value={`${slot.key}.${position}.down`}
                          class="nr-button"
                          aria-label={`${label} 아래로`}
                          disabled={position === slot.size}
                          formnovalidate
                        >
                          ▼
                        </button>
                      </span>
                      <span class="fp-row__now">
                        {standing ? (
                          <>
                            <span class={`fp-mode fp-mode--${standing.mode}`}>
                              {standing.mode === "manual" ? "수동" : "자동"}
                            </span>{" "}
                            {standing.title}
                          </>
                        ) : (
                          <span class="fp-muted">(비어 있음)</span>
                        )}
                      </span>
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          <div class="fp-actions">
            <button type="submit" name="op" value="preview" class="nr-button">
              미리보기
            </button>
            <button type="submit" name="op" value="apply" class="nr-button nr-button--primary">
              지금 적용
            </button>
            <label class="fp-actions__at">
              <span>적용 시각</span>
              <input type="datetime-local" name="applyAt" value={data.applyAt} />
            </label>
            <button type="submit" name="op" value="schedule" class="nr-button">
              예약 적용
            </button>
          </div>
        </form>
        <aside class="fp-side">
          <section aria-labelledby="fp-stories-title">
            <h2 id="fp-stories-title">놓을 수 있는 기사</h2>
            <ul class="fp-stories">
              {data.placeable.slice(0, 60).map((a) => (
                <li key={a.num} {...DRAGGABLE} data-num={a.num}>
                  <span class="fp-stories__num">{a.num}</span> {a.title}{" "}
                  <span class="fp-muted">
                    {a.section} · {formatKstMinute(a.publishedAt)}
                    {a.hasPhoto ? " · 사진" : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <FilledView data={data} />
        </aside>
      </div>
      <datalist id="fp-stories">
        {data.placeable.map((a) => (
          <option key={a.num} value={String(a.num)} label={a.title} />
        ))}
      </datalist>
    </NewsroomLayout>
  );
}

export interface LogRow {
  id: number;
  page: string;
  slot: string;
  num: number;
  title: string;
  /** 제공 언론사; null: the paper's own */
  source: string | null;
  mode: "manual" | "auto";
  from: number;
  until: number | null;
}

export function LayoutLogPage(
  props: Base & {
    rows: LogRow[];
    pages: { key: string; name: string }[];
    filter: { from: string; to: string; page: string };
    pageNo: number;
    hasNext: boolean;
  },
) {
  const q = (extra: Record<string, string>) =>
    new URLSearchParams({
      from: props.filter.from,
      to: props.filter.to,
      page: props.filter.page,
      ...extra,
    }).toString();
  return (
    <NewsroomLayout {...props} title="편집판 기록" active="frontpage">
      <div class="nr-head">
        <h1>편집판 기록</h1>
        <a class="nr-button" href={`/newsroom/frontpage/log.csv?${q({})}`}>
          CSV로 내려받기
        </a>
      </div>
      <p class="nr-hint">
        언론중재법 제15조 제8항과 시행령 제11조의2에 따라, 홈과 섹션 첫 화면에 어떤 기사가 어느 자리에
        언제부터 언제까지 있었는지 6개월 넘게 보관합니다. 데스크가 놓은 기사와 자동으로 채워진 기사를 모두
        적습니다.
      </p>
      <form method="get" action="/newsroom/frontpage/log" class="nr-form fp-log-filter">
        <label>
          <span>시작 날짜</span>
          <input type="date" name="from" value={props.filter.from} />
        </label>
        <label>
          <span>끝 날짜</span>
          <input type="date" name="to" value={props.filter.to} />
        </label>
        <label>
          <span>페이지</span>
          <select name="page">
            <option value="">전체</option>
            {props.pages.map((p) => (
              <option key={p.key} value={p.key} selected={p.key === props.filter.page}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="nr-button">
          조회
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p class="nr-empty">이 기간의 기록이 없습니다.</p>
      ) : (
        <table class="nr-table fp-log">
          <thead>
            <tr>
              <th scope="col">페이지</th>
              <th scope="col">자리</th>
              <th scope="col">기사</th>
              <th scope="col">제공</th>
              <th scope="col">방식</th>
              <th scope="col">게재 시작</th>
              <th scope="col">게재 종료</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.page}</td>
                <td>{r.slot}</td>
                <td>
                  <a href={`/article/${r.num}`}>{r.title}</a> <span class="fp-muted">({r.num})</span>
                </td>
                <td>{r.source ?? "자사"}</td>
                <td>{r.mode === "manual" ? "수동" : "자동"}</td>
                <td>{formatKst(r.from)}</td>
                <td>{r.until === null ? "게재 중" : formatKst(r.until)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="nr-pages">
        {props.pageNo > 1 ? (
          <a href={`/newsroom/frontpage/log?${q({ p: String(props.pageNo - 1) })}`}>‹ 이전</a>
        ) : null}
        {props.hasNext ? (
          <a href={`/newsroom/frontpage/log?${q({ p: String(props.pageNo + 1) })}`}>다음 ›</a>
        ) : null}
      </nav>
    </NewsroomLayout>
  );
}
