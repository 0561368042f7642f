/**
 * Messages shown after a redirect (`?notice=saved`). Only these codes are shown, so a crafted link
 * cannot put words of its choosing on a staff member's screen.
 */
export const NOTICES: Record<string, string> = {
  signed_out: "로그아웃했습니다.",
  password_reset:
    "새 비밀번호를 정했습니다. 새 비밀번호로 로그인해 주세요. 다른 기기의 로그인은 모두 끝났습니다.",
  password_changed: "비밀번호를 바꿨습니다. 다른 기기의 로그인은 모두 끝났습니다.",
  saved: "저장했습니다.",
  filed: "송고했습니다. 데스크 검토를 기다립니다.",
  returned: "기자에게 돌려보냈습니다.",
  published: "발행했습니다.",
  scheduled: "예약했습니다. 정한 시각에 발행됩니다.",
  unpublished: "발행을 취소했습니다. 독자에게 더는 보이지 않습니다.",
  corrected: "정정 내용을 반영했습니다.",
  restored: "이 판으로 되돌렸습니다. 새 판으로 저장되었습니다.",
  uploaded: "사진을 올렸습니다.",
  staff_saved: "직원 정보를 저장했습니다.",
  section_saved: "섹션을 저장했습니다.",
  settings_saved: "사이트 설정을 저장했습니다.",
  correction_answered: "답변을 기록했습니다.",
  correction_published: "기사 맨 위에 게재했습니다. 기사와 피드에 바로 나옵니다.",
  legal_saved: "법정 표시 사항을 저장했습니다. 모든 페이지 아래에 바로 나옵니다.",
  comment_approved: "댓글을 승인했습니다. 독자에게 보입니다.",
  comment_deleted: "댓글을 삭제했습니다.",
  comment_restored: "댓글을 되살렸습니다.",
  comment_blocked: "차단했습니다.",
  comment_unblocked: "차단을 풀었습니다.",
  events_saved: "행사를 저장했습니다.",
  registration_moved: "신청 상태를 바꿨습니다.",
  checked_in: "입장을 확인했습니다.",
  person_removed: "인물 연결을 뺐습니다.",
  person_linked: "인물을 연결했습니다.",
  names_unified: "이름 표기를 통일했습니다. 새 판으로 저장되었습니다.",
  person_saved: "인물 정보를 저장했습니다.",
  mail_requeued: "메일을 대기열에 다시 넣었습니다. 곧 다시 보냅니다.",
  people_merged: "두 인물을 합쳤습니다.",
};

export function noticeFrom(query: unknown): string | null {
  const code = (query as { notice?: unknown } | undefined)?.notice;
  return typeof code === "string" ? (NOTICES[code] ?? null) : null;
}
