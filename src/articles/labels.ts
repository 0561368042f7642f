import type { ArticleLabel } from "../db/schema.ts";

/**
 * Story labels (속보, 단독, …) and kinds (영상, 오피니언): their Korean names, the order they show in,
 * the prefix Korean portals expect in feed titles and `og:title` ("[단독] …"), and the rules their
 * input must follow. Pure: no database, no markup.
 */
export const ARTICLE_LABELS: readonly ArticleLabel[] = [
  "breaking",
  "exclusive",
  "feature",
  "interview",
  "photo",
  "video",
  "editorial",
  "column",
];

export const LABEL_NAMES: Record<ArticleLabel, string> = {
  breaking: "속보",
  exclusive: "단독",
  feature: "기획",
  interview: "인터뷰",
  photo: "포토",
  video: "영상",
  editorial: "사설",
  column: "칼럼",
};

/** How long a 속보 story's site-wide bar stays up unless an editor clears it first. */
export const BREAKING_BAR_MS = 30 * 60_000;

export function isArticleLabel(value: string): value is ArticleLabel {
  return (ARTICLE_LABELS as readonly string[]).includes(value);
}

/** Labels in display order, each once. */
export function sortLabels(labels: Iterable<ArticleLabel>): ArticleLabel[] {
  const set = new Set(labels);
  return ARTICLE_LABELS.filter((l) => set.has(l));
}

/**
 * Lists carry labels as one number (a bit per label) so that one portable `sum()` subquery serves
 * SQLite and PostgreSQL alike: no per-dialect string aggregation in the query every list runs.
 */
export function labelBit(label: ArticleLabel): number {
  return 1 << ARTICLE_LABELS.indexOf(label);
}

export function labelsFromBits(bits: number | string | bigint | null): ArticleLabel[] {
  const n = Number(bits ?? 0);
  return ARTICLE_LABELS.filter((l) => (n & labelBit(l)) !== 0);
}

/** "[속보][단독] 제목": what feeds and og:title show; a title without labels is unchanged. */
export function labelledTitle(title: string, labels: readonly ArticleLabel[]): string {
  const prefix = sortLabels(labels)
    .map((l) => `[${LABEL_NAMES[l]}]`)
    .join("");
  return prefix ? `${prefix} ${title}` : title;
}

/** 사설 and 칼럼 are opinion: the page shows the writer (name and photo) above the text. */
export function isOpinion(labels: readonly ArticleLabel[]): boolean {
  return labels.includes("editorial") || labels.includes("column");
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * A YouTube video id from what an editor pastes: the id itself or a watch, share, shorts or embed
 * URL of youtube.com / youtu.be. Returns null for anything else, so only a checked 11-character id is
 * ever stored and put into the embed URL.
 */
export function parseYouTubeId(input: string): string | null {
  const text = input.trim();
  if (YOUTUBE_ID.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, "");
  let id: string | null = null;
  if (host === "youtu.be") id = url.pathname.slice(1);
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    if (url.pathname === "/watch") id = url.searchParams.get("v");
    else {
      const m = /^\/(?:embed|shorts|live)\/([^/]+)\/?$/.exec(url.pathname);
      id = m?.[1] ?? null;
    }
  }
  return id !== null && YOUTUBE_ID.test(id) ? id : null;
}

/** The only embed URL the site makes: the privacy-enhanced host, which sets no cookie until play. */
export function youTubeEmbedUrl(id: string): string {
  return `https://www.youtube-nocookie.com/embed/${id}`;
}

export const YOUTUBE_FRAME_ORIGIN = "https://www.youtube-nocookie.com";

export const SERIES_KEY = /^[a-z0-9-]{1,60}$/;

/** "연재 3회" */
export function seriesPartLabel(part: number): string {
  return `연재 ${part}회`;
}
