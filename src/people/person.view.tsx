import { absoluteUrl } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { KstTime, Pagination } from "../web/public/components.tsx";
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
        },
      }}
    >
      <header class="profile">
        <h1 class="profile__name">{person.name}</h1>
        {person.position ? <p class="profile__meta">{person.position}</p> : null}
        {person.aliases.length ? <p class="profile__count">다른 표기: {person.aliases.join(", ")}</p> : null}
      </header>
      {person.bio ? <p class="profile__bio">{person.bio}</p> : null}
      {person.events.length ? (
        <section aria-labelledby="person-events">
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
      {person.articles.length ? (
        <section aria-labelledby="person-articles">
          <h2 id="person-articles" class="box-title">
            관련 기사
          </h2>
          <ul class="article-list person-articles">
            {person.articles.map((a) => (
              <li key={a.num} class="article-item">
                <a href={a.href}>{a.title}</a>
                {a.publishedAt !== null ? (
                  <>
                    {" "}
                    <KstTime at={a.publishedAt} withSeconds={false} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination
            page={person.page}
            pages={person.pages}
            href={(n) => (n === 1 ? person.href : `${person.href}?page=${n}`)}
          />
        </section>
      ) : null}
    </Layout>
  );
}
