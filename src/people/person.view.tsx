import { absoluteUrl } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { ArticleCard, Pagination, Picture } from "../web/public/components.tsx";
import { Layout } from "../web/public/layout.tsx";
import type { PersonPageModel } from "./person.page.ts";

export function PersonPage({
  chrome,
  assets,
  person,
}: {
  chrome: Chrome;
  assets: Assets;
  person: PersonPageModel;
}) {
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: person.title,
        description: person.description,
        canonical: person.href,
        image: person.photo
          ? {
              src: person.photo.src,
              width: person.photo.width,
              height: person.photo.height,
              alt: person.name,
            }
          : null,
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "Person",
          name: person.name,
          ...(person.aliases.length ? { alternateName: person.aliases } : {}),
          ...(person.role ? { jobTitle: person.role } : {}),
          ...(person.organization
            ? { worksFor: { "@type": "Organization", name: person.organization } }
            : {}),
          url: absoluteUrl(chrome.siteUrl, person.href),
          ...(person.photo ? { image: absoluteUrl(chrome.siteUrl, person.photo.src) } : {}),
        },
      }}
    >
      <header class="profile profile--person">
        {person.photo ? (
          <div class="profile__photo">
            <Picture image={person.photo} sizes="96px" eager />
          </div>
        ) : (
          <p class="profile__initial" aria-hidden="true">
            {[...person.name][0]}
          </p>
        )}
        <div class="profile__text">
          <h1 class="profile__name">{person.name}</h1>
          {person.position ? (
            <p class="profile__meta">
              {person.organization ? <span class="profile__org">{person.organization}</span> : null}
              {person.organization && person.role ? " " : null}
              {person.role ? <span class="profile__role">{person.role}</span> : null}
            </p>
          ) : null}
          {person.aliases.length ? (
            <p class="profile__aliases">다른 표기: {person.aliases.join(", ")}</p>
          ) : null}
          <p class="profile__count">관련 기사 {person.total.toLocaleString("ko-KR")}건</p>
        </div>
      </header>
      {person.bio ? <p class="profile__bio">{person.bio}</p> : null}
      {person.events.length ? (
        <section class="person-events" aria-labelledby="person-events">
          <h2 id="person-events" class="box-title">
            연사로 나선 행사
          </h2>
          <ul class="event-list">
            {person.events.map((e) => (
              <li key={e.key} class="event-item">
                <a href={e.href}>{e.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="article-list" aria-labelledby="person-articles">
        <h2 id="person-articles" class="box-title">
          관련 기사
        </h2>
        {person.articles.length ? (
          person.articles.map((a) => <ArticleCard key={a.id} article={a} />)
        ) : (
          <p class="empty">이 인물이 나온 기사가 아직 없습니다.</p>
        )}
        <Pagination
          page={person.page}
          pages={person.pages}
          href={(n) => (n === 1 ? person.href : `${person.href}?page=${n}`)}
        />
      </section>
    </Layout>
  );
}
