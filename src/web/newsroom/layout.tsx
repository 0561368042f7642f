import type { ComponentChildren } from "preact";
import { can, ROLE_LABELS, type StaffUser } from "../../staff/staff.ts";
import type { Assets } from "../public/assets.ts";

export interface NewsroomPageProps {
  title: string;
  siteName: string;
  assets: Assets;
  user: StaffUser | null;
  csrfToken?: string;
  /** which menu item is current */
  active?: string;
  /** flash message shown at the top (after a redirect) */
  notice?: string | null;
  scripts?: string[];
  children: ComponentChildren;
}

function NavLink({
  href,
  id,
  active,
  children,
}: {
  href: string;
  id: string;
  active?: string;
  children: ComponentChildren;
}) {
  return (
    <li>
      <a href={href} aria-current={active === id ? "page" : undefined}>
        {children}
      </a>
    </li>
  );
}

/** A hidden field carrying the session's CSRF token; every state-changing form includes one. */
export function Csrf({ token }: { token: string | undefined }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

export function NewsroomLayout(props: NewsroomPageProps) {
  const { user, active } = props;
  return (
    <html lang="ko">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} - ${props.siteName} 뉴스룸`}</title>
        <link rel="stylesheet" href={props.assets.url("newsroom.css")} />
        {props.csrfToken ? <meta name="csrf-token" content={props.csrfToken} /> : null}
        <script src={props.assets.url("newsroom.js")} defer />
        {(props.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body class="nr">
        <header class="nr-header">
          <a class="nr-header__brand" href="/newsroom">
            {props.siteName} <span>뉴스룸</span>
          </a>
          {user ? (
            <nav class="nr-nav" aria-label="뉴스룸 메뉴">
              <ul>
                <NavLink href="/newsroom" id="home" active={active}>
                  데스크
                </NavLink>
                {can(user.role, "article.create") ? (
                  <NavLink href="/newsroom/articles/new" id="new" active={active}>
                    새 기사
                  </NavLink>
                ) : null}
                {can(user.role, "article.create") ? (
                  <NavLink href="/newsroom/articles" id="articles" active={active}>
                    기사 목록
                  </NavLink>
                ) : null}
                {can(user.role, "article.view_desk") ? (
                  <NavLink href="/newsroom/reads" id="reads" active={active}>
                    조회 현황
                  </NavLink>
                ) : null}
                {can(user.role, "corrections.manage") ? (
                  <NavLink href="/newsroom/corrections" id="corrections" active={active}>
                    정정·반론
                  </NavLink>
                ) : null}
                {can(user.role, "media.upload") ? (
                  <NavLink href="/newsroom/media" id="media" active={active}>
                    사진
                  </NavLink>
                ) : null}
                {can(user.role, "comments.moderate") ? (
                  <NavLink href="/newsroom/comments" id="comments" active={active}>
                    댓글
                  </NavLink>
                ) : null}
                {can(user.role, "events.manage") ? (
                  <NavLink href="/newsroom/events" id="events" active={active}>
                    행사
                  </NavLink>
                ) : null}
                {can(user.role, "people.manage") ? (
                  <NavLink href="/newsroom/people" id="people" active={active}>
                    인물
                  </NavLink>
                ) : null}
                {can(user.role, "staff.manage") ? (
                  <NavLink href="/newsroom/staff" id="staff" active={active}>
                    직원
                  </NavLink>
                ) : null}
                {can(user.role, "sections.manage") ? (
                  <NavLink href="/newsroom/sections" id="sections" active={active}>
                    섹션
                  </NavLink>
                ) : null}
                {can(user.role, "settings.manage") ? (
                  <NavLink href="/newsroom/settings" id="settings" active={active}>
                    사이트 설정
                  </NavLink>
                ) : null}
                {can(user.role, "settings.manage") ? (
                  <NavLink href="/newsroom/mail" id="mail" active={active}>
                    메일
                  </NavLink>
                ) : null}
              </ul>
            </nav>
          ) : null}
          {user ? (
            <div class="nr-user">
              <a href="/newsroom/account" class="nr-user__name">
                {user.name} <span>{ROLE_LABELS[user.role]}</span>
              </a>
              <form method="post" action="/newsroom/logout">
                <Csrf token={props.csrfToken} />
                <button type="submit">로그아웃</button>
              </form>
            </div>
          ) : null}
        </header>
        <main class="nr-main" id="main">
          {props.notice ? (
            <p class="nr-notice" role="status">
              {props.notice}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}
