import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type AppError, fail } from "../lib/errors.ts";
import { withParticle } from "../lib/josa.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { registerProfileRoutes } from "./profile.routes.tsx";
import { findStaffAccount, listStaffWithSignIns } from "./staff.repo.ts";
import { createStaff, resetStaffPassword, updateStaff } from "./staff.service.ts";
import { EditStaffPage, NewStaffPage, type StaffFormValues, StaffListPage } from "./staff.view.tsx";

const text = (label: string) => z.string({ error: `${withParticle(label, "을/를")} 적어 주세요.` }).trim();

const StaffFields = z.object({
  name: text("이름").min(1, "이름을 적어 주세요.").max(100, "이름은 100자까지 쓸 수 있습니다."),
  email: text("이메일")
    .min(1, "이메일을 적어 주세요.")
    .max(254, "이메일은 254자까지 쓸 수 있습니다.")
    .pipe(z.email({ error: "이메일 주소가 올바르지 않습니다." })),
  role: z.enum(["reporter", "editor", "moderator", "admin"], { error: "역할을 골라 주세요." }),
  desk: z
    .string()
    .trim()
    .max(100, "부서는 100자까지 쓸 수 있습니다.")
    .optional()
    .transform((v) => v || null),
});

const Password = z.string({ error: "비밀번호를 적어 주세요." }).max(500, "비밀번호가 너무 깁니다.");

const NewStaffForm = StaffFields.extend({
  key: text("키").regex(/^[a-z0-9-]{2,64}$/, "키는 영문 소문자, 숫자, -로 2~64자여야 합니다."),
  password: Password,
});

const EditStaffForm = StaffFields.extend({
  // an unticked checkbox sends nothing
  active: z
    .literal("1")
    .optional()
    .transform((v) => v === "1"),
});

const PasswordForm = z.object({ password: Password });

const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

function staffId(params: unknown): number {
  const p = IdParams.safeParse(params);
  if (!p.success) throw fail("staff_not_found");
  return p.data.id;
}

/** What was sent, as the form shows it again after a refusal. */
function sentValues(body: unknown): StaffFormValues {
  const s = sentText(body);
  return { key: s.key, name: s.name, email: s.email, role: s.role, desk: s.desk, active: s.active === "1" };
}

/** Staff accounts: list, add, edit (role, desk, switched off), and an admin's password reset. Needs `staff.manage`. */
export function registerStaffRoutes(app: FastifyInstance, ctx: WebContext): void {
  registerProfileRoutes(app, ctx);
  const deps: UseCaseDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { values?: StaffFormValues; error?: AppError; passwordError?: AppError } = {},
    status = 200,
  ) {
    const row = await findStaffAccount(ctx.db, id);
    if (!row) throw fail("staff_not_found");
    return sendPage(
      reply,
      <EditStaffPage {...(await pageBase(ctx, request))} row={row} {...extra} />,
      status,
      "no-store",
    );
  }

  app.get("/newsroom/staff", async (request, reply) => {
    requirePermission(request, "staff.manage");
    const rows = await listStaffWithSignIns(ctx.db);
    return sendPage(
      reply,
      <StaffListPage {...(await pageBase(ctx, request))} rows={rows} />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/staff/new", async (request, reply) => {
    requirePermission(request, "staff.manage");
    return sendPage(reply, <NewStaffPage {...(await pageBase(ctx, request))} />, 200, "no-store");
  });

  app.post("/newsroom/staff", async (request, reply) => {
    requirePermission(request, "staff.manage");
    let id: number;
    try {
      const form = parseForm(NewStaffForm, request.body);
      id = await createStaff(deps, { ...form, active: true });
    } catch (error) {
      if (!isFormError(error)) throw error;
      const page = (
        <NewStaffPage {...(await pageBase(ctx, request))} values={sentValues(request.body)} error={error} />
      );
      return sendPage(reply, page, error.status, "no-store");
    }
    return reply.redirect(`/newsroom/staff/${id}?notice=staff_saved`, 303);
  });

  app.get("/newsroom/staff/:id", async (request, reply) => {
    requirePermission(request, "staff.manage");
    return renderEdit(request, reply, staffId(request.params));
  });

  app.post("/newsroom/staff/:id", async (request, reply) => {
    const actor = requirePermission(request, "staff.manage");
    const id = staffId(request.params);
    try {
      await updateStaff(deps, actor, id, parseForm(EditStaffForm, request.body));
    } catch (error) {
      if (!isFormError(error)) throw error;
      return renderEdit(request, reply, id, { values: sentValues(request.body), error }, error.status);
    }
    return reply.redirect(`/newsroom/staff/${id}?notice=staff_saved`, 303);
  });

  app.post("/newsroom/staff/:id/password", async (request, reply) => {
    const actor = requirePermission(request, "staff.manage");
    const id = staffId(request.params);
    try {
      const { password } = parseForm(PasswordForm, request.body);
      await resetStaffPassword(deps, { user: actor, sessionId: request.session!.id }, id, password);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return renderEdit(request, reply, id, { passwordError: error }, error.status);
    }
    return reply.redirect(`/newsroom/staff/${id}?notice=password_changed`, 303);
  });
}
