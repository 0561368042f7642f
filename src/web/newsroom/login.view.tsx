import type { Assets } from "../public/assets.ts";
import { NewsroomLayout } from "./layout.tsx";

/** A staff account's e-mail, as the sign-in and password-reset forms ask for it (label 이메일). */
export function StaffEmailField({ value }: { value: string | undefined }) {
  return (
    <label>
      <span>이메일</span>
      <input type="email" name="email" required maxLength={254} autoComplete="username" value={value ?? ""} />
    </label>
  );
}

export function LoginPage(props: {
  siteName: string;
  assets: Assets;
  csrf: string;
  next: string;
  email?: string;
  error?: string | null;
  notice?: string | null;
}) {
  return (
    <NewsroomLayout
      title="로그인"
      siteName={props.siteName}
      assets={props.assets}
      user={null}
      notice={props.notice}
    >
      <section class="nr-login">
        <h1>뉴스룸 로그인</h1>
        {props.error ? (
          <p class="nr-error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/newsroom/login" class="nr-form">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="next" value={props.next} />
          <StaffEmailField value={props.email} />
          <label>
            <span>비밀번호</span>
            <input type="password" name="password" required maxLength={200} autoComplete="current-password" />
          </label>
          <button type="submit" class="nr-button nr-button--primary">
            로그인
          </button>
        </form>
        <p>
          <a href="/newsroom/reset">비밀번호를 잊으셨나요?</a>
        </p>
      </section>
    </NewsroomLayout>
  );
}
