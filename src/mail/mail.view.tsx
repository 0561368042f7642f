import { formatKstMinute } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { MAIL_KIND_LABELS, type MailKind, type MailState } from "./mail.ts";

type Base = Omit<NewsroomPageProps, "title" | "children" | "active">;

/** One mail as the admin list shows it. */
export interface MailListItem {
  id: number;
  kind: string;
  to: string;
  subject: string;
  createdAt: number;
  state: MailState;
  attempts: number;
  nextAttemptAt: number;
  sentAt: number | null;
  lastError: string | null;
  outboxFile: string | null;
}

export interface MailDetail extends MailListItem {
  text: string;
}

const STATE_LABELS: Record<MailState, string> = { queued: "대기", sent: "보냄", failed: "실패" };

const kindLabel = (kind: string) => MAIL_KIND_LABELS[kind as MailKind] ?? kind;

function stateText(m: MailListItem, mode: "smtp" | "outbox"): string {
  if (m.state === "sent") return m.outboxFile ? "보관함에 저장" : STATE_LABELS.sent;
  if (m.state === "failed") return STATE_LABELS.failed;
  return m.attempts > 0
    ? `대기 (${m.attempts}회 실패, ${formatKstMinute(m.nextAttemptAt)} 재시도)`
    : mode === "smtp"
      ? "보낼 차례"
      : "저장할 차례";
}

export function MailListPage(
  props: Base & {
    mode: "smtp" | "outbox";
    outboxDir: string;
    rows: MailListItem[];
    counts: { queued: number; failed: number };
    page: number;
    hasMore: boolean;
  },
) {
  return (
    <NewsroomLayout {...props} title="메일" active="mail">
      <h1>보낸 메일</h1>
      {props.mode === "outbox" ? (
        <p class="nr-notice" role="status">
          SMTP_URL이 설정되지 않아 메일을 보내지 않고 서버의 {props.outboxDir} 폴더에 .eml 파일로 저장합니다.
          아래에서 내용을 보고 필요하면 직접 전해 주세요.
        </p>
      ) : (
        <p>메일은 SMTP 서버로 보냅니다. 보내지 못한 메일은 대기열에 남아 다시 시도합니다.</p>
      )}
      <p>
        대기 {props.counts.queued}건 · 실패 {props.counts.failed}건
      </p>
      <div class="nr-table-wrap">
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">번호</th>
              <th scope="col">만든 때</th>
              <th scope="col">종류</th>
              <th scope="col">받는 사람</th>
              <th scope="col">제목</th>
              <th scope="col">상태</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((m) => (
              <tr key={m.id}>
                <td>{m.id}</td>
                <td>{formatKstMinute(m.createdAt)}</td>
                <td>{kindLabel(m.kind)}</td>
                <td>{m.to}</td>
                <td>
                  <a href={`/newsroom/mail/${m.id}`}>{m.subject}</a>
                </td>
                <td>{stateText(m, props.mode)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 ? <p>아직 메일이 없습니다.</p> : null}
      <p>
        {props.page > 1 ? <a href={`/newsroom/mail?page=${props.page - 1}`}>← 최근</a> : null}{" "}
        {props.hasMore ? <a href={`/newsroom/mail?page=${props.page + 1}`}>이전 →</a> : null}
      </p>
    </NewsroomLayout>
  );
}

export function MailDetailPage(props: Base & { mode: "smtp" | "outbox"; mail: MailDetail }) {
  const m = props.mail;
  return (
    <NewsroomLayout {...props} title={`메일 ${m.id}`} active="mail">
      <p>
        <a href="/newsroom/mail">← 메일 목록</a>
      </p>
      <h1>{m.subject}</h1>
      <dl class="nr-facts">
        <dt>받는 사람</dt>
        <dd>{m.to}</dd>
        <dt>종류</dt>
        <dd>{kindLabel(m.kind)}</dd>
        <dt>만든 때</dt>
        <dd>{formatKstMinute(m.createdAt)}</dd>
        <dt>상태</dt>
        <dd>{stateText(m, props.mode)}</dd>
        {m.sentAt ? (
          <>
            <dt>{m.outboxFile ? "저장한 때" : "보낸 때"}</dt>
            <dd>{formatKstMinute(m.sentAt)}</dd>
          </>
        ) : null}
        {m.outboxFile ? (
          <>
            <dt>파일</dt>
            <dd>
              <a href={`/newsroom/mail/${m.id}/eml`}>{m.outboxFile}</a>
            </dd>
          </>
        ) : null}
        {m.lastError ? (
          <>
            <dt>마지막 오류</dt>
            <dd>{m.lastError}</dd>
          </>
        ) : null}
      </dl>
      {m.state === "failed" ? (
        <form method="post" action={`/newsroom/mail/${m.id}/retry`}>
          <Csrf token={props.csrfToken} />
          <button type="submit" class="nr-button">
            다시 보내기
          </button>
        </form>
      ) : null}
      <h2>본문</h2>
      <pre class="nr-mail-text">{m.text}</pre>
    </NewsroomLayout>
  );
}
