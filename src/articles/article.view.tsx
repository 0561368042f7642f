import { COMMENTS_PER_PAGE, maskNickname, type PublicComment } from "../comments/comment.ts";
import { escapeHtml } from "../lib/escape-html.ts";
import { COMMENT_MAX_BYTES } from "../lib/korean-bytes.ts";
import { toKstIso } from "../lib/kst-time.ts";
import { pictureBodyImages } from "../media/body-images.ts";
import { cropUrl } from "../media/crops.ts";
import { insertPersonLinks } from "../people/person-links.ts";
import type { SectionNode } from "../sections/section.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { ArticleCard, KstTime, MostReadSlot, Pagination, Picture } from "../web/public/components.tsx";
import { Layout } from "../web/public/layout.tsx";
import { breadcrumbJsonLd, graph, organizationJsonLd } from "../web/public/structured-data.ts";
import type { ArticlePageData } from "./article.service.ts";
import { type ArticleDetail, type ArticleNotice, NOTICE_LABELS, shownUpdatedAt } from "./article.ts";

/**
 * Opens the body with the paper's dateline, `[한빛경제] …`, inside the first paragraph as print
 * papers do. The body is sanitised HTML; the dateline is escaped here because it is spliced in.
 */
/**
 * A 정정·반론·추후보도 at the top of the story (언론중재법 §15③: where the report was, with the same
 * effect): the kind as its title, the agreed headline and text, and when it was published.
 */
function ArticleNoticeBox({ notice }: { notice: ArticleNotice }) {
  const label = NOTICE_LABELS[notice.kind];
  return (
    <aside class="article-notice" aria-label={label} data-notice-kind={notice.kind}>
      <p class="article-notice__kind">{label}</p>
      <h2 class="article-notice__title">{notice.title}</h2>
      {notice.body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={`${i}:${p.slice(0, 20)}`}>{p}</p>
        ))}
      <p class="article-notice__at">
        <KstTime at={notice.at} />
      </p>
    </aside>
  );
}

export function withDateline(bodyHtml: string, dateline: string): string {
  if (!dateline) return bodyHtml;
  const mark = `<span class="dateline">[${escapeHtml(dateline)}]</span> `;
  return bodyHtml.startsWith("<p>") ? `<p>${mark}${bodyHtml.slice(3)}` : `<p>${mark}</p>${bodyHtml}`;
}

/**
 * Each network reads the headline from the page's og:title when it fetches the link, so the links
 * carry only the address: a percent-encoded Korean headline is ~9 bytes a syllable, twice over, and
 * compresses badly (~150 bytes of every page on the wire).
 */
function shareLinks(url: string, youtubeUrl: string | null) {
  const u = encodeURIComponent(url);
  return [
    { id: "facebook", label: "페이스북", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { id: "x", label: "X(트위터)", href: `https://twitter.com/intent/tweet?url=${u}` },
    { id: "naver", label: "네이버", href: `https://share.naver.com/web/shareView?url=${u}` },
    { id: "kakaostory", label: "카카오스토리", href: `https://story.kakao.com/share?url=${u}` },
    ...(youtubeUrl ? [{ id: "youtube", label: "유튜브", href: youtubeUrl }] : []),
  ];
}

function ShareBar({ url, youtubeUrl }: { url: string; youtubeUrl: string | null }) {
  const [facebook, x, naver, kakaostory, youtube] = shareLinks(url, youtubeUrl);
  const link = (l: { id: string; label: string; href: string } | undefined, verb = "공유하기") =>
    l ? (
      <a class={`share__btn share__btn--${l.id}`} href={l.href} target="_blank" rel="noopener noreferrer">
        <span class="share__icon" aria-hidden="true" />
        <span class="share__label">
          {l.label}
          <span class="visually-hidden"> {verb}</span>
        </span>
      </a>
    ) : null;
  return (
    <div class="share" role="group" aria-label="공유하기">
      {link(facebook)}
      {link(x)}
      {link(naver)}
      <button type="button" class="share__btn share__btn--kakaotalk" data-share="kakaotalk" data-url={url}>
        <span class="share__icon" aria-hidden="true" />
        <span class="share__label">
          카카오톡<span class="visually-hidden"> 공유하기</span>
        </span>
      </button>
      {link(kakaostory)}
      {link(youtube, "채널")}
      <button type="button" class="share__btn share__btn--copy" data-share="copy" data-url={url}>
        <span class="share__icon" aria-hidden="true" />
        <span class="share__label">URL 복사</span>
      </button>
      <button type="button" class="share__btn share__btn--print" data-share="print">
        <span class="share__icon" aria-hidden="true" />
        <span class="share__label">인쇄하기</span>
      </button>
    </div>
  );
}

export const COMMENT_RULES = [
  `한글 ${COMMENT_MAX_BYTES / 2}자(${COMMENT_MAX_BYTES}byte)까지 입력할 수 있습니다.`,
  "남의 저작권이나 명예를 침해하는 댓글은 법에 따라 책임을 질 수 있습니다.",
  "욕설, 비하 표현, 인신공격이 담긴 댓글은 운영 원칙에 따라 관리자가 삭제합니다.",
];

function CommentSection({
  data,
  notice,
}: {
  data: ArticlePageData;
  notice: { text: string; error: boolean } | null;
}) {
  const { article, comments, commentCount, commentPage, commentSort } = data;
  const pages = Math.ceil(commentCount / COMMENTS_PER_PAGE);
  const base = paths.article(article.num);
  const sortQuery = commentSort === "likes" ? "&csort=likes" : "";
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="box-title">
        댓글 (<span data-comment-count>{commentCount}</span>)
      </h2>
      <form class="comment-form" method="post" action={`${base}/comments`} data-article={article.num}>
        <div class="comment-form__who">
          <label>
            <span>닉네임</span>
            <input name="nickname" required maxLength={20} autoComplete="nickname" />
          </label>
          <label>
            <span>비밀번호</span>
            <input
              name="password"
              type="password"
              required
              minLength={4}
              maxLength={64}
              autoComplete="new-password"
            />
          </label>
        </div>
        <label class="comment-form__body">
          <span>댓글</span>
          <textarea
            name="body"
            rows={4}
            required
            data-max-bytes={COMMENT_MAX_BYTES}
            aria-describedby="comment-bytes"
          />
        </label>
        <div class="comment-form__footer">
          <p id="comment-bytes" class="comment-form__counter" aria-live="polite">
            현재 <span data-byte-count>0</span> byte / 최대 {COMMENT_MAX_BYTES}byte
          </p>
          <button type="submit">등록</button>
        </div>
        <p
          class={`comment-form__message${notice && !notice.error ? " is-ok" : ""}`}
          role="alert"
          hidden={!notice}
        >
          {notice?.text ?? ""}
        </p>
      </form>
      <ul class="comment-rules">
        {COMMENT_RULES.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {commentCount > 1 ? (
        <nav class="comment-sort" aria-label="댓글 정렬">
          <a href={`${base}#comments`} aria-current={commentSort === "newest" ? "true" : undefined}>
            최신순
          </a>
          <a
            href={`${base}?csort=likes#comments`}
            aria-current={commentSort === "likes" ? "true" : undefined}
          >
            공감순
          </a>
        </nav>
      ) : null}
      {comments.length ? (
        <ol class="comment-list">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} />
          ))}
        </ol>
      ) : (
        <p class="comments__empty">첫 댓글을 남겨 주세요.</p>
      )}
      <Pagination page={commentPage} pages={pages} href={(n) => `${base}?cpage=${n}${sortQuery}#comments`} />
    </section>
  );
}

function CommentItem({ comment }: { comment: PublicComment }) {
  return (
    <li class="comment" id={`comment-${comment.id}`} data-comment-id={comment.id}>
      <p class="comment__meta">
        <strong class="comment__nick">{maskNickname(comment.nickname)}</strong>
        <KstTime at={comment.createdAt} withSeconds={false} />
      </p>
      <p class="comment__body">{comment.body}</p>
      <p class="comment__actions">
        <button type="button" data-vote="like">
          공감 <span data-likes>{comment.likes}</span>
        </button>
        <button type="button" data-vote="dislike">
          비공감 <span data-dislikes>{comment.dislikes}</span>
        </button>
        <button type="button" data-comment-report>
          신고
        </button>
        <button type="button" data-comment-delete>
          삭제
        </button>
      </p>
    </li>
  );
}

/**
 * NewsArticle as Google asks it: the image in 16:9, 4:3 and 1:1 (cut at the photo's focal point; the
 * paper's share image for a story without a photo), the publisher with its logo, and the breadcrumb
 * shown above the headline as a BreadcrumbList.
 */
function newsArticleJsonLd(a: ArticleDetail, url: string, chrome: Chrome, trail: readonly SectionNode[]) {
  const updated = shownUpdatedAt(a.publishedAt, a.updatedAt);
  const abs = (path: string) => absoluteUrl(chrome.siteUrl, path);
  const lead = a.leadImage;
  const images = lead
    ? (["16x9", "4x3", "1x1"] as const).map((shape) => abs(cropUrl(lead, shape)))
    : [abs(chrome.images.share.src)];
  const organization = organizationJsonLd(chrome);
  return graph(
    {
      "@type": "NewsArticle",
      headline: a.title,
      description: a.excerpt,
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      url,
      datePublished: toKstIso(a.publishedAt),
      dateModified: toKstIso(updated ?? a.publishedAt),
      ...(trail.length ? { articleSection: trail.at(-1)!.name } : {}),
      image: images,
      ...(a.tags.length ? { keywords: a.tags.join(", ") } : {}),
      author: a.authors.map((p) => ({
        "@type": "Person",
        name: p.name,
        jobTitle: "기자",
        url: abs(paths.reporter(p.key)),
      })),
      publisher: organization,
      inLanguage: "ko-KR",
    },
    breadcrumbJsonLd(
      chrome,
      trail.map((s) => ({ name: s.name, path: paths.section(s.slug) })),
    ),
  );
}

export function ArticlePage({
  chrome,
  assets,
  data,
  preview = false,
  commentNotice = null,
}: {
  chrome: Chrome;
  assets: Assets;
  data: ArticlePageData;
  /** after a form post without JavaScript: what happened to the comment */
  commentNotice?: { text: string; error: boolean } | null;
  /** the newsroom's preview: marked as such and never indexed */
  preview?: boolean;
}) {
  const { article: a, trail } = data;
  const url = absoluteUrl(chrome.siteUrl, paths.article(a.num));
  const section = trail.at(-1);
  const updated = shownUpdatedAt(a.publishedAt, a.updatedAt);
  const byline = a.authors[0];
  const signoff = a.authors.map((p) => `${p.name} 기자`).join(" · ");
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      activeSectionId={section?.id}
      meta={{
        title: a.title,
        description: a.excerpt,
        canonical: paths.article(a.num),
        noindex: preview,
        ogType: "article",
        image: a.leadImage
          ? {
              src: a.leadImage.src,
              width: a.leadImage.width,
              height: a.leadImage.height,
              alt: a.leadImage.alt,
            }
          : null,
        jsonLd: newsArticleJsonLd(a, url, chrome, trail),
        extraMeta: [
          { property: "article:published_time", content: toKstIso(a.publishedAt) },
          ...(updated ? [{ property: "article:modified_time", content: toKstIso(updated) }] : []),
          ...(section ? [{ property: "article:section", content: section.name }] : []),
        ],
      }}
    >
      {preview ? (
        <p class="preview-banner" role="note">
          미리보기입니다. 독자에게는 아직 보이지 않습니다.
        </p>
      ) : null}
      <div class="with-sidebar">
        <article class="article">
          {trail.length ? (
            <nav class="breadcrumb" aria-label="현재 위치">
              <ol>
                {trail.map((s) => (
                  <li key={s.id}>
                    <a href={paths.section(s.slug)}>{s.name}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          {a.notices.map((n) => (
            <ArticleNoticeBox key={n.id} notice={n} />
          ))}
          <header class="article__header">
            <h1 class="article__title">{a.title}</h1>
            {a.subtitle ? <p class="article__subtitle">{a.subtitle}</p> : null}
            <div class="article__byline">
              <p class="byline">
                {a.authors.map((p, i) => (
                  <span class="byline__person" key={p.key}>
                    {i > 0 ? " · " : null}
                    <a class="byline__name" href={paths.reporter(p.key)}>
                      {p.name} 기자
                    </a>{" "}
                    <a class="byline__email" href={`mailto:${p.email}`}>
                      {p.email}
                    </a>
                  </span>
                ))}
              </p>
              <p class="byline__times">
                <span>
                  입력 <KstTime at={a.publishedAt} />
                </span>
                {updated ? (
                  <>
                    {" "}
                    <span>
                      수정 <KstTime at={updated} />
                    </span>
                  </>
                ) : null}
              </p>
            </div>
            <div class="article__tools">
              <div class="font-size" role="group" aria-label="글자 크기">
                {/* The name holds the visible word (확대), so voice control finds the button by what it shows. */}
                <button type="button" data-font="up">
                  <span class="visually-hidden">글자 </span>확대
                </button>
                <button type="button" data-font="down">
                  <span class="visually-hidden">글자 </span>축소
                </button>
              </div>
              <ShareBar url={url} youtubeUrl={chrome.site.youtubeUrl} />
            </div>
            <p class="print-url">{url}</p>
          </header>
          {a.leadImage ? (
            <figure class="article__lead">
              <Picture image={a.leadImage} sizes="(max-width: 760px) 100vw, 720px" eager />
              {a.leadImage.caption || a.leadImage.credit ? (
                <figcaption>
                  ▲ {a.leadImage.caption}
                  {a.leadImage.credit ? <span class="credit"> &lt;{a.leadImage.credit}&gt;</span> : null}
                </figcaption>
              ) : null}
            </figure>
          ) : null}
          <div
            class="article__body"
            data-article-body
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the body was sanitised to the editor's allow-list when stored (lib/sanitize-html.ts); person links are added by walking its text nodes with every text escaped.
            dangerouslySetInnerHTML={{
              __html: withDateline(
                pictureBodyImages(insertPersonLinks(a.bodyHtml, data.personLinks ?? []), a.bodyImages),
                chrome.site.dateline,
              ),
            }}
          />
          {byline ? <p class="article__signoff">{signoff}</p> : null}
          {a.correction ? (
            <aside class="correction" aria-label="바로잡습니다">
              <strong>바로잡습니다</strong> <KstTime at={a.correction.at} />
              <p>{a.correction.note}</p>
            </aside>
          ) : null}
          <p class="article__claim">
            <a href={paths.correctionRequest(a.num)}>정정·반론보도 청구</a>
          </p>
          {a.tags.length ? (
            <ul class="article__tags" aria-label="태그">
              {a.tags.map((t) => (
                <li key={t}>#{t}</li>
              ))}
            </ul>
          ) : null}
          {data.related.length ? (
            <section class="related" aria-labelledby="related-title">
              <h2 id="related-title" class="box-title">
                관련 기사
              </h2>
              {data.related.map((r) => (
                <ArticleCard key={r.id} article={r} withExcerpt={false} />
              ))}
            </section>
          ) : null}
          <CommentSection data={data} notice={commentNotice} />
        </article>
        <aside class="sidebar">{preview ? null : <MostReadSlot />}</aside>
      </div>
    </Layout>
  );
}
