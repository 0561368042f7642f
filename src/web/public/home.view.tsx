import type { SectionNode } from "../../sections/section.ts";
import { paths } from "../paths.ts";
import type { Assets } from "./assets.ts";
import type { Chrome } from "./chrome.ts";
import { AdLabel, ArticleCard, KstTime, LabelBadges, MostReadList, Picture } from "./components.tsx";
import type { FrontSlots } from "./home.ts";
import { Layout } from "./layout.tsx";
import { YouthOfficerNotice } from "./legal-footer.tsx";
import { graph, organizationJsonLd, websiteJsonLd } from "./structured-data.ts";
import { type ArticleSummary, bylineName } from "./view-models.ts";

export interface HomeData extends FrontSlots<SectionNode> {
  mostRead: ArticleSummary[];
}

export function TopStory({ article }: { article: ArticleSummary }) {
  return (
    <article class="top-story" data-slot="top">
      {article.leadImage ? (
        <div class="top-story__image">
          <Picture image={article.leadImage} sizes="(max-width: 760px) 100vw, 640px" eager />
        </div>
      ) : null}
      <div class="top-story__text">
        <h2 class="top-story__title">
          <AdLabel sponsored={article.sponsored} />
          <LabelBadges labels={article.labels} />
          <a href={paths.article(article.num)}>{article.title}</a>
        </h2>
        {article.subtitle ? <p class="top-story__subtitle">{article.subtitle}</p> : null}
        <p class="top-story__excerpt">{article.excerpt}</p>
        <p class="card__meta">
          {article.byline ? <span class="card__author">{bylineName(article.byline)}</span> : null}
          <KstTime at={article.publishedAt} withSeconds={false} />
        </p>
      </div>
    </article>
  );
}

/** 서브톱: up to four stories under the top, in the desk's order (two columns from tablets up). */
export function SubtopStories({ articles }: { articles: ArticleSummary[] }) {
  if (!articles.length) return null;
  return (
    <section class="subtop" aria-label="서브톱" data-slot="subtop">
      {articles.map((a) => (
        <ArticleCard key={a.id} article={a} withExcerpt={false} />
      ))}
    </section>
  );
}

/** 포토: stories told by their photo, a strip that scrolls inside itself on phones. */
export function PhotoStrip({ articles }: { articles: ArticleSummary[] }) {
  if (!articles.length) return null;
  return (
    <section class="photo-strip" aria-labelledby="photo-strip-title" data-slot="photo">
      <h2 id="photo-strip-title" class="box-title">
        포토
      </h2>
      <ul class="photo-strip__list">
        {articles.map((a) =>
          a.leadImage ? (
            <li key={a.id} class="photo-strip__item">
              <Picture image={a.leadImage} sizes="(max-width: 640px) 45vw, 200px" />
              <a href={paths.article(a.num)} class="photo-strip__title">
                {a.title}
              </a>
            </li>
          ) : null,
        )}
      </ul>
    </section>
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
          <SubtopStories articles={data.subtop} />
          {data.main.length ? (
            <section class="latest" aria-labelledby="latest-title" data-slot="main">
              <h2 id="latest-title" class="box-title">
                주요 기사
              </h2>
              {data.main.map((a) => (
                <ArticleCard key={a.id} article={a} />
              ))}
            </section>
          ) : null}
          <div class="section-blocks">
            {data.sectionBlocks.map(({ section, articles }) => (
              <section
                class="section-block"
                key={section.id}
                aria-labelledby={`block-${section.id}`}
                data-slot={`block:${section.id}`}
              >
                <h2 id={`block-${section.id}`} class="box-title">
                  <a href={paths.section(section.slug)}>{section.name}</a>
                </h2>
                {articles.map((a, i) => (
                  <ArticleCard key={a.id} article={a} withImage={i === 0} withExcerpt={i === 0} />
                ))}
              </section>
            ))}
          </div>
          <PhotoStrip articles={data.photos} />
        </div>
        <aside class="sidebar">
          <MostReadList articles={data.mostRead} />
          <YouthOfficerNotice legal={chrome.site.legal} />
        </aside>
      </div>
    </Layout>
  );
}
