import type { Migration } from "kysely";
import * as createNewsroom from "./2026_11_30_0900_create_newsroom.ts";
import * as staffSessionsWorkflow from "./2026_11_30_1000_staff_sessions_workflow.ts";
import * as commentsModeration from "./2026_11_30_1100_comments_moderation.ts";
import * as articleReads from "./2026_11_30_1200_article_reads.ts";
import * as eventRegistrations from "./2026_11_30_1300_event_registrations.ts";
import * as articlePeople from "./2026_11_30_1400_article_people.ts";
import * as createSearchIndex from "./2026_11_30_1500_create_search_index.ts";
import * as searchWords from "./2026_12_04_0900_search_words.ts";
import * as staleAnnouncements from "./2026_12_04_1200_stale_announcements.ts";
import * as mediaFocus from "./2026_12_04_1300_media_focus.ts";
import * as personPhoto from "./2026_12_04_1310_person_photo.ts";
import * as corrections from "./2026_12_04_1400_corrections.ts";
import * as policyVersions from "./2026_12_04_1401_policy_versions.ts";
import * as commentFilterLearning from "./2026_12_04_1700_comment_filter_learning.ts";
import * as articleKinds from "./2026_12_05_0800_article_kinds.ts";
import * as commentTakedowns from "./2026_12_05_1400_comment_takedowns.ts";
import * as frontpage from "./2026_12_05_1500_frontpage.ts";
import * as articleVideoBreaking from "./2026_12_05_1510_article_video_breaking.ts";
import * as deskEditing from "./2026_12_05_1520_desk_editing.ts";
import * as backupRuns from "./2026_12_05_1600_backup_runs.ts";
import * as mail from "./2026_12_05_1610_mail.ts";
import * as mediaFiles from "./2026_12_05_1620_media_files.ts";

/** Every migration, by name. Names sort in the order they run; a landed migration never changes. */
export const migrations: Record<string, Migration> = {
  "2026_11_30_0900_create_newsroom": createNewsroom,
  "2026_11_30_1000_staff_sessions_workflow": staffSessionsWorkflow,
  "2026_11_30_1100_comments_moderation": commentsModeration,
  "2026_11_30_1200_article_reads": articleReads,
  "2026_11_30_1300_event_registrations": eventRegistrations,
  "2026_11_30_1400_article_people": articlePeople,
  "2026_11_30_1500_create_search_index": createSearchIndex,
  "2026_12_04_0900_search_words": searchWords,
  "2026_12_04_1200_stale_announcements": staleAnnouncements,
  "2026_12_04_1300_media_focus": mediaFocus,
  "2026_12_04_1310_person_photo": personPhoto,
  "2026_12_04_1400_corrections": corrections,
  "2026_12_04_1401_policy_versions": policyVersions,
  "2026_12_04_1700_comment_filter_learning": commentFilterLearning,
  "2026_12_05_0800_article_kinds": articleKinds,
  "2026_12_05_1400_comment_takedowns": commentTakedowns,
  "2026_12_05_1500_frontpage": frontpage,
  "2026_12_05_1510_article_video_breaking": articleVideoBreaking,
  "2026_12_05_1520_desk_editing": deskEditing,
  "2026_12_05_1600_backup_runs": backupRuns,
  "2026_12_05_1610_mail": mail,
  "2026_12_05_1620_media_files": mediaFiles,
};
