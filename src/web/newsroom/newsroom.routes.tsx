import type { FastifyInstance } from "fastify";
import type { WebContext } from "../context.ts";
import { sendAsset } from "../public/assets.ts";
import { registerAccountRoutes } from "./account.routes.tsx";
import { newsroomGuard } from "./auth.ts";
import { editorBundle } from "./editor-bundle.ts";
import { registerSessionRoutes, registerSignOut } from "./session.routes.tsx";

/** A feature's newsroom routes, registered into the guarded scope (see `registerNewsroom`). */
export type NewsroomRoutes = (guarded: FastifyInstance, ctx: WebContext) => void | Promise<void>;

/**
 * The staff side. Sign-in is open; everything else sits behind the guard (session + CSRF), and each
 * route checks the role it needs. The newsroom knows no feature: app.ts hands in each feature's
 * routes (`features`), which are registered in the guarded scope, in the order given.
 */
export async function registerNewsroom(
  app: FastifyInstance,
  ctx: WebContext,
  features: readonly NewsroomRoutes[],
): Promise<void> {
  app.decorateRequest("session", null);
  registerSessionRoutes(app, ctx);
  const editor = editorBundle();
  app.get("/newsroom/assets/editor.js", async (request, reply) =>
    sendAsset(request, reply, await editor(), "private, max-age=300"),
  );
  await app.register(async (guarded) => {
    guarded.addHook("preHandler", newsroomGuard(ctx));
    registerSignOut(guarded, ctx);
    registerAccountRoutes(guarded, ctx);
    for (const register of features) await register(guarded, ctx);
  });
}
