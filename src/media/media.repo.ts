import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type { Database, MediaRow, MediaTable } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function findMediaBySha(db: Db, sha256: string): Promise<MediaRow | undefined> {
  return db.selectFrom("media").selectAll().where("sha256", "=", sha256).executeTakeFirst();
}

export function findMediaById(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts a media row, or returns the existing one with the same content. */
export async function upsertMedia(db: Db, row: Insertable<MediaTable>): Promise<MediaRow> {
  await db
    .insertInto("media")
    .values(row)
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  return (await findMediaBySha(db, row.sha256))!;
}

/** A photo as the newsroom's media library lists it, with the name of whoever uploaded it. */
export interface MediaLibraryRow {
  id: number;
  path: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  variants: string;
  created_at: number;
  alt: string | null;
  caption: string | null;
  credit: string | null;
  original_name: string | null;
  uploaded_by: number | null;
  uploader_name: string | null;
  focus_x: number | null;
  focus_y: number | null;
}

/** `%text%` for LIKE, with the wildcards and the escape character escaped (used with ESCAPE '\'). */
function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
}

function librarySearch(q: string | null) {
  // lower() on both sides: PostgreSQL's LIKE is case-sensitive and SQLite's is not, so both agree.
  // SQLite has no LIKE escape character unless told, hence ESCAPE on every comparison.
  return (eb: ExpressionBuilder<Database, "media">) => {
    if (!q) return eb.lit(true);
    const pattern = likeContains(q);
    return eb.or(
      (["media.caption", "media.credit", "media.original_name"] as const).map(
        (column) => sql<boolean>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  };
}

/** The library's page of photos, newest first, optionally matching `q` in caption, credit or file name. */
export function listMediaLibrary(
  db: Db,
  options: { q: string | null; limit: number; offset: number },
): Promise<MediaLibraryRow[]> {
  return db
    .selectFrom("media")
    .leftJoin("staff", "staff.id", "media.uploaded_by")
    .select([
      "media.id",
      "media.path",
      "media.mime",
      "media.width",
      "media.height",
      "media.bytes",
      "media.variants",
      "media.created_at",
      "media.alt",
      "media.caption",
      "media.credit",
      "media.original_name",
      "media.uploaded_by",
      "media.focus_x",
      "media.focus_y",
      "staff.name as uploader_name",
    ])
    .where(librarySearch(options.q))
    .orderBy("media.created_at", "desc")
    .orderBy("media.id", "desc")
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countMediaLibrary(db: Db, q: string | null): Promise<number> {
  const row = await db
    .selectFrom("media")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where(librarySearch(q))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findMediaLibraryRow(db: Db, id: number): Promise<MediaLibraryRow | undefined> {
  return db
    .selectFrom("media")
    .leftJoin("staff", "staff.id", "media.uploaded_by")
    .selectAll("media")
    .select("staff.name as uploader_name")
    .where("media.id", "=", id)
    .executeTakeFirst();
}

export interface MediaText {
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

/** Sets a photo's default alt text, caption and credit; false when there is no such photo. */
export async function updateMediaText(db: Db, id: number, text: MediaText): Promise<boolean> {
  const result = await db.updateTable("media").set(text).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A photo's focal point in percent; null for the centre. */
export interface MediaFocus {
  focus_x: number | null;
  focus_y: number | null;
}

/** Sets a photo's focal point; returns the one it had, or undefined when there is no such photo. */
export async function updateMediaFocus(
  db: Db,
  id: number,
  focus: MediaFocus,
): Promise<MediaFocus | undefined> {
  const before = await db
    .selectFrom("media")
    .select(["focus_x", "focus_y"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!before) return undefined;
  await db.updateTable("media").set(focus).where("id", "=", id).execute();
  return before;
}

/**
 * Fills in what an earlier store of the same photo left empty (a bundle import has no uploader, a
 * first upload may have had no caption), without overwriting what someone already wrote.
 */
export async function fillMediaBlanks(
  db: Db,
  id: number,
  values: MediaText & { uploaded_by: number; original_name: string | null },
): Promise<void> {
  await db
    .updateTable("media")
    .set((eb) => ({
      uploaded_by: eb.fn.coalesce("uploaded_by", eb.val(values.uploaded_by)),
      alt: eb.fn.coalesce("alt", eb.val(values.alt)),
      caption: eb.fn.coalesce("caption", eb.val(values.caption)),
      credit: eb.fn.coalesce("credit", eb.val(values.credit)),
      original_name: eb.fn.coalesce("original_name", eb.val(values.original_name)),
    }))
    .where("id", "=", id)
    .execute();
}
