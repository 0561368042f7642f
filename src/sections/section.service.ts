import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/dialect.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import {
  countSectionUses,
  deleteSectionRow,
  findSectionById,
  findSectionBySlug,
  insertSection,
  updateSection,
} from "./section.repo.ts";
import { SECTION_SLUG } from "./section.ts";

export const sectionNotFound = () => new AppError("section_not_found", 404, "섹션을 찾을 수 없습니다.");

const slugTaken = (slug: string) =>
  new AppError("section_slug_taken", 409, `주소 ‘${slug}’는 이미 다른 섹션이 쓰고 있습니다.`);

/**
 * Adds a section. The tree has two levels: a child lives under a top section and its slug is
 * `parent/child`, which is also its address (/section/parent/child).
 */
export async function createSection(
  db: Kysely<Database>,
  input: { slug: string; name: string; parentId: number | null; position: number },
): Promise<number> {
  let slug = input.slug;
  if (input.parentId !== null) {
    const parent = await findSectionById(db, input.parentId);
    if (!parent) throw new AppError("section_parent_missing", 400, "상위 섹션을 찾을 수 없습니다.");
    if (parent.parent_id !== null) {
      throw new AppError(
        "section_too_deep",
        400,
        "섹션은 두 단계까지만 만들 수 있습니다. 최상위 섹션을 골라 주세요.",
      );
    }
    slug = `${parent.slug}/${input.slug}`;
  }
  if (!SECTION_SLUG.test(slug) || slug.length > 120) {
    throw new AppError("section_slug_invalid", 400, "섹션 주소가 너무 길거나 올바르지 않습니다.");
  }
  if (await findSectionBySlug(db, slug)) throw slugTaken(slug);
  try {
    return await insertSection(db, {
      slug,
      name: input.name,
      parentId: input.parentId,
      position: input.position,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(slug);
    throw error;
  }
}

/** Renames or reorders a section; its address (slug) stays, so links to it keep working. */
export async function editSection(
  db: Kysely<Database>,
  id: number,
  fields: { name: string; position: number },
): Promise<void> {
  if (!(await updateSection(db, id, fields))) throw sectionNotFound();
}

function inUse(uses: { articles: number; children: number }): AppError | null {
  if (uses.articles > 0) {
    return new AppError(
      "section_in_use",
      409,
      `이 섹션에 기사 ${uses.articles}건이 있어 지울 수 없습니다. 기사를 다른 섹션으로 옮긴 뒤 지워 주세요.`,
    );
  }
  if (uses.children > 0) {
    return new AppError(
      "section_has_children",
      409,
      "하위 섹션이 있어 지울 수 없습니다. 하위 섹션을 먼저 지워 주세요.",
    );
  }
  return null;
}

/** Deletes a section that no article (of any status) and no subsection uses. */
export async function deleteSection(db: Kysely<Database>, id: number): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await findSectionById(trx, id))) throw sectionNotFound();
      const refusal = inUse(await countSectionUses(trx, id));
      if (refusal) throw refusal;
      await deleteSectionRow(trx, id);
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A story filed under it between our count and the delete: the foreign key refused the delete.
    const refusal = inUse(await countSectionUses(db, id));
    if (refusal) throw refusal;
    throw error;
  }
}
