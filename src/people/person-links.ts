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

/** A tag's name and whether it opens or closes (void tags such as <img> neither). */
function tagShape(raw: string): { name: string; kind: "open" | "close" | "void" } {
  const m = /^<\s*(\/)?\s*([a-z0-9]+)/i.exec(raw);
  const name = (m?.[2] ?? "").toLowerCase();
  if (m?.[1]) return { name, kind: "close" };
  if (raw.endsWith("/>") || /^(br|img|hr|wbr)$/.test(name)) return { name, kind: "void" };
  return { name, kind: "open" };
}

/** True if the tags among `pieces` open and close in pairs (so a link may wrap them whole). */
function balanced(pieces: readonly Piece[]): boolean {
  const stack: string[] = [];
  for (const p of pieces) {
    if (p.kind !== "tag") continue;
    const t = tagShape(p.raw);
    if (t.kind === "open") stack.push(t.name);
    else if (t.kind === "close" && stack.pop() !== t.name) return false;
  }
  return stack.length === 0;
}

/**
 * Pieces [from, to] that one element may wrap for the range [start, end) over text pieces
 * first..last: the tags among them must pair up, taking in opening tags right before the range when it
 * starts a text node and closing tags right after it when it ends one (<strong>한도</strong>윤,
 * 한<em>도윤</em>). Null when no such span exists.
 */
function wrapping(
  pieces: readonly Piece[],
  first: number,
  last: number,
  start: number,
  end: number,
): { from: number; to: number } | null {
  if (first === last) return { from: first, to: last };
  const firstText = pieces[first] as Extract<Piece, { kind: "text" }>;
  const lastText = pieces[last] as Extract<Piece, { kind: "text" }>;
  let left = 0;
  if (start === firstText.at) {
    while (first - left - 1 >= 0) {
      const p = pieces[first - left - 1] as Piece;
      if (p.kind !== "tag" || tagShape(p.raw).kind !== "open") break;
      left++;
    }
  }
  let right = 0;
  if (end === lastText.at + lastText.text.length) {
    while (last + right + 1 < pieces.length) {
      const p = pieces[last + right + 1] as Piece;
      if (p.kind !== "tag" || tagShape(p.raw).kind !== "close") break;
      right++;
    }
  }
  for (let l = 0; l <= left; l++) {
    for (let r = 0; r <= right; r++) {
      if (balanced(pieces.slice(first - l, last + r + 1))) return { from: first - l, to: last + r };
    }
  }
  return null;
}

/**
 * Replaces ranges of the linkable text with markup from `render`. A range may cross inline markup
 * inside one word (<strong>한도</strong>윤): when the tags inside it pair up, the markup wraps them
 * whole (<a><strong>한도</strong>윤</a>); otherwise each text node's share is wrapped on its own, with
 * `render`'s `part` telling which share it is. A range that overlaps an earlier one or no longer holds
 * its spelling is left as it is. Every text node touched is re-escaped from its decoded form, so
 * nothing from the body can become markup.
 */
function rewriteRanges<R extends Range>(
  html: string,
  ranges: readonly R[],
  render: (r: R, inner: string, part: number) => string,
): string {
  if (ranges.length === 0) return html;
  const { pieces, text } = walk(html);
  const sorted = [...ranges]
    .filter((r) => r.length > 0 && text.slice(r.start, r.start + r.length) === r.spelling)
    .sort((a, b) => a.start - b.start);
  // Which text pieces each range touches; ranges overlapping an earlier one are dropped.
  const textPieces = pieces.flatMap((p, i) => (p.kind === "text" ? [{ p, i }] : []));
  type Plan = { r: R; first: number; last: number; whole: { from: number; to: number } | null };
  const plans: Plan[] = [];
  let cursor = -1;
  for (const r of sorted) {
    if (r.start < cursor) continue;
    const end = r.start + r.length;
    const touched = textPieces.filter(
      ({ p }) => p.kind === "text" && p.at < end && p.at + p.text.length > r.start && p.text.length > 0,
    );
    const first = touched[0]?.i;
    const last = touched[touched.length - 1]?.i;
    if (first === undefined || last === undefined) continue;
    plans.push({ r, first, last, whole: wrapping(pieces, first, last, r.start, end) });
    cursor = end;
  }
  if (plans.length === 0) return html;
  let out = "";
  const textOf = (i: number) => pieces[i] as Extract<Piece, { kind: "text" }>;
  let i = 0;
  for (const plan of plans) {
    const { r } = plan;
    const end = r.start + r.length;
    const firstText = textOf(plan.first);
    const lastText = textOf(plan.last);
    if (plan.whole) {
      const { from, to } = plan.whole;
      for (; i < from; i++) out += (pieces[i] as Piece).raw;
      const s = r.start - firstText.at;
      const e = end - lastText.at;
      let inner = "";
      for (let j = from; j <= to; j++) {
        const p = pieces[j] as Piece;
        if (p.kind === "tag") inner += p.raw;
        else inner += escapeHtml(p.text.slice(j === plan.first ? s : 0, j === plan.last ? e : p.text.length));
      }
      out += escapeHtml(firstText.text.slice(0, s)) + render(r, inner, 0);
      if (to > plan.last) {
        i = to + 1;
        continue;
      }
      // The rest of the last text node is written with the next plan or the tail.
      pieces[plan.last] = {
        kind: "text",
        raw: escapeHtml(lastText.text.slice(e)),
        text: lastText.text.slice(e),
        at: end,
      };
      i = plan.last;
      continue;
    }
    for (; i < plan.first; i++) out += (pieces[i] as Piece).raw;
    let part = 0;
    for (let j = plan.first; j <= plan.last; j++) {
      const p = pieces[j] as Piece;
      if (p.kind === "tag") {
        out += p.raw;
        continue;
      }
      const from = Math.max(0, r.start - p.at);
      const to = Math.min(p.text.length, end - p.at);
      if (j === plan.last) {
        out += escapeHtml(p.text.slice(0, from)) + render(r, escapeHtml(p.text.slice(from, to)), part++);
        pieces[j] = {
          kind: "text",
          raw: escapeHtml(p.text.slice(to)),
          text: p.text.slice(to),
          at: p.at + to,
        };
      } else {
        out += escapeHtml(p.text.slice(0, from)) + render(r, escapeHtml(p.text.slice(from, to)), part++);
      }
    }
    i = plan.last;
  }
  for (; i < pieces.length; i++) out += (pieces[i] as Piece).raw;
  return out;
}

/** Wraps each link's range in `<a class="person-link">` (headline, meta and feeds never get these). */
export function insertPersonLinks(html: string, links: readonly BodyLink[]): string {
  return rewriteRanges(
    html,
    links,
    (l, inner) => `<a class="person-link" href="${escapeHtml(l.href)}">${inner}</a>`,
  );
}

/** Replaces ranges of the body's text with other text (표기 통일). */
export function replaceTextRanges(
  html: string,
  ranges: readonly (Range & { replacement: string })[],
): string {
  // Across markup the replacement goes where the spelling began; the other shares are emptied.
  return rewriteRanges(html, ranges, (r, _inner, part) => (part === 0 ? escapeHtml(r.replacement) : ""));
}
