import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { SectionNode, SectionTree } from "./section.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

export interface SectionsPageData {
  tree: SectionTree;
  error?: { code: string; message: string } | null;
  /** what was typed into the add form, shown again after a refusal */
  draft?: Partial<Record<"slug" | "name" | "parentId" | "position", string>>;
}

function SectionRowView({ node, csrfToken }: { node: SectionNode; csrfToken: string | undefined }) {
  const formId = `section-${node.id}`;
  return (
    <tr class={node.parent ? "nr-section--child" : undefined}>
      <td>
        <a href={paths.section(node.slug)} target="_blank" rel="noopener">
          /section/{node.slug}
        </a>
      </td>
      <td>
        <input
          form={formId}
          name="name"
          required
          maxLength={100}
          value={node.name}
          aria-label={`${node.name} 이름`}
        />
      </td>
      <td>
        <input
          form={formId}
          name="position"
          type="number"
          required
          min={-1_000_000}
          max={1_000_000}
          step={1}
          value={String(node.position)}
          aria-label={`${node.name} 순서`}
          class="nr-input--short"
        />
      </td>
      <td class="nr-actions">
        <form method="post" action={`/newsroom/sections/${node.id}`} id={formId}>
          <Csrf token={csrfToken} />
          <button type="submit" class="nr-button">
            저장
          </button>
        </form>
        <form
          method="post"
          action={`/newsroom/sections/${node.id}/delete`}
          data-confirm={`‘${node.name}’ 섹션을 지울까요? 기사가 있는 섹션은 지워지지 않습니다.`}
        >
          <Csrf token={csrfToken} />
          <button type="submit" class="nr-button nr-button--danger">
            지우기
          </button>
        </form>
      </td>
    </tr>
  );
}

export function SectionsPage(props: Base & { data: SectionsPageData }) {
  const { tree, draft = {} } = props.data;
  const rows = tree.roots.flatMap((root) => [root, ...root.children]);
  return (
    <NewsroomLayout {...props} title="섹션" active="sections">
      <div class="nr-head">
        <h1>섹션</h1>
        <p class="nr-meta">두 단계까지 둘 수 있습니다. 순서는 작은 수가 먼저 나옵니다.</p>
      </div>
      {props.data.error ? (
        <p class="nr-error" role="alert" data-code={props.data.error.code}>
          {props.data.error.message}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p class="nr-empty">아직 섹션이 없습니다.</p>
      ) : (
        <table class="nr-table nr-sections">
          <thead>
            <tr>
              <th scope="col">주소</th>
              <th scope="col">이름</th>
              <th scope="col">순서</th>
              <th scope="col">
                <span class="nr-visually-hidden">작업</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((node) => (
              <SectionRowView key={node.id} node={node} csrfToken={props.csrfToken} />
            ))}
          </tbody>
        </table>
      )}
      <section class="nr-panel" aria-labelledby="add-section">
        <h2 id="add-section">섹션 추가</h2>
        <form method="post" action="/newsroom/sections" class="nr-form nr-form--narrow">
          <Csrf token={props.csrfToken} />
          <label>
            <span>상위 섹션</span>
            <select name="parentId">
              <option value="">없음 (최상위 섹션)</option>
              {tree.roots.map((root) => (
                <option key={root.id} value={String(root.id)} selected={draft.parentId === String(root.id)}>
                  {root.name} (/section/{root.slug})
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>주소 (영문 소문자, 숫자, -; 하위 섹션은 ‘상위/이것’이 됩니다)</span>
            <input name="slug" required maxLength={60} pattern="[a-z0-9\-]+" value={draft.slug ?? ""} />
          </label>
          <label>
            <span>이름</span>
            <input name="name" required maxLength={100} value={draft.name ?? ""} />
          </label>
          <label>
            <span>순서</span>
            <input
              name="position"
              type="number"
              min={-1_000_000}
              max={1_000_000}
              step={1}
              value={draft.position ?? "0"}
            />
          </label>
          <div class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              추가
            </button>
          </div>
        </form>
      </section>
    </NewsroomLayout>
  );
}
