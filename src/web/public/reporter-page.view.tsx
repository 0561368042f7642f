import { absoluteUrl } from "../paths.ts";
import type { Assets } from "./assets.ts";
import type { Chrome } from "./chrome.ts";
import { ArticleCard, Pagination, Picture } from "./components.tsx";
import { Layout } from "./layout.tsx";
import type { ReporterPage } from "./reporter-page.ts";
import { bylineName } from "./view-models.ts";

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
  const title = bylineName(data);
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title,
        description: (data.bio ?? `${chrome.site.name} ${data.desk ?? ""} ${title}의 기사`).replace(
          /\s+/g,
          " ",
        ),
        canonical: page > 1 ? `${path}?page=${page}` : path,
        feed: { title: `${title} - ${chrome.site.name}`, href: data.feedHref },
        ...(data.photo
          ? {
              image: {
                src: data.photo.src,
                width: data.photo.width,
                height: data.photo.height,
                alt: data.photo.alt,
              },
            }
          : {}),
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "Person",
          name: data.name,
          email: data.email,
          jobTitle: data.jobTitle ?? "기자",
          ...(data.photo ? { image: absoluteUrl(chrome.siteUrl, data.photo.src) } : {}),
          ...(data.links.some((l) => l.url.startsWith("http"))
            ? { sameAs: data.links.filter((l) => l.url.startsWith("http")).map((l) => l.url) }
            : {}),
          url: absoluteUrl(chrome.siteUrl, path),
          worksFor: { "@type": "NewsMediaOrganization", name: chrome.site.name },
        },
      }}
    >
      <header class="profile">
        {data.photo ? (
          <div class="profile__photo">
            <Picture image={data.photo} sizes="96px" eager />
          </div>
        ) : null}
        <h1 class="profile__name">{title}</h1>
        <p class="profile__meta">
          {data.desk ? <span>{data.desk}</span> : null}
          <a href={`mailto:${data.email}`}>{data.email}</a>
        </p>
        {data.bio ? <p class="profile__bio">{data.bio}</p> : null}
        {data.links.length ? (
          <ul class="profile__links" aria-label="연락처">
            {data.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="me noopener">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
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
