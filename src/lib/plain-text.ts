/**
 * Plain-text fields (titles, subtitles, names) are text: kept as written and escaped where they are
 * shown, never run through an HTML sanitiser, so `x<y` and a title quoting `<script>` survive.
 */

const LINK = /<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi;

/**
 * The one repair the importer makes to a plain-text field: an `<a …>X</a>` that an old system leaked
 * into a title becomes `X`. Everything else (`<`, `>`, `&` included) is kept as written.
 */
export function unwrapLeakedLinks(text: string): { text: string; repaired: boolean } {
  const out = text.replace(LINK, "$1");
  return { text: out, repaired: out !== text };
}
