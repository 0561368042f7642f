/**
 * The byte rule Korean comment boxes have used for decades: ASCII counts 1, every other code point
 * counts 2. Counting code points (not UTF-16 units) keeps an emoji at 2, never 1 (or 4).
 */
export function koreanByteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += ch.codePointAt(0)! > 0x7f ? 2 : 1;
  return bytes;
}

export const COMMENT_MAX_BYTES = 400;
