import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { getSiteImageChoice } from "./site-images.repo.ts";
import { siteImagesView } from "./site-images.ts";
import { getSiteSettings } from "./site-settings.repo.ts";
import { saveSiteIdentity } from "./site-settings.service.ts";
import { SiteSettingsPage, type SiteSettingsPageData } from "./site-settings.view.tsx";

const SettingsForm = z.object({
  name: z
    .string({ error: "매체 이름을 적어 주세요." })
    .trim()
    .min(1, "매체 이름을 적어 주세요.")
    .max(100, "매체 이름은 100자까지 쓸 수 있습니다."),
  dateline: z.string().trim().max(100, "날짜 머리말은 100자까지 쓸 수 있습니다.").optional().default(""),
  youtubeUrl: z
    .string()
    .trim()
    .max(2000, "유튜브 주소가 너무 깁니다.")
    .optional()
    .transform((v) => v || null)
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          error: "유튜브 주소는 http:// 또는 https://로 시작하는 주소여야 합니다.",
        })
        .nullable(),
    ),
});

/** A photo's number in the media library (#12 or 12), or empty for the drawn wordmark. */
const photoNumber = z
  .string()
  .trim()
  .max(20)
  .optional()
  .transform((v) => (v ? v.replace(/^#/, "") : ""))
  .pipe(
    z
      .string()
      .regex(/^\d{0,9}$/, "사진 번호는 사진 보관함의 숫자(#12)로 적어 주세요.")
      .transform((v) => (v ? Number(v) : null)),
  );

const IdentityForm = SettingsForm.extend({
  logoMedia: photoNumber,
  iconMedia: photoNumber,
  shareMedia: photoNumber,
}).transform(({ logoMedia, iconMedia, shareMedia, ...rest }) => ({
  ...rest,
  images: { logo: logoMedia, icon: iconMedia, share: shareMedia },
}));

/** The paper's name, dateline, YouTube link and images. Needs `settings.manage`. */
export function registerSiteSettingsRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: UseCaseDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<SiteSettingsPageData, "error" | "draft"> = {},
    status = 200,
  ) {
    const [settings, images] = await Promise.all([getSiteSettings(ctx.db), getSiteImageChoice(ctx.db)]);
    const data: SiteSettingsPageData = {
      settings,
      // versioned, so the previews change as soon as the choice does
      previews: (({ logo, share, icon }) => ({ logo: logo.src, share: share.src, icon: icon(192) }))(
        siteImagesView(settings.name, images),
      ),
      images: {
        logo: images.logo?.mediaId ?? null,
        icon: images.icon?.mediaId ?? null,
        share: images.share?.mediaId ?? null,
      },
      siteUrl: ctx.config.siteUrl,
      ...extra,
    };
    return sendPage(
      reply,
      <SiteSettingsPage {...(await pageBase(ctx, request))} data={data} />,
      status,
      "no-store",
    );
  }

  app.get("/newsroom/settings", async (request, reply) => {
    requirePermission(request, "settings.manage");
    return render(request, reply);
  });

  app.post("/newsroom/settings", async (request, reply) => {
    requirePermission(request, "settings.manage");
    try {
      await saveSiteIdentity(deps, parseForm(IdentityForm, request.body));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return render(request, reply, { error, draft: sentText(request.body) }, error.status);
    }
    return reply.redirect("/newsroom/settings?notice=settings_saved", 303);
  });
}
