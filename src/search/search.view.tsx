import { paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { AdLabel, KstTime, LabelBadges, Pagination } from "../web/public/components.tsx";
import { Layout } from "../web/public/layout.tsx";
import type { SearchHit, SearchOutcome } from "./search.service.ts";
import { QUERY_MAX_CHARS, type SearchSort, type Segment } from "./search.ts";

/** The filters as the reader gave them, to fill the form and carry into every page link. */
export interface SearchForm {
  q: string;
  sort: SearchSort;
  section: string;
  from: string;
  to: string;
  page: number;
}

export const DEFAULT_SORT: SearchSort = "recent";

/** `/search?q=…&…`, leaving out what is empty or default, so links stay short and stable. */
export function searchHref(form: SearchForm, page: number): string {
  const params = new URLSearchParams({ q: form.q });
  if (form.sort !== DEFAULT_SORT) params.set("sort", form.sort);
  if (form.section) params.set("section", form.section);
  if (form.from) params.set("from", form.from);
  if (form.to) params.set("to", form.to);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

/** Highlighted text: every piece is escaped by JSX, and only our own <mark> elements are markup. */
function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

function Filters({ chrome, form }: { chrome: Chrome; form: SearchForm }) {
  return (
    <form class="search-form" action="/search" method="get" role="search" aria-label="검색 조건">
      <div class="search-form__query">
        <label for="search-q">검색어</label>
        <input
          id="search-q"
          type="search"
          name="q"
          value={form.q}
          maxLength={QUERY_MAX_CHARS}
          autoComplete="off"
        />
        <button type="submit">검색</button>
      </div>
      <div class="search-form__filters">
        <label>
          <span>정렬</span>
          <select name="sort">
            <option value="recent" selected={form.sort === "recent"}>
              최신순
            </option>
            <option value="relevance" selected={form.sort === "relevance"}>
              정확도순
            </option>
          </select>
        </label>
        <label>
          <span>섹션</span>
          <select name="section">
            <option value="">전체</option>
            {chrome.sections.roots.flatMap((root) => [
              <option key={root.id} value={root.slug} selected={form.section === root.slug}>
                {root.name}
              </option>,
              ...root.children.map((c) => (
                <option key={c.id} value={c.slug} selected={form.section === c.slug}>
                  {`${root.name} › ${c.name}`}
                </option>
              )),
            ])}
          </select>
        </label>
        <fieldset class="search-form__dates">
          <legend>기간</legend>
          <label>
            <span class="visually-hidden">시작일</span>
            <input type="date" name="from" value={form.from} />
          </label>
          <span aria-hidden="true">~</span>
          <label>
            <span class="visually-hidden">종료일</span>
            <input type="date" name="to" value={form.to} />
          </label>
        </fieldset>
      </div>
    </form>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li class="search-result">
      <h2 class="search-result__title">
        <AdLabel sponsored={hit.sponsored} />
        <LabelBadges labels={hit.labels} />
        <a href={paths.article(hit.num)}>
          <Marked segments={hit.title} />
        </a>
      </h2>
      {hit.snippet.length ? (
        <p class="search-result__snippet">
          <Marked segments={hit.snippet} />
        </p>
      ) : null}
      <p class="search-result__meta">
        {hit.section ? (
          <>
            <a class="search-result__section" href={paths.section(hit.section.slug)}>
              {hit.section.name}
            </a>{" "}
          </>
        ) : null}
        {hit.byline ? (
          <>
            <a class="search-result__author" href={paths.reporter(hit.byline.key)}>
              {hit.byline.name} 기자
            </a>{" "}
          </>
        ) : null}
        <KstTime at={hit.publishedAt} withSeconds={false} />
      </p>
    </li>
  );
}

export function SearchPage({
  chrome,
  assets,
  form,
  outcome,
}: {
  chrome: Chrome;
  assets: Assets;
  form: SearchForm;
  outcome: SearchOutcome;
}) {
  const { query, total, pages, hits } = outcome;
  const asked = query.text.length > 0;
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: asked ? `'${query.text}' 검색 결과` : "기사 검색",
        description: `${chrome.site.name} 기사 검색`,
        noindex: true,
      }}
    >
      <div class="search-page">
        <h1 class="section-head__title">기사 검색</h1>
        <Filters chrome={chrome} form={{ ...form, q: query.text }} />
        {asked ? (
          <p class="search-count" role="status">
            검색 결과 <strong>{total.toLocaleString("ko-KR")}</strong>건
          </p>
        ) : null}
        {hits.length ? (
          <ol class="search-results">
            {hits.map((h) => (
              <Hit key={h.num} hit={h} />
            ))}
          </ol>
        ) : asked ? (
          <div class="empty search-empty">
            <p>
              <strong>‘{query.text}’</strong>에 대한 검색 결과가 없습니다.
            </p>
            <ul>
              <li>단어의 철자가 정확한지 확인해 보세요.</li>
              <li>검색어의 단어 수를 줄이거나, 다른 검색어로 검색해 보세요.</li>
              <li>기간이나 섹션 조건을 넓혀 보세요.</li>
            </ul>
          </div>
        ) : (
          <p class="empty search-empty">검색어를 입력해 주세요. 초성(예: ㅎㅇㅌㅈ)으로도 찾을 수 있습니다.</p>
        )}
        <Pagination page={form.page} pages={pages} href={(n) => searchHref({ ...form, q: query.text }, n)} />
      </div>
    </Layout>
  );
}
