import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../staff/staff.ts";
import { NewsroomLayout } from "../web/newsroom/layout.tsx";
import { StaffEmailField } from "../web/newsroom/login.view.tsx";
import type { Assets } from "../web/public/assets.ts";

interface Base {
  siteName: string;
  assets: Assets;
  csrf: string;
  error?: string | null;
}

/** The sign-in page's 비밀번호를 잊으셨나요?: an e-mail, and the same answer for any address. */
export function ResetRequestPage(props: Base & { email?: string; sent?: boolean }) {
  return (
    <NewsroomLayout title="비밀번호 재설정" siteName={props.siteName} assets={props.assets} user={null}>
      <section class="nr-login">
        <h1>비밀번호 재설정</h1>
        {props.error ? (
          <p class="nr-error" role="alert">
            {props.error}
          </p>
        ) : null}
        {props.sent ? (
          <p class="nr-notice" role="status">
            입력하신 이메일이 뉴스룸 계정의 주소라면, 비밀번호를 새로 정할 수 있는 링크를 보냈습니다. 링크는
            1시간 동안 한 번만 쓸 수 있습니다. 메일이 오지 않으면 스팸함을 확인하거나 관리자에게 문의해
            주세요.
          </p>
        ) : (
          <p>뉴스룸 계정의 이메일을 적으시면 비밀번호를 새로 정할 수 있는 링크를 보내 드립니다.</p>
        )}
        <form method="post" action="/newsroom/reset" class="nr-form">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <StaffEmailField value={props.email} />
          <button type="submit" class="nr-button nr-button--primary">
            재설정 링크 받기
          </button>
        </form>
        <p>
          <a href="/newsroom/login">로그인으로 돌아가기</a>
        </p>
      </section>
    </NewsroomLayout>
  );
}

/** The page a live link opens: the new password, twice. */
export function ResetPasswordPage(props: Base & { token: string }) {
  return (
    <NewsroomLayout title="새 비밀번호" siteName={props.siteName} assets={props.assets} user={null}>
      <section class="nr-login">
        <h1>새 비밀번호 정하기</h1>
        {props.error ? (
          <p class="nr-error" role="alert">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/newsroom/reset/password" class="nr-form">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <input type="hidden" name="token" value={props.token} />
          <label>
            <span>새 비밀번호</span>
            <input
              type="password"
              name="password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={PASSWORD_MAX_LENGTH}
              autoComplete="new-password"
            />
          </label>
          <label>
            <span>새 비밀번호 확인</span>
            <input
              type="password"
              name="confirm"
              required
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={PASSWORD_MAX_LENGTH}
              autoComplete="new-password"
            />
          </label>
          <p class="nr-hint">{PASSWORD_MIN_LENGTH}자 이상. 정하면 다른 기기의 로그인은 모두 끝납니다.</p>
          <button type="submit" class="nr-button nr-button--primary">
            비밀번호 바꾸기
          </button>
        </form>
      </section>
    </NewsroomLayout>
  );
}

/** A link that is malformed, expired or used: say so, and offer a new one. */
export function ResetLinkInvalidPage(props: Omit<Base, "csrf"> & { message: string }) {
  return (
    <NewsroomLayout title="비밀번호 재설정" siteName={props.siteName} assets={props.assets} user={null}>
      <section class="nr-login">
        <h1>링크를 쓸 수 없습니다</h1>
        <p class="nr-error" role="alert">
          {props.message}
        </p>
        <p>
          <a href="/newsroom/reset">재설정 링크 다시 받기</a> · <a href="/newsroom/login">로그인</a>
        </p>
      </section>
    </NewsroomLayout>
  );
}
