import { AppError, fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import {
  countSectionUses,
  deleteSectionRow,
  findSectionById,
  findSectionBySlug,
  insertSection,
  updateSection,
} from "./section.repo.ts";
import { SECTION_SLUG } from "./section.ts";

/*
 * Sections are the navigation every public page carries in its frame, so each change below
 * announces `stale.everything` once its transaction has committed.
 */

/**
 * Adds a section. The tree has two levels: a child lives under a top section and its slug is
 * `parent/child`, which is also its address (/section/parent/child).
 */
export async function createSection(
  deps: UseCaseDeps,
  input: { slug: string; name: string; parentId: number | null; position: number },
): Promise<number> {
  let slug = input.slug;
  let id: number;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      if (input.parentId !== null) {
        const parent = await findSectionById(trx, input.parentId);
        if (!parent) throw fail("section_parent_missing");
        if (parent.parent_id !== null) throw fail("section_too_deep");
        slug = `${parent.slug}/${input.slug}`;
      }
      if (!SECTION_SLUG.test(slug) || slug.length > 120) throw fail("section_slug_invalid");
      if (await findSectionBySlug(trx, slug)) throw fail("section_slug_taken", slug);
      return insertSection(trx, {
        slug,
        name: input.name,
        parentId: input.parentId,
        position: input.position,
      });
    });
  } catch (error) {
    if (deps.dialect.isUniqueViolation(error)) throw fail("section_slug_taken", slug);
    throw error;
  }
  await deps.bus.announce([stale.everything]);
  return id;
}

/** Renames or reorders a section; its address (slug) stays, so links to it keep working. */
export async function editSection(
  deps: UseCaseDeps,
  id: number,
  fields: { name: string; position: number },
): Promise<void> {
  if (!(await updateSection(deps.db, id, fields))) throw fail("section_not_found");
  await deps.bus.announce([stale.everything]);
}

function inUse(uses: { articles: number; children: number }): AppError | null {
  if (uses.articles > 0) return fail("section_in_use", uses.articles);
  if (uses.children > 0) return fail("section_has_children");
  return null;
}

/** Deletes a section that no article (of any status) and no subsection uses. */
export async function deleteSection(deps: UseCaseDeps, id: number): Promise<void> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (!(await findSectionById(trx, id))) throw fail("section_not_found");
      const refusal = inUse(await countSectionUses(trx, id));
      if (refusal) throw refusal;
      await deleteSectionRow(trx, id);
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A story filed under it between our count and the delete: the foreign key refused the delete.
    const refusal = inUse(await countSectionUses(deps.db, id));
    if (refusal) throw refusal;
    throw error;
  }
  await deps.bus.announce([stale.everything]);
}
