import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { type LegalInfo, missingLegalFields } from "./legal.ts";
import type { SiteSettings } from "./site-settings.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;

export interface SiteSettingsPageData {
  settings: SiteSettings;
  /** the media library numbers of the chosen logo, icon and share image */
  images: { logo: number | null; icon: number | null; share: number | null };
  /** where the images in use now are served */
  previews: { logo: string; icon: string; share: string };
  /** SITE_URL, from the environment */
  siteUrl: string;
  error?: { code: string; message: string } | null;
  /** what was sent, shown again after a refusal */
  draft?: Partial<
    Record<"name" | "dateline" | "youtubeUrl" | "logoMedia" | "iconMedia" | "shareMedia", string>
  >;
  legalError?: { code: string; message: string } | null;
  /** the legal form as sent, shown again after a refusal */
  legalDraft?: Record<string, string>;
}

/** Editor rows shown: those saved plus two empty ones (the form takes up to ten). */
function editorRows(legal: LegalInfo, draft: Record<string, string> | undefined) {
  const saved = legal.editors ?? [];
  const count = Math.min(10, Math.max(saved.length + 2, 2));
  return Array.from({ length: count }, (_, i) => ({
    name: draft ? (draft[`editorName${i}`] ?? "") : (saved[i]?.name ?? ""),
    area: draft ? (draft[`editorArea${i}`] ?? "") : (saved[i]?.area ?? ""),
  }));
}

function LegalForm(props: { csrfToken: string | undefined; data: SiteSettingsPageData }) {
  const { settings, legalDraft, legalError } = props.data;
  const legal = settings.legal;
  const v = (field: string, saved: string | undefined) => legalDraft?.[field] ?? saved ?? "";
  const missing = missingLegalFields(legal);
  return (
    <section id="legal" aria-labelledby="legal-title">
      <h2 id="legal-title">법정 표시 사항</h2>
      <p class="nr-hint">
        신문법 제21조(제호·등록번호·등록일·발행인·편집인·발행소 주소·전화번호)와 제9조의2(청소년보호책임자)가
        정한 사항입니다. 모든 페이지 아래쪽에 나오고, 청소년보호책임자는 첫 화면에도 나옵니다.
      </p>
      {missing.length ? (
        <p class="nr-error" data-code="legal_missing">
          비어 있는 필수 사항: {missing.join(", ")}
        </p>
      ) : null}
      {legalError ? (
        <p class="nr-error" role="alert" data-code={legalError.code}>
          {legalError.message}
        </p>
      ) : null}
      <form method="post" action="/newsroom/settings/legal" class="nr-form nr-form--narrow">
        <Csrf token={props.csrfToken} />
        <label>
          <span>제호</span>
          <input name="title" maxLength={100} value={v("title", legal.title)} placeholder={settings.name} />
          <small class="nr-hint">매체 이름과 다를 때만 적습니다.</small>
        </label>
        <label>
          <span>등록번호</span>
          <input
            name="registrationNumber"
            maxLength={50}
            value={v("registrationNumber", legal.registrationNumber)}
            placeholder="서울, 아00000"
          />
        </label>
        <label>
          <span>등록일</span>
          <input type="date" name="registeredOn" value={v("registeredOn", legal.registeredOn)} />
        </label>
        <label>
          <span>발행인</span>
          <input name="publisher" maxLength={100} value={v("publisher", legal.publisher)} />
        </label>
        <fieldset>
          <legend>편집인 (여럿이면 담당 분야와 함께)</legend>
          {editorRows(legal, legalDraft).map((e, i) => (
            <div class="nr-row" key={i}>
              <label>
                <span>편집인 이름</span>
                <input name={`editorName${i}`} maxLength={100} value={e.name} />
              </label>
              <label>
                <span>담당 분야</span>
                <input name={`editorArea${i}`} maxLength={100} value={e.area} />
              </label>
            </div>
          ))}
        </fieldset>
        <label>
          <span>청소년보호책임자 이름</span>
          <input
            name="youthName"
            maxLength={100}
            value={v("youthName", legal.youthProtectionOfficer?.name)}
          />
        </label>
        <label>
          <span>청소년보호책임자 연락처</span>
          <input
            name="youthContact"
            maxLength={200}
            value={v("youthContact", legal.youthProtectionOfficer?.contact)}
          />
        </label>
        <label>
          <span>발행소 주소</span>
          <input name="address" maxLength={300} value={v("address", legal.address)} />
        </label>
        <label>
          <span>전화번호</span>
          <input name="phone" type="tel" maxLength={50} value={v("phone", legal.phone)} />
        </label>
        <label>
          <span>대표 이메일</span>
          <input name="email" type="email" maxLength={254} value={v("email", legal.email)} />
        </label>
        <label>
          <span>사업자등록번호 (선택)</span>
          <input name="businessNumber" maxLength={50} value={v("businessNumber", legal.businessNumber)} />
        </label>
        <label>
          <span>고충처리인 (선택)</span>
          <input name="ombudsman" maxLength={200} value={v("ombudsman", legal.ombudsman)} />
        </label>
        <div class="nr-actions">
          <button type="submit" class="nr-button nr-button--primary">
            법정 표시 사항 저장
          </button>
        </div>
      </form>
    </section>
  );
}

export function SiteSettingsPage(props: Base & { data: SiteSettingsPageData }) {
  const { settings, siteUrl, draft } = props.data;
  const value = (field: "name" | "dateline" | "youtubeUrl") => draft?.[field] ?? settings[field] ?? "";
  return (
    <NewsroomLayout {...props} title="사이트 설정" active="settings">
      <div class="nr-head">
        <h1>사이트 설정</h1>
      </div>
      {props.data.error ? (
        <p class="nr-error" role="alert" data-code={props.data.error.code}>
          {props.data.error.message}
        </p>
      ) : null}
      <form method="post" action="/newsroom/settings" class="nr-form nr-form--narrow">
        <Csrf token={props.csrfToken} />
        <label>
          <span>매체 이름</span>
          <input name="name" required maxLength={100} value={value("name")} />
          <small class="nr-hint">모든 페이지의 제목과 머리에 나옵니다.</small>
        </label>
        <label>
          <span>날짜 머리말</span>
          <input name="dateline" maxLength={100} value={value("dateline")} />
          <small class="nr-hint">기사 본문 앞에 [머리말] 꼴로 붙습니다. 비워 두면 붙이지 않습니다.</small>
        </label>
        <label>
          <span>유튜브 채널 주소</span>
          <input
            type="url"
            name="youtubeUrl"
            maxLength={2000}
            value={value("youtubeUrl")}
            placeholder="https://www.youtube.com/@…"
          />
          <small class="nr-hint">기사 공유 단추 옆에 나옵니다. 비워 두면 나오지 않습니다.</small>
        </label>
        <fieldset class="nr-site-images">
          <legend>매체 이미지</legend>
          <small class="nr-hint">
            사진 보관함에 올린 사진의 번호(#12)를 적습니다. 비워 두면 매체 이름으로 만든 글자 이미지를 씁니다.
          </small>
          {(
            [
              ["logoMedia", "logo", "로고", "검색 결과와 기사 정보에 600×60 안으로 줄여 씁니다."],
              ["iconMedia", "icon", "아이콘 (정사각형)", "브라우저 탭, 휴대전화 홈 화면에 나옵니다."],
              [
                "shareMedia",
                "share",
                "기본 공유 이미지",
                "사진 없는 페이지를 카카오톡·페이스북에 공유할 때 1200×630으로 잘라 씁니다.",
              ],
            ] as const
          ).map(([field, slot, label, hint]) => (
            <div class="nr-site-image" key={field}>
              <img src={props.data.previews[slot]} alt={`지금 쓰는 ${label}`} height={48} loading="lazy" />
              <label>
                <span>{label} 사진 번호</span>
                <input
                  name={field}
                  inputMode="numeric"
                  maxLength={20}
                  value={
                    draft?.[field] ?? (props.data.images[slot] === null ? "" : `#${props.data.images[slot]}`)
                  }
                  placeholder="비워 두면 글자 이미지"
                />
                <small class="nr-hint">{hint}</small>
              </label>
            </div>
          ))}
        </fieldset>
        <label>
          <span>사이트 주소</span>
          <input value={siteUrl} readOnly aria-describedby="site-url-note" />
          <small class="nr-hint" id="site-url-note">
            정식 주소(canonical 링크, 피드, 사이트맵)는 서버의 SITE_URL 환경 변수가 정합니다. 바꾸려면 서버
            설정을 고친 뒤 다시 시작해 주세요.
            {settings.baseUrl && settings.baseUrl !== siteUrl
              ? ` 가져온 자료에 적힌 주소: ${settings.baseUrl}`
              : null}
          </small>
        </label>
        <div class="nr-actions">
          <button type="submit" class="nr-button nr-button--primary">
            저장
          </button>
        </div>
      </form>
      <LegalForm csrfToken={props.csrfToken} data={props.data} />
      <p>
        <a href="/newsroom/policies">정책 페이지(이용약관, 개인정보처리방침 등) 고치기</a>
      </p>
    </NewsroomLayout>
  );
}
