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
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  comments: CommentsTable;
  events: EventsTable;
  event_speakers: EventSpeakersTable;
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

export type SectionRow = Selectable<SectionsTable>;
export type StaffRow = Selectable<StaffTable>;
export type PersonRow = Selectable<PeopleTable>;
export type MediaRow = Selectable<MediaTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type CommentRow = Selectable<CommentsTable>;
export type EventRow = Selectable<EventsTable>;
