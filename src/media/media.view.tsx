import { formatKstMinute } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { MediaLibraryRow } from "./media.repo.ts";
import { MAX_IMAGE_BYTES } from "./media.service.ts";
import { type MediaVariant, parseVariants } from "./media.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

/** How many photos one upload may carry (the multipart limit says the same). */
export const MAX_FILES_PER_UPLOAD = 10;

/** `350KB`, `4.2MB` */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))}KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)}MB`;
}

/** The smallest WebP rendition, which is plenty for a thumbnail. */
function thumbnailOf(row: Pick<MediaLibraryRow, "path" | "variants">): string {
  const smallest = parseVariants(row.variants).reduce<MediaVariant | null>(
    (best, v) => (best === null || v.width < best.width ? v : best),
    null,
  );
  return paths.media(smallest?.path ?? row.path);
}

/** A rendition for the photo's own page: the widest up to 960 px, or the smallest there is. */
function previewOf(row: Pick<MediaLibraryRow, "path" | "variants">): string {
  const fitting = parseVariants(row.variants).filter((v) => v.width <= 960);
  const widest = fitting.reduce<MediaVariant | null>(
    (best, v) => (best === null || v.width > best.width ? v : best),
    null,
  );
  return widest ? paths.media(widest.path) : thumbnailOf(row);
}

function ErrorLine({ error }: { error?: { code: string; message: string } | null }) {
  return error ? (
    <p class="nr-error" role="alert" data-code={error.code}>
      {error.message}
    </p>
  ) : null;
}

export type MediaTextDraft = Partial<Record<"alt" | "caption" | "credit" | "focus_x" | "focus_y", string>>;

/** Where crops of the photo (lead photos, cards) centre: percent from the left and from the top. */
function FocusFields({ values }: { values: MediaTextDraft }) {
  return (
    <fieldset class="nr-focus">
      <legend>초점 (사진을 일정한 비율로 자를 때 중심)</legend>
      <label>
        <span>가로 % (왼쪽 0 ~ 오른쪽 100)</span>
        <input
          name="focus_x"
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={values.focus_x ?? ""}
          placeholder="50"
        />
      </label>
      <label>
        <span>세로 % (위 0 ~ 아래 100)</span>
        <input
          name="focus_y"
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={values.focus_y ?? ""}
          placeholder="50"
        />
      </label>
      <small class="nr-hint">
        비워 두면 가운데입니다. 인물 사진은 얼굴 쪽으로 옮겨 주세요. 위 사진을 누르면 그 자리가 채워집니다.
      </small>
    </fieldset>
  );
}

function TextFields({ values }: { values: MediaTextDraft }) {
  return (
    <>
      <label>
        <span>사진 설명 (▲ 뒤에 나옵니다)</span>
        <input name="caption" maxLength={2000} value={values.caption ?? ""} />
      </label>
      <label>
        <span>출처</span>
        <input
          name="credit"
          maxLength={200}
          value={values.credit ?? ""}
          placeholder="예: 한빛경제, 누리통신"
        />
      </label>
      <label>
        <span>대체 텍스트 (화면 낭독기용)</span>
        <input name="alt" maxLength={500} value={values.alt ?? ""} />
      </label>
    </>
  );
}

export interface MediaLibraryData {
  rows: MediaLibraryRow[];
  q: string;
  page: number;
  pages: number;
  total: number;
  error?: { code: string; message: string } | null;
  /** what was typed into the upload form, shown again after a refused upload */
  draft?: MediaTextDraft;
}

function pageHref(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/newsroom/media?${s}` : "/newsroom/media";
}

export function MediaLibraryPage(props: Base & { data: MediaLibraryData }) {
  const { rows, q, page, pages, total } = props.data;
  return (
    <NewsroomLayout {...props} title="사진" active="media">
      <div class="nr-head">
        <h1>사진</h1>
        <p class="nr-meta">{q ? `‘${q}’ 검색 결과 ${total}장` : `모두 ${total}장`}</p>
      </div>
      <ErrorLine error={props.data.error} />
      <section class="nr-panel" aria-labelledby="upload">
        <h2 id="upload">사진 올리기</h2>
        <form method="post" action="/newsroom/media" enctype="multipart/form-data" class="nr-form">
          <Csrf token={props.csrfToken} />
          <label>
            <span>
              파일 (JPEG, PNG, WebP · 한 장에 {MAX_IMAGE_BYTES / 1024 / 1024}MB까지 · 한 번에{" "}
              {MAX_FILES_PER_UPLOAD}장까지)
            </span>
            <input type="file" name="file" accept="image/jpeg,image/png,image/webp" multiple required />
          </label>
          <TextFields values={props.data.draft ?? {}} />
          <small class="nr-hint">
            설명·출처·대체 텍스트는 이번에 올리는 사진 모두에 들어갑니다. 나중에 한 장씩 고칠 수 있습니다.
          </small>
          <div class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              올리기
            </button>
          </div>
        </form>
      </section>
      <form method="get" action="/newsroom/media" class="nr-search" role="search">
        <label>
          <span>설명·출처·파일 이름으로 찾기</span>
          <input type="search" name="q" value={q} maxLength={100} />
        </label>
        <button type="submit" class="nr-button">
          찾기
        </button>
      </form>
      {rows.length === 0 ? (
        <p class="nr-empty">{q ? "찾는 사진이 없습니다." : "아직 올린 사진이 없습니다."}</p>
      ) : (
        <ul class="nr-media-grid">
          {rows.map((m) => (
            <li key={m.id} class="nr-media-card">
              <a href={`/newsroom/media/${m.id}`} class="nr-media-card__thumb">
                <img
                  src={thumbnailOf(m)}
                  // the link's only content: it needs a name even for a photo without words yet
                  alt={m.alt ?? m.caption ?? m.original_name ?? `사진 #${m.id}`}
                  loading="lazy"
                  width={240}
                  height={Math.round((240 * m.height) / m.width)}
                />
              </a>
              <div class="nr-media-card__body">
                <a href={`/newsroom/media/${m.id}`} class="nr-media-card__name">
                  {m.original_name ?? `사진 #${m.id}`}
                </a>
                <p class="nr-meta">
                  {m.width}×{m.height} · {formatBytes(m.bytes)}
                </p>
                {m.caption ? <p class="nr-media-card__caption">{m.caption}</p> : null}
                {m.credit ? <p class="nr-meta">출처: {m.credit}</p> : null}
                <p class="nr-meta">
                  {m.uploader_name ?? "가져오기"} · {formatKstMinute(m.created_at)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav class="nr-pages" aria-label="쪽">
          {page > 1 ? <a href={pageHref(q, page - 1)}>‹ 이전</a> : null}
          <span>
            {page} / {pages}
          </span>
          {page < pages ? <a href={pageHref(q, page + 1)}>다음 ›</a> : null}
        </nav>
      ) : null}
    </NewsroomLayout>
  );
}

export function MediaDetailPage(
  props: Base & {
    row: MediaLibraryRow;
    error?: { code: string; message: string } | null;
    draft?: MediaTextDraft;
  },
) {
  const m = props.row;
  const variants = parseVariants(m.variants);
  const values: MediaTextDraft = props.draft ?? {
    alt: m.alt ?? "",
    caption: m.caption ?? "",
    credit: m.credit ?? "",
    focus_x: m.focus_x === null ? "" : String(m.focus_x),
    focus_y: m.focus_y === null ? "" : String(m.focus_y),
  };
  return (
    <NewsroomLayout {...props} title={m.original_name ?? `사진 #${m.id}`} active="media">
      <div class="nr-head">
        <h1>{m.original_name ?? `사진 #${m.id}`}</h1>
        <p class="nr-meta">
          <a href="/newsroom/media">‹ 사진 목록</a>
        </p>
      </div>
      <ErrorLine error={props.error} />
      <div class="nr-editor-layout">
        <section class="nr-panel">
          <img
            class="nr-media-preview"
            data-focus-preview
            src={previewOf(m)}
            alt={m.alt ?? m.caption ?? ""}
            width={m.width}
            height={m.height}
          />
          <form method="post" action={`/newsroom/media/${m.id}`} class="nr-form">
            <Csrf token={props.csrfToken} />
            <TextFields values={values} />
            <FocusFields values={values} />
            <small class="nr-hint">
              기사에 쓸 때 처음 채워지는 값입니다. 이미 실린 기사의 설명은 바뀌지 않습니다.
            </small>
            <div class="nr-actions">
              <button type="submit" class="nr-button nr-button--primary">
                저장
              </button>
            </div>
          </form>
        </section>
        <aside class="nr-panel">
          <h2>파일</h2>
          <dl class="nr-facts">
            <dt>번호</dt>
            <dd>#{m.id}</dd>
            <dt>크기</dt>
            <dd>
              {m.width}×{m.height} · {formatBytes(m.bytes)}
            </dd>
            <dt>형식</dt>
            <dd>{m.mime}</dd>
            <dt>올린 사람</dt>
            <dd>{m.uploader_name ?? "가져오기"}</dd>
            <dt>올린 때</dt>
            <dd>{formatKstMinute(m.created_at)}</dd>
          </dl>
          <h2>크기별 파일</h2>
          <ul class="nr-history">
            <li>
              <a href={paths.media(m.path)}>원본</a>
            </li>
            {variants.map((v) => (
              <li key={v.path}>
                <a href={paths.media(v.path)}>WebP {v.width}px</a>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </NewsroomLayout>
  );
}
