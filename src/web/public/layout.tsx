import type { ComponentChildren } from "preact";
import { jsonForScript } from "../../lib/escape-html.ts";
import { formatKstDate } from "../../lib/kst-time.ts";
import { absoluteUrl, paths } from "../paths.ts";
import type { Assets } from "./assets.ts";
import type { Chrome } from "./chrome.ts";
import { LegalFooter } from "./legal-footer.tsx";

export interface PageMeta {
  /** plain text; the site name is appended */
  title: string;
  /** what link previews show as the title when it differs ("[단독] …", as Korean portals expect) */
  ogTitle?: string;
  description?: string;
  /** path or absolute URL of the canonical page */
  canonical?: string;
  ogType?: "website" | "article";
  /** the page's own photo for link previews; without one, the paper's share image */
  image?: { src: string; width: number; height: number; alt: string } | null;
  jsonLd?: unknown;
  noindex?: boolean;
  extraMeta?: { property?: string; name?: string; content: string }[];
  feed?: { title: string; href: string };
}

export interface PageProps {
  chrome: Chrome;
  assets: Assets;
  meta: PageMeta;
  /** the current section, to mark it in the menu */
  activeSectionId?: number;
  children: ComponentChildren;
}

function EventBanner({ chrome }: { chrome: Chrome }) {
  const e = chrome.banner;
  if (!e) return null;
  return (
    <aside class="event-banner" aria-label="행사 안내">
      <a href={paths.event(e.key)}>
        <strong class="event-banner__title">{e.title}</strong>
        <span class="event-banner__when">
          {formatKstDate(e.starts_at)}
          {e.venue ? ` · ${e.venue}` : ""}
        </span>
        <span class="event-banner__cta">자세히 보기 ›</span>
      </a>
    </aside>
  );
}

/** 속보: the site-wide bar, until an editor clears it or its 30 minutes are up (chrome.ts). */
function BreakingBarStrip({ chrome }: { chrome: Chrome }) {
  const b = chrome.breaking;
  if (!b) return null;
  return (
    <aside class="breaking-bar" aria-label="속보">
      <a href={paths.article(b.num)}>
        <strong class="breaking-bar__label">속보</strong> <span class="breaking-bar__title">{b.title}</span>
      </a>
    </aside>
  );
}

function SiteHeader({ chrome, activeSectionId }: { chrome: Chrome; activeSectionId?: number }) {
  const active = activeSectionId === undefined ? undefined : chrome.sections.byId.get(activeSectionId);
  const activeRoot = active?.parent ?? active;
  return (
    <header class="site-header">
      <div class="site-header__bar">
        <a class="site-header__logo" href={paths.home()}>
          {chrome.site.name}
        </a>
        <form class="site-search" action={paths.search()} method="get" role="search">
          <label class="visually-hidden" for="site-search-q">
            기사 검색
          </label>
          <input
            id="site-search-q"
            class="site-search__input"
            type="search"
            name="q"
            maxLength={100}
            placeholder="기사 검색"
            autoComplete="off"
          />
          <button class="site-search__button" type="submit">
            검색
          </button>
        </form>
      </div>
      <nav class="site-nav" aria-label="섹션">
        <ul>
          <li>
            <a href={paths.home()}>홈</a>
          </li>
          {chrome.sections.roots.map((s) => (
            <li key={s.id}>
              <a href={paths.section(s.slug)} class={activeRoot?.id === s.id ? "is-active" : undefined}>
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function SiteFooter({ chrome }: { chrome: Chrome }) {
  const year = new Date(chrome.now + 9 * 3600_000).getUTCFullYear();
  return (
    <footer class="site-footer">
      <nav aria-label="섹션 전체">
        <ul>
          {chrome.sections.roots.map((s) => (
            <li key={s.id}>
              <a href={paths.section(s.slug)}>{s.name}</a>
            </li>
          ))}
          <li>
            <a href="/events">행사</a>
          </li>
          <li>
            <a href={paths.rss()}>RSS</a>
          </li>
        </ul>
      </nav>
      <LegalFooter siteName={chrome.site.name} legal={chrome.site.legal} year={year} />
    </footer>
  );
}

/** The frame of every public page: head with metadata, banner, header, content, footer. */
export function Layout({ chrome, assets, meta, activeSectionId, children }: PageProps) {
  const title = meta.title ? `${meta.title} - ${chrome.site.name}` : chrome.site.name;
  const canonical = meta.canonical ? absoluteUrl(chrome.siteUrl, meta.canonical) : undefined;
  const shared = meta.image ?? chrome.images.share;
  const image = absoluteUrl(chrome.siteUrl, shared.src);
  return (
    <html lang="ko">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <meta property="og:site_name" content={chrome.site.name} />
        <meta property="og:type" content={meta.ogType ?? "website"} />
        <meta property="og:title" content={meta.ogTitle || meta.title || chrome.site.name} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        <meta property="og:image" content={image} />
        <meta property="og:image:width" content={String(shared.width)} />
        <meta property="og:image:height" content={String(shared.height)} />
        <meta property="og:image:alt" content={shared.alt || meta.title || chrome.site.name} />
        <meta property="og:locale" content="ko_KR" />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={meta.ogTitle || meta.title || chrome.site.name} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        <meta name="twitter:image" content={image} />
        <meta name="twitter:image:alt" content={shared.alt || meta.title || chrome.site.name} />
        {(meta.extraMeta ?? []).map((m) => (
          <meta key={m.property ?? m.name} property={m.property} name={m.name} content={m.content} />
        ))}
        <link
          rel="alternate"
          type="application/rss+xml"
          title={meta.feed?.title ?? `${chrome.site.name} 전체 기사`}
          href={meta.feed?.href ?? paths.rss()}
        />
        <link rel="icon" href={chrome.images.icon(32)} sizes="32x32" />
        <link rel="icon" href={chrome.images.icon(192)} type="image/png" sizes="192x192" />
        <link rel="apple-touch-icon" href={chrome.images.icon(180)} />
        <link rel="manifest" href="/manifest.webmanifest" />
        <meta name="theme-color" content="#0b2545" />
        <link rel="stylesheet" href={assets.url("site.css")} />
        <link rel="stylesheet" href={assets.url("print.css")} media="print" />
        <script src={assets.url("site.js")} defer />
        {meta.jsonLd ? (
          <script
            type="application/ld+json"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be raw script text; jsonForScript serialises it with "<" escaped, so it cannot close the script element.
            dangerouslySetInnerHTML={{ __html: jsonForScript(meta.jsonLd) }}
          />
        ) : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          본문 바로가기
        </a>
        <BreakingBarStrip chrome={chrome} />
        <EventBanner chrome={chrome} />
        <SiteHeader chrome={chrome} activeSectionId={activeSectionId} />
        <main id="main" class="site-main">
          {children}
        </main>
        <SiteFooter chrome={chrome} />
      </body>
    </html>
  );
}
