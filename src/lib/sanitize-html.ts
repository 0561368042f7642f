import sanitize from "sanitize-html";

/**
 * The editor's allow-list (bundle.schema.json, articles[].body). Anything else is dropped: tags not
 * listed lose their markup but keep their text; script, style and the like lose both.
 */
const BODY_OPTIONS: sanitize.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "figure",
    "img",
    "figcaption",
    "br",
  ],
  allowedAttributes: { a: ["href"], img: ["src", "alt"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object"],
  transformTags: {
    b: "strong",
    i: "em",
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    a: (tagName, attribs): sanitize.Tag => {
      const href = attribs.href ?? "";
      // Links leaving the site must not hand it window.opener or leak the reader's URL.
      const external = /^https?:\/\//i.test(href);
      const out: sanitize.Attributes = external
        ? { href, rel: "noopener noreferrer", target: "_blank" }
        : { href };
      return { tagName, attribs: out };
    },
  },
  // rel and target above are set by us, not taken from input.
  allowedSchemesAppliedToAttributes: ["href", "src"],
  // Photos come from our media store or an absolute https URL; anything else would be a broken image.
  exclusiveFilter: (frame) =>
    frame.tag === "img" && !/^(https?:\/\/|\/media\/)/i.test(frame.attribs.src ?? ""),
};

// `rel`/`target` are produced by transformTags, so they must pass the attribute filter.
BODY_OPTIONS.allowedAttributes = { ...BODY_OPTIONS.allowedAttributes, a: ["href", "rel", "target"] };

/** Cleans article and event HTML to the allow-list. Idempotent: sanitising twice changes nothing. */
export function sanitizeBodyHtml(html: string): string {
  return sanitize(html, BODY_OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
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

/**
 * Plain text of an HTML fragment, for descriptions, feeds and search: tags removed, entities
 * decoded, whitespace collapsed. The result is text, to be escaped again wherever it is output.
 */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|h2|h3|li|blockquote|figcaption)>|<br\s*\/?>/gi, "$& ");
  const stripped = sanitize(withBreaks, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: BODY_OPTIONS.nonTextTags,
  });
  return decodeEntities(stripped).replace(/\s+/g, " ").trim();
}

const FIGURE = /<figure\b[^>]*>[\s\S]*?<\/figure>|<figcaption\b[^>]*>[\s\S]*?<\/figcaption>/gi;
const PARAGRAPH = /<p\b[^>]*>([\s\S]*?)<\/p>/gi;
/** A paragraph that is a photo caption in the old print convention (▲ …, or a lone <credit>). */
const CAPTION_PARAGRAPH = /^(▲|△|■ ?사진|\[사진|<[^<>]{1,40}>$|\(사진\s*=)/;

/**
 * The plain text of a body's paragraphs only, for summaries (teasers, descriptions, feed
 * descriptions): never a photo's caption or credit, a subhead, or a paragraph that is a caption
 * written the old way (`▲ 공장 내부 클린룸. <태성전자>`).
 */
export function paragraphText(html: string): string {
  const withoutFigures = html.replace(FIGURE, " ");
  const out: string[] = [];
  for (const m of withoutFigures.matchAll(PARAGRAPH)) {
    const text = htmlToText(m[1]!);
    if (text && !CAPTION_PARAGRAPH.test(text)) out.push(text);
  }
  return out.join(" ");
}

/**
 * The reader's prose of a body for search snippets: paragraphs, subheads, quotes and lists, without
 * figures and old-style caption paragraphs.
 */
export function proseText(html: string): string {
  return htmlToText(
    html
      .replace(FIGURE, " ")
      .replace(PARAGRAPH, (whole, inner: string) =>
        CAPTION_PARAGRAPH.test(htmlToText(inner)) ? " " : whole,
      ),
  );
}
