import type { SectionRow } from "../db/schema.ts";

export interface SectionNode {
  id: number;
  slug: string;
  name: string;
  position: number;
  parent: SectionNode | null;
  children: SectionNode[];
}

/** The two-level section tree, ordered by position then name; also indexed by id and slug. */
export interface SectionTree {
  roots: SectionNode[];
  byId: Map<number, SectionNode>;
  bySlug: Map<string, SectionNode>;
}

const byPosition = (a: SectionNode, b: SectionNode) =>
  a.position - b.position || a.name.localeCompare(b.name, "ko");

export function buildSectionTree(rows: readonly SectionRow[]): SectionTree {
  const byId = new Map<number, SectionNode>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      slug: r.slug,
      name: r.name,
      position: r.position,
      parent: null,
      children: [],
    });
  }
  const roots: SectionNode[] = [];
  for (const r of rows) {
    const node = byId.get(r.id)!;
    const parent = r.parent_id === null ? undefined : byId.get(r.parent_id);
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else roots.push(node);
  }
  roots.sort(byPosition);
  for (const n of byId.values()) n.children.sort(byPosition);
  const bySlug = new Map([...byId.values()].map((n) => [n.slug, n]));
  return { roots, byId, bySlug };
}

/** A section's own id and its children's: a top section's page lists its subsections' stories too. */
export function sectionAndDescendantIds(node: SectionNode): number[] {
  return [node.id, ...node.children.map((c) => c.id)];
}

/** Root first: [기업과산업, 전자·전기·정보통신]. */
export function sectionTrail(node: SectionNode): SectionNode[] {
  return node.parent ? [node.parent, node] : [node];
}

export const SECTION_SLUG = /^[a-z0-9-]+(\/[a-z0-9-]+)?$/;
