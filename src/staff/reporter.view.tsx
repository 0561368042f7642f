import type { ArticleSummary } from "../articles/article.ts";
import type { StaffRow } from "../db/schema.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { ArticleCard, Pagination, reporterPath } from "../web/public/components.tsx";
import { absoluteUrl, Layout } from "../web/public/layout.tsx";

export interface ReporterPageData {
  reporter: StaffRow;
  articles: ArticleSummary[];
  page: number;
  pages: number;
  total: number;
}

export function ReporterPage({
  chrome,
  assets,
  data,
}: {
  chrome: Chrome;
  assets: Assets;
  data: ReporterPageData;
}) {
  const { reporter: r, page } = data;
  const path = reporterPath(r.key);
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: `${r.name} 기자`,
        description: `${chrome.site.name} ${r.desk ?? ""} ${r.name} 기자의 기사`.replace(/\s+/g, " "),
        canonical: page > 1 ? `${path}?page=${page}` : path,
        feed: { title: `${r.name} 기자 - ${chrome.site.name}`, href: `${path}/rss.xml` },
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "Person",
          name: r.name,
          email: r.email,
          jobTitle: "기자",
          url: absoluteUrl(chrome.siteUrl, path),
          worksFor: { "@type": "NewsMediaOrganization", name: chrome.site.name },
        },
      }}
    >
      <header class="profile">
        <h1 class="profile__name">{r.name} 기자</h1>
        <p class="profile__meta">
          {r.desk ? <span>{r.desk}</span> : null}
          <a href={`mailto:${r.email}`}>{r.email}</a>
        </p>
        <p class="profile__count">기사 {data.total.toLocaleString("ko-KR")}건</p>
      </header>
      <div class="article-list">
        {data.articles.length ? (
          data.articles.map((a) => <ArticleCard key={a.id} article={a} headingLevel={2} />)
        ) : (
          <p class="empty">아직 발행된 기사가 없습니다.</p>
        )}
        <Pagination page={page} pages={data.pages} href={(n) => (n === 1 ? path : `${path}?page=${n}`)} />
      </div>
    </Layout>
  );
}
