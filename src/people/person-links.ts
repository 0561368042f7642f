import { escapeHtml } from "../lib/escape-html.ts";

/**
 * Person links in the article body, at render time (issue 4).
 *
 * Position scheme (what `article_people.start/length` mean): offsets, in UTF-16 code units, into the
 * *linkable text* of the sanitised `body_html` — the concatenation of its decoded text nodes, with
 * "\n" for every block boundary (p, h2, h3, li, blockquote, figure, figcaption, br) and for the
 * whole content of an existing `<a>` (text inside a link is never linked again, and a link is a word
 * break). `bodyLinkableText` computes that text; the matcher runs on it when a story is saved, and
 * `insertPersonLinks` walks the same text nodes to wrap the stored ranges. Because links are data and
 * markup is made per render, a renamed person or a removed link never leaves stale markup; a range
 * that no longer holds its spelling (the body changed without a recompute) is skipped.
 */

const BLOCK = /^<\/?(p|h2|h3|li|ul|ol|blockquote|figure|figcaption|br)\b/i;
const TOKEN = /<[^>]*>|[^<]+/g;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const cp =
        name[1] === "x" || name[1] === "X"
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

type Piece = { kind: "tag"; raw: string } | { kind: "text"; raw: string; text: string; at: number };

/** Splits sanitised HTML into tags and text nodes, giving each linkable text node its offset. */
function walk(html: string): { pieces: Piece[]; text: string } {
  const pieces: Piece[] = [];
  let text = "";
  let inLink = 0;
  for (const m of html.matchAll(TOKEN)) {
    const raw = m[0];
    if (raw.startsWith("<")) {
      pieces.push({ kind: "tag", raw });
      if (/^<a\b/i.test(raw)) {
        inLink++;
        text += "\n";
      } else if (/^<\/a\s*>/i.test(raw)) {
        inLink = Math.max(0, inLink - 1);
      } else if (BLOCK.test(raw)) {
        text += "\n";
      }
    } else if (inLink > 0) {
      pieces.push({ kind: "tag", raw });
    } else {
      const t = decode(raw);
      pieces.push({ kind: "text", raw, text: t, at: text.length });
      text += t;
    }
  }
  return { pieces, text };
}

/** The linkable text of a sanitised body, on which link positions are counted. */
export function bodyLinkableText(html: string): string {
  return walk(html).text;
}

export interface BodyLink {
  start: number;
  length: number;
  spelling: string;
  href: string;
}

interface Range {
  start: number;
  length: number;
  spelling: string;
}

/**
 * Replaces ranges of the linkable text with markup from `render`. A range that crosses a text node,
 * overlaps an earlier one or no longer holds its spelling is left as it is. Every text node touched
 * is re-escaped from its decoded form, so nothing from the body can become markup.
 */
function rewriteRanges<R extends Range>(
  html: string,
  ranges: readonly R[],
  render: (r: R) => string,
): string {
  if (ranges.length === 0) return html;
  const { pieces } = walk(html);
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = "";
  for (const piece of pieces) {
    if (piece.kind === "tag") {
      out += piece.raw;
      continue;
    }
    const end = piece.at + piece.text.length;
    const here = sorted.filter(
      (r) =>
        r.length > 0 &&
        r.start >= piece.at &&
        r.start + r.length <= end &&
        piece.text.slice(r.start - piece.at, r.start - piece.at + r.length) === r.spelling,
    );
    if (here.length === 0) {
      out += piece.raw;
      continue;
    }
    let cursor = 0;
    for (const r of here) {
      const s = r.start - piece.at;
      if (s < cursor) continue;
      out += escapeHtml(piece.text.slice(cursor, s)) + render(r);
      cursor = s + r.length;
    }
    out += escapeHtml(piece.text.slice(cursor));
  }
  return out;
}

/** Wraps each link's range in `<a class="person-link">` (headline, meta and feeds never get these). */
export function insertPersonLinks(html: string, links: readonly BodyLink[]): string {
  return rewriteRanges(
    html,
    links,
    (l) => `<a class="person-link" href="${escapeHtml(l.href)}">${escapeHtml(l.spelling)}</a>`,
  );
}

/** Replaces ranges of the body's text with other text (표기 통일). */
export function replaceTextRanges(
  html: string,
  ranges: readonly (Range & { replacement: string })[],
): string {
  return rewriteRanges(html, ranges, (r) => escapeHtml(r.replacement));
}
