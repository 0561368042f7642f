import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError } from "../../lib/errors.ts";
import { changeOwnPassword } from "../../staff/auth.service.ts";
import { ROLE_LABELS } from "../../staff/staff.ts";
import { sendPage, type WebContext } from "../context.ts";
import { Csrf, NewsroomLayout } from "./layout.tsx";
import { pageBase } from "./page.ts";

const PasswordForm = z.object({
  current: z.string().max(200),
  next: z.string().max(500),
  confirm: z.string().max(500),
});

/** A staff member's own account: who they are, and changing their password. */
export function registerAccountRoutes(app: FastifyInstance, ctx: WebContext): void {
  const render = async (
    request: Parameters<typeof pageBase>[1],
    reply: Parameters<typeof sendPage>[0],
    error?: string,
    status = 200,
  ) => {
    const base = await pageBase(ctx, request);
    return sendPage(
      reply,
      <NewsroomLayout title="내 계정" {...base} active="account">
        <h1>내 계정</h1>
        <dl class="nr-facts">
          <dt>이름</dt>
          <dd>{base.user.name}</dd>
          <dt>이메일</dt>
          <dd>{base.user.email}</dd>
          <dt>역할</dt>
          <dd>{ROLE_LABELS[base.user.role]}</dd>
        </dl>
        <p>
          <a class="nr-button" href="/newsroom/account/profile">
            공개 프로필 고치기 (사진, 직함, 소개, 연락처)
          </a>
        </p>
        <h2>비밀번호 바꾸기</h2>
        {error ? (
          <p class="nr-error" role="alert">
            {error}
          </p>
        ) : null}
        <form method="post" action="/newsroom/account/password" class="nr-form nr-form--narrow">
          <Csrf token={base.csrfToken} />
          <label>
            <span>현재 비밀번호</span>
            <input type="password" name="current" required autoComplete="current-password" maxLength={200} />
          </label>
          <label>
            <span>새 비밀번호 (10자 이상)</span>
            <input
              type="password"
              name="next"
              required
              minLength={10}
              maxLength={200}
              autoComplete="new-password"
            />
          </label>
          <label>
            <span>새 비밀번호 확인</span>
            <input
              type="password"
              name="confirm"
              required
              minLength={10}
              maxLength={200}
              autoComplete="new-password"
            />
          </label>
          <button type="submit" class="nr-button nr-button--primary">
            비밀번호 바꾸기
          </button>
        </form>
      </NewsroomLayout>,
      status,
      "no-store",
    );
  };

  app.get("/newsroom/account", (request, reply) => render(request, reply));

  app.post("/newsroom/account/password", async (request, reply) => {
    const form = PasswordForm.safeParse(request.body);
    if (!form.success) return render(request, reply, "입력한 값을 확인해 주세요.", 400);
    if (form.data.next !== form.data.confirm)
      return render(request, reply, "새 비밀번호 두 칸이 서로 다릅니다.", 400);
    try {
      await changeOwnPassword(
        { db: ctx.db, now: ctx.now },
        request.session!,
        form.data.current,
        form.data.next,
      );
    } catch (error) {
      if (error instanceof AppError && error.status < 500)
        return render(request, reply, error.message, error.status);
      throw error;
    }
    return reply.redirect("/newsroom/account?notice=password_changed", 303);
  });
}
