import type { FastifyInstance } from "fastify";
import { registerDeskRoutes } from "../../articles/article.newsroom.routes.tsx";
import { registerModerationRoutes } from "../../comments/moderation.routes.tsx";
import { registerEventNewsroomRoutes } from "../../events/event.newsroom.routes.tsx";
import { registerMediaRoutes } from "../../media/media.routes.tsx";
import { registerPersonNewsroomRoutes } from "../../people/person.newsroom.routes.tsx";
import { registerReadsNewsroomRoutes } from "../../ranking/reads.newsroom.routes.tsx";
import { registerSectionNewsroomRoutes } from "../../sections/section.newsroom.routes.tsx";
import { registerSiteSettingsRoutes } from "../../site/site-settings.routes.tsx";
import { registerStaffRoutes } from "../../staff/staff.routes.tsx";
import type { WebContext } from "../context.ts";
import { registerAccountRoutes } from "./account.routes.tsx";
import { newsroomGuard } from "./auth.ts";
import { editorBundle } from "./editor-bundle.ts";
import { registerSessionRoutes, registerSignOut } from "./session.routes.tsx";

/**
 * The staff side. Sign-in is open; everything else sits behind the guard (session + CSRF), and each
 * route checks the role it needs. Features register their newsroom routes in the guarded scope below.
 */
export async function registerNewsroom(app: FastifyInstance, ctx: WebContext): Promise<void> {
  app.decorateRequest("session", null);
  registerSessionRoutes(app, ctx);
  const editor = editorBundle();
  app.get("/newsroom/assets/editor.js", async (_request, reply) => {
    const asset = await editor();
    return reply
      .type(asset.type)
      .header("cache-control", "private, max-age=300")
      .header("etag", `"${asset.hash}"`)
      .send(asset.body);
  });
  await app.register(async (guarded) => {
    guarded.addHook("preHandler", newsroomGuard(ctx));
    registerSignOut(guarded, ctx);
    registerAccountRoutes(guarded, ctx);
    registerDeskRoutes(guarded, ctx);
    registerModerationRoutes(guarded, ctx);
    await registerMediaRoutes(guarded, ctx);
    registerStaffRoutes(guarded, ctx);
    registerSectionNewsroomRoutes(guarded, ctx);
    registerSiteSettingsRoutes(guarded, ctx);
    registerReadsNewsroomRoutes(guarded, ctx);
    registerEventNewsroomRoutes(guarded, ctx);
    registerPersonNewsroomRoutes(guarded, ctx);
  });
}
