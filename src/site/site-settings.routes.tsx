import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { fail } from "../lib/errors.ts";
import { withParticle } from "../lib/josa.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { can } from "../staff/staff.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { compactLegal, type LegalEditor, type LegalInfo, missingLegalFields } from "./legal.ts";
import { getSiteImageChoice } from "./site-images.repo.ts";
import { siteImagesView } from "./site-images.ts";
import { getSiteSettings } from "./site-settings.repo.ts";
import { saveLegalInfo, saveSiteIdentity } from "./site-settings.service.ts";
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

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${withParticle(label, "은/는")} ${max}자까지 쓸 수 있습니다.`)
    .optional()
    .default("");

/** The legal particulars form: editors come as editorName0/editorArea0 … (one row each). */
const LegalForm = z.object({
  title: optionalText(100, "제호"),
  registrationNumber: optionalText(50, "등록번호"),
  registeredOn: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "등록일은 2026-03-12 꼴로 적어 주세요."),
  publisher: optionalText(100, "발행인"),
  youthName: optionalText(100, "청소년보호책임자 이름"),
  youthContact: optionalText(200, "청소년보호책임자 연락처"),
  address: optionalText(300, "발행소 주소"),
  phone: optionalText(50, "전화번호"),
  email: z
    .string()
    .trim()
    .max(254, "대표 이메일이 너무 깁니다.")
    .optional()
    .default("")
    .refine((v) => v === "" || z.email().safeParse(v).success, "대표 이메일 주소를 확인해 주세요."),
  businessNumber: optionalText(50, "사업자등록번호"),
  ombudsman: optionalText(200, "고충처리인"),
});

export const MAX_LEGAL_EDITORS = 10;
const EditorName = z.string().trim().max(100, "편집인 이름은 100자까지 쓸 수 있습니다.");
const EditorArea = z.string().trim().max(100, "편집인 담당 분야는 100자까지 쓸 수 있습니다.");

/** One optional text field of a numbered row ("" when absent). */
function formText(schema: z.ZodString, value: unknown, field: string): string {
  if (value === undefined) return "";
  const r = schema.safeParse(value);
  if (!r.success)
    throw fail("invalid_form", r.error.issues[0]?.message ?? "입력한 값을 확인해 주세요.", {
      fields: [field],
    });
  return r.data;
}

function parseLegalForm(body: unknown): LegalInfo {
  const f = parseForm(LegalForm, body);
  const raw = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const editors: LegalEditor[] = [];
  for (let i = 0; i < MAX_LEGAL_EDITORS; i++) {
    const name = formText(EditorName, raw[`editorName${i}`], `editorName${i}`);
    const area = formText(EditorArea, raw[`editorArea${i}`], `editorArea${i}`);
    if (name) editors.push({ name, ...(area ? { area } : {}) });
    else if (area) throw fail("invalid_form", "편집인 이름을 적어 주세요.", { fields: [`editorName${i}`] });
  }
  if (!f.youthName && f.youthContact) {
    throw fail("invalid_form", "청소년보호책임자 이름을 적어 주세요.", { fields: ["youthName"] });
  }
  return compactLegal({
    title: f.title,
    registrationNumber: f.registrationNumber,
    registeredOn: f.registeredOn,
    publisher: f.publisher,
    editors,
    youthProtectionOfficer: f.youthName ? { name: f.youthName, contact: f.youthContact } : undefined,
    address: f.address,
    phone: f.phone,
    email: f.email,
    businessNumber: f.businessNumber,
    ombudsman: f.ombudsman,
  });
}

/** The paper's name, dateline, YouTube link, images and legal particulars. Needs `settings.manage`. */
export function registerSiteSettingsRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: UseCaseDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  // Admins are told on the newsroom home which particulars the law asks for are still missing.
  ctx.newsroomAlerts.push(async (user) => {
    if (!can(user.role, "settings.manage")) return [];
    const missing = missingLegalFields((await getSiteSettings(ctx.db)).legal);
    if (!missing.length) return [];
    return [
      {
        code: "legal_missing",
        level: "warning",
        href: "/newsroom/settings#legal",
        message: `법이 정한 표시 사항이 비어 있습니다: ${missing.join(", ")}. 사이트 설정에서 채워 주세요.`,
      },
    ];
  });

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<SiteSettingsPageData, "error" | "draft" | "legalError" | "legalDraft"> = {},
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

  app.post("/newsroom/settings/legal", async (request, reply) => {
    requirePermission(request, "settings.manage");
    try {
      await saveLegalInfo(deps, parseLegalForm(request.body));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return render(request, reply, { legalError: error, legalDraft: sentText(request.body) }, error.status);
    }
    return reply.redirect("/newsroom/settings?notice=legal_saved#legal", 303);
  });
}
