import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError, fail } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { staffOf } from "../web/newsroom/auth.ts";
import { sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { paths } from "../web/paths.ts";
import { mayEditProfile, saveStaffProfile } from "./profile.service.ts";
import { ProfileForm, type ProfileLink, parseLinks } from "./profile.ts";
import { ProfileEditPage, type ProfileFormView } from "./profile.view.tsx";
import { findStaffProfile } from "./staff.repo.ts";

const Params = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** Editing public profiles: `/newsroom/account/profile` (one's own) and `/newsroom/staff/:id/profile`. */
export function registerProfileRoutes(app: FastifyInstance, ctx: WebContext): void {
  /** Who may edit is settled before the profile is read. */
  function target(request: FastifyRequest): number {
    const user = staffOf(request);
    const p = Params.safeParse(request.params);
    if (!p.success) throw fail("staff_not_found");
    if (!mayEditProfile(user, p.data.id)) throw fail("forbidden");
    return p.data.id;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    staffId: number,
    typed?: { values: ProfileFormView["values"]; error: string; status: number },
  ) {
    const staff = await findStaffProfile(ctx.db, staffId);
    if (!staff) throw fail("staff_not_found");
    const values = typed?.values ?? {
      photo: staff.photo_media_id === null ? "" : `#${staff.photo_media_id}`,
      jobTitle: staff.job_title ?? "",
      bio: staff.bio ?? "",
      links: parseLinks(staff.links),
    };
    return sendPage(
      reply,
      <ProfileEditPage
        {...(await pageBase(ctx, request))}
        profile={{
          staffId,
          name: staff.name,
          key: staff.key,
          values,
          photoSrc: staff.photo_path ? paths.media(staff.photo_path) : null,
          error: typed?.error ?? null,
        }}
      />,
      typed?.status ?? 200,
      "no-store",
    );
  }

  app.get("/newsroom/account/profile", async (request, reply) =>
    reply.redirect(`/newsroom/staff/${staffOf(request).id}/profile`, 303),
  );

  app.get("/newsroom/staff/:id/profile", async (request, reply) => render(request, reply, target(request)));

  app.post("/newsroom/staff/:id/profile", async (request, reply) => {
    const staffId = target(request);
    const sent = sentText(request.body);
    try {
      const parsed = ProfileForm.safeParse(request.body ?? {});
      if (!parsed.success) {
        throw fail("invalid_profile", parsed.error.issues[0]?.message ?? "입력한 값을 확인해 주세요.");
      }
      await saveStaffProfile({ db: ctx.db, bus: ctx.bus }, staffOf(request), staffId, parsed.data);
      return reply.redirect(`/newsroom/staff/${staffId}/profile?notice=profile_saved`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "invalid_profile") throw error;
      // Nothing typed is lost: the form comes back with it and the reason.
      const links: ProfileLink[] = [1, 2, 3, 4].map((i) => ({
        label: sent[`linkLabel${i}`] ?? "",
        url: sent[`linkUrl${i}`] ?? "",
      }));
      return render(request, reply, staffId, {
        values: { photo: sent.photo ?? "", jobTitle: sent.jobTitle ?? "", bio: sent.bio ?? "", links },
        error: error.message,
        status: error.status,
      });
    }
  });
}
