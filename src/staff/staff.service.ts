import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/dialect.ts";
import type { Database, StaffRow } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
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

export interface StaffDeps {
  db: Kysely<Database>;
  now: () => number;
}

export const staffNotFound = () => new AppError("staff_not_found", 404, "직원을 찾을 수 없습니다.");

const emailTaken = (key?: string) =>
  new AppError("staff_email_taken", 409, `이미 다른 직원${key ? `(${key})` : ""}이 쓰는 이메일입니다.`);
const keyTaken = () => new AppError("staff_key_taken", 409, "이미 쓰이는 키입니다. 다른 키를 정해 주세요.");

/** Adds a staff member with an initial password (which they should change at once). */
export async function createStaff(
  deps: StaffDeps,
  input: StaffFields & { key: string; password: string },
): Promise<number> {
  checkPasswordRules(input.password);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await findStaffByKey(trx, input.key)) throw keyTaken();
      const owner = await findStaffByEmailIgnoringCase(trx, input.email);
      if (owner) throw emailTaken(owner.key);
      const id = await insertStaff(trx, { ...input, createdAt: deps.now() });
      await setPassword({ db: trx, now: deps.now }, id, input.password);
      return id;
    });
  } catch (error) {
    // Someone added the same key or e-mail between our check and our insert.
    if (isUniqueViolation(error)) {
      throw new AppError("staff_taken", 409, "같은 키나 이메일을 가진 직원이 이미 있습니다.", undefined, {
        cause: error,
      });
    }
    throw error;
  }
}

/** True when the change takes an active admin's rights away (a new role, or switched off). */
function losesAdmin(target: StaffRow, next: StaffFields): boolean {
  return target.role === "admin" && target.active === 1 && (next.role !== "admin" || !next.active);
}

/**
 * Edits a staff member. Switching someone off ends all their sessions at once. An admin cannot
 * demote or switch off themself (someone else must, so a slip cannot lock them out), and the last
 * active admin can never be demoted or switched off, so the newsroom always has someone to run it.
 */
export async function updateStaff(
  deps: StaffDeps,
  actor: StaffUser,
  id: number,
  fields: StaffFields,
): Promise<void> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      await lockActiveAdmins(trx);
      const target = await findStaffById(trx, id);
      if (!target) throw staffNotFound();
      const owner = await findStaffByEmailIgnoringCase(trx, fields.email);
      if (owner && owner.id !== id) throw emailTaken(owner.key);
      if (losesAdmin(target, fields)) {
        if (target.id === actor.id) {
          throw new AppError(
            "cannot_demote_self",
            409,
            "자기 계정의 관리자 권한을 빼거나 계정을 끌 수 없습니다. 다른 관리자에게 부탁해 주세요.",
          );
        }
        if ((await countActiveAdmins(trx)) <= 1) {
          throw new AppError(
            "last_admin",
            409,
            "마지막 남은 관리자는 역할을 바꾸거나 끌 수 없습니다. 다른 관리자를 먼저 정해 주세요.",
          );
        }
      }
      await updateStaffFields(trx, id, fields);
      if (target.active === 1 && !fields.active) await deleteSessionsOf(trx, id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * An admin sets someone's password (they forgot it, or it leaked); their sessions all end. An admin
 * resetting their own keeps the session they are using.
 */
export async function resetStaffPassword(
  deps: StaffDeps,
  actor: { user: StaffUser; sessionId: string },
  id: number,
  password: string,
): Promise<void> {
  checkPasswordRules(password);
  if (!(await findStaffById(deps.db, id))) throw staffNotFound();
  await setPassword(deps, id, password, id === actor.user.id ? actor.sessionId : undefined);
}
