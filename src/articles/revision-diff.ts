import { diffWordsWithSpace } from "diff";
import { htmlToText } from "../lib/sanitize-html.ts";

/** A field's two versions, as the two columns of a side-by-side view. */
export interface DiffRow {
  left: { text: string; kind: "same" | "removed" }[];
  right: { text: string; kind: "same" | "added" }[];
  changed: boolean;
}

/** Body HTML as readable text, one block per line, so a diff follows paragraphs. */
export function bodyAsText(html: string): string {
  return html
    .split(/(?=<(?:p|h2|h3|blockquote|li|figure)\b)/i)
    .map((block) => htmlToText(block))
    .filter(Boolean)
    .join("\n");
}

/** A word-level diff of two texts, as the two columns of a side-by-side view. */
export function sideBySide(before: string, after: string): DiffRow {
  const left: DiffRow["left"] = [];
  const right: DiffRow["right"] = [];
  let changed = false;
  for (const part of diffWordsWithSpace(before, after)) {
    if (part.added) {
      right.push({ text: part.value, kind: "added" });
      changed = true;
    } else if (part.removed) {
      left.push({ text: part.value, kind: "removed" });
      changed = true;
    } else {
      left.push({ text: part.value, kind: "same" });
      right.push({ text: part.value, kind: "same" });
    }
  }
  return { left, right, changed };
}
