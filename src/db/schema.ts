import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Table types. Times are UTC epoch milliseconds (bigint on PostgreSQL, integer on SQLite) so both
 * dialects compare, sort and return them identically; flags are 0/1 integers for the same reason.
 * JSON lists (aliases, context words, image variants) are stored as text and parsed in repositories.
 */
export interface Database {
  site_settings: SiteSettingsTable;
  sections: SectionsTable;
  staff: StaffTable;
  people: PeopleTable;
  media: MediaTable;
  media_files: MediaFilesTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_labels: ArticleLabelsTable;
  series: SeriesTable;
  comments: CommentsTable;
  events: EventsTable;
  event_speakers: EventSpeakersTable;
  event_registrations: EventRegistrationsTable;
  sessions: SessionsTable;
  comment_votes: CommentVotesTable;
  comment_reports: CommentReportsTable;
  comment_blocks: CommentBlocksTable;
  moderation_log: ModerationLogTable;
  comment_filter_examples: CommentFilterExamplesTable;
  comment_filter_models: CommentFilterModelsTable;
  rate_limits: RateLimitsTable;
  stale_announcements: StaleAnnouncementsTable;
  sign_in_throttle: SignInThrottleTable;
  mail_queue: MailQueueTable;
  password_resets: PasswordResetsTable;
  article_events: ArticleEventsTable;
  article_revisions: ArticleRevisionsTable;
  search_documents: SearchDocumentsTable;
  search_texts: SearchTextsTable;
  search_people: SearchPeopleTable;
  /** SQLite only (FTS5, contentless): see SearchFtsTable */
  search_fts: SearchFtsTable;
  /** PostgreSQL only: see SearchGramsTable */
  search_grams: SearchGramsTable;
  /** PostgreSQL only: see SearchWordsTable */
  search_words: SearchWordsTable;
  article_reads_hourly: ArticleReadsHourlyTable;
  article_read_dedupe: ArticleReadDedupeTable;
  most_read: MostReadTable;
  article_people: ArticlePeopleTable;
  person_redirects: PersonRedirectsTable;
  article_notices: ArticleNoticesTable;
  correction_requests: CorrectionRequestsTable;
  correction_events: CorrectionEventsTable;
  policy_versions: PolicyVersionsTable;
  backup_runs: BackupRunsTable;
  frontpage_layouts: FrontpageLayoutsTable;
  frontpage_log: FrontpageLogTable;
  frontpage_pages: FrontpagePagesTable;
  article_locks: ArticleLocksTable;
  article_edit_requests: ArticleEditRequestsTable;
  comment_rights_requests: CommentRightsRequestsTable;
}

/** A scheduled backup claimed by one instance: `slot` is unique (see src/backup/backup.ts). */
export interface BackupRunsTable {
  id: Generated<number>;
  slot: string;
  started_at: number;
  finished_at: number | null;
  file: string | null;
  bytes: number | null;
  error: string | null;
}

/** A 편집판 layout of one page (`home` or `section:SLUG`): applied, replaced, scheduled or cancelled. */
export interface FrontpageLayoutsTable {
  id: Generated<number>;
  page: string;
  status: "live" | "replaced" | "scheduled" | "cancelled";
  /** JSON list of placements: {slot, position, articleId, until} (see frontpage/frontpage.ts) */
  placements: string;
  apply_at: number | null;
  applied_at: number | null;
  created_by: number | null;
  created_at: number;
}

/** The layout log (언론중재법 §15⑧, 시행령 §11의2): one story in one slot for one stretch of time. */
export interface FrontpageLogTable {
  id: Generated<number>;
  page: string;
  slot: string;
  position: number;
  slot_label: string;
  article_id: number | null;
  article_num: number;
  /** the headline as readers saw it */
  title: string;
  /** 제공 언론사: null for the paper's own story, else its origin's source (a wire, a press release) */
  source: string | null;
  mode: "manual" | "auto";
  from_at: number;
  /** null while the story still stands there */
  until_at: number | null;
}

/** One row per page, taken by whoever writes that page's log (serialises instances). */
export interface FrontpagePagesTable {
  page: string;
  synced_at: number;
}

/** One saved text of a policy page; the newest whose effective time has come is the one in force. */
export interface PolicyVersionsTable {
  id: Generated<number>;
  slug: string;
  version: number;
  /** sanitised to the editor's allow-list */
  body_html: string;
  effective_at: number;
  created_at: number;
  created_by: number | null;
}

/** The soft lock on a story being edited: free again once `heartbeat_at` is older than the lock's lifetime. */
export interface ArticleLocksTable {
  article_id: number;
  staff_id: number;
  taken_at: number;
  heartbeat_at: number;
}

export type EditRequestStatus = "pending" | "approved" | "returned";

/** A reporter's 수정 요청 to their published story: the proposed text is the revision it points at. */
export interface ArticleEditRequestsTable {
  id: Generated<number>;
  article_id: number;
  revision_id: number;
  staff_id: number | null;
  status: EditRequestStatus;
  created_at: number;
  decided_by: number | null;
  decided_at: number | null;
  /** the desk's note when it returns the request */
  note: string | null;
}

/** A 정정·반론·추후보도 published at the top of an article (언론중재법 §15③). */
export interface ArticleNoticesTable {
  id: Generated<number>;
  article_id: number;
  kind: "correction" | "reply" | "follow-up";
  title: string;
  body: string;
  published_at: number;
  published_by: number | null;
}

export type CorrectionStatus =
  | "received"
  | "accepted"
  | "partly_accepted"
  | "refused"
  | "withdrawn"
  | "published";

/** A request under 언론중재법 §14–§16, as the requester filed it and as the paper answered it. */
export interface CorrectionRequestsTable {
  id: Generated<number>;
  receipt: string;
  article_id: number;
  kind: "correction" | "reply" | "follow-up";
  name: string;
  email: string;
  phone: string | null;
  relation: string | null;
  statement: string;
  reason: string;
  proposal: string;
  status: CorrectionStatus;
  /** filed past the §14 windows (6 months after publication): still queued, flagged */
  late: ColumnType<number, number | undefined, number>;
  received_at: number;
  answer_due_at: number;
  answered_at: number | null;
  refusal_ground: string | null;
  answer_note: string | null;
  publish_due_at: number | null;
  published_at: number | null;
  notice_id: number | null;
}

/** Every step taken on a request: who (null: the requester), when, what. */
export interface CorrectionEventsTable {
  id: Generated<number>;
  request_id: number;
  at: number;
  staff_id: number | null;
  action: string;
  note: string | null;
}

type Flag = ColumnType<number, number | undefined, number>;

export interface SiteSettingsTable {
  key: string;
  value: string;
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  parent_id: number | null;
  position: ColumnType<number, number | undefined, number>;
}

export type StaffRole = "reporter" | "editor" | "moderator" | "admin";

export interface StaffTable {
  id: Generated<number>;
  key: string;
  name: string;
  email: string;
  role: StaffRole;
  desk: string | null;
  active: Flag;
  password_hash: string | null;
  created_at: number;
  /** the public profile (reporter pages, bylines, feeds): a library photo, 직함, a short bio */
  photo_media_id: ColumnType<number | null, number | null | undefined, number | null>;
  job_title: ColumnType<string | null, string | null | undefined, string | null>;
  bio: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON list of {label, url}: public contact links (https URLs or mailto:) */
  links: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PeopleTable {
  id: Generated<number>;
  key: string;
  num: number | null;
  name: string;
  /** JSON array of strings */
  aliases: string;
  role: string | null;
  organization: string | null;
  bio: string | null;
  /** JSON array of strings */
  context_words: string;
  created_at: number;
  updated_at: number;
  /** a media library photo for the public page */
  photo_media_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The bytes of stored media files, when photos are kept in the database (MEDIA_STORE=database). */
export interface MediaFilesTable {
  /** the path under /media/, e.g. `ab/ab12….jpg` */
  path: string;
  data: Buffer;
  bytes: number;
  created_at: number;
}

export interface MediaTable {
  id: Generated<number>;
  sha256: string;
  /** path of the original under DATA_DIR/media */
  path: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** JSON array of {width, path} WebP renditions, narrowest first */
  variants: string;
  created_at: number;
  uploaded_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** defaults offered when the photo is used */
  alt: ColumnType<string | null, string | null | undefined, string | null>;
  caption: ColumnType<string | null, string | null | undefined, string | null>;
  credit: ColumnType<string | null, string | null | undefined, string | null>;
  original_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** focal point in percent (0–100) of width and height; null is the centre */
  focus_x: ColumnType<number | null, number | null | undefined, number | null>;
  focus_y: ColumnType<number | null, number | null | undefined, number | null>;
}

export type ArticleStatus = "draft" | "submitted" | "scheduled" | "published" | "unpublished";

export interface ArticlesTable {
  id: Generated<number>;
  num: number;
  title: string;
  subtitle: string | null;
  section_id: number;
  status: ArticleStatus;
  published_at: number | null;
  updated_at: number | null;
  created_at: number;
  body_html: string;
  /** plain-text opening of the body, kept with it for lists, descriptions and feeds */
  excerpt: string;
  lead_media_id: number | null;
  lead_alt: string | null;
  lead_caption: string | null;
  lead_credit: string | null;
  view_count: ColumnType<number, number | undefined, number>;
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** the desk's note when a story is returned to its reporter */
  desk_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** shown under a corrected story as 바로잡습니다 */
  correction_note: ColumnType<string | null, string | null | undefined, string | null>;
  corrected_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** when the text was last saved (drafts included); `updated_at` is the public 수정 time */
  saved_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** when the story last changed status (filed, returned, …): the desk queue's order */
  status_changed_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** where the story came from: 자체 취재 unless set (신문법 시행령 §2 counts the own share) */
  origin: ColumnType<ArticleOrigin, ArticleOrigin | undefined, ArticleOrigin>;
  /** the agency or source of a wire or press-release story, e.g. 연합뉴스 */
  origin_source: ColumnType<string | null, string | null | undefined, string | null>;
  /** 엠바고: no reader surface shows the story before this time (UTC ms) */
  embargo_until: ColumnType<number | null, number | null | undefined, number | null>;
  /** the 연재 this story is a part of, and which part */
  series_id: ColumnType<number | null, number | null | undefined, number | null>;
  series_part: ColumnType<number | null, number | null | undefined, number | null>;
  /** 영상: the YouTube video id (11 characters, validated), embedded from youtube-nocookie.com */
  video_youtube_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** when an editor cleared this 속보 story's site-wide bar before its 30 minutes were up */
  breaking_cleared_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/** 자체 취재, 보도자료, 통신 전재, 기고, 번역, 광고·협찬 (the bundle's `articles[].origin`) */
export type ArticleOrigin = "own" | "press-release" | "wire" | "contribution" | "translation" | "sponsored";

/** 속보, 단독, 기획, 인터뷰, 포토, 영상, 사설, 칼럼 (the bundle's `articles[].labels`) */
export type ArticleLabel =
  | "breaking"
  | "exclusive"
  | "feature"
  | "interview"
  | "photo"
  | "video"
  | "editorial"
  | "column";

export interface ArticleLabelsTable {
  article_id: number;
  label: ArticleLabel;
}

/** A 연재: its parts are the articles pointing at it, in `series_part` order. */
export interface SeriesTable {
  id: Generated<number>;
  key: string;
  title: string;
  description: string | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  staff_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag: string;
  position: number;
}

export type CommentStatus = "visible" | "held" | "hidden" | "deleted";

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  password_hash: string | null;
  created_at: number;
  /** set for imported comments: a digest of (article, nickname, createdAt, body) that makes import idempotent */
  import_key: string | null;
  likes: ColumnType<number, number | undefined, number>;
  dislikes: ColumnType<number, number | undefined, number>;
  /** keyed hash of the poster's address (never the address itself) */
  address_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** why the filter or readers' reports held it: profanity, slur, spam_link, spam_repeat, reported */
  held_reason: ColumnType<string | null, string | null | undefined, string | null>;
  report_count: ColumnType<number, number | undefined, number>;
  moderated_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** 임시조치 (정보통신망법 §44의2): set while the text is hidden from readers, until a moderator decides */
  takedown_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** the end of the 임시조치 period; past it the comment stays hidden and is flagged for a decision */
  takedown_until: ColumnType<number | null, number | null | undefined, number | null>;
}

/** received → blocked (임시조치) → restored | deleted; or received → dismissed (기각) */
export type RightsRequestStatus = "received" | "blocked" | "dismissed" | "restored" | "deleted";

/** A 권리침해 신고 on a comment (정보통신망법 §44의2) and what a moderator did with it. */
export interface CommentRightsRequestsTable {
  id: Generated<number>;
  comment_id: number;
  name: string;
  /** an e-mail address or a phone number, as the requester gave it */
  contact: string;
  /** defamation, privacy, copyright, portrait, other */
  infringed_right: string;
  reason: string;
  address_hash: string | null;
  status: RightsRequestStatus;
  received_at: number;
  block_days: number | null;
  blocked_at: number | null;
  block_until: number | null;
  /** what the requester and the poster were told, as recorded when the 임시조치 was applied */
  requester_notice: string | null;
  poster_notice: string | null;
  decided_at: number | null;
  decided_by: number | null;
  decision_note: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  key: string;
  title: string;
  starts_at: number;
  ends_at: number | null;
  venue: string | null;
  description_html: string | null;
  capacity: number | null;
  registration_open: Flag;
  promoted: Flag;
  created_at: number;
}

export interface EventSpeakersTable {
  event_id: number;
  person_id: number;
  position: number;
}

/**
 * The searchable (published) articles. `sort_key` orders them newest first and is unique: the
 * publication millisecond × 2048 plus a slot (src/search/search.ts `sortKeyAt`). The text index
 * beside them differs by database and is reached through the Dialect object (src/db/search-index.ts) only.
 */
export interface SearchDocumentsTable {
  sort_key: number;
  article_id: number;
  section_id: number;
  published_at: number;
}

/** The plain text an article was indexed from, kept for snippets. */
export interface SearchTextsTable {
  article_id: number;
  title: string;
  subtitle: string;
  /** the authors' names, space-separated */
  byline: string;
  body: string;
  title_choseong: string;
}

/** People's spellings for search: JSON array as written; "\n"-framed keys and initial consonants. */
export interface SearchPeopleTable {
  person_id: number;
  spellings: string;
  spelling_keys: string;
  choseong: string;
}

/**
 * SQLite only: the FTS5 trigram table (contentless; `rowid` is the document's sort key). Its columns
 * are the texts and the framed grams; it is written and matched by src/db/search-index.ts only.
 */
export interface SearchFtsTable {
  rowid: number;
  title: string;
  subtitle: string;
  byline: string;
  body: string;
  title_choseong: string;
  head_grams: string;
  body_grams: string;
  choseong_grams: string;
}

/**
 * PostgreSQL only: one narrow row per indexed story and the lexemes of its grams and words as a
 * GIN-indexed `tsvector` (written as text, e.g. with `to_tsvector` or a `::tsvector` cast).
 */
export interface SearchGramsTable {
  article_id: number;
  sort_key: number;
  section_id: number;
  published_at: number;
  tokens: string;
}

/** PostgreSQL only: every word the indexed stories use, once, with a pg_trgm index. */
export interface SearchWordsTable {
  word: string;
}

export type SectionRow = Selectable<SectionsTable>;
export type StaffRow = Selectable<StaffTable>;
export type PersonRow = Selectable<PeopleTable>;
export type MediaRow = Selectable<MediaTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type CommentRow = Selectable<CommentsTable>;
export type EventRow = Selectable<EventsTable>;

export type RegistrationStatus = "confirmed" | "waitlisted" | "cancelled";

export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  /** lower-cased; unique per event */
  email: string;
  organization: string | null;
  phone: string | null;
  /** when the registrant agreed to the personal-data notice */
  consent_at: number;
  status: RegistrationStatus;
  /** orders the waiting list: first come, first promoted */
  queued_at: number;
  confirmation_code: string;
  /** SHA-256 (hex) of the cancel link's token */
  cancel_token_hash: string;
  checked_in_at: number | null;
  created_at: number;
  updated_at: number;
}

export type RegistrationRow = Selectable<EventRegistrationsTable>;

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a leaked table does not hand out sessions */
  id: string;
  staff_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  first_failed_at: number;
  locked_until: number | null;
}

export type ArticleAction =
  | "created"
  | "saved"
  | "filed"
  | "returned"
  | "published"
  | "scheduled"
  | "unpublished"
  | "corrected"
  | "restored"
  /** labels, video or series changed (the note lists them) */
  | "labelled"
  /** 엠바고 set or lifted (the note gives the time) */
  | "embargoed"
  /** unpublished with a recorded reason (법원 결정, 정정 합의 …): the URL answers 410 */
  | "taken_down"
  | "breaking_cleared"
  | "edit_requested"
  | "edit_approved"
  | "edit_returned"
  | "lock_taken_over";

export interface ArticleEventsTable {
  id: Generated<number>;
  article_id: number;
  staff_id: number | null;
  action: ArticleAction;
  from_status: ArticleStatus | null;
  to_status: ArticleStatus | null;
  note: string | null;
  created_at: number;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  staff_id: number | null;
  /** `request`: a reporter's 수정 요청 to a published story, not the story's text (see article_edit_requests) */
  kind: "save" | "autosave" | "restore" | "import" | "request";
  created_at: number;
  title: string;
  subtitle: string | null;
  section_id: number | null;
  body_html: string;
  /** JSON array of strings */
  tags: string;
  lead_media_id: number | null;
  lead_alt: string | null;
  lead_caption: string | null;
  lead_credit: string | null;
}

export type SessionRow = Selectable<SessionsTable>;
export type ArticleRevisionRow = Selectable<ArticleRevisionsTable>;
export type ArticleEventRow = Selectable<ArticleEventsTable>;

export interface CommentVotesTable {
  comment_id: number;
  /** the visitor (jikji_vid cookie) or, without it, the keyed address hash */
  voter: string;
  /** 1 공감, -1 비공감 */
  value: number;
  created_at: number;
}

export interface CommentReportsTable {
  comment_id: number;
  reporter: string;
  reason: string;
  created_at: number;
}

export interface CommentBlocksTable {
  id: Generated<number>;
  kind: "nickname" | "address";
  /** the nickname as typed, or the keyed address hash */
  value: string;
  reason: string | null;
  until: number;
  staff_id: number | null;
  created_at: number;
}

export interface ModerationLogTable {
  id: Generated<number>;
  comment_id: number | null;
  staff_id: number | null;
  action: string;
  note: string | null;
  created_at: number;
}

/** A moderator's decision on a comment, kept as a labelled example for the filter's training. */
export interface CommentFilterExamplesTable {
  id: Generated<number>;
  comment_id: number | null;
  /** the comment's text when it was judged */
  body: string;
  /** 1 = should be held (deleted), 0 = fine (approved, restored) */
  abusive: number;
  decision: "approve" | "delete" | "restore";
  staff_id: number | null;
  created_at: number;
}

/** A retrained abuse model (comments/filter/abuse-model.ts), base64 of its binary form; newest in use. */
export interface CommentFilterModelsTable {
  id: Generated<number>;
  hash: string;
  model: string;
  created_at: number;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

/** Counted reads of an article in one hour (`hour`: the epoch millisecond the hour starts at). */
export interface ArticleReadsHourlyTable {
  article_id: number;
  hour: number;
  reads: number;
}

/** When a visitor's read of an article last counted (without Redis); it counts again 24 hours later. */
export interface ArticleReadDedupeTable {
  article_id: number;
  /** the jikji_vid cookie's value */
  visitor: string;
  counted_at: number;
}

export type MostReadPeriod = "day" | "week";

/** The most-read ranking as last computed; every instance serves the same one. */
export interface MostReadTable {
  period: MostReadPeriod;
  rank: number;
  article_id: number;
  /** reads in the period, rounded (the oldest hour is weighted by the part of it still inside) */
  reads: number;
  computed_at: number;
}

/** A person linked from an article's body; positions per src/people/person-links.ts. */
export interface ArticlePeopleTable {
  article_id: number;
  person_id: number;
  start: number;
  length: number;
  spelling: string;
  source: ColumnType<"auto" | "editor", "auto" | "editor" | undefined, "auto" | "editor">;
  removed: Flag;
}

/** The old number of a person merged into another (`/BP?…&num=N` goes to the one kept). */
export interface PersonRedirectsTable {
  num: number;
  person_id: number;
}

/** Announcements of stale tags, for instances that share no Redis (lib/invalidation-bus.ts). */
export interface StaleAnnouncementsTable {
  id: Generated<number>;
  /** the announcing bus, so it skips its own rows */
  origin: string;
  /** JSON array of tags */
  tags: string;
  at: number;
}

/** One outgoing mail (src/mail): queued with the write that caused it, delivered by the mail worker. */
export interface MailQueueTable {
  id: Generated<number>;
  /** what the mail is about (`password_reset`, `registration_confirmed` …), for the admin list */
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: number;
  /** delivery attempts begun so far (counted when a worker claims the row) */
  attempts: number;
  next_attempt_at: number;
  /** a worker holds the row until then; null when nobody does */
  claimed_until: number | null;
  sent_at: number | null;
  /** given up (a permanent refusal, or too many attempts) */
  failed_at: number | null;
  last_error: string | null;
  /** the `.eml` file in DATA_DIR/outbox when delivered there (no SMTP_URL) */
  outbox_file: string | null;
}

/** A staff password-reset link: only the SHA-256 of its token is kept. */
export interface PasswordResetsTable {
  id: Generated<number>;
  staff_id: number;
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}
