import type { StaffRole } from "../db/schema.ts";

/** The signed-in staff member, as the newsroom sees them. */
export interface StaffUser {
  id: number;
  key: string;
  name: string;
  email: string;
  role: StaffRole;
  desk: string | null;
}

export const ROLES: readonly StaffRole[] = ["reporter", "editor", "moderator", "admin"];

export const ROLE_LABELS: Record<StaffRole, string> = {
  reporter: "기자",
  editor: "데스크(편집자)",
  moderator: "댓글 관리자",
  admin: "관리자",
};

/**
 * What each role may do. The server checks this on every request; the newsroom's buttons only follow it.
 * Reporters write and file their own stories; editors run the desk; moderators handle comments;
 * admins do everything and run the site.
 */
export type Permission =
  | "article.create"
  | "article.edit_own"
  | "article.edit_any"
  | "article.file"
  | "article.return"
  | "article.publish"
  | "article.unpublish"
  | "article.correct"
  | "article.view_desk"
  | "media.upload"
  | "comments.moderate"
  | "people.manage"
  | "events.manage"
  | "staff.manage"
  | "sections.manage"
  | "settings.manage"
  /** the 정정·반론·추후보도 request queue (언론중재법 §15) */
  | "corrections.manage"
  /** 편집판: the home and section page layouts, and their log (언론중재법 §15⑧) */
  | "frontpage.manage";

const GRANTS: Record<StaffRole, readonly Permission[]> = {
  reporter: ["article.create", "article.edit_own", "article.file", "media.upload"],
  editor: [
    "article.create",
    "article.edit_own",
    "article.edit_any",
    "article.file",
    "article.return",
    "article.publish",
    "article.unpublish",
    "article.correct",
    "article.view_desk",
    "media.upload",
    "people.manage",
    "events.manage",
    "corrections.manage",
    "frontpage.manage",
  ],
  moderator: ["comments.moderate"],
  admin: [
    "article.create",
    "article.edit_own",
    "article.edit_any",
    "article.file",
    "article.return",
    "article.publish",
    "article.unpublish",
    "article.correct",
    "article.view_desk",
    "media.upload",
    "comments.moderate",
    "people.manage",
    "events.manage",
    "staff.manage",
    "sections.manage",
    "settings.manage",
    "corrections.manage",
    "frontpage.manage",
  ],
};

export function can(role: StaffRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Editing a story: anyone with edit_any, or its author with edit_own while it is not yet out. */
export function canEditArticle(
  user: StaffUser,
  article: { authorIds: readonly number[]; status: string },
): boolean {
  if (can(user.role, "article.edit_any")) return true;
  return (
    can(user.role, "article.edit_own") &&
    article.authorIds.includes(user.id) &&
    (article.status === "draft" || article.status === "submitted")
  );
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
