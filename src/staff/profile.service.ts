import { fail } from "../lib/errors.ts";
import { stale } from "../lib/invalidation-bus.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import type { StaffProfile } from "./profile.ts";
import { findStaffProfile, libraryPhotoExists, updateStaffProfile } from "./staff.repo.ts";
import { can, type StaffUser } from "./staff.ts";

/** Whether `actor` may edit the profile of staff member `staffId`: their own, or anyone's as admin. */
export function mayEditProfile(actor: StaffUser, staffId: number): boolean {
  return actor.id === staffId || can(actor.role, "staff.manage");
}

/**
 * Saves a public profile. The byline and the 직함 show on every page that lists the reporter's
 * stories and in feeds, so everything is announced stale (a rare edit; a precise list would have to
 * name every story page they signed).
 */
export async function saveStaffProfile(
  deps: Pick<UseCaseDeps, "db" | "bus">,
  actor: StaffUser,
  staffId: number,
  profile: StaffProfile,
): Promise<void> {
  if (!mayEditProfile(actor, staffId)) throw fail("forbidden");
  const staff = await findStaffProfile(deps.db, staffId);
  if (!staff) throw fail("staff_not_found");
  if (profile.photoMediaId !== null && !(await libraryPhotoExists(deps.db, profile.photoMediaId))) {
    throw fail("invalid_profile", "사진 보관함에 그 번호의 사진이 없습니다. 번호를 확인해 주세요.");
  }
  await updateStaffProfile(deps.db, staffId, {
    photo_media_id: profile.photoMediaId,
    job_title: profile.jobTitle,
    bio: profile.bio,
    links: profile.links.length ? JSON.stringify(profile.links) : null,
  });
  await deps.bus.announce([stale.reporter(staff.key), stale.feeds, stale.everything]);
}
