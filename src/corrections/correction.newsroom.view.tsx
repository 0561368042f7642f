import { formatKstLong } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { CorrectionRow } from "./correction.repo.ts";
import {
  deadlineAfter,
  KIND_LABELS,
  lastDayOf,
  nextDeadline,
  REFUSAL_GROUNDS,
  type RefusalGround,
  STATUS_LABELS,
} from "./correction.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

const DAY = 24 * 3600_000;

/** The clock of a request: what is due, by which day, and how long is left (red once passed). */
function Clock({ row, now }: { row: CorrectionRow; now: number }) {
  const due = nextDeadline({
    status: row.status,
    answerDueAt: row.answer_due_at,
    publishDueAt: row.publish_due_at,
  });
  if (!due) return <span class="nr-muted">—</span>;
  const overdue = due.at <= now;
  // whole calendar days after today (KST) that are still allowed; 0: today is the last day
  const daysLeft = Math.round((due.at - deadlineAfter(now, 0)) / DAY);
  const what = due.what === "answer" ? "답변" : "게재";
  return (
    <span
      class={overdue ? "nr-clock nr-clock--overdue" : "nr-clock"}
      data-due={due.what}
      data-overdue={overdue ? "1" : "0"}
    >
      {what} {lastDayOf(due.at)}까지
      {overdue ? " (기한 지남)" : daysLeft <= 0 ? " (오늘 마감)" : ` (${daysLeft}일 남음)`}
    </span>
  );
}

export function CorrectionQueuePage(props: Base & { rows: CorrectionRow[]; now: number }) {
  return (
    <NewsroomLayout {...props} title="정정·반론보도 청구" active="corrections">
      <div class="nr-head">
        <h1>정정·반론보도 청구</h1>
        <a class="nr-button" href="/newsroom/corrections.csv">
          CSV 내려받기
        </a>
      </div>
      <p class="nr-hint">
        언론중재법 제15조: 청구를 받은 날부터 3일 안에 답하고, 받아들이면 7일 안에 게재합니다(달력 날짜, 한국
        시각).
      </p>
      {props.rows.length === 0 ? (
        <p class="nr-empty">접수된 청구가 없습니다.</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th>접수 번호</th>
              <th>종류</th>
              <th>기사</th>
              <th>청구인</th>
              <th>접수</th>
              <th>상태</th>
              <th>기한</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id} data-receipt={r.receipt}>
                <td>
                  <a href={`/newsroom/corrections/${r.id}`}>{r.receipt}</a>
                  {r.late ? <span class="nr-badge nr-badge--warn"> 기간 경과</span> : null}
                </td>
                <td>{KIND_LABELS[r.kind]}</td>
                <td>
                  {r.article_num} {r.article_title}
                </td>
                <td>{r.name}</td>
                <td>{formatKstLong(r.received_at)}</td>
                <td>{STATUS_LABELS[r.status]}</td>
                <td>
                  <Clock row={r} now={props.now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

export function CorrectionDetailPage(
  props: Base & {
    row: CorrectionRow;
    events: { id: number; at: number; action: string; note: string | null; staff_name: string | null }[];
    now: number;
    error?: { code: string; message: string } | null;
    draft?: Record<string, string>;
  },
) {
  const r = props.row;
  const open = r.status === "received";
  const accepted = r.status === "accepted" || r.status === "partly_accepted";
  const d = props.draft ?? {};
  const facts: [string, string][] = [
    ["종류", KIND_LABELS[r.kind]],
    ["상태", STATUS_LABELS[r.status]],
    ["청구인", r.name],
    ["이메일", r.email],
    ["전화", r.phone ?? ""],
    ["보도와의 관계", r.relation ?? ""],
    ["접수", formatKstLong(r.received_at)],
  ];
  if (r.late) facts.push(["청구 기간", "보도 후 6개월이 지난 청구"]);
  if (r.refusal_ground)
    facts.push(["거부 사유", REFUSAL_GROUNDS[r.refusal_ground as RefusalGround] ?? r.refusal_ground]);
  return (
    <NewsroomLayout {...props} title={`청구 ${r.receipt}`} active="corrections">
      <div class="nr-head">
        <h1>
          {KIND_LABELS[r.kind]} 청구 {r.receipt}
        </h1>
        <Clock row={r} now={props.now} />
      </div>
      {props.error ? (
        <p class="nr-error" role="alert" data-code={props.error.code}>
          {props.error.message}
        </p>
      ) : null}
      <p>
        대상 기사: <a href={paths.article(r.article_num)}>{r.article_title}</a> ({r.article_num})
      </p>
      <dl class="nr-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>문제가 된 보도 내용</h2>
      <p class="nr-pre">{r.statement}</p>
      <h2>청구 이유</h2>
      <p class="nr-pre">{r.reason}</p>
      <h2>청구인이 바라는 게재 내용</h2>
      <p class="nr-pre">{r.proposal}</p>

      {open || accepted ? (
        <form method="post" action={`/newsroom/corrections/${r.id}/answer`} class="nr-form nr-form--narrow">
          <Csrf token={props.csrfToken} />
          <h2>{open ? "답변" : "취하 기록"}</h2>
          <label>
            <span>결정</span>
            <select name="outcome">
              {open ? <option value="accepted">수용</option> : null}
              {open ? <option value="partly_accepted">일부 수용</option> : null}
              {open ? <option value="refused">거부</option> : null}
              <option value="withdrawn">취하(청구인이 거둠)</option>
            </select>
          </label>
          {open ? (
            <label>
              <span>거부 사유 (거부할 때)</span>
              <select name="ground">
                <option value="">—</option>
                {Object.entries(REFUSAL_GROUNDS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            <span>메모 (청구인에게 보낸 답변 요지)</span>
            <textarea name="note" rows={3} maxLength={5000}>
              {d.note ?? ""}
            </textarea>
          </label>
          <div class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              기록
            </button>
          </div>
        </form>
      ) : null}

      {accepted ? (
        <form method="post" action={`/newsroom/corrections/${r.id}/publish`} class="nr-form nr-form--narrow">
          <Csrf token={props.csrfToken} />
          <h2>기사 맨 위에 게재</h2>
          <p class="nr-hint">
            합의한 제목과 본문을 기사 맨 위에 “{KIND_LABELS[r.kind]}” 상자로 싣습니다. 기사의 수정 시각,
            피드와 사이트맵이 함께 바뀝니다.
          </p>
          <label>
            <span>제목</span>
            <input name="title" required maxLength={300} value={d.title ?? ""} />
          </label>
          <label>
            <span>본문</span>
            <textarea name="body" rows={8} required maxLength={10000}>
              {d.body ?? r.proposal}
            </textarea>
          </label>
          <div class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              게재
            </button>
          </div>
        </form>
      ) : null}

      <h2>처리 기록</h2>
      <ol class="nr-history">
        {props.events.map((e) => (
          <li key={e.id}>
            {formatKstLong(e.at)} · {e.staff_name ?? "청구인"} · {EVENT_LABELS[e.action] ?? e.action}
            {e.note ? ` — ${e.note}` : ""}
          </li>
        ))}
      </ol>
    </NewsroomLayout>
  );
}

const EVENT_LABELS: Record<string, string> = {
  received: "접수",
  accepted: "수용",
  partly_accepted: "일부 수용",
  refused: "거부",
  withdrawn: "취하",
  published: "게재",
};
