import type { StaffUser } from "../../staff/staff.ts";

/** A warning on the newsroom home: what is wrong, and where to fix it. */
export interface NewsroomAlert {
  /** stable, for tests and styling */
  code: string;
  message: string;
  href: string;
  /** "danger" (red: a legal deadline passed) or "warning" */
  level: "danger" | "warning";
}

/** Returns the alerts this staff member should see (an empty list when none, or not theirs to fix). */
export type NewsroomAlertSource = (user: StaffUser) => Promise<NewsroomAlert[]>;

export async function collectNewsroomAlerts(
  sources: readonly NewsroomAlertSource[],
  user: StaffUser,
): Promise<NewsroomAlert[]> {
  return (await Promise.all(sources.map((s) => s(user)))).flat();
}
