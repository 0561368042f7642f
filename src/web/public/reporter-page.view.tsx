import { absoluteUrl } from "../paths.ts";
import type { Assets } from "./assets.ts";
import type { Chrome } from "./chrome.ts";
import { ArticleCard, Pagination } from "./components.tsx";
import { Layout } from "./layout.tsx";
import type { ReporterPage } from "./reporter-page.ts";

export function ReporterPageView({
  chrome,
  assets,
  data,
}: {
  chrome: Chrome;
  assets: Assets;
  data: ReporterPage;
}) {
  const { page, href: path } = data;
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: `${data.name} 기자`,
        description: `${chrome.site.name} ${data.desk ?? ""} ${data.name} 기자의 기사`.replace(/\s+/g, " "),
        canonical: page > 1 ? `${path}?page=${page}` : path,
        feed: { title: `${data.name} 기자 - ${chrome.site.name}`, href: data.feedHref },
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "Person",
          name: data.name,
          email: data.email,
          jobTitle: "기자",
          url: absoluteUrl(chrome.siteUrl, path),
          worksFor: { "@type": "NewsMediaOrganization", name: chrome.site.name },
        },
      }}
    >
      <header class="profile">
        <h1 class="profile__name">{data.name} 기자</h1>
        <p class="profile__meta">
          {data.desk ? <span>{data.desk}</span> : null}
          <a href={`mailto:${data.email}`}>{data.email}</a>
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
