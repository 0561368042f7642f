import { paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { ArticleCard } from "../web/public/components.tsx";
import { Layout } from "../web/public/layout.tsx";
import type { ArticleSummary } from "../web/public/view-models.ts";
import { seriesPartLabel } from "./labels.ts";

/** A 연재's public page, as its route hands it over: no staff or row fields. */
export interface SeriesPageData {
  key: string;
  title: string;
  description: string | null;
  parts: Array<ArticleSummary & { part: number | null }>;
}

/** `/series/{key}`: the series' name and description, then its parts in order, each as "연재 n회". */
export function SeriesPageView({
  chrome,
  assets,
  data,
}: {
  chrome: Chrome;
  assets: Assets;
  data: SeriesPageData;
}) {
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: `[연재] ${data.title}`,
        description: data.description ?? `${chrome.site.name} 연재 ${data.title}`,
        canonical: paths.series(data.key),
      }}
    >
      <div class="section-head">
        <p class="series-head__kind">연재</p>
        <h1 class="section-head__title">{data.title}</h1>
        {data.description ? <p class="series-head__description">{data.description}</p> : null}
      </div>
      <ol class="series-parts">
        {data.parts.length ? (
          data.parts.map((a) => (
            <li key={a.id} class="series-parts__item">
              {a.part !== null ? <p class="series-parts__part">{seriesPartLabel(a.part)}</p> : null}
              <ArticleCard article={a} headingLevel={2} />
            </li>
          ))
        ) : (
          <li class="empty">이 연재에는 아직 공개된 기사가 없습니다.</li>
        )}
      </ol>
    </Layout>
  );
}
