import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { pickArticlePerson, removeArticlePerson } from "../people/article-people.service.ts";
import { canEditArticle } from "../staff/staff.ts";
import type { WebContext } from "../web/context.ts";
import { staffOf } from "../web/newsroom/auth.ts";
import { parseInput } from "../web/validation.ts";
import { findEditable } from "./desk.repo.ts";
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
    if (!article) throw fail("article_not_found");
    if (!canEditArticle(user, { authorIds: article.authors.map((a) => a.id), status: article.status }))
      throw fail("forbidden", "edit_article");
    return user;
  }
  const back = (id: number, notice: string) => `/newsroom/articles/${id}/edit?notice=${notice}`;

  app.post("/newsroom/articles/:id/people/:personId/remove", async (request, reply) => {
    const { id, personId } = parseInput(PersonParams, request.params, "잘못된 요청입니다.");
    await editable(request, id);
    await removeArticlePerson(ctx, id, personId);
    return reply.redirect(back(id, "person_removed"), 303);
  });

  app.post("/newsroom/articles/:id/people/pick", async (request, reply) => {
    const { id } = parseInput(Params, request.params, "잘못된 요청입니다.");
    const form = parseInput(PickForm, request.body, "인물을 골라 주세요.");
    await editable(request, id);
    await pickArticlePerson(ctx, id, form.spelling, form.personId);
    return reply.redirect(back(id, "person_linked"), 303);
  });

  app.post("/newsroom/articles/:id/people/:personId/unify", async (request, reply) => {
    const { id, personId } = parseInput(PersonParams, request.params, "잘못된 요청입니다.");
    const user = await editable(request, id);
    await unifySpellings(ctx, user, id, personId);
    return reply.redirect(back(id, "names_unified"), 303);
  });
}
