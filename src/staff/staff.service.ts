import type { StaffRole, StaffRow } from "../db/schema.ts";
import { fail } from "../lib/errors.ts";
import { type StaleTag, stale } from "../lib/invalidation-bus.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { indexRenamedBylines } from "../search/search.repo.ts";
import { checkPasswordRules, setPassword } from "./auth.service.ts";
import { deleteSessionsOf } from "./session.repo.ts";
import {
  countActiveAdmins,
  findStaffByEmailIgnoringCase,
  findStaffById,
  findStaffByKey,
  insertStaff,
  lockActiveAdmins,
  type StaffFields,
  updateStaffFields,
} from "./staff.repo.ts";
import type { StaffUser } from "./staff.ts";

/** Adds a staff member with an initial password (which they should change at once). */
export async function createStaff(
  deps: UseCaseDeps,
  input: StaffFields & { key: string; password: string },
): Promise<number> {
  checkPasswordRules(input.password);
  let id: number;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      if (await findStaffByKey(trx, input.key)) throw fail("staff_key_taken");
      const owner = await findStaffByEmailIgnoringCase(trx, input.email);
      if (owner) throw fail("staff_email_taken", owner.key);
      const id = await insertStaff(trx, { ...input, createdAt: deps.now() });
      await setPassword({ db: trx, now: deps.now }, id, input.password);
      return id;
    });
  } catch (error) {
    // Someone added the same key or e-mail between our check and our insert.
    if (deps.dialect.isUniqueViolation(error)) throw fail("staff_taken");
    throw error;
  }
  // No story carries the newcomer's byline yet; only their own (empty) page may have been kept.
  await deps.bus.announce([stale.reporter(input.key)]);
  return id;
}

/** True when the change takes an active admin's rights away (a new role, or switched off). */
function losesAdmin(target: StaffRow, next: StaffFields): boolean {
  return target.role === "admin" && target.active === 1 && (next.role !== "admin" || !next.active);
}

/**
 * What an edit made stale: the reporter's page and, through their tags, the pages of their stories,
 * when something readers may see of them (name, desk, e-mail, switched off) changed.
 */
function staleTagsOfStaffEdit(target: StaffRow, next: StaffFields): StaleTag[] {
  const shownChanged =
    target.name !== next.name ||
    target.desk !== next.desk ||
    target.email !== next.email ||
    (target.active === 1) !== next.active;
  return shownChanged ? [stale.reporter(target.key)] : [];
}

/**
 * Edits a staff member. Switching someone off ends all their sessions at once. An admin cannot
 * demote or switch off themself (someone else must, so a slip cannot lock them out), and the last
 * active admin can never be demoted or switched off, so the newsroom always has someone to run it.
 * A new name is indexed into their stories' bylines in the same transaction, so search finds it at
 * once; after commit, their pages are announced stale. `actor` null is the operator at the machine
 * (the CLI), who has no account of their own to lock out; the last admin is still kept.
 */
export async function updateStaff(
  deps: UseCaseDeps,
  actor: StaffUser | null,
  id: number,
  fields: StaffFields,
): Promise<void> {
  let tags: StaleTag[];
  try {
    tags = await deps.db.transaction().execute(async (trx) => {
      await lockActiveAdmins(trx);
      const target = await findStaffById(trx, id);
      if (!target) throw fail("staff_not_found");
      const owner = await findStaffByEmailIgnoringCase(trx, fields.email);
      if (owner && owner.id !== id) throw fail("staff_email_taken", owner.key);
      if (losesAdmin(target, fields)) {
        if (actor && target.id === actor.id) throw fail("cannot_demote_self");
        if ((await countActiveAdmins(trx)) <= 1) throw fail("last_admin");
      }
      await updateStaffFields(trx, id, fields);
      if (target.name !== fields.name) await indexRenamedBylines(trx, deps.dialect, [target.key]);
      if (target.active === 1 && !fields.active) await deleteSessionsOf(trx, id);
      return staleTagsOfStaffEdit(target, fields);
    });
  } catch (error) {
    if (deps.dialect.isUniqueViolation(error)) throw fail("staff_email_taken");
    throw error;
  }
  await deps.bus.announce(tags);
}

/**
 * An admin sets someone's password (they forgot it, or it leaked); their sessions all end. An admin
 * resetting their own keeps the session they are using. Nothing public changes.
 */
export async function resetStaffPassword(
  deps: Pick<UseCaseDeps, "db" | "now">,
  actor: { user: StaffUser; sessionId: string },
  id: number,
  password: string,
): Promise<void> {
  checkPasswordRules(password);
  if (!(await findStaffById(deps.db, id))) throw fail("staff_not_found");
  await setPassword(deps, id, password, id === actor.user.id ? actor.sessionId : undefined);
}

/** A key for a newcomer from their e-mail's local part (`kim.minsu@…` → `kim-minsu`), made unique. */
export async function freeStaffKey(deps: Pick<UseCaseDeps, "db">, email: string): Promise<string> {
  const local = email.split("@")[0] ?? "";
  let base = local
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 56);
  if (base.length < 2) base = "staff";
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!(await findStaffByKey(deps.db, key))) return key;
  }
}

/** A staff member by e-mail (compared without case), or staff_not_found. */
async function staffIdByEmail(deps: Pick<UseCaseDeps, "db">, email: string): Promise<StaffRow> {
  const found = await findStaffByEmailIgnoringCase(deps.db, email);
  const row = found && (await findStaffById(deps.db, found.id));
  if (!row) throw fail("staff_not_found");
  return row;
}

function fieldsOf(row: StaffRow): StaffFields {
  return { name: row.name, email: row.email, role: row.role, desk: row.desk, active: row.active === 1 };
}

/** The operator gives someone another role (the last active admin keeps theirs). */
export async function changeStaffRoleByEmail(
  deps: UseCaseDeps,
  email: string,
  role: StaffRole,
): Promise<StaffRow> {
  const row = await staffIdByEmail(deps, email);
  await updateStaff(deps, null, row.id, { ...fieldsOf(row), role });
  return row;
}

/** The operator switches someone off: their sessions end at once (never the last active admin). */
export async function deactivateStaffByEmail(deps: UseCaseDeps, email: string): Promise<StaffRow> {
  const row = await staffIdByEmail(deps, email);
  await updateStaff(deps, null, row.id, { ...fieldsOf(row), active: false });
  return row;
}

/** True while some active admin can sign in to run the newsroom (an empty start has none). */
export async function hasActiveAdmin(deps: Pick<UseCaseDeps, "db">): Promise<boolean> {
  return (await countActiveAdmins(deps.db)) > 0;
}
