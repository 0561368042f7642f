import { paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { MostReadList } from "../web/public/components.tsx";
import { Layout } from "../web/public/layout.tsx";
import type { ArticleSummary } from "../web/public/view-models.ts";

export function MostReadPage({
  chrome,
  assets,
  day,
  week,
}: {
  chrome: Chrome;
  assets: Assets;
  day: ArticleSummary[];
  week: ArticleSummary[];
}) {
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: "인기기사",
        description: `${chrome.site.name}에서 지금 많이 읽는 기사`,
        canonical: paths.mostRead(),
      }}
    >
      <div class="section-head">
        <h1 class="section-head__title">인기기사</h1>
      </div>
      <div class="most-read-page">
        {day.length === 0 && week.length === 0 ? <p class="empty">아직 집계된 기사가 없습니다.</p> : null}
        <MostReadList articles={day} title="최근 24시간" id="most-read-day" />
        <MostReadList articles={week} title="최근 7일" id="most-read-week" />
      </div>
    </Layout>
  );
}
