import type { EditRequestStatus } from "../db/schema.ts";
import { formatKst, formatKstMinute } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import type { EditableArticle } from "./desk.repo.ts";
import type { EditRequestRow } from "./edit-request.repo.ts";
import type { DiffRow } from "./revision-diff.ts";

/** The soft lock as the editor shows it: held by the viewer (with the heartbeat), or by someone named. */
export type LockView = { held: true; heartbeatMs: number } | { held: false; message: string; since: number };

type Base = Omit<NewsroomPageProps, "title" | "children">;

const REQUEST_STATUS: Record<EditRequestStatus, string> = {
  pending: "검토 중",
  approved: "반영됨",
  returned: "반려됨",
};

/** Two texts side by side, what was removed struck through and what was added marked. */
export function DiffTable(props: {
  rows: { label: string; diff: DiffRow }[];
  left: string;
  right: string;
  label: string;
}) {
  return (
    <table class="nr-diff" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">항목</th>
          <th scope="col">{props.left}</th>
          <th scope="col">{props.right}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ label, diff }) => (
          <tr class={diff.changed ? "is-changed" : undefined} key={label}>
            <th scope="row">{label}</th>
            <td>
              {diff.left.map((part, i) =>
                part.kind === "removed" ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
              )}
            </td>
            <td>
              {diff.right.map((part, i) =>
                part.kind === "added" ? <ins key={i}>{part.text}</ins> : <span key={i}>{part.text}</span>,
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The editor's notices about editing safely: who holds the lock (with the takeover form), a refused
 * save's diff, and whether saving makes a 수정 요청.
 */
export function EditSafetyNotices(props: {
  articleId: number;
  lock?: LockView | null;
  conflict?: { label: string; diff: DiffRow }[] | null;
  requestMode?: boolean;
  editRequests?: EditRequestRow[];
  csrfToken?: string;
}) {
  const { lock, conflict, requestMode, editRequests } = props;
  return (
    <>
      {lock && !lock.held ? (
        <div class="nr-lock" role="alert" data-lock-holder>
          <p>
            <strong>{lock.message}</strong>
            {lock.since ? <> ({formatKstMinute(lock.since)}부터)</> : null}. 지금 저장하면 거절됩니다.
          </p>
          <form
            method="post"
            action={`/newsroom/articles/${props.articleId}/lock/takeover`}
            data-confirm={`${lock.message}. 편집을 넘겨받을까요? 상대가 저장하지 않은 글은 상대 화면에 남습니다.`}
          >
            <Csrf token={props.csrfToken} />
            <button type="submit" class="nr-button">
              편집 넘겨받기
            </button>
          </form>
        </div>
      ) : null}
      {conflict ? (
        <section class="nr-conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">저장되지 않은 내 글과 지금 저장된 글의 차이</h2>
          <p>
            아래 편집 칸에는 내가 쓴 글이 그대로 있습니다. 필요한 부분을 옮겨 합친 뒤 [저장]을 누르면, 지금
            저장된 판 위에 저장됩니다.
          </p>
          <DiffTable
            rows={conflict}
            left="지금 저장된 글"
            right="내가 쓴 글 (저장 안 됨)"
            label="저장 충돌"
          />
        </section>
      ) : null}
      {requestMode ? (
        <p class="nr-desknote nr-desknote--block" role="note" data-request-mode>
          발행된 기사입니다. [수정 요청 보내기]를 누르면 데스크가 검토한 뒤 반영합니다. 그때까지 독자에게는
          지금 기사가 보입니다.
          {editRequests?.length ? (
            <>
              {" "}
              <a href={`/newsroom/articles/${props.articleId}/requests/${editRequests[0]!.id}`}>
                검토 중인 내 요청 보기
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

/** The desk's panel on the editor: the story's pending 수정 요청s. */
export function EditRequestsPanel(props: { articleId: number; rows: EditRequestRow[] }) {
  if (!props.rows.length) return null;
  return (
    <section class="nr-panel" aria-labelledby="edit-requests">
      <h2 id="edit-requests">수정 요청</h2>
      <ul>
        {props.rows.map((r) => (
          <li key={r.id}>
            <a href={`/newsroom/articles/${props.articleId}/requests/${r.id}`}>
              {r.reporterName ?? "기자"} · {formatKstMinute(r.createdAt)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EditRequestsPage(props: Base & { rows: EditRequestRow[] }) {
  return (
    <NewsroomLayout {...props} title="수정 요청" active="home">
      <h1>수정 요청</h1>
      {props.rows.length === 0 ? (
        <p class="nr-empty">검토를 기다리는 수정 요청이 없습니다.</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">기사</th>
              <th scope="col">기자</th>
              <th scope="col">요청</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/newsroom/articles/${r.articleId}/requests/${r.id}`}>{r.articleTitle}</a>
                </td>
                <td>{r.reporterName ?? ""}</td>
                <td>{formatKstMinute(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

export function EditRequestPage(
  props: Base & {
    article: EditableArticle;
    request: { id: number; status: EditRequestStatus; note: string | null; createdAt: number };
    rows: { label: string; diff: DiffRow }[];
    canDecide: boolean;
  },
) {
  const { article, request } = props;
  return (
    <NewsroomLayout {...props} title={`수정 요청: ${article.title}`} active="home">
      <div class="nr-head">
        <h1>수정 요청</h1>
        <p class="nr-meta">
          <a href={`/newsroom/articles/${article.id}/edit`}>‹ {article.title}</a> ·{" "}
          {formatKst(request.createdAt)} ·{" "}
          <span data-request-status={request.status}>{REQUEST_STATUS[request.status]}</span>
        </p>
      </div>
      {request.status === "returned" && request.note ? (
        <p class="nr-desknote nr-desknote--block" role="note">
          데스크 메모: {request.note}
        </p>
      ) : null}
      <DiffTable rows={props.rows} left="지금 기사" right="요청한 글" label="수정 요청의 차이" />
      {props.canDecide ? (
        <div class="nr-actions">
          <form
            method="post"
            action={`/newsroom/articles/${article.id}/requests/${request.id}/approve`}
            data-confirm="요청한 글을 기사에 반영해 독자에게 내보낼까요?"
          >
            <Csrf token={props.csrfToken} />
            <button type="submit" class="nr-button nr-button--publish">
              승인하고 반영
            </button>
          </form>
          <form
            method="post"
            action={`/newsroom/articles/${article.id}/requests/${request.id}/return`}
            class="nr-inline-form"
          >
            <Csrf token={props.csrfToken} />
            <label>
              <span>돌려보내는 이유</span>
              <textarea name="note" rows={2} required maxLength={2000} />
            </label>
            <button type="submit" class="nr-button">
              기자에게 돌려보내기
            </button>
          </form>
        </div>
      ) : null}
    </NewsroomLayout>
  );
}
