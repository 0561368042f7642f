/** Small, honest HTML probes for tests: enough to find an element's text without a DOM library. */
export function textOf(html: string): string {
  return (
    html
      .replace(/<script[\s\S]*?<\/script>/gi, " ")
      .replace(/<style[\s\S]*?<\/style>/gi, " ")
      // inline elements join their text; block elements separate it
      .replace(/<\/?(span|a|strong|em|b|i|time|small|abbr)\b[^>]*>/gi, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The inner HTML of the first `tag` element whose opening tag matches `attrPattern`, nesting-aware. */
export function inner(html: string, tag: string, attrPattern = ""): string | null {
  const open = new RegExp(`<${tag}\\b[^>]*${attrPattern}[^>]*>`, "i").exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = start;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return null;
}

export function metaContent(html: string, key: string): string | null {
  const re = new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"`, "i");
  return re.exec(html)?.[1] ?? null;
}

export function jsonLd(html: string): unknown[] {
  const out: unknown[] = [];
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g))
    out.push(JSON.parse(m[1]!));
  return out;
}

/** Every JSON-LD object of a page, `@graph` blocks opened up. */
export function ldNodes(html: string): Record<string, unknown>[] {
  return jsonLd(html).flatMap((block) => {
    const b = block as Record<string, unknown>;
    return Array.isArray(b["@graph"]) ? (b["@graph"] as Record<string, unknown>[]) : [b];
  });
}

/** The page's JSON-LD object of the given @type. */
export function ldOfType(html: string, type: string): Record<string, unknown> | undefined {
  return ldNodes(html).find((n) => n["@type"] === type);
}
