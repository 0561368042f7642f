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
  edit_requested: "수정 요청을 데스크에 보냈습니다. 승인되면 기사에 반영됩니다.",
  edit_approved: "수정 요청을 승인했습니다. 기사에 반영되어 독자에게 보입니다.",
  edit_returned: "수정 요청을 기자에게 돌려보냈습니다.",
  profile_saved: "공개 프로필을 저장했습니다. 기자 페이지와 바이라인에 바로 나옵니다.",
  lock_taken: "편집을 넘겨받았습니다. 이제 이 화면에서 저장할 수 있습니다.",
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
  takedown_applied: "임시조치했습니다. 독자에게는 댓글 대신 임시조치 안내가 보입니다.",
  rights_dismissed: "권리침해 신고를 기각했습니다.",
  takedown_restored: "임시조치를 풀고 댓글을 복원했습니다.",
  takedown_deleted: "임시조치한 댓글을 삭제했습니다.",
  events_saved: "행사를 저장했습니다.",
  registration_moved: "신청 상태를 바꿨습니다.",
  checked_in: "입장을 확인했습니다.",
  person_removed: "인물 연결을 뺐습니다.",
  person_linked: "인물을 연결했습니다.",
  names_unified: "이름 표기를 통일했습니다. 새 판으로 저장되었습니다.",
  person_saved: "인물 정보를 저장했습니다.",
  mail_requeued: "메일을 대기열에 다시 넣었습니다. 곧 다시 보냅니다.",
  people_merged: "두 인물을 합쳤습니다.",
  layout_applied: "편집판을 적용했습니다. 독자 화면에 바로 나옵니다.",
  layout_scheduled: "편집판을 예약했습니다. 정한 시각에 저절로 적용됩니다.",
  layout_cancelled: "예약한 편집판을 취소했습니다.",
  kinds_saved: "기사 표시와 연재를 저장했습니다.",
  embargoed: "엠바고를 걸었습니다. 그 시각까지 독자에게 보이지 않고, 그때 자동으로 발행됩니다.",
  embargo_lifted: "엠바고를 해제했습니다.",
  taken_down: "게재를 중단했습니다. 기사 주소는 ‘게재 중단’ 안내(410)를 보여 줍니다.",
  breaking_cleared: "속보 띠를 내렸습니다.",
  series_saved: "연재를 저장했습니다.",
};

export function noticeFrom(query: unknown): string | null {
  const code = (query as { notice?: unknown } | undefined)?.notice;
  return typeof code === "string" ? (NOTICES[code] ?? null) : null;
}
