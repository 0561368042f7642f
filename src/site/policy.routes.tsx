import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type AppError, fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import { parseKstLocal } from "../lib/kst-input.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { cachePublicPage, sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { POLICY_PAGES, type PolicySlug } from "../web/paths.ts";
import { findPolicyInForce, findPolicyVersion, listPolicyVersions } from "./policy.repo.ts";
import { savePolicy } from "./policy.service.ts";
import { PolicyEditPage, PolicyListPage, PolicyPage } from "./policy.view.tsx";
import { policyTemplate } from "./policy-templates.ts";

const TITLES = new Map<string, string>(POLICY_PAGES);
const isSlug = (s: unknown): s is PolicySlug => typeof s === "string" && TITLES.has(s);

const VersionQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });

/** The public policy pages and their editor in the newsroom (admins: `settings.manage`). */
export function registerPolicyRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get("/policy/:slug", async (request, reply) => {
    const slug = (request.params as { slug?: string }).slug;
    if (!isSlug(slug)) throw fail("not_found", "페이지");
    const q = VersionQuery.safeParse(request.query);
    if (!q.success) throw fail("not_found", "판");
    const chrome = await ctx.chrome();
    const all = await listPolicyVersions(ctx.db, slug);
    const inForce = all.filter((v) => v.effective_at <= chrome.now);
    const current = await findPolicyInForce(ctx.db, slug, chrome.now);
    const shownRow = q.data.version ? await findPolicyVersion(ctx.db, slug, q.data.version) : current;
    // a version not yet in force is not public
    if (q.data.version && (!shownRow || shownRow.effective_at > chrome.now)) throw fail("not_found", "판");
    const info = (r: { version: number; effective_at: number }) => ({
      version: r.version,
      effectiveAt: r.effective_at,
    });
    // The next saved version takes over by the clock: the kept page must not outlive that moment.
    const next = all.filter((v) => v.effective_at > chrome.now).map((v) => v.effective_at);
    cachePublicPage(
      reply,
      chrome,
      [stale.policy(slug)],
      next.length ? Math.max(1, Math.min(...next) - chrome.now) : undefined,
    );
    return sendPage(
      reply,
      <PolicyPage
        chrome={chrome}
        assets={ctx.assets}
        data={{
          slug,
          title: TITLES.get(slug)!,
          html: shownRow ? shownRow.body_html : policyTemplate(slug, chrome.site.name, chrome.site.legal),
          shown: shownRow ? info(shownRow) : null,
          current: current ? info(current) : null,
          versions: inForce.map(info),
        }}
      />,
    );
  });
}

const PolicyForm = z.object({
  html: z.string({ error: "본문을 적어 주세요." }),
  effectiveAt: z.string().optional().default(""),
});

export function registerPolicyNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: UseCaseDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  const slugOf = (request: FastifyRequest): PolicySlug => {
    const slug = (request.params as { slug?: string }).slug;
    if (!isSlug(slug)) throw fail("not_found", "정책");
    return slug;
  };

  async function edit(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: PolicySlug,
    error?: AppError,
    html?: string,
  ) {
    const [versions, current, site] = await Promise.all([
      listPolicyVersions(ctx.db, slug),
      findPolicyInForce(ctx.db, slug, ctx.now()),
      ctx.chrome(),
    ]);
    return sendPage(
      reply,
      <PolicyEditPage
        {...(await pageBase(ctx, request))}
        slug={slug}
        title={TITLES.get(slug)!}
        html={html ?? current?.body_html ?? policyTemplate(slug, site.site.name, site.site.legal)}
        versions={versions.map((v) => ({ version: v.version, effectiveAt: v.effective_at }))}
        error={error ? { code: error.code, message: error.message } : null}
      />,
      error ? error.status : 200,
      "no-store",
    );
  }

  app.get("/newsroom/policies", async (request, reply) => {
    requirePermission(request, "settings.manage");
    const counts: Record<string, number> = {};
    for (const [slug] of POLICY_PAGES) counts[slug] = (await listPolicyVersions(ctx.db, slug)).length;
    return sendPage(
      reply,
      <PolicyListPage {...(await pageBase(ctx, request))} counts={counts} />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/policies/:slug", async (request, reply) => {
    requirePermission(request, "settings.manage");
    return edit(request, reply, slugOf(request));
  });

  app.post("/newsroom/policies/:slug", async (request, reply) => {
    const user = requirePermission(request, "settings.manage");
    const slug = slugOf(request);
    const body = request.body as { html?: unknown } | undefined;
    try {
      const parsed = PolicyForm.safeParse(body ?? {});
      if (!parsed.success) throw fail("invalid_form", "본문을 적어 주세요.");
      const at = parsed.data.effectiveAt.trim();
      const effectiveAt = at ? parseKstLocal(at) : null;
      if (at && effectiveAt === null) throw fail("invalid_form", "시행일시를 확인해 주세요.");
      await savePolicy(deps, user.id, slug, { html: parsed.data.html, effectiveAt });
    } catch (error) {
      if (!isFormError(error)) throw error;
      return edit(request, reply, slug, error, typeof body?.html === "string" ? body.html : undefined);
    }
    return reply.redirect(`/newsroom/policies/${slug}?notice=saved`, 303);
  });
}
