import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { PageQuery, parseInput } from "../web/validation.ts";
import { countArticlesMentioning, listArticlesMentioning } from "./article-people.repo.ts";
import { findPersonByKey, listSpeakerEvents } from "./person.repo.ts";
import { PersonPage } from "./person.view.tsx";

/** Articles mentioning the person, per page of their profile. */
export const PERSON_ARTICLES_PER_PAGE = 20;

const Params = z.object({ key: z.string().min(1).max(64) });

export function registerPersonRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/people/:key", async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw notFound("인물");
    const [chrome, person] = await Promise.all([ctx.chrome(), findPersonByKey(ctx.db, params.data.key)]);
    if (!person) throw notFound("인물");
    const { page } = parseInput(PageQuery, request.query, "페이지 번호가 올바르지 않습니다.");
    const now = ctx.now();
    const [events, articles, total] = await Promise.all([
      listSpeakerEvents(ctx.db, person.id),
      listArticlesMentioning(
        ctx.db,
        person.id,
        now,
        PERSON_ARTICLES_PER_PAGE,
        (page - 1) * PERSON_ARTICLES_PER_PAGE,
      ),
      countArticlesMentioning(ctx.db, person.id, now),
    ]);
    return sendPage(
      reply,
      <PersonPage
        chrome={chrome}
        assets={ctx.assets}
        person={person}
        events={events}
        articles={articles}
        page={page}
        pages={Math.max(1, Math.ceil(total / PERSON_ARTICLES_PER_PAGE))}
      />,
    );
  });
}
