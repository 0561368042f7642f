import type { LegalInfo } from "../../site/legal.ts";
import { POLICY_PAGES, paths } from "../paths.ts";

/** "2026-03-12" → "2026년 3월 12일" (the 등록연월일 as printed). */
function koreanDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}년 ${Number(m[2])}월 ${Number(m[3])}일` : isoDate;
}

/**
 * The particulars 신문법 §21 asks an internet newspaper to show where readers easily see them (제호,
 * 등록번호, 등록연월일, 발행인, 편집인, 발행소 주소, 전화번호) plus the 청소년보호책임자 (§9의2), the policy
 * pages and the correction request form (언론중재법 §14–§16). Fields never set are left out rather
 * than printed empty; the newsroom home warns admins which are missing.
 */
export function LegalFooter({ siteName, legal, year }: { siteName: string; legal: LegalInfo; year: number }) {
  const items: [string, string][] = [];
  items.push(["제호", legal.title ?? siteName]);
  if (legal.registrationNumber) items.push(["등록번호", legal.registrationNumber]);
  if (legal.registeredOn) items.push(["등록일", koreanDate(legal.registeredOn)]);
  if (legal.publisher) items.push(["발행인", legal.publisher]);
  for (const e of legal.editors ?? []) items.push([e.area ? `편집인(${e.area})` : "편집인", e.name]);
  if (legal.youthProtectionOfficer) {
    const y = legal.youthProtectionOfficer;
    items.push(["청소년보호책임자", y.contact ? `${y.name} (${y.contact})` : y.name]);
  }
  if (legal.ombudsman) items.push(["고충처리인", legal.ombudsman]);
  if (legal.address) items.push(["발행소", legal.address]);
  if (legal.phone) items.push(["전화", legal.phone]);
  if (legal.email) items.push(["이메일", legal.email]);
  if (legal.businessNumber) items.push(["사업자등록번호", legal.businessNumber]);
  return (
    <div class="legal-footer">
      <nav class="legal-footer__policies" aria-label="정책">
        <ul>
          {POLICY_PAGES.map(([slug, title]) => (
            <li key={slug}>
              <a href={paths.policy(slug)}>{slug === "privacy" ? <strong>{title}</strong> : title}</a>
            </li>
          ))}
          <li>
            <a href={paths.correctionRequest()}>정정·반론보도 청구</a>
          </li>
        </ul>
      </nav>
      <dl class="legal-footer__facts">
        {items.map(([label, value]) => (
          <div key={`${label}:${value}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="legal-footer__copyright">
        © {year} {siteName}. 모든 콘텐츠는 저작권법의 보호를 받으며 무단 전재·재배포 및 AI 학습 이용을
        금지합니다.
      </p>
    </div>
  );
}

/** The 청소년보호책임자 as the front page itself must name them (신문법 시행령 §7의2). */
export function YouthOfficerNotice({ legal }: { legal: LegalInfo }) {
  const y = legal.youthProtectionOfficer;
  if (!y) return null;
  return (
    <p class="youth-officer">
      청소년보호책임자: <span class="youth-officer__name">{y.name}</span>
      {y.contact ? ` (${y.contact})` : null} · <a href={paths.policy("youth")}>청소년보호정책</a>
    </p>
  );
}
