import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type AppError, fail } from "../lib/errors.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { SectionsPage, type SectionsPageData } from "./section.newsroom.view.tsx";
import { listSections } from "./section.repo.ts";
import { createSection, deleteSection, editSection } from "./section.service.ts";
import { buildSectionTree } from "./section.ts";

const Name = z
  .string({ error: "이름을 적어 주세요." })
  .trim()
  .min(1, "이름을 적어 주세요.")
  .max(100, "이름은 100자까지 쓸 수 있습니다.");

const Position = z
  .string({ error: "순서는 정수로 적어 주세요." })
  .trim()
  .regex(/^(-?\d{1,7})?$/, "순서는 정수로 적어 주세요.")
  .optional()
  .transform((v) => Number(v || 0))
  .refine((n) => Math.abs(n) <= 1_000_000, "순서는 -1000000부터 1000000 사이로 적어 주세요.");

const NewSectionForm = z.object({
  // 60 characters: what the public section routes accept for each part of the address
  slug: z
    .string({ error: "주소를 적어 주세요." })
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, "주소는 영문 소문자, 숫자, -로 60자까지 쓸 수 있습니다."),
  name: Name,
  parentId: z
    .union([z.literal(""), z.coerce.number().int().min(1).max(2_147_483_647)], {
      error: "상위 섹션을 다시 골라 주세요.",
    })
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  position: Position,
});

const EditSectionForm = z.object({ name: Name, position: Position });

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

function sectionId(params: unknown): number {
  const p = IdParams.safeParse(params);
  if (!p.success) throw fail("section_not_found");
  return p.data.id;
}

/** The section tree: add, rename and reorder, delete when unused. Needs `sections.manage`. */
export function registerSectionNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: UseCaseDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Omit<SectionsPageData, "tree"> = {},
    status = 200,
  ) {
    const tree = buildSectionTree(await listSections(ctx.db));
    return sendPage(
      reply,
      <SectionsPage {...(await pageBase(ctx, request))} data={{ tree, ...extra }} />,
      status,
      "no-store",
    );
  }

  /** Runs a change; a refusal shows the list again with the message (and the add form as it was typed). */
  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<unknown>,
    keepDraft = false,
  ) {
    try {
      await run();
    } catch (error) {
      if (!isFormError(error)) throw error;
      const draft = keepDraft ? sentText(request.body) : undefined;
      return render(request, reply, { error: error as AppError, draft }, error.status);
    }
    return reply.redirect("/newsroom/sections?notice=section_saved", 303);
  }

  app.get("/newsroom/sections", async (request, reply) => {
    requirePermission(request, "sections.manage");
    return render(request, reply);
  });

  app.post("/newsroom/sections", async (request, reply) => {
    requirePermission(request, "sections.manage");
    return change(request, reply, () => createSection(deps, parseForm(NewSectionForm, request.body)), true);
  });

  app.post("/newsroom/sections/:id", async (request, reply) => {
    requirePermission(request, "sections.manage");
    const id = sectionId(request.params);
    return change(request, reply, () => editSection(deps, id, parseForm(EditSectionForm, request.body)));
  });

  app.post("/newsroom/sections/:id/delete", async (request, reply) => {
    requirePermission(request, "sections.manage");
    const id = sectionId(request.params);
    return change(request, reply, () => deleteSection(deps, id));
  });
}
