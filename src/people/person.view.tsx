import type { PersonRow } from "../db/schema.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { articlePath, KstTime, Pagination } from "../web/public/components.tsx";
import { absoluteUrl, Layout } from "../web/public/layout.tsx";
import { parseStringList } from "./person.repo.ts";

export const personPath = (key: string) => `/people/${encodeURIComponent(key)}`;

export function PersonPage({
  chrome,
  assets,
  person,
  events,
  articles = [],
  page = 1,
  pages = 1,
}: {
  chrome: Chrome;
  assets: Assets;
  person: PersonRow;
  events: { key: string; title: string }[];
  articles?: { num: number; title: string; excerpt: string; published_at: number | null }[];
  page?: number;
  pages?: number;
}) {
  const aliases = parseStringList(person.aliases);
  const position = [person.organization, person.role].filter(Boolean).join(" ");
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: position ? `${person.name} ${position}` : person.name,
        description: person.bio ?? `${person.name} ${position}`.trim(),
        canonical: personPath(person.key),
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "Person",
          name: person.name,
          ...(aliases.length ? { alternateName: aliases } : {}),
          ...(person.role ? { jobTitle: person.role } : {}),
          ...(person.organization
            ? { worksFor: { "@type": "Organization", name: person.organization } }
            : {}),
          url: absoluteUrl(chrome.siteUrl, personPath(person.key)),
        },
      }}
    >
      <header class="profile">
        <h1 class="profile__name">{person.name}</h1>
        {position ? <p class="profile__meta">{position}</p> : null}
        {aliases.length ? <p class="profile__count">다른 표기: {aliases.join(", ")}</p> : null}
      </header>
      {person.bio ? <p class="profile__bio">{person.bio}</p> : null}
      {events.length ? (
        <section aria-labelledby="person-events">
          <h2 id="person-events" class="box-title">
            연사로 나선 행사
          </h2>
          <ul class="event-list">
            {events.map((e) => (
              <li key={e.key} class="event-item">
                <a href={`/events/${e.key}`}>{e.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {articles.length ? (
        <section aria-labelledby="person-articles">
          <h2 id="person-articles" class="box-title">
            관련 기사
          </h2>
          <ul class="article-list person-articles">
            {articles.map((a) => (
              <li key={a.num} class="article-item">
                <a href={articlePath(a.num)}>{a.title}</a>
                {a.published_at !== null ? (
                  <>
                    {" "}
                    <KstTime at={a.published_at} withSeconds={false} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pages={pages}
            href={(n) => (n === 1 ? personPath(person.key) : `${personPath(person.key)}?page=${n}`)}
          />
        </section>
      ) : null}
    </Layout>
  );
}
