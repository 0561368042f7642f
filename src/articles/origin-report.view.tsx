import { formatKstDate } from "../lib/kst-time.ts";
import { NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { formatShare, ORIGIN_LABELS, ORIGINS, OWN_SHARE_MIN } from "./origin.ts";
import type { MonthRow, OriginReport } from "./origin-report.service.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

const DAY = 24 * 3600_000;

function MonthTable({ rows, head, empty }: { rows: MonthRow[]; head: string; empty: string }) {
  if (rows.length === 0) return <p class="nr-empty">{empty}</p>;
  return (
    <div class="nr-table-wrap">
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">전체</th>
            {ORIGINS.map((o) => (
              <th key={o} scope="col">
                {ORIGIN_LABELS[o]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td>{r.total}</td>
              {ORIGINS.map((o) => (
                <td key={o}>{r.byOrigin[o]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The own-reporting report (신문 등의 진흥에 관한 법률 시행령 §2): per ISO week, new articles and the
 * share that is the paper's own; one month by reporter and by section; the CSV of any period.
 */
export function OriginReportPage(props: Base & { report: OriginReport; today: string }) {
  const { report } = props;
  const current = report.current;
  return (
    <NewsroomLayout {...props} title="자체 기사 비율" active="reports">
      <h1>자체 기사 비율</h1>
      <p class="nr-desknote">
        신문법 시행령 제2조: 인터넷신문은 주간 게재 기사의 {Math.round(OWN_SHARE_MIN * 100)}% 이상을 자체 생산
        기사로 싣고, 매주 새 기사를 게재해야 합니다. 주는 월요일부터 일요일까지(한국 시간)이며, 광고·협찬은
        기사가 아니므로 비율 계산에서 뺍니다.
      </p>
      {current.belowRule ? (
        <p class="nr-error" role="alert" data-own-share-warning>
          {current.articles === 0
            ? `이번 주(${current.label})에 새 기사가 없습니다.`
            : `이번 주(${current.label}) 자체 기사 비율이 ${formatShare(current.share)}로 ${Math.round(OWN_SHARE_MIN * 100)}%에 못 미칩니다.`}
        </p>
      ) : null}
      <h2>주별 새 기사</h2>
      <div class="nr-table-wrap">
        <table class="nr-table" data-weekly-report>
          <thead>
            <tr>
              <th scope="col">주</th>
              <th scope="col">기간</th>
              <th scope="col">새 기사</th>
              <th scope="col">자체 기사 비율</th>
              {ORIGINS.map((o) => (
                <th key={o} scope="col">
                  {ORIGIN_LABELS[o]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...report.weeks].reverse().map((w) => (
              <tr
                key={w.label}
                data-week={w.label}
                data-share={w.share === null ? "none" : w.share.toFixed(4)}
              >
                <th scope="row">{w.label}</th>
                <td>
                  {formatKstDate(w.start)} ~ {formatKstDate(w.end - DAY)}
                </td>
                <td>{w.articles}</td>
                <td class={w.belowRule ? "nr-clock--overdue" : undefined}>{formatShare(w.share)}</td>
                {ORIGINS.map((o) => (
                  <td key={o}>{w.byOrigin[o]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>월별 기자·섹션 집계</h2>
      <form method="get" action="/newsroom/reports/origin" class="nr-inline-form">
        <label>
          <span>월</span>
          <input type="month" name="month" value={report.month} required />
        </label>
        <button type="submit" class="nr-button">
          보기
        </button>
      </form>
      <h3>기자별 ({report.month})</h3>
      <MonthTable rows={report.reporters} head="기자" empty="이 달에 나간 기사가 없습니다." />
      <h3>섹션별 ({report.month})</h3>
      <MonthTable rows={report.sections} head="섹션" empty="이 달에 나간 기사가 없습니다." />
      <h2>기사 목록 내려받기 (CSV)</h2>
      <p class="nr-desknote">포털 제휴 심사 등에 쓰는 기간별 전체 기사 목록입니다(발행 후 내린 기사 포함).</p>
      <form method="get" action="/newsroom/reports/origin.csv" class="nr-inline-form">
        <label>
          <span>시작일</span>
          <input type="date" name="from" value={`${report.month}-01`} required />
        </label>
        <label>
          <span>종료일</span>
          <input type="date" name="to" value={props.today} required />
        </label>
        <button type="submit" class="nr-button">
          CSV 내려받기
        </button>
      </form>
    </NewsroomLayout>
  );
}
