import { formatKstMinute } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { BLOCK_DAYS } from "./moderation.service.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

export interface QueueItem {
  id: number;
  nickname: string;
  body: string;
  status: string;
  held_reason: string | null;
  report_count: number;
  created_at: number;
  address_hash: string | null;
  article_num: number;
  article_title: string;
  reports: string[];
}

const REASONS: Record<string, string> = {
  profanity: "욕설",
  slur: "혐오·비하 표현",
  spam_link: "광고 링크",
  spam_repeat: "도배",
  reported: "독자 신고 누적",
};

export type ModerationTab = "queue" | "deleted" | "visible";

const TABS: { id: ModerationTab; label: string }[] = [
  { id: "queue", label: "확인 대기" },
  { id: "visible", label: "게시 중" },
  { id: "deleted", label: "삭제됨" },
];

export function ModerationPage(
  props: Base & {
    tab: ModerationTab;
    items: QueueItem[];
    blocks: {
      id: number;
      kind: string;
      value: string;
      reason: string | null;
      until: number;
      staff_name: string | null;
    }[];
    log: {
      id: number;
      comment_id: number | null;
      action: string;
      note: string | null;
      created_at: number;
      staff_name: string | null;
    }[];
  },
) {
  return (
    <NewsroomLayout {...props} title="댓글 관리" active="comments">
      <h1>댓글 관리</h1>
      <nav class="nr-tabs" aria-label="댓글 상태">
        {TABS.map((t) => (
          <a
            key={t.id}
            href={`/newsroom/comments?tab=${t.id}`}
            aria-current={t.id === props.tab ? "page" : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {props.items.length === 0 ? <p class="nr-empty">해당하는 댓글이 없습니다.</p> : null}
      <ol class="nr-comments">
        {props.items.map((c) => (
          <li key={c.id} class="nr-panel" id={`c${c.id}`}>
            <p class="nr-meta">
              <strong>{c.nickname}</strong> · {formatKstMinute(c.created_at)} ·{" "}
              <a href={`/article/${c.article_num}#comment-${c.id}`} target="_blank" rel="noopener">
                {c.article_title}
              </a>
            </p>
            <p class="nr-comment-body">{c.body}</p>
            {c.held_reason || c.report_count ? (
              <p class="nr-desknote">
                {c.held_reason ? `보류 이유: ${REASONS[c.held_reason] ?? c.held_reason}` : ""}
                {c.report_count
                  ? ` · 신고 ${c.report_count}건${c.reports.length ? ` (${c.reports.slice(0, 5).join(", ")})` : ""}`
                  : ""}
              </p>
            ) : null}
            <div class="nr-actions">
              {c.status !== "visible" || c.report_count ? (
                c.status === "deleted" ? (
                  <form method="post" action={`/newsroom/comments/${c.id}/restore`}>
                    <Csrf token={props.csrfToken} />
                    <button type="submit" class="nr-button">
                      되살리기
                    </button>
                  </form>
                ) : (
                  <form method="post" action={`/newsroom/comments/${c.id}/approve`}>
                    <Csrf token={props.csrfToken} />
                    <button type="submit" class="nr-button nr-button--publish">
                      승인(게시)
                    </button>
                  </form>
                )
              ) : null}
              {c.status !== "deleted" ? (
                <form method="post" action={`/newsroom/comments/${c.id}/delete`}>
                  <Csrf token={props.csrfToken} />
                  <button type="submit" class="nr-button nr-button--danger">
                    삭제
                  </button>
                </form>
              ) : null}
              <form method="post" action={`/newsroom/comments/${c.id}/block`} class="nr-block-form">
                <Csrf token={props.csrfToken} />
                <label>
                  <span class="visually-hidden">차단 대상</span>
                  <select name="kind">
                    <option value="nickname">닉네임 차단</option>
                    {c.address_hash ? <option value="address">주소 차단</option> : null}
                  </select>
                </label>
                <label>
                  <span class="visually-hidden">기간</span>
                  <select name="days">
                    {BLOCK_DAYS.map((d) => (
                      <option key={d} value={String(d)}>
                        {d === 365 ? "1년" : `${d}일`}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span class="visually-hidden">차단 사유</span>
                  <input name="reason" maxLength={500} placeholder="사유" />
                </label>
                <button type="submit" class="nr-button">
                  차단
                </button>
              </form>
            </div>
          </li>
        ))}
      </ol>
      <h2>차단 중</h2>
      {props.blocks.length ? (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">대상</th>
              <th scope="col">사유</th>
              <th scope="col">언제까지</th>
              <th scope="col">누가</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {props.blocks.map((b) => (
              <tr key={b.id}>
                <td>{b.kind === "nickname" ? `닉네임 ${b.value}` : `주소 (${b.value.slice(0, 8)}…)`}</td>
                <td>{b.reason ?? ""}</td>
                <td>{formatKstMinute(b.until)}</td>
                <td>{b.staff_name ?? ""}</td>
                <td>
                  <form method="post" action={`/newsroom/comments/blocks/${b.id}/lift`}>
                    <Csrf token={props.csrfToken} />
                    <button type="submit" class="nr-button">
                      해제
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="nr-empty">차단 중인 닉네임이나 주소가 없습니다.</p>
      )}
      <h2>처리 기록</h2>
      <ol class="nr-history">
        {props.log.map((l) => (
          <li key={l.id}>
            {formatKstMinute(l.created_at)} · {l.staff_name ?? "작성자 본인"} · {l.action}
            {l.comment_id ? ` · 댓글 #${l.comment_id}` : ""}
            {l.note ? ` · ${l.note}` : ""}
          </li>
        ))}
      </ol>
    </NewsroomLayout>
  );
}
