import type { Assets } from "./assets.ts";
import type { Chrome } from "./chrome.ts";
import { ArticleCard, MostReadList, Pagination } from "./components.tsx";
import { PhotoStrip, SubtopStories, TopStory } from "./home.view.tsx";
import { Layout } from "./layout.tsx";
import type { SectionPage } from "./section-page.ts";

export function SectionPageView({
  chrome,
  assets,
  data,
}: {
  chrome: Chrome;
  assets: Assets;
  data: SectionPage;
}) {
  const { page, href: path } = data;
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      activeSectionId={data.id}
      meta={{
        title: page > 1 ? `${data.name} (${page}쪽)` : data.name,
        description: `${chrome.site.name} ${data.name} 섹션의 최신 기사`,
        canonical: page > 1 ? `${path}?page=${page}` : path,
        feed: { title: `${chrome.site.name} ${data.name}`, href: data.feedHref },
      }}
    >
      <div class="section-head">
        {data.trail.length ? (
          <nav class="breadcrumb" aria-label="현재 위치">
            <ol>
              {data.trail.map((s) => (
                <li key={s.id}>
                  <a href={s.href}>{s.name}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <h1 class="section-head__title">{data.name}</h1>
        {data.subnav.length ? (
          <nav class="subnav" aria-label={`${data.rootName} 하위 섹션`}>
            <ul>
              {data.subnav.map((s) => (
                <li key={s.id}>
                  <a href={s.href} aria-current={s.current ? "page" : undefined}>
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <div class="with-sidebar">
        <div class="article-list">
          {data.lead?.top ? <TopStory article={data.lead.top} /> : null}
          {data.lead ? <SubtopStories articles={data.lead.subtop} /> : null}
          {data.articles.length ? (
            data.articles.map((a) => <ArticleCard key={a.id} article={a} headingLevel={2} />)
          ) : data.lead?.top ? null : (
            <p class="empty">이 섹션에는 아직 기사가 없습니다.</p>
          )}
          {data.lead ? <PhotoStrip articles={data.lead.photos} /> : null}
          <Pagination page={page} pages={data.pages} href={(n) => (n === 1 ? path : `${path}?page=${n}`)} />
        </div>
        <aside class="sidebar">
          <MostReadList articles={data.mostRead} title={`${data.rootName} 인기기사`} />
        </aside>
      </div>
    </Layout>
  );
}
