import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import {
  BIO_MAX,
  JOB_TITLE_MAX,
  LINK_LABEL_MAX,
  LINK_URL_MAX,
  LINKS_MAX,
  type ProfileLink,
} from "./profile.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

export interface ProfileFormView {
  staffId: number;
  name: string;
  key: string;
  /** what the form shows: stored values, or what was typed when a save was refused */
  values: { photo: string; jobTitle: string; bio: string; links: ProfileLink[] };
  /** the chosen photo's preview */
  photoSrc: string | null;
  error?: string | null;
}

/** The public profile form (issue 15 §9): the staff member's own, or any as admin. */
export function ProfileEditPage(props: Base & { profile: ProfileFormView }) {
  const p = props.profile;
  const links = Array.from({ length: LINKS_MAX }, (_, i) => p.values.links[i] ?? { label: "", url: "" });
  return (
    <NewsroomLayout {...props} title={`공개 프로필: ${p.name}`} active="account">
      <div class="nr-head">
        <h1>공개 프로필</h1>
        <p class="nr-meta">
          {p.name} · 기자 페이지{" "}
          <a href={`/reporter/${encodeURIComponent(p.key)}`} target="_blank" rel="noopener">
            보기
          </a>
        </p>
      </div>
      {p.error ? (
        <p class="nr-error" role="alert">
          {p.error}
        </p>
      ) : null}
      <form method="post" action={`/newsroom/staff/${p.staffId}/profile`} class="nr-form nr-form--narrow">
        <Csrf token={props.csrfToken} />
        {p.photoSrc ? (
          <img class="nr-profile-photo" src={p.photoSrc} alt={`${p.name} 사진`} width={96} />
        ) : null}
        <label>
          <span>사진 번호 (사진 보관함의 #번호, 없으면 비워 둡니다)</span>
          <input name="photo" inputMode="numeric" maxLength={20} value={p.values.photo} />
        </label>
        <label>
          <span>직함 (비우면 ‘기자’)</span>
          <input
            name="jobTitle"
            maxLength={JOB_TITLE_MAX}
            value={p.values.jobTitle}
            placeholder="예: 선임기자"
          />
        </label>
        <label>
          <span>소개</span>
          <textarea name="bio" rows={4} maxLength={BIO_MAX}>
            {p.values.bio}
          </textarea>
        </label>
        <fieldset class="nr-fieldset">
          <legend>공개 연락처 링크 (https:// 주소나 이메일)</legend>
          {links.map((l, i) => (
            <div class="nr-pair" key={i}>
              <label>
                <span>링크 {i + 1} 이름</span>
                <input name={`linkLabel${i + 1}`} maxLength={LINK_LABEL_MAX} value={l.label} />
              </label>
              <label>
                <span>링크 {i + 1} 주소</span>
                <input
                  name={`linkUrl${i + 1}`}
                  maxLength={LINK_URL_MAX}
                  value={l.url.startsWith("mailto:") ? l.url.slice(7) : l.url}
                />
              </label>
            </div>
          ))}
        </fieldset>
        <div class="nr-actions">
          <button type="submit" class="nr-button nr-button--primary">
            저장
          </button>
        </div>
      </form>
    </NewsroomLayout>
  );
}
