const MAP: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** For the rare string built outside JSX (which escapes by itself): text into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MAP[c]!);
}

/**
 * JSON inside <script type="application/ld+json">: `<` is written as \u003c so no string in the data
 * can close the script element, and U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
