import { particleFor, withParticle } from "./josa.ts";

/**
 * Domain errors carry a stable machine code, an HTTP status and a Korean message for people.
 * Check them with `instanceof AppError` and `.code`, never by message. Raise them through the
 * factories in `errors` below: one case, one code, one message, written once in `CATALOGUE`.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type Message = string | ((arg: never) => string);

interface Entry {
  status: number;
  message: Message;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Why an action is not allowed, for the `forbidden` code. */
const FORBIDDEN = {
  any: "이 작업을 할 권한이 없습니다.",
  others_draft: "다른 사람의 기사는 고칠 수 없습니다.",
  published_desk_only: "발행된 기사는 데스크만 고칠 수 있습니다.",
  view_others_draft: "다른 사람의 기사는 볼 수 없습니다.",
  edit_article: "이 기사를 고칠 권한이 없습니다.",
  moderate: "댓글을 관리할 권한이 없습니다.",
} as const;

/** Why a state change cannot happen now, for the `invalid_transition` code. */
const TRANSITIONS = {
  changed_meanwhile: "그사이 다른 사람이 기사 상태를 바꿨습니다. 화면을 새로 고쳐 주세요.",
  correction_needs_published: "정정은 발행된 기사에만 할 수 있습니다.",
  restore_needs_deleted: "삭제된 댓글만 되살릴 수 있습니다.",
} as const;

/** What is wrong with a block, for the `invalid_block` code. */
const BLOCKS = {
  target_and_days: "차단할 대상과 기간을 골라 주세요.",
  days: "차단 기간을 골라 주세요.",
  no_address: "이 댓글은 주소 기록이 없어 주소로 차단할 수 없습니다.",
} as const;

/**
 * Every error people can meet, by code. The codes are part of the JSON API (`{error: {code,
 * message}}`) and stay stable; the messages are what readers and staff read.
 */
export const CATALOGUE = {
  // ---- anything
  not_found: {
    status: 404,
    message: (what: string) => `요청하신 ${withParticle(what, "을/를")} 찾을 수 없습니다.`,
  },
  /** input that does not parse; the message names the first problem, or says so in general */
  invalid_request: {
    status: 400,
    message: (detail: string | undefined) => detail ?? "요청 형식이 올바르지 않습니다.",
  },
  /** a newsroom form: the message is the first problem, worded for people in the form's zod schema */
  invalid_form: { status: 400, message: (detail: string) => detail },
  rate_limited: {
    status: 429,
    message: (a: { what: string; retryAfterMs: number }) =>
      `${a.what} 너무 잦습니다. ${seconds(a.retryAfterMs)}초 뒤에 다시 시도해 주세요.`,
  },
  too_many_fields: { status: 413, message: "보낸 항목이 너무 많습니다." },
  payload_too_large: { status: 413, message: "보낸 내용이 너무 큽니다." },
  unsupported_media_type: { status: 415, message: "보낸 내용의 형식을 처리할 수 없습니다." },
  bad_request: { status: 400, message: "요청을 처리할 수 없습니다." },
  internal_error: { status: 500, message: "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요." },
  forbidden_origin: { status: 403, message: "다른 사이트에서 보낸 요청은 처리할 수 없습니다." },
  csrf_invalid: {
    status: 403,
    message: "보안 토큰이 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
  },
  invalid_date: {
    status: 400,
    message: (value: string) => `'${value}'${particleFor(value, "은/는")} 올바른 날짜가 아닙니다.`,
  },
  invalid_cursor: { status: 400, message: "cursor 값이 올바르지 않습니다." },

  // ---- staff and sign-in
  unauthenticated: { status: 401, message: "로그인이 필요합니다. 다시 로그인해 주세요." },
  forbidden: { status: 403, message: (why: keyof typeof FORBIDDEN | undefined) => FORBIDDEN[why ?? "any"] },
  sign_in_failed: { status: 401, message: "이메일 또는 비밀번호가 올바르지 않습니다." },
  sign_in_locked: {
    status: 429,
    message: (minutes: number) => `로그인 시도가 너무 많습니다. ${minutes}분 뒤에 다시 시도해 주세요.`,
  },
  wrong_password: { status: 403, message: "비밀번호가 맞지 않습니다." },
  password_too_short: { status: 400, message: (min: number) => `비밀번호는 ${min}자 이상이어야 합니다.` },
  password_too_long: { status: 400, message: (max: number) => `비밀번호는 ${max}자까지 쓸 수 있습니다.` },
  staff_not_found: { status: 404, message: "직원을 찾을 수 없습니다." },
  reset_link_invalid: {
    status: 400,
    message:
      "비밀번호 재설정 링크가 올바르지 않거나, 만료되었거나, 이미 쓰였습니다. 재설정 메일을 다시 요청해 주세요.",
  },
  passwords_differ: {
    status: 400,
    message: "새 비밀번호 두 칸이 서로 다릅니다. 같은 비밀번호를 두 번 적어 주세요.",
  },
  staff_taken: { status: 409, message: "같은 키나 이메일을 가진 직원이 이미 있습니다." },
  staff_key_taken: { status: 409, message: "이미 쓰이는 키입니다. 다른 키를 정해 주세요." },
  staff_email_taken: {
    status: 409,
    // The particle follows the word before the brackets: 직원(김수연)이, as it is read aloud.
    message: (owner: string | undefined) =>
      `이미 다른 직원${owner ? `(${owner})` : ""}${particleFor("직원", "이/가")} 쓰는 이메일입니다.`,
  },
  cannot_demote_self: {
    status: 409,
    message: "자기 계정의 관리자 권한을 빼거나 계정을 끌 수 없습니다. 다른 관리자에게 부탁해 주세요.",
  },
  last_admin: {
    status: 409,
    message: "마지막 남은 관리자는 역할을 바꾸거나 끌 수 없습니다. 다른 관리자를 먼저 정해 주세요.",
  },
  reporter_not_found: { status: 404, message: "기자를 찾을 수 없습니다." },

  // ---- articles and the desk
  article_not_found: { status: 404, message: "기사를 찾을 수 없습니다." },
  notice_article_not_public: {
    status: 409,
    message: "발행 중인 기사에만 정정·반론·추후보도를 실을 수 있습니다. 기사를 다시 발행한 뒤 실어 주세요.",
  },
  /** a 정정·반론·추후보도 request with bad fields; details.fields has a Korean message per field */
  invalid_correction: { status: 400, message: (first: string) => first },
  correction_not_found: { status: 404, message: "접수 번호와 이메일이 맞는 청구를 찾을 수 없습니다." },
  correction_state: { status: 409, message: (detail: string) => detail },
  invalid_article: { status: 400, message: (detail: string) => detail },
  title_required: { status: 400, message: "제목을 입력해 주세요." },
  body_required: { status: 400, message: "본문이 없는 기사는 발행할 수 없습니다." },
  unknown_section: {
    status: 400,
    message: (slug: string | undefined) => (slug ? `'${slug}' 섹션이 없습니다.` : "섹션을 골라 주세요."),
  },
  unknown_media: { status: 400, message: "대표 사진을 찾을 수 없습니다. 다시 골라 주세요." },
  tag_too_long: { status: 400, message: "태그 하나는 100자까지 쓸 수 있습니다." },
  too_many_tags: { status: 400, message: "태그는 30개까지 달 수 있습니다." },
  invalid_transition: {
    status: 409,
    message: (why: keyof typeof TRANSITIONS | { statusLabel: string }) =>
      typeof why === "string"
        ? TRANSITIONS[why]
        : `'${why.statusLabel}' 상태의 기사는 이 작업을 할 수 없습니다. 화면을 새로 고쳐 현재 상태를 확인해 주세요.`,
  },
  note_required: { status: 400, message: "돌려보내는 이유를 적어 주세요." },
  schedule_in_past: { status: 400, message: "예약 시각은 지금보다 뒤여야 합니다." },
  invalid_schedule: { status: 400, message: "예약 시각을 YYYY-MM-DD HH:mm 형식으로 골라 주세요." },
  revision_not_found: { status: 404, message: "해당 판을 찾을 수 없습니다." },

  // ---- sections
  section_not_found: { status: 404, message: "섹션을 찾을 수 없습니다." },
  section_parent_missing: { status: 400, message: "상위 섹션을 찾을 수 없습니다." },
  section_slug_invalid: { status: 400, message: "섹션 주소가 너무 길거나 올바르지 않습니다." },
  section_slug_taken: {
    status: 409,
    message: (slug: string) => `주소 ‘${slug}’${particleFor(slug, "은/는")} 이미 다른 섹션이 쓰고 있습니다.`,
  },
  section_too_deep: {
    status: 400,
    message: "섹션은 두 단계까지만 만들 수 있습니다. 최상위 섹션을 골라 주세요.",
  },
  section_in_use: {
    status: 409,
    message: (articles: number) =>
      `이 섹션에 기사 ${articles}건이 있어 지울 수 없습니다. 기사를 다른 섹션으로 옮긴 뒤 지워 주세요.`,
  },
  section_has_children: {
    status: 409,
    message: "하위 섹션이 있어 지울 수 없습니다. 하위 섹션을 먼저 지워 주세요.",
  },

  // ---- media
  media_not_found: { status: 404, message: "사진을 찾을 수 없습니다." },
  unknown_person_photo: {
    status: 400,
    message: "인물 사진으로 고른 사진을 사진 보관함에서 찾을 수 없습니다. 사진 번호를 확인해 주세요.",
  },
  unknown_site_image: {
    status: 400,
    message: (what: string) =>
      `${withParticle(what, "으로/로")} 고른 사진을 사진 보관함에서 찾을 수 없습니다. 사진 번호를 확인해 주세요.`,
  },
  image_empty: { status: 400, message: "이미지 파일이 비어 있습니다." },
  image_unreadable: {
    status: 400,
    message: "이미지로 읽을 수 없는 파일입니다. JPEG, PNG, WebP만 올릴 수 있습니다.",
  },
  image_format: { status: 400, message: "JPEG, PNG, WebP 이미지만 올릴 수 있습니다." },
  one_file_only: { status: 400, message: "이 주소로는 사진을 한 장씩 올려 주세요." },
  no_file: { status: 400, message: "올릴 사진 파일을 골라 주세요." },
  invalid_upload: { status: 400, message: "올린 내용을 읽을 수 없습니다. 다시 시도해 주세요." },
  image_too_large: { status: 413, message: (mb: number) => `사진 한 장은 ${mb}MB까지 올릴 수 있습니다.` },
  too_many_files: { status: 413, message: (max: number) => `사진은 한 번에 ${max}장까지 올릴 수 있습니다.` },

  // ---- people
  person_not_found: { status: 404, message: "인물을 찾을 수 없습니다." },
  person_taken: { status: 409, message: "같은 주소(key)나 예전 번호를 쓰는 인물이 이미 있습니다." },
  person_num_taken: { status: 409, message: "그 예전 번호는 이미 기사나 다른 인물이 쓰고 있습니다." },
  merge_self: { status: 400, message: "같은 인물끼리는 합칠 수 없습니다." },
  merge_target_not_found: {
    status: 400,
    message: "합칠 인물을 찾을 수 없습니다. 주소(key)를 확인해 주세요.",
  },
  invalid_person: { status: 400, message: "이 표기로 그 인물을 연결할 수 없습니다." },

  // ---- comments and moderation
  comment_not_found: { status: 404, message: "댓글을 찾을 수 없습니다." },
  comment_empty: { status: 400, message: "댓글 내용을 입력해 주세요." },
  comment_too_long: {
    status: 400,
    message: (a: { max: number; bytes: number }) =>
      `댓글은 ${a.max}byte(한글 ${a.max / 2}자)까지 쓸 수 있습니다. 지금 ${a.bytes}byte입니다.`,
  },
  comment_blocked: { status: 403, message: "운영 원칙에 따라 댓글 쓰기가 제한되었습니다." },
  nickname_required: { status: 400, message: "닉네임을 입력해 주세요." },
  nickname_too_long: { status: 400, message: (max: number) => `닉네임은 ${max}자까지 쓸 수 있습니다.` },
  already_voted: { status: 409, message: "이미 이 댓글에 의견을 남겼습니다." },
  block_not_found: { status: 404, message: "해당 차단을 찾을 수 없습니다." },
  invalid_block: { status: 400, message: (why: keyof typeof BLOCKS) => BLOCKS[why] },

  // ---- events
  event_not_found: { status: 404, message: "행사를 찾을 수 없습니다." },
  registration_not_found: { status: 404, message: "신청을 찾을 수 없습니다." },
  event_key_taken: { status: 409, message: "이미 쓰고 있는 주소입니다." },
  event_ended: { status: 409, message: "이미 끝난 행사입니다." },
  event_full: {
    status: 409,
    message: "정원이 찼습니다. 정원을 넘겨 확정하려면 ‘정원 초과 허용’을 선택하세요.",
  },
  event_ends_before_start: { status: 400, message: "끝나는 시각이 시작 시각보다 앞설 수 없습니다." },
  unknown_speaker: { status: 400, message: (keys: string) => `없는 인물 키입니다: ${keys}` },
  registration_closed: { status: 409, message: "참가 신청을 받고 있지 않습니다." },
  already_registered: {
    status: 409,
    message: "이 이메일로 이미 신청했습니다. 받은 확인 번호를 확인해 주세요.",
  },
  not_confirmed: { status: 409, message: "참가가 확정된 사람만 입장 확인할 수 있습니다." },
  name_required: { status: 400, message: "이름을 적어 주세요." },
  name_too_long: { status: 400, message: (max: number) => `이름은 ${max}자까지 쓸 수 있습니다.` },
  email_required: { status: 400, message: "이메일을 적어 주세요." },
  email_invalid: { status: 400, message: "이메일 주소를 확인해 주세요." },
  organization_too_long: { status: 400, message: (max: number) => `소속은 ${max}자까지 쓸 수 있습니다.` },
  phone_invalid: { status: 400, message: "연락처는 숫자와 -로 적어 주세요." },
  consent_required: { status: 400, message: "개인정보 수집·이용에 동의해야 신청할 수 있습니다." },

  // ---- bundle
  bundle_unreadable: { status: 400, message: (detail: string) => `번들 파일을 읽을 수 없습니다: ${detail}` },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof CATALOGUE;

type ArgOf<C extends ErrorCode> = (typeof CATALOGUE)[C]["message"] extends (arg: infer A) => string
  ? A
  : undefined;

/**
 * Raises the catalogue's error for `code`. Its argument is what the message needs (nothing for a
 * fixed message); `details` go to JSON answers as they are.
 */
export function fail<C extends ErrorCode>(
  code: C,
  ...args: undefined extends ArgOf<C>
    ? [arg?: ArgOf<C>, details?: Record<string, unknown>]
    : [arg: ArgOf<C>, details?: Record<string, unknown>]
): AppError {
  const entry: Entry = CATALOGUE[code];
  const [arg, details] = args;
  const message =
    typeof entry.message === "function" ? (entry.message as (a: unknown) => string)(arg) : entry.message;
  return new AppError(code, entry.status, message, details);
}

/** The generic 404 for a page or record, named in Korean with the right particle (기사를, 행사를, 인물을). */
export const notFound = (what = "페이지") => fail("not_found", what);
