import { formatKstMinute } from "../lib/kst-time.ts";
import type { NewsroomAlert } from "../web/newsroom/alerts.ts";
import { NewsroomAlerts } from "../web/newsroom/alerts.view.tsx";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import { BLOCK_DAYS, type ModerationPageData, type ModerationTab, type QueueItem } from "./moderation.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

const REASONS: Record<string, string> = {
  profanity: "욕설",
  slur: "혐오·비하 표현",
  abuse_model: "악성 댓글 의심 (학습 모델)",
  spam_link: "광고 링크",
  spam_repeat: "도배",
  reported: "독자 신고 누적",
};

const TABS: { id: ModerationTab; label: string }[] = [
  { id: "queue", label: "확인 대기" },
  { id: "visible", label: "게시 중" },
  { id: "deleted", label: "삭제됨" },
];

/** A score out of 100, as moderators read it (0.934 → 93). */
const points = (p: number) => Math.floor(p * 100);

/** Why the model scores a comment as it does: its score against the threshold and the heaviest n-grams. */
function ModelLine({ reading }: { reading: QueueItem["model"] }) {
  const over = reading.score >= reading.threshold;
  return (
    <p class="nr-model">
      <span class={over ? "nr-model-score nr-model-score--over" : "nr-model-score"}>
        모델 점수 {points(reading.score)}점
      </span>{" "}
      (보류 기준 {points(reading.threshold)}점)
      {reading.ngrams.length ? (
        <>
          {" "}
          · 무게가 큰 글자 조각:{" "}
          {reading.ngrams.map((g) => (
            <code key={g.text} class="nr-ngram" title={`가중치 +${g.weight.toFixed(2)}`}>
              {g.text.replaceAll(" ", "␣")}
            </code>
          ))}
        </>
      ) : null}
    </p>
  );
}

export function ModerationPage(
  props: Base & ModerationPageData & { tab: ModerationTab; alerts?: NewsroomAlert[] },
) {
  return (
    <NewsroomLayout {...props} title="댓글 관리" active="comments">
      <h1>댓글 관리</h1>
      <NewsroomAlerts alerts={props.alerts} />
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
        <a href="/newsroom/comments/rights">권리침해 신고</a>
      </nav>
      <p class="nr-model">
        판단 모델:{" "}
        {props.modelInUse.retrained
          ? `재학습 #${props.modelInUse.retrained.id} (${formatKstMinute(props.modelInUse.retrained.trainedAt)}, 이 신문의 승인·삭제 결정 ${props.modelInUse.paperExamples}건 반영)`
          : "기본 모델 (공개 데이터로 학습)"}{" "}
        · 보류 기준 {points(props.modelInUse.threshold)}점 · 다시 학습:{" "}
        <code>npm run jikji -- train-filter</code>
      </p>
      {props.items.length === 0 ? <p class="nr-empty">해당하는 댓글이 없습니다.</p> : null}
      <ol class="nr-comments">
        {props.items.map((c) => (
          <li key={c.id} class="nr-panel" id={`c${c.id}`}>
            <p class="nr-meta">
              <strong>{c.nickname}</strong> · {formatKstMinute(c.createdAt)} ·{" "}
              <a href={`${paths.article(c.articleNum)}#comment-${c.id}`} target="_blank" rel="noopener">
                {c.articleTitle}
              </a>
            </p>
            <p class="nr-comment-body">{c.body}</p>
            {c.heldReason || c.reportCount ? (
              <p class="nr-desknote">
                {c.heldReason ? `보류 이유: ${REASONS[c.heldReason] ?? c.heldReason}` : ""}
                {c.reportCount
                  ? ` · 신고 ${c.reportCount}건${c.reports.length ? ` (${c.reports.slice(0, 5).join(", ")})` : ""}`
                  : ""}
              </p>
            ) : null}
            <ModelLine reading={c.model} />
            <div class="nr-actions">
              {c.status !== "visible" || c.reportCount ? (
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
                    {c.hasAddress ? <option value="address">주소 차단</option> : null}
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
                <td>{b.kind === "nickname" ? `닉네임 ${b.label}` : `주소 (${b.label})`}</td>
                <td>{b.reason ?? ""}</td>
                <td>{formatKstMinute(b.until)}</td>
                <td>{b.staffName ?? ""}</td>
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
            {formatKstMinute(l.createdAt)} · {l.staffName ?? "작성자 본인"} · {l.action}
            {l.commentId ? ` · 댓글 #${l.commentId}` : ""}
            {l.note ? ` · ${l.note}` : ""}
          </li>
        ))}
      </ol>
    </NewsroomLayout>
  );
}
