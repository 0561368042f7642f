import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { cachePublicPage, sendPage, type WebContext } from "../web/context.ts";
import { PageQuery, parseInput } from "../web/validation.ts";
import { loadPersonPage } from "./person.page.ts";
import { PersonPage } from "./person.view.tsx";

const Params = z.object({ key: z.string().min(1).max(64) });

export function registerPersonRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/people/:key", async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw fail("person_not_found");
    const { page } = parseInput(PageQuery, request.query, "페이지 번호가 올바르지 않습니다.");
    const [chrome, person] = await Promise.all([
      ctx.chrome(),
      loadPersonPage(ctx.db, params.data.key, page, ctx.now()),
    ]);
    if (!person) throw fail("person_not_found");
    cachePublicPage(reply, chrome, [stale.person(params.data.key)]);
    return sendPage(reply, <PersonPage chrome={chrome} assets={ctx.assets} person={person} />);
  });
}
