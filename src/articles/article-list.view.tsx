import { can } from "../staff/staff.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import type { NewsroomListRow } from "./article-list.repo.ts";
import type { BulkOutcome } from "./article-list.service.ts";
import {
  BULK_ACTION_LABELS,
  BULK_ACTIONS,
  LIST_PAGE_SIZES,
  LIST_SORTS,
  LIST_STATUSES,
  type ListQueryValues,
  listHref,
  SORT_LABELS,
} from "./article-list.ts";
import { StoryTable } from "./desk.view.tsx";
import { ARTICLE_LABELS, LABEL_NAMES } from "./labels.ts";
import { ORIGIN_LABELS, ORIGINS } from "./origin.ts";
import { STATUS_LABELS } from "./workflow.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

export interface ListOptions {
  sections: { id: number; label: string }[];
  reporters: { id: number; name: string }[] | null;
}

/** The list's query as link parameters (page aside). */
function queryParams(q: ListQueryValues) {
  return {
    q: q.q,
    status: q.status ?? "",
    section: q.section,
    reporter: q.reporter,
    label: q.label,
    origin: q.origin,
    from: q.from,
    to: q.to,
    sort: q.sort === "newest" ? null : q.sort,
    size: q.size === 50 ? null : q.size,
  };
}

function Select(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select name={props.name}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function NewsroomListPage(
  props: Base & {
    query: ListQueryValues;
    rows: NewsroomListRow[];
    total: number;
    options: ListOptions;
  },
) {
  const { query: q, rows, total, options } = props;
  const user = props.user!;
  const pages = Math.max(1, Math.ceil(total / q.size));
  const here = listHref({ ...queryParams(q), page: q.page > 1 ? q.page : null });
  const desk = can(user.role, "article.edit_any");
  return (
    <NewsroomLayout {...props} title="기사 목록" active="articles">
      <h1>기사 목록</h1>
      <form method="get" action="/newsroom/articles" class="nr-filters" role="search" aria-label="기사 찾기">
        <label class="nr-filters__q">
          <span>검색어 (제목·본문·기자)</span>
          <input type="search" name="q" value={q.q} maxLength={100} />
        </label>
        <Select
          name="status"
          label="상태"
          value={q.status ?? ""}
          options={[
            { value: "", label: "전체" },
            ...LIST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
        />
        <Select
          name="section"
          label="섹션"
          value={q.section === null ? "" : String(q.section)}
          options={[
            { value: "", label: "전체" },
            ...options.sections.map((s) => ({ value: String(s.id), label: s.label })),
          ]}
        />
        {options.reporters ? (
          <Select
            name="reporter"
            label="기자"
            value={q.reporter === null ? "" : String(q.reporter)}
            options={[
              { value: "", label: "전체" },
              ...options.reporters.map((r) => ({ value: String(r.id), label: r.name })),
            ]}
          />
        ) : null}
        <Select
          name="label"
          label="라벨"
          value={q.label ?? ""}
          options={[
            { value: "", label: "전체" },
            ...ARTICLE_LABELS.map((l) => ({ value: l, label: LABEL_NAMES[l] })),
          ]}
        />
        <Select
          name="origin"
          label="출처 구분"
          value={q.origin ?? ""}
          options={[
            { value: "", label: "전체" },
            ...ORIGINS.map((o) => ({ value: o, label: ORIGIN_LABELS[o] })),
          ]}
        />
        <label>
          <span>시작일</span>
          <input type="date" name="from" value={q.from ?? ""} />
        </label>
        <label>
          <span>종료일</span>
          <input type="date" name="to" value={q.to ?? ""} />
        </label>
        <Select
          name="sort"
          label="정렬"
          value={q.sort}
          options={LIST_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        />
        <Select
          name="size"
          label="쪽당"
          value={String(q.size)}
          options={LIST_PAGE_SIZES.map((n) => ({ value: String(n), label: `${n}건` }))}
        />
        <button type="submit" class="nr-button nr-button--primary">
          찾기
        </button>
      </form>
      <p class="nr-meta" data-total={total}>
        {total}건 · {q.page}/{pages}쪽
      </p>
      {rows.length === 0 ? (
        <p class="nr-empty">조건에 맞는 기사가 없습니다.</p>
      ) : (
        <form
          method="post"
          action="/newsroom/articles/bulk"
          class="nr-bulk"
          data-confirm="고른 기사에 이 작업을 할까요?"
        >
          <Csrf token={props.csrfToken} />
          <input type="hidden" name="back" value={here} />
          <StoryTable
            rows={rows}
            empty=""
            timeLabel="시각"
            time={(r) => r.publishedAt ?? r.savedAt}
            selectable
          />
          <fieldset class="nr-fieldset nr-bulk__actions">
            <legend>고른 기사에</legend>
            <Select
              name="action"
              label="할 일"
              value=""
              options={BULK_ACTIONS.filter(
                (a) => a !== "unpublish" || can(user.role, "article.unpublish"),
              ).map((a) => ({ value: a, label: BULK_ACTION_LABELS[a] }))}
            />
            <Select
              name="sectionId"
              label="옮길 섹션"
              value=""
              options={[
                { value: "", label: "고르지 않음" },
                ...options.sections.map((s) => ({ value: String(s.id), label: s.label })),
              ]}
            />
            <Select
              name="label"
              label="라벨"
              value=""
              options={[
                { value: "", label: "고르지 않음" },
                ...ARTICLE_LABELS.map((l) => ({ value: l, label: LABEL_NAMES[l] })),
              ]}
            />
            <button type="submit" class="nr-button">
              실행
            </button>
            {!desk ? <small class="nr-hint">내 작성 중·송고 기사만 바꿀 수 있습니다.</small> : null}
          </fieldset>
        </form>
      )}
      <nav class="nr-pages" aria-label="쪽">
        {q.page > 1 ? <a href={listHref({ ...queryParams(q), page: q.page - 1 })}>‹ 이전</a> : null}
        {q.page < pages ? <a href={listHref({ ...queryParams(q), page: q.page + 1 })}>다음 ›</a> : null}
      </nav>
    </NewsroomLayout>
  );
}

export function BulkResultPage(props: Base & { outcomes: BulkOutcome[]; back: string; action: string }) {
  const done = props.outcomes.filter((o) => o.done).length;
  const refused = props.outcomes.length - done;
  return (
    <NewsroomLayout {...props} title="일괄 작업 결과" active="articles">
      <h1>일괄 작업 결과</h1>
      <p role="status" data-done={done} data-refused={refused}>
        {props.action}: {done}건 처리{refused ? `, ${refused}건 못 함` : ""}
      </p>
      <ul class="nr-bulk-result">
        {props.outcomes.map((o) => (
          <li key={o.id} data-done={o.done ? "1" : "0"}>
            {o.title !== null ? (
              <a href={`/newsroom/articles/${o.id}/edit`}>{o.title || "(제목 없음)"}</a>
            ) : (
              `#${o.id}`
            )}
            {" — "}
            {o.done ? "처리함" : o.message}
          </li>
        ))}
      </ul>
      <p>
        <a class="nr-button" href={props.back}>
          ‹ 목록으로
        </a>
      </p>
    </NewsroomLayout>
  );
}
