import type { SectionNode } from "../../sections/section.ts";
import { paths } from "../paths.ts";
import type { Assets } from "./assets.ts";
import type { Chrome } from "./chrome.ts";
import { AdLabel, ArticleCard, KstTime, MostReadList, Picture } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { YouthOfficerNotice } from "./legal-footer.tsx";
import { graph, organizationJsonLd, websiteJsonLd } from "./structured-data.ts";
import type { ArticleSummary } from "./view-models.ts";

export interface HomeData {
  top: ArticleSummary | null;
  latest: ArticleSummary[];
  sectionBlocks: { section: SectionNode; articles: ArticleSummary[] }[];
  mostRead: ArticleSummary[];
}

function TopStory({ article }: { article: ArticleSummary }) {
  return (
    <article class="top-story">
      {article.leadImage ? (
        <div class="top-story__image">
          <Picture image={article.leadImage} sizes="(max-width: 760px) 100vw, 640px" eager />
        </div>
      ) : null}
      <div class="top-story__text">
        <h2 class="top-story__title">
          <AdLabel sponsored={article.sponsored} />
          <a href={paths.article(article.num)}>{article.title}</a>
        </h2>
        {article.subtitle ? <p class="top-story__subtitle">{article.subtitle}</p> : null}
        <p class="top-story__excerpt">{article.excerpt}</p>
        <p class="card__meta">
          {article.byline ? <span class="card__author">{article.byline.name} 기자</span> : null}
          <KstTime at={article.publishedAt} withSeconds={false} />
        </p>
      </div>
    </article>
  );
}

export function HomePage({ chrome, assets, data }: { chrome: Chrome; assets: Assets; data: HomeData }) {
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: "",
        description: `${chrome.site.name} - 기업, 산업, 금융, 경제 뉴스`,
        canonical: paths.home(),
        jsonLd: graph(websiteJsonLd(chrome), organizationJsonLd(chrome)),
      }}
    >
      <h1 class="visually-hidden">{chrome.site.name}</h1>
      <div class="with-sidebar">
        <div class="home-main">
          {data.top ? <TopStory article={data.top} /> : <p class="empty">아직 발행된 기사가 없습니다.</p>}
          {data.latest.length ? (
            <section class="latest" aria-labelledby="latest-title">
              <h2 id="latest-title" class="box-title">
                최신 기사
              </h2>
              {data.latest.map((a) => (
                <ArticleCard key={a.id} article={a} />
              ))}
            </section>
          ) : null}
          <div class="section-blocks">
            {data.sectionBlocks.map(({ section, articles }) => (
              <section class="section-block" key={section.id} aria-labelledby={`block-${section.id}`}>
                <h2 id={`block-${section.id}`} class="box-title">
                  <a href={paths.section(section.slug)}>{section.name}</a>
                </h2>
                {articles.map((a, i) => (
                  <ArticleCard key={a.id} article={a} withImage={i === 0} withExcerpt={i === 0} />
                ))}
              </section>
            ))}
          </div>
        </div>
        <aside class="sidebar">
          <MostReadList articles={data.mostRead} />
          <YouthOfficerNotice legal={chrome.site.legal} />
        </aside>
      </div>
    </Layout>
  );
}
