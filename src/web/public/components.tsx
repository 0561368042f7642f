import { formatKst, formatKstMinute, toKstIso } from "../../lib/kst-time.ts";
import { paths } from "../paths.ts";
import type { ArticleSummary, ImageView } from "./view-models.ts";

export function KstTime({ at, withSeconds = true }: { at: number; withSeconds?: boolean }) {
  return <time dateTime={toKstIso(at)}>{withSeconds ? formatKst(at) : formatKstMinute(at)}</time>;
}

/**
 * The classes that centre a cropped photo on its focal point, in steps of 10% (site.css has one rule
 * per step; the CSP allows no inline style attribute).
 */
export function focusClasses(focus: { x: number; y: number }): string | undefined {
  const step = (v: number) => Math.round(Math.min(100, Math.max(0, v)) / 10) * 10;
  const x = step(focus.x);
  const y = step(focus.y);
  return x === 50 && y === 50 ? undefined : `focus-x-${x} focus-y-${y}`;
}

/** A responsive photo: WebP renditions in srcset, the original as fallback, sized to avoid layout shift. */
export function Picture({
  image,
  sizes,
  eager = false,
}: {
  image: ImageView;
  sizes: string;
  eager?: boolean;
}) {
  return (
    <picture>
      {image.webpSrcset ? <source type="image/webp" srcSet={image.webpSrcset} sizes={sizes} /> : null}
      <img
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        fetchPriority={eager ? "high" : undefined}
        class={focusClasses(image.focus)}
      />
    </picture>
  );
}

export function ArticleCard({
  article,
  withImage = true,
  withExcerpt = true,
  headingLevel = 3,
}: {
  article: ArticleSummary;
  withImage?: boolean;
  withExcerpt?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const image = withImage ? article.leadImage : null;
  return (
    <article class={`card${image ? " card--with-image" : ""}`}>
      {image ? (
        <div class="card__image">
          <Picture image={image} sizes="(max-width: 640px) 30vw, 200px" />
        </div>
      ) : null}
      <div class="card__text">
        <Heading class="card__title">
          <a href={paths.article(article.num)}>{article.title}</a>
        </Heading>
        {withExcerpt && article.excerpt ? <p class="card__excerpt">{article.excerpt}</p> : null}
        <p class="card__meta">
          {article.byline ? <span class="card__author">{article.byline.name} 기자</span> : null}
          <KstTime at={article.publishedAt} withSeconds={false} />
        </p>
      </div>
    </article>
  );
}

/** 인기기사: title and reporter, numbered, as Korean papers show it. */
export function MostReadList({
  articles,
  title = "인기기사",
  id = "most-read-title",
}: {
  articles: ArticleSummary[];
  title?: string;
  /** the heading's id: unique on the page */
  id?: string;
}) {
  if (articles.length === 0) return null;
  return (
    <section class="most-read" aria-labelledby={id}>
      <h2 id={id} class="box-title">
        {title}
      </h2>
      <ol>
        {articles.map((a) => (
          <li key={a.id}>
            <a href={paths.article(a.num)}>
              <span class="most-read__title">{a.title}</span>
              {a.byline ? <span class="most-read__author">{a.byline.name} 기자</span> : null}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * 인기기사 on an article page: a box that the site script fills from `/fragments/most-read` (a page
 * of its own in the page cache), with a link to the full list for readers without scripts. The
 * ranking changes every half minute on a busy site; were the list in every article page, each
 * change would purge every kept article (and its ~450 bytes would ride in every one of them).
 */
export function MostReadSlot() {
  return (
    <section class="most-read" aria-labelledby="most-read-title" data-fragment={paths.mostReadFragment()}>
      <h2 id="most-read-title" class="box-title">
        인기기사
      </h2>
      <p class="most-read__more">
        <a href={paths.mostRead()}>인기기사 보기</a>
      </p>
    </section>
  );
}

/** Numbered pages with 이전/다음; `href(n)` builds the link of page n. */
export function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (n: number) => string;
}) {
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 4, pages - 9));
  const last = Math.min(pages, first + 9);
  const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <nav class="pagination" aria-label="페이지">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ‹ 이전
        </a>
      ) : null}
      {numbers.map((n) =>
        n === page ? (
          <strong key={n} aria-current="page">
            {n}
          </strong>
        ) : (
          <a key={n} href={href(n)}>
            {n}
          </a>
        ),
      )}
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          다음 ›
        </a>
      ) : null}
    </nav>
  );
}
