/**
 * XML text and attribute escaping. Characters XML 1.0 forbids (most C0 controls) are dropped, since
 * one stray control character from an old CMS would make a whole feed unreadable to aggregators.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const MAP: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => MAP[c]!);
}

/** `<name>text</name>` with the text escaped; nothing when the value is empty. */
export function el(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined || value === ""
    ? ""
    : `<${name}>${escapeXml(String(value))}</${name}>`;
}
