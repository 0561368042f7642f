import type { MostReadPeriod } from "../db/schema.ts";
import { formatKst, formatKstMinute } from "../lib/kst-time.ts";
import { NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { RankedRow } from "./reads.repo.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

export interface HourPoint {
  hour: number;
  reads: number;
}

const PERIOD_LABELS: Record<MostReadPeriod, string> = { day: "최근 24시간", week: "최근 7일" };

/** `03-20 11시` */
const hourLabel = (hour: number) => {
  const t = formatKst(hour);
  return `${t.slice(5, 10)} ${t.slice(11, 13)}시`;
};

const count = (n: number) => n.toLocaleString("ko-KR");

/** A round number at or above `n` for the chart's top line (1, 2, 5, 10, 20, 50, …). */
function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const step = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * step >= n) return m * step;
  return 10 * step;
}

const CHART = { width: 720, height: 180, left: 44, right: 8, top: 10, bottom: 26 };
const BAR_FILL = "#0b4f9c";
const GRID = "#dfe2e6";
const INK_SOFT = "#4a4f57";

/**
 * Reads per hour as bars, drawn on the server as SVG (no script, no chart library). The picture is
 * for the eye; the same figures are in a table below it, which is what a screen reader gets.
 */
export function HourlyBars({ id, caption, points }: { id: string; caption: string; points: HourPoint[] }) {
  const total = points.reduce((s, p) => s + p.reads, 0);
  const peak = points.reduce<HourPoint | null>((best, p) => (!best || p.reads > best.reads ? p : best), null);
  const top = niceCeiling(peak?.reads ?? 0);
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const slot = plotW / Math.max(1, points.length);
  const barW = Math.max(1, slot * 0.8);
  // Label every 3rd hour in a day's chart, one hour a day (00시) in a week's.
  const labelEvery = points.length > 48 ? 24 : 3;
  const summary = peak?.reads
    ? `${caption}: 모두 ${count(total)}회, 가장 많은 때 ${hourLabel(peak.hour)} ${count(peak.reads)}회`
    : `${caption}: 아직 조회가 없습니다`;
  return (
    <figure class="nr-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {caption} <span class="nr-meta">모두 {count(total)}회</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        width="100%"
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMinYMin meet"
      >
        {[0, 0.5, 1].map((f) => {
          const y = CHART.top + plotH * (1 - f);
          return (
            <g key={f}>
              <line
                x1={CHART.left}
                x2={CHART.width - CHART.right}
                y1={y}
                y2={y}
                stroke={GRID}
                stroke-width="1"
              />
              <text x={CHART.left - 6} y={y + 4} text-anchor="end" font-size="11" fill={INK_SOFT}>
                {count(Math.round(top * f))}
              </text>
            </g>
          );
        })}
        {points.map((p, i) => {
          const h = top ? (p.reads / top) * plotH : 0;
          const x = CHART.left + i * slot + (slot - barW) / 2;
          const kstHour = Number(formatKst(p.hour).slice(11, 13));
          return (
            <g key={p.hour}>
              {p.reads > 0 ? (
                <rect
                  x={x.toFixed(1)}
                  y={(CHART.top + plotH - h).toFixed(1)}
                  width={barW.toFixed(1)}
                  height={h.toFixed(1)}
                  fill={BAR_FILL}
                >
                  <title>{`${hourLabel(p.hour)}: ${count(p.reads)}회`}</title>
                </rect>
              ) : null}
              {kstHour % labelEvery === 0 ? (
                <text
                  x={(x + barW / 2).toFixed(1)}
                  y={CHART.height - 8}
                  text-anchor="middle"
                  font-size="11"
                  fill={INK_SOFT}
                >
                  {labelEvery === 24 ? formatKst(p.hour).slice(5, 10) : `${kstHour}시`}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>표로 보기</summary>
        <table class="nr-table">
          <caption class="nr-visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">시간 (KST)</th>
              <th scope="col">조회</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.hour}>
                <th scope="row">{hourLabel(p.hour)}</th>
                <td>{count(p.reads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export interface ReadsPageData {
  period: MostReadPeriod;
  /** the article asked for (`?article=`), with its reads per hour; else the whole site's */
  article: { num: number; title: string; viewCount: number; status: string } | null;
  hours: HourPoint[];
  ranking: RankedRow[];
  computedAt: number | null;
}

function periodHref(period: MostReadPeriod, article: ReadsPageData["article"]) {
  return `/newsroom/reads?period=${period}${article ? `&article=${article.num}` : ""}`;
}

/** /newsroom/reads: what readers read, per hour and per story. */
export function ReadsPage(props: Base & { data: ReadsPageData }) {
  const { data } = props;
  const label = PERIOD_LABELS[data.period];
  return (
    <NewsroomLayout {...props} title="조회 현황" active="reads">
      <h1>조회 현황</h1>
      <nav class="nr-tabs" aria-label="기간">
        {(["day", "week"] as const).map((p) => (
          <a key={p} href={periodHref(p, data.article)} aria-current={p === data.period ? "page" : undefined}>
            {PERIOD_LABELS[p]}
          </a>
        ))}
      </nav>
      <p class="nr-meta">
        한 독자(쿠키)가 같은 기사를 24시간 안에 여러 번 읽어도 한 번으로 셉니다. 검색엔진·링크 미리보기 등
        로봇은 세지 않습니다. 순위는 30초마다 새로 계산합니다
        {data.computedAt ? ` (마지막 계산 ${formatKst(data.computedAt)})` : ""}.
      </p>

      {data.article ? (
        <section class="nr-panel" aria-labelledby="reads-article">
          <h2 id="reads-article">
            <a href={paths.article(data.article.num)} target="_blank" rel="noopener">
              {data.article.title}
            </a>
          </h2>
          <p class="nr-meta">
            누적 조회 {count(data.article.viewCount)}회 ·{" "}
            <a href={periodHref(data.period, null)}>전체 보기</a>
          </p>
          <HourlyBars id="article-hours" caption={`${label} 시간대별 조회`} points={data.hours} />
        </section>
      ) : (
        <section class="nr-panel" aria-labelledby="reads-site">
          <h2 id="reads-site">사이트 전체</h2>
          <HourlyBars id="site-hours" caption={`${label} 시간대별 조회`} points={data.hours} />
        </section>
      )}

      <section aria-labelledby="reads-ranking">
        <h2 id="reads-ranking">많이 본 기사 ({label})</h2>
        {data.ranking.length === 0 ? (
          <p class="nr-empty">
            아직 집계된 조회가 없습니다. 독자 페이지의 인기기사는 그동안 누적 조회수로 채워집니다.
          </p>
        ) : (
          <table class="nr-table nr-reads">
            <thead>
              <tr>
                <th scope="col">순위</th>
                <th scope="col">기사</th>
                <th scope="col">섹션</th>
                <th scope="col">출고</th>
                <th scope="col">{label} 조회</th>
                <th scope="col">누적 조회</th>
              </tr>
            </thead>
            <tbody>
              {data.ranking.map((r, i) => (
                <tr key={r.num}>
                  <td>{i + 1}</td>
                  <td>
                    <a href={`/newsroom/reads?period=${data.period}&article=${r.num}`}>{r.title}</a>
                  </td>
                  <td>{r.sectionName}</td>
                  <td>{formatKstMinute(r.publishedAt)}</td>
                  <td>{count(r.reads)}</td>
                  <td>{count(r.viewCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </NewsroomLayout>
  );
}
