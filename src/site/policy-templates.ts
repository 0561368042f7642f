import { escapeHtml } from "../lib/escape-html.ts";
import { withParticle } from "../lib/josa.ts";
import type { PolicySlug } from "../web/paths.ts";
import type { LegalInfo } from "./legal.ts";

/**
 * The texts a new site starts with, filled from its legal particulars (what is not set yet reads as
 * "(미입력)", which the admin warning also lists). They are starting points written for this
 * platform's actual data practices; an admin replaces them in the newsroom, and each save is a new
 * version with its effective date.
 */
export function policyTemplate(slug: PolicySlug, siteName: string, legal: LegalInfo): string {
  const e = (v: string | undefined) => escapeHtml(v?.trim() ? v : "(미입력)");
  const name = e(legal.title ?? siteName);
  const officer = legal.youthProtectionOfficer;
  const contact = `${e(legal.email)} · ${e(legal.phone)}`;
  switch (slug) {
    case "terms":
      return [
        `<h2>제1조 (목적)</h2><p>이 약관은 ${name}(이하 “신문사”)이 운영하는 인터넷신문 서비스의 이용 조건과 절차를 정합니다.</p>`,
        "<h2>제2조 (댓글)</h2><p>독자는 닉네임과 비밀번호로 댓글을 쓸 수 있습니다. 욕설, 비하, 인신공격, 광고, 남의 권리를 침해하는 댓글은 운영 원칙에 따라 숨기거나 삭제합니다. 같은 사람이 되풀이해 어기면 일정 기간 댓글 작성을 막을 수 있습니다.</p>",
        "<h2>제3조 (권리침해 신고와 임시조치)</h2><p>① 댓글로 사생활 침해, 명예훼손, 초상권·저작권 침해 등 권리를 침해당한 사람은 해당 댓글 아래의 “권리침해 신고”에 이름, 연락처, 침해된 권리와 그 이유를 적어 삭제나 임시조치를 요청할 수 있습니다(정보통신망 이용촉진 및 정보보호 등에 관한 법률 제44조의2). 욕설이나 광고 등 운영 원칙 위반을 알리는 일반 “신고”와는 따로 처리합니다.</p><p>② 신문사는 요청을 받으면 지체 없이 해당 댓글을 삭제하거나, 권리 침해 여부를 판단하기 어렵거나 다툼이 예상될 때에는 30일 이내에서 정한 기간 동안 댓글을 가리는 임시조치를 합니다. 임시조치된 댓글 자리에는 본문 대신 “권리침해 신고에 따라 임시조치된 댓글입니다”라고 표시합니다.</p><p>③ 신문사는 조치한 사실을 신고인과 댓글 작성자에게 알리고, 누가 언제 무엇을 했는지 기록합니다. 댓글 작성자는 임시조치 기간 안에 이의를 제기하고 재게시를 요청할 수 있습니다.</p><p>④ 임시조치 기간이 끝나면 담당자가 댓글을 복원하거나 삭제합니다. 결정하기 전까지 댓글은 가려진 채로 남습니다.</p>",
        `<h2>제4조 (정정·반론·추후보도 청구)</h2><p>보도로 피해를 입은 사람은 언론중재 및 피해구제 등에 관한 법률 제14조부터 제17조의2에 따라 정정보도, 반론보도, 추후보도를 청구할 수 있습니다. 청구는 <a href="/corrections/request">청구 양식</a>으로 하며, 신문사는 받은 날부터 3일 안에 답하고 받아들인 경우 7일 안에 게재합니다.</p>`,
        '<h2>제5조 (저작권)</h2><p>신문사가 제공하는 기사, 사진, 영상의 저작권은 신문사와 원저작자에게 있습니다. 자세한 내용은 <a href="/policy/copyright">저작권 정책</a>을 따릅니다.</p>',
        `<h2>제6조 (문의)</h2><p>${contact}</p>`,
      ].join("");
    case "privacy":
      return [
        `<p>${withParticle(name, "은/는")} 개인정보 보호법 제30조에 따라 독자의 개인정보를 다음과 같이 처리합니다.</p>`,
        "<h2>1. 처리하는 개인정보와 목적</h2><ul>",
        "<li>댓글: 닉네임, 비밀번호(복원할 수 없는 방식으로 암호화해 저장), 접속 주소(원래 주소를 알 수 없는 열쇠 값으로 바꿔 저장) — 댓글 게시·삭제, 도배와 악용 방지</li>",
        "<li>행사 신청: 이름, 이메일, 소속, 전화번호 — 신청 확인과 행사 운영</li>",
        "<li>정정·반론보도 청구와 권리침해 신고: 이름, 이메일, 전화번호, 청구 내용 — 법에 따른 청구 처리와 기록 보존</li>",
        "<li>쿠키: 방문자 구분 쿠키(조회수와 신고·추천의 중복 방지), 글자 크기 설정(브라우저에만 저장)</li></ul>",
        "<h2>2. 보유 기간</h2><p>댓글 정보는 댓글이 삭제될 때까지, 행사 신청 정보는 행사 종료 후 정해진 기간까지, 청구와 신고 기록은 처리 후 3년간 보관한 뒤 파기합니다.</p>",
        "<h2>3. 제3자 제공과 위탁</h2><p>법령에 따른 경우를 빼고는 개인정보를 제3자에게 제공하지 않습니다.</p>",
        "<h2>4. 정보주체의 권리</h2><p>독자는 자신의 개인정보를 열람, 정정, 삭제, 처리정지하도록 요구할 수 있습니다.</p>",
        `<h2>5. 개인정보 보호책임자</h2><p>${e(legal.publisher)} · ${contact}</p>`,
        "<h2>6. 변경</h2><p>이 방침이 바뀌면 시행일과 함께 알리며, 이전 방침은 이 페이지의 이전 판에서 볼 수 있습니다.</p>",
      ].join("");
    case "youth":
      return [
        `<p>${withParticle(name, "은/는")} 청소년이 유해한 정보로부터 보호받을 수 있도록 청소년보호정책을 시행합니다(신문 등의 진흥에 관한 법률 제9조의2, 청소년 보호법).</p>`,
        "<h2>1. 유해정보로부터의 보호</h2><p>청소년에게 유해한 광고와 게시물이 실리지 않도록 점검하고, 발견하면 지체 없이 삭제합니다.</p>",
        "<h2>2. 청소년보호책임자</h2>",
        `<p>${e(officer?.name)}${officer?.contact ? ` · ${e(officer.contact)}` : ""}</p>`,
      ].join("");
    case "ethics":
      return [
        `<p>${name}의 기자와 편집자는 다음 원칙을 지킵니다.</p><ol>`,
        "<li>사실을 확인해 정확하게 보도하고, 잘못은 빠르고 분명하게 바로잡습니다.</li>",
        "<li>취재원과 독자에게 정직하고, 이해관계가 있는 보도에서는 이를 밝힙니다.</li>",
        "<li>광고와 협찬 기사는 기사와 분명히 구분해 표시합니다(신문법 제6조제3항).</li>",
        "<li>보도 대상의 인격권과 사생활을 존중하고, 반론의 기회를 줍니다.</li>",
        "<li>보도자료와 통신 기사를 쓸 때는 출처를 밝힙니다.</li></ol>",
      ].join("");
    case "copyright":
      return [
        `<p>${withParticle(name, "이/가")} 제공하는 모든 기사, 사진, 그래픽, 영상은 저작권법의 보호를 받습니다.</p>`,
        "<ul><li>허락 없이 복제, 전재, 재배포, 2차 저작물 작성을 금지합니다.</li>",
        "<li>기사와 사진을 인공지능(AI) 학습 데이터로 수집하거나 이용하는 것을 금지합니다.</li>",
        "<li>기사 제목과 링크를 거는 것은 허용합니다.</li></ul>",
        `<p>이용 허락 문의: ${contact}</p>`,
      ].join("");
    case "no-email-harvesting":
      return `<p>${name} 웹사이트에 게시된 이메일 주소가 전자우편 수집 프로그램이나 그 밖의 기술적 장치로 무단 수집되는 것을 거부합니다. 이를 어기면 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제50조의2에 따라 처벌받을 수 있습니다.</p>`;
  }
}
