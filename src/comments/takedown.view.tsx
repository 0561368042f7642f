import { formatKstLong, formatKstMinute } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { Layout } from "../web/public/layout.tsx";
import {
  INFRINGED_RIGHTS,
  MAX_TAKEDOWN_DAYS,
  RIGHTS_STATUS_LABELS,
  type RightsField,
  type RightsRequestItem,
} from "./takedown.ts";

interface PublicBase {
  chrome: Chrome;
  assets: Assets;
}

function FieldError({ name, error }: { name: RightsField; error?: string }) {
  return error ? (
    <p class="form-field__error" id={`rr-${name}-error`} data-field-error={name}>
      {error}
    </p>
  ) : null;
}

/** The 권리침해 신고 form of one comment (정보통신망법 §44의2①), apart from readers' ordinary 신고. */
export function RightsReportPage(
  props: PublicBase & {
    commentId: number;
    articleNum: number;
    values: Partial<Record<RightsField, string>>;
    errors: Partial<Record<RightsField, string>>;
    message?: string | null;
  },
) {
  const v = props.values;
  const e = props.errors;
  const invalid = (f: RightsField) =>
    e[f] ? { "aria-invalid": true as const, "aria-describedby": `rr-${f}-error` } : {};
  return (
    <Layout chrome={props.chrome} assets={props.assets} meta={{ title: "권리침해 신고", noindex: true }}>
      <div class="correction-page">
        <h1>권리침해 신고</h1>
        <p>
          이 댓글이 명예훼손이나 사생활 침해 등으로 권리를 침해한다면 삭제나 임시조치를 요청할 수
          있습니다(정보통신망 이용촉진 및 정보보호 등에 관한 법률 제44조의2). 담당자가 확인해 최장 30일 동안
          댓글을 가리는 임시조치를 하거나 삭제하고, 그 사실을 신고인과 댓글 작성자에게 알립니다. 욕설이나
          광고처럼 운영 원칙에 어긋나는 댓글은 댓글 아래의 ‘신고’를 이용해 주세요.{" "}
          <a href={paths.policy("terms")}>이용약관</a>
        </p>
        <p>
          <a href={`${paths.article(props.articleNum)}#comment-${props.commentId}`}>신고할 댓글로 돌아가기</a>
        </p>
        {props.message ? (
          <p class="form-error" role="alert">
            {props.message}
          </p>
        ) : null}
        <form method="post" action={paths.rightsReport(props.commentId)} class="correction-form" novalidate>
          <div class={`form-field${e.name ? " form-field--error" : ""}`}>
            <label for="rr-name">
              이름<span class="form-field__required"> (필수)</span>
            </label>
            <input
              id="rr-name"
              name="name"
              required
              maxLength={100}
              value={v.name ?? ""}
              {...invalid("name")}
            />
            <FieldError name="name" error={e.name} />
          </div>
          <div class={`form-field${e.contact ? " form-field--error" : ""}`}>
            <label for="rr-contact">
              연락처<span class="form-field__required"> (필수)</span>
            </label>
            <input
              id="rr-contact"
              name="contact"
              required
              maxLength={200}
              value={v.contact ?? ""}
              {...invalid("contact")}
            />
            <small class="form-field__hint">처리 결과를 알려 드릴 이메일이나 전화번호</small>
            <FieldError name="contact" error={e.contact} />
          </div>
          <fieldset class={`form-field${e.right ? " form-field--error" : ""}`}>
            <legend>침해된 권리 (필수)</legend>
            {Object.entries(INFRINGED_RIGHTS).map(([key, label]) => (
              <label key={key} class="form-choice">
                <input type="radio" name="right" value={key} checked={v.right === key} /> {label}
              </label>
            ))}
            <FieldError name="right" error={e.right} />
          </fieldset>
          <div class={`form-field${e.reason ? " form-field--error" : ""}`}>
            <label for="rr-reason">
              신고 이유<span class="form-field__required"> (필수)</span>
            </label>
            <textarea id="rr-reason" name="reason" rows={6} required maxLength={5000} {...invalid("reason")}>
              {v.reason ?? ""}
            </textarea>
            <small class="form-field__hint">댓글의 어떤 내용이 어떻게 권리를 침해하는지 적어 주세요.</small>
            <FieldError name="reason" error={e.reason} />
          </div>
          <p class="form-note">
            적어 주신 개인정보는 신고 처리와 법정 기록 보존에만 쓰입니다.{" "}
            <a href={paths.policy("privacy")}>개인정보처리방침</a>
          </p>
          <button type="submit" class="button button--primary">
            권리침해 신고
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function RightsReportReceivedPage(props: PublicBase & { commentId: number; articleNum: number }) {
  return (
    <Layout chrome={props.chrome} assets={props.assets} meta={{ title: "권리침해 신고 접수", noindex: true }}>
      <div class="correction-page">
        <h1>권리침해 신고를 접수했습니다</h1>
        <p data-rights-received>
          담당자가 확인한 뒤 임시조치나 삭제 여부를 정하고, 적어 주신 연락처로 결과를 알려 드립니다.
        </p>
        <p>
          <a href={`${paths.article(props.articleNum)}#comments`}>기사로 돌아가기</a>
        </p>
      </div>
    </Layout>
  );
}

type NewsroomBase = Omit<NewsroomPageProps, "title" | "children">;

function RequestCard({ r, csrfToken }: { r: RightsRequestItem; csrfToken?: string }) {
  return (
    <li class="nr-panel" id={`rr${r.id}`} data-rights-request={r.id} data-status={r.status}>
      <p class="nr-meta">
        <strong>신고 #{r.id}</strong> · {RIGHTS_STATUS_LABELS[r.status]}
        {r.expired ? (
          <strong class="nr-clock nr-clock--overdue" data-takedown-expired>
            {" "}
            · 임시조치 기간 끝남: 복원 또는 삭제를 정해 주세요
          </strong>
        ) : null}{" "}
        · 접수 {formatKstMinute(r.receivedAt)} ·{" "}
        <a href={`${paths.article(r.articleNum)}#comment-${r.commentId}`} target="_blank" rel="noopener">
          {r.articleTitle}
        </a>
      </p>
      <p class="nr-comment-body">
        댓글 #{r.commentId} ({r.commentNickname}
        {r.commentStatus === "deleted" ? ", 삭제됨" : ""}): {r.commentBody}
      </p>
      <p class="nr-desknote">
        신고인 {r.name} ({r.contact}) · {r.right} · {r.reason}
      </p>
      {r.blockUntil !== null ? (
        <p class="nr-desknote">
          임시조치 {r.blockDays}일 · {r.blockedAt !== null ? formatKstMinute(r.blockedAt) : ""} ~{" "}
          {formatKstLong(r.blockUntil)}
        </p>
      ) : null}
      {r.requesterNotice ? <p class="nr-desknote">신고인에게 알림: {r.requesterNotice}</p> : null}
      {r.posterNotice ? <p class="nr-desknote">작성자에게 알림: {r.posterNotice}</p> : null}
      {r.decidedAt !== null && r.status !== "blocked" ? (
        <p class="nr-desknote">
          {RIGHTS_STATUS_LABELS[r.status]} · {formatKstMinute(r.decidedAt)} · {r.decidedBy ?? ""}
          {r.decisionNote ? ` · ${r.decisionNote}` : ""}
        </p>
      ) : null}
      {r.status === "received" ? (
        <div class="nr-actions">
          <form method="post" action={`/newsroom/comments/rights/${r.id}/takedown`} class="nr-block-form">
            <Csrf token={csrfToken} />
            <label>
              임시조치 기간(일){" "}
              <input
                name="days"
                type="number"
                min={1}
                max={MAX_TAKEDOWN_DAYS}
                value={String(MAX_TAKEDOWN_DAYS)}
                required
                inputMode="numeric"
              />
            </label>
            <label>
              <span class="visually-hidden">메모</span>
              <input name="note" maxLength={500} placeholder="메모" />
            </label>
            <button type="submit" class="nr-button nr-button--danger">
              임시조치
            </button>
          </form>
          <form method="post" action={`/newsroom/comments/rights/${r.id}/dismiss`} class="nr-block-form">
            <Csrf token={csrfToken} />
            <label>
              <span class="visually-hidden">기각 사유</span>
              <input name="note" maxLength={500} placeholder="기각 사유" />
            </label>
            <button type="submit" class="nr-button">
              기각
            </button>
          </form>
        </div>
      ) : null}
      {r.status === "blocked" ? (
        <div class="nr-actions">
          <form method="post" action={`/newsroom/comments/rights/${r.id}/restore`}>
            <Csrf token={csrfToken} />
            <button type="submit" class="nr-button nr-button--publish">
              댓글 복원
            </button>
          </form>
          <form method="post" action={`/newsroom/comments/rights/${r.id}/delete`}>
            <Csrf token={csrfToken} />
            <button type="submit" class="nr-button nr-button--danger">
              댓글 삭제
            </button>
          </form>
        </div>
      ) : null}
    </li>
  );
}

/** The moderators' list of 권리침해 신고: waiting, expired 임시조치 (flagged), running, and closed. */
export function RightsRequestsPage(
  props: NewsroomBase & { open: RightsRequestItem[]; closed: RightsRequestItem[] },
) {
  return (
    <NewsroomLayout {...props} title="권리침해 신고" active="comments">
      <h1>권리침해 신고 (임시조치)</h1>
      <nav class="nr-tabs" aria-label="댓글 상태">
        <a href="/newsroom/comments">댓글 관리</a>
        <a href="/newsroom/comments/rights" aria-current="page">
          권리침해 신고
        </a>
      </nav>
      <p class="nr-desknote">
        정보통신망법 제44조의2: 신고를 받으면 삭제하거나 30일 이내 임시조치를 하고 신고인과 작성자에게
        알립니다. 기간이 끝나면 댓글을 복원하거나 삭제해야 하며, 정하기 전까지는 가려진 채로 남습니다.
      </p>
      <h2>처리할 신고</h2>
      {props.open.length ? (
        <ol class="nr-comments">
          {props.open.map((r) => (
            <RequestCard key={r.id} r={r} csrfToken={props.csrfToken} />
          ))}
        </ol>
      ) : (
        <p class="nr-empty">처리할 권리침해 신고가 없습니다.</p>
      )}
      <h2>처리한 신고</h2>
      {props.closed.length ? (
        <ol class="nr-comments">
          {props.closed.map((r) => (
            <RequestCard key={r.id} r={r} csrfToken={props.csrfToken} />
          ))}
        </ol>
      ) : (
        <p class="nr-empty">처리한 신고가 없습니다.</p>
      )}
    </NewsroomLayout>
  );
}
