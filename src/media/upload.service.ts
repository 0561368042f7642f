import type { Kysely } from "kysely";
import type { Database, MediaRow } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { StaffUser } from "../staff/staff.ts";
import {
  fillMediaBlanks,
  type MediaFocus,
  type MediaText,
  updateMediaFocus,
  updateMediaText,
  upsertMedia,
} from "./media.repo.ts";
import { ImageError, type ProcessedImage, processImage } from "./media.service.ts";
import type { MediaStore } from "./media-store.ts";

export interface UploadDeps {
  db: Kysely<Database>;
  media: MediaStore;
  now: () => number;
}

/** One file as it arrived in a multipart request. */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** A file name as people see it in the library: no folders, no control characters, at most 300 characters. */
export function cleanFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean ? [...clean].slice(0, 300).join("") : null;
}

/**
 * Stores uploaded photos, all or none: every file is checked by its content (processImage) before a
 * row is written, so one text file named .jpg refuses the whole batch with its name in the message.
 * Files already written for the good ones stay on disk, content-addressed, and are reused when the
 * same photo comes again. The same bytes uploaded twice are one photo; the second upload only fills
 * in what the first left empty.
 */
export async function uploadPhotos(
  deps: UploadDeps,
  user: StaffUser,
  files: readonly UploadedFile[],
  text: MediaText,
): Promise<MediaRow[]> {
  if (files.length === 0) throw fail("no_file");
  const processed: { image: ProcessedImage; name: string | null }[] = [];
  for (const file of files) {
    const name = cleanFileName(file.filename);
    try {
      processed.push({ image: await processImage(deps.media, file.data), name });
    } catch (error) {
      if (error instanceof ImageError && files.length > 1 && name) {
        throw new ImageError(error.problem, name);
      }
      throw error;
    }
  }
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows: MediaRow[] = [];
    for (const { image, name } of processed) {
      const row = await upsertMedia(trx, {
        sha256: image.sha256,
        path: image.path,
        mime: image.mime,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
        variants: JSON.stringify(image.variants),
        created_at: now,
        uploaded_by: user.id,
        ...text,
        original_name: name,
      });
      // A no-op for a row just inserted; for a photo stored before, it fills what was left empty.
      await fillMediaBlanks(trx, row.id, { ...text, uploaded_by: user.id, original_name: name });
      if (!rows.some((r) => r.id === row.id)) rows.push(row);
    }
    return rows;
  });
}

/**
 * Changes the alt text, caption and credit a photo offers when it is used, and its focal point.
 * The words only fill new uses; the focal point moves every crop of the photo already shown, on
 * any page (lead photos, cards in every list), so a change of it makes every page stale.
 */
export async function editMedia(
  deps: Pick<UseCaseDeps, "db" | "bus">,
  id: number,
  edit: MediaText & MediaFocus,
): Promise<void> {
  const { focus_x, focus_y, ...text } = edit;
  const before = await deps.db.transaction().execute(async (trx) => {
    if (!(await updateMediaText(trx, id, text))) throw fail("media_not_found");
    return updateMediaFocus(trx, id, { focus_x, focus_y });
  });
  if (before && (before.focus_x !== focus_x || before.focus_y !== focus_y)) {
    await deps.bus.announce([stale.everything]);
  }
}
