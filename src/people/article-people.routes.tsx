import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { findEditable } from "../articles/desk.repo.ts";
import { AppError } from "../lib/errors.ts";
import { canEditArticle } from "../staff/staff.ts";
import type { WebContext } from "../web/context.ts";
import { staffOf } from "../web/newsroom/auth.ts";
import { parseInput } from "../web/validation.ts";
import { pickArticlePerson, removeArticlePerson } from "./article-people.service.ts";
import { unifySpellings } from "./spelling-unify.service.ts";

const Params = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const PersonParams = Params.extend({ personId: z.coerce.number().int().min(1).max(2_147_483_647) });
const PickForm = z.object({
  spelling: z.string().min(1).max(200),
  personId: z.coerce.number().int().min(1).max(2_147_483_647),
});

/**
 * The editor's person links (issue 4): remove a link, say who an ambiguous name is, unify spellings.
 * Whoever may edit the story may do these; each answers by going back to the editor.
 */
export function registerArticlePeopleRoutes(app: FastifyInstance, ctx: WebContext): void {
  async function editable(request: FastifyRequest, id: number) {
    const user = staffOf(request);
    const article = await findEditable(ctx.db, id);
    if (!article) throw new AppError("article_not_found", 404, "기사를 찾을 수 없습니다.");
    if (!canEditArticle(user, { authorIds: article.authors.map((a) => a.id), status: article.status }))
      throw new AppError("forbidden", 403, "이 기사를 고칠 권한이 없습니다.");
    return user;
  }
  const back = (id: number, notice: string) => `/newsroom/articles/${id}/edit?notice=${notice}`;

  app.post("/newsroom/articles/:id/people/:personId/remove", async (request, reply) => {
    const { id, personId } = parseInput(PersonParams, request.params, "잘못된 요청입니다.");
    await editable(request, id);
    await removeArticlePerson(ctx.db, id, personId);
    return reply.redirect(back(id, "person_removed"), 303);
  });

  app.post("/newsroom/articles/:id/people/pick", async (request, reply) => {
    const { id } = parseInput(Params, request.params, "잘못된 요청입니다.");
    const form = parseInput(PickForm, request.body, "인물을 골라 주세요.");
    await editable(request, id);
    const ok = await pickArticlePerson(ctx.db, id, form.spelling, form.personId);
    if (!ok) throw new AppError("invalid_person", 400, "이 표기로 그 인물을 연결할 수 없습니다.");
    return reply.redirect(back(id, "person_linked"), 303);
  });

  app.post("/newsroom/articles/:id/people/:personId/unify", async (request, reply) => {
    const { id, personId } = parseInput(PersonParams, request.params, "잘못된 요청입니다.");
    const user = await editable(request, id);
    await unifySpellings({ db: ctx.db, now: ctx.now }, user, id, personId);
    return reply.redirect(back(id, "names_unified"), 303);
  });
}
