import { formatKstDate } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { POLICY_PAGES, type PolicySlug, paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { Layout } from "../web/public/layout.tsx";

export interface PolicyVersionInfo {
  version: number;
  effectiveAt: number;
}

export interface PolicyPageData {
  slug: PolicySlug;
  title: string;
  /** sanitised when saved, or the template built from the legal settings */
  html: string;
  /** null: the template (nothing saved yet) */
  shown: PolicyVersionInfo | null;
  /** the version in force now, when the page shows another */
  current: PolicyVersionInfo | null;
  /** every version whose effective time has come, newest first */
  versions: PolicyVersionInfo[];
}

export function PolicyPage({
  chrome,
  assets,
  data,
}: {
  chrome: Chrome;
  assets: Assets;
  data: PolicyPageData;
}) {
  const old = data.shown && data.current && data.shown.version !== data.current.version;
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{ title: data.title, canonical: paths.policy(data.slug), noindex: Boolean(old) }}
    >
      <article class="policy">
        <h1>{data.title}</h1>
        {data.shown ? (
          <p class="policy__effective">
            시행일 {formatKstDate(data.shown.effectiveAt)}
            {old ? (
              <>
                {" "}
                · 이전 판입니다. <a href={paths.policy(data.slug)}>현재 판 보기</a>
              </>
            ) : null}
          </p>
        ) : null}
        <div
          class="policy__body"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: saved policies are sanitised to the editor's allow-list (lib/sanitize-html.ts); templates escape every value they insert.
          dangerouslySetInnerHTML={{ __html: data.html }}
        />
        {data.versions.length > 1 ? (
          <nav class="policy__versions" aria-label="이전 판">
            <h2>바뀐 내역</h2>
            <ul>
              {data.versions.map((v) => (
                <li key={v.version}>
                  <a href={paths.policy(data.slug, v.version)}>
                    제{v.version}판 · 시행 {formatKstDate(v.effectiveAt)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </article>
    </Layout>
  );
}

type Base = Omit<NewsroomPageProps, "title" | "children">;

export function PolicyListPage(props: Base & { counts: Record<string, number> }) {
  return (
    <NewsroomLayout {...props} title="정책 페이지" active="settings">
      <div class="nr-head">
        <h1>정책 페이지</h1>
      </div>
      <ul class="nr-list">
        {POLICY_PAGES.map(([slug, title]) => (
          <li key={slug}>
            <a href={`/newsroom/policies/${slug}`}>{title}</a>{" "}
            <span class="nr-muted">{props.counts[slug] ? `${props.counts[slug]}개 판` : "기본 템플릿"}</span>
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}

export function PolicyEditPage(
  props: Base & {
    slug: PolicySlug;
    title: string;
    html: string;
    versions: PolicyVersionInfo[];
    error?: { code: string; message: string } | null;
  },
) {
  return (
    <NewsroomLayout {...props} title={props.title} active="settings">
      <div class="nr-head">
        <h1>{props.title}</h1>
        <a class="nr-button" href={paths.policy(props.slug)}>
          공개 페이지
        </a>
      </div>
      {props.error ? (
        <p class="nr-error" role="alert" data-code={props.error.code}>
          {props.error.message}
        </p>
      ) : null}
      <form method="post" action={`/newsroom/policies/${props.slug}`} class="nr-form">
        <Csrf token={props.csrfToken} />
        <label>
          <span>본문 (HTML)</span>
          <textarea name="html" rows={24} maxLength={200_000}>
            {props.html}
          </textarea>
          <small class="nr-hint">
            제목(h2, h3), 문단, 목록, 링크, 굵게를 쓸 수 있습니다. 그 밖의 태그는 저장할 때 빠집니다.
          </small>
        </label>
        <label>
          <span>시행일시 (비우면 지금)</span>
          <input type="datetime-local" name="effectiveAt" />
        </label>
        <div class="nr-actions">
          <button type="submit" class="nr-button nr-button--primary">
            새 판으로 저장
          </button>
        </div>
      </form>
      <h2>판</h2>
      <ul class="nr-history">
        {props.versions.map((v) => (
          <li key={v.version}>
            <a href={paths.policy(props.slug, v.version)}>
              제{v.version}판 · 시행 {formatKstDate(v.effectiveAt)}
            </a>
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}
