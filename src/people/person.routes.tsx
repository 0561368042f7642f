import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { findPersonByKey, listSpeakerEvents } from "./person.repo.ts";
import { PersonPage } from "./person.view.tsx";

const Params = z.object({ key: z.string().min(1).max(64) });

export function registerPersonRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/people/:key", async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw notFound("인물");
    const [chrome, person] = await Promise.all([ctx.chrome(), findPersonByKey(ctx.db, params.data.key)]);
    if (!person) throw notFound("인물");
    const events = await listSpeakerEvents(ctx.db, person.id);
    return sendPage(
      reply,
      <PersonPage chrome={chrome} assets={ctx.assets} person={person} events={events} />,
    );
  });
}
