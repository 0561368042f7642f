import multipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type AppError, fail } from "../lib/errors.ts";
import { resumeSession } from "../staff/auth.service.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { SESSION_COOKIE } from "../web/session-cookie.ts";
import { parseInput } from "../web/validation.ts";
import { countMediaLibrary, findMediaLibraryRow, listMediaLibrary } from "./media.repo.ts";
import { MAX_IMAGE_BYTES } from "./media.service.ts";
import { toImageView } from "./media.ts";
import {
  MAX_FILES_PER_UPLOAD,
  MediaDetailPage,
  type MediaLibraryData,
  MediaLibraryPage,
} from "./media.view.tsx";
import { editMedia, type UploadedFile, uploadPhotos } from "./upload.service.ts";

const PER_PAGE = 30;

const ListQuery = z.object({
  q: z.string().trim().max(100).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

const optionalText = (max: number, tooLong: string) =>
  z
    .string({ error: "입력한 값을 확인해 주세요." })
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || null);

/** The words a photo carries: the same fields on upload and on edit. */
const MediaTextForm = z.object({
  alt: optionalText(500, "대체 텍스트는 500자까지 쓸 수 있습니다."),
  caption: optionalText(2000, "사진 설명은 2000자까지 쓸 수 있습니다."),
  credit: optionalText(200, "출처는 200자까지 쓸 수 있습니다."),
});

/** A focal point coordinate: 0–100 percent, empty for the centre. */
const focusPercent = z
  .string({ error: "초점은 0에서 100 사이의 숫자로 적어 주세요." })
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(
    z
      .number({ error: "초점은 0에서 100 사이의 숫자로 적어 주세요." })
      .int("초점은 0에서 100 사이의 정수로 적어 주세요.")
      .min(0, "초점은 0에서 100 사이의 숫자로 적어 주세요.")
      .max(100, "초점은 0에서 100 사이의 숫자로 적어 주세요.")
      .nullable(),
  );

/** The library's edit form: the words, and where crops of the photo centre. */
const MediaEditForm = MediaTextForm.extend({ focus_x: focusPercent, focus_y: focusPercent });

/** A file part as the multipart parser hands it to the route (see `onFile` below). */
class ReceivedFile implements UploadedFile {
  constructor(
    readonly filename: string,
    readonly data: Buffer,
  ) {}
}

function receivedFiles(body: unknown): ReceivedFile[] {
  if (typeof body !== "object" || body === null) return [];
  return Object.values(body)
    .flat()
    .filter((v): v is ReceivedFile => v instanceof ReceivedFile);
}

/** Korean words for the multipart parser's limits, which it reports before any route code runs. */
function multipartError(error: FastifyError): AppError | null {
  switch (error.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return fail("image_too_large", MAX_IMAGE_BYTES / 1024 / 1024);
    case "FST_FILES_LIMIT":
      return fail("too_many_files", MAX_FILES_PER_UPLOAD);
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
      return fail("too_many_fields");
    case "FST_PROTO_VIOLATION":
    case "FST_MP_PREMATURE_CLOSE":
      return fail("invalid_upload");
    default:
      return null;
  }
}

/**
 * The media library: photos listed and searched, uploaded (a form, and a JSON endpoint for the
 * editor's script), and their default alt text, caption and credit edited. Needs `media.upload`.
 */
export async function registerMediaRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const deps = { db: ctx.db, media: ctx.media, now: ctx.now };

  async function renderLibrary(
    request: FastifyRequest,
    reply: FastifyReply,
    query: z.infer<typeof ListQuery>,
    extra: Pick<MediaLibraryData, "error" | "draft"> = {},
    status = 200,
  ) {
    const q = query.q || null;
    const total = await countMediaLibrary(ctx.db, q);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const page = Math.min(query.page, pages);
    const rows = await listMediaLibrary(ctx.db, { q, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const data: MediaLibraryData = { rows, q: query.q, page, pages, total, ...extra };
    return sendPage(
      reply,
      <MediaLibraryPage {...(await pageBase(ctx, request))} data={data} />,
      status,
      "no-store",
    );
  }

  function mediaId(params: unknown): number {
    const p = IdParams.safeParse(params);
    if (!p.success) throw fail("media_not_found");
    return p.data.id;
  }

  app.get("/newsroom/media", async (request, reply) => {
    requirePermission(request, "media.upload");
    const query = parseInput(ListQuery, request.query, "검색 조건이 올바르지 않습니다.");
    return renderLibrary(request, reply, query);
  });

  app.get("/newsroom/media/:id", async (request, reply) => {
    requirePermission(request, "media.upload");
    const row = await findMediaLibraryRow(ctx.db, mediaId(request.params));
    if (!row) throw fail("media_not_found");
    return sendPage(
      reply,
      <MediaDetailPage {...(await pageBase(ctx, request))} row={row} />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/media/:id", async (request, reply) => {
    requirePermission(request, "media.upload");
    const id = mediaId(request.params);
    try {
      await editMedia({ db: ctx.db, bus: ctx.bus }, id, parseForm(MediaEditForm, request.body));
    } catch (error) {
      const row = isFormError(error) ? await findMediaLibraryRow(ctx.db, id) : undefined;
      if (!row || !isFormError(error)) throw error;
      return sendPage(
        reply,
        <MediaDetailPage
          {...(await pageBase(ctx, request))}
          row={row}
          error={error}
          draft={sentText(request.body)}
        />,
        error.status,
        "no-store",
      );
    }
    return reply.redirect(`/newsroom/media/${id}?notice=saved`, 303);
  });

  // Uploads get a scope of their own, so that only these two routes accept multipart bodies.
  await app.register(async (uploads) => {
    // Checked before the body is read: without this, anyone could make us buffer ten 20 MB files
    // before the guard (a preHandler, after parsing) turns them away. The guard still runs after.
    uploads.addHook("onRequest", async (request) => {
      request.session = await resumeSession(
        { db: ctx.db, now: ctx.now },
        ctx.sessions.tokenOf(request.cookies[SESSION_COOKIE]),
      );
      requirePermission(request, "media.upload");
    });
    // Fields are attached to the body as strings so that the guard finds `_csrf` in a plain form;
    // files are read into memory (at most 10 × 20 MB) because processImage needs the whole buffer.
    await uploads.register(multipart, {
      attachFieldsToBody: "keyValues",
      limits: {
        fileSize: MAX_IMAGE_BYTES,
        files: MAX_FILES_PER_UPLOAD,
        fields: 8,
        parts: MAX_FILES_PER_UPLOAD + 8,
        fieldSize: 16 * 1024,
        fieldNameSize: 100,
        headerPairs: 100,
      },
      async onFile(this: FastifyRequest, part: MultipartFile) {
        const data = await part.toBuffer();
        // A form sent with no file chosen still carries an empty, nameless part.
        part.value = data.length === 0 && !part.filename ? null : new ReceivedFile(part.filename, data);
      },
    });

    uploads.setErrorHandler(async (error: FastifyError, request, reply) => {
      const mapped = multipartError(error);
      if (!mapped) throw error;
      if (request.url.startsWith("/newsroom/api/") || !request.session) throw mapped;
      return renderLibrary(request, reply, { q: "", page: 1 }, { error: mapped }, mapped.status);
    });

    uploads.post("/newsroom/media", async (request, reply) => {
      const user = requirePermission(request, "media.upload");
      try {
        const text = parseForm(MediaTextForm, request.body);
        await uploadPhotos(deps, user, receivedFiles(request.body), text);
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderLibrary(
          request,
          reply,
          { q: "", page: 1 },
          { error, draft: sentText(request.body) },
          error.status,
        );
      }
      return reply.redirect("/newsroom/media?notice=uploaded", 303);
    });

    // For the editor's script: one photo in, what it needs to show and pick it out.
    uploads.post("/newsroom/api/media", async (request) => {
      const user = requirePermission(request, "media.upload");
      const files = receivedFiles(request.body);
      if (files.length > 1) throw fail("one_file_only");
      const [row] = await uploadPhotos(deps, user, files, parseForm(MediaTextForm, request.body));
      const view = toImageView(row!, { alt: null, caption: null, credit: null });
      return {
        id: row!.id,
        src: view.src,
        width: view.width,
        height: view.height,
        webpSrcset: view.webpSrcset,
      };
    });
  });
}
