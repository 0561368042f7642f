import type { ArticleSummary } from "../articles/article.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { ArticleCard, MostReadList, Pagination } from "../web/public/components.tsx";
import { Layout } from "../web/public/layout.tsx";
import { type SectionNode, sectionPath, sectionTrail } from "./section.ts";

export interface SectionPageData {
  section: SectionNode;
  articles: ArticleSummary[];
  page: number;
  pages: number;
  total: number;
  mostRead: ArticleSummary[];
}

export function SectionPage({
  chrome,
  assets,
  data,
}: {
  chrome: Chrome;
  assets: Assets;
  data: SectionPageData;
}) {
  const { section, page } = data;
  const root = section.parent ?? section;
  const path = sectionPath(section.slug);
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      activeSectionId={section.id}
      meta={{
        title: page > 1 ? `${section.name} (${page}쪽)` : section.name,
        description: `${chrome.site.name} ${section.name} 섹션의 최신 기사`,
        canonical: page > 1 ? `${path}?page=${page}` : path,
        feed: { title: `${chrome.site.name} ${section.name}`, href: `${path}/rss.xml` },
      }}
    >
      <div class="section-head">
        {section.parent ? (
          <nav class="breadcrumb" aria-label="현재 위치">
            <ol>
              {sectionTrail(section).map((s) => (
                <li key={s.id}>
                  <a href={sectionPath(s.slug)}>{s.name}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <h1 class="section-head__title">{section.name}</h1>
        {root.children.length ? (
          <nav class="subnav" aria-label={`${root.name} 하위 섹션`}>
            <ul>
              <li>
                <a href={sectionPath(root.slug)} aria-current={section.id === root.id ? "page" : undefined}>
                  전체
                </a>
              </li>
              {root.children.map((c) => (
                <li key={c.id}>
                  <a href={sectionPath(c.slug)} aria-current={section.id === c.id ? "page" : undefined}>
                    {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <div class="with-sidebar">
        <div class="article-list">
          {data.articles.length ? (
            data.articles.map((a) => <ArticleCard key={a.id} article={a} headingLevel={2} />)
          ) : (
            <p class="empty">이 섹션에는 아직 기사가 없습니다.</p>
          )}
          <Pagination page={page} pages={data.pages} href={(n) => (n === 1 ? path : `${path}?page=${n}`)} />
        </div>
        <aside class="sidebar">
          <MostReadList articles={data.mostRead} title={`${root.name} 인기기사`} />
        </aside>
      </div>
    </Layout>
  );
}
