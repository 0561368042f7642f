import { type ParseArgsConfig, parseArgs } from "node:util";
import { z } from "zod";
import type { StaffRole } from "../db/schema.ts";
import { formatKstMinute } from "../lib/kst-time.ts";
import { readNewPassword } from "../lib/password-prompt.ts";
import { UsageError } from "../lib/usage-error.ts";
import type { UseCaseDeps } from "../lib/use-case.ts";
import { setPassword } from "./auth.service.ts";
import { findStaffByEmailIgnoringCase, findStaffByKey, listStaffWithSignIns } from "./staff.repo.ts";
import {
  changeStaffRoleByEmail,
  createStaff,
  deactivateStaffByEmail,
  freeStaffKey,
} from "./staff.service.ts";
import { ROLE_LABELS, ROLES } from "./staff.ts";

/** Runs a command against the database with the same use-case deps as the site (see cli.ts). */
export type WithDatabase = <T>(fn: (deps: UseCaseDeps) => Promise<T>) => Promise<T>;

export const STAFF_USAGE = `  staff add EMAIL --name 이름 --role 역할 [--desk 부서] [--key 키]
                   직원을 더합니다. 비밀번호는 표준 입력으로 받습니다 (터미널이면 두 번, 화면에 보이지 않게).
                   역할: admin(관리자), editor(데스크), moderator(댓글 관리자), reporter(기자)
  staff list       직원 목록 (역할, 부서, 켜짐/꺼짐, 마지막 로그인)
  staff role EMAIL 역할    역할을 바꿉니다 (마지막 관리자의 역할은 바꿀 수 없습니다)
  staff deactivate EMAIL   계정을 끕니다. 그 직원의 로그인은 모두 곧바로 끝납니다.
  set-password EMAIL  직원의 비밀번호를 정합니다 (분실 시). 입력은 staff add와 같습니다.`;

/** The command that makes the first admin, as the empty start and the docs print it. */
export const FIRST_ADMIN_COMMAND = "npm run jikji -- staff add EMAIL --name 이름 --role admin";

const Email = z
  .string()
  .trim()
  .max(254, "이메일은 254자까지 쓸 수 있습니다.")
  .pipe(z.email({ error: "이메일 주소가 올바르지 않습니다." }));

function email(value: string | undefined, usage: string): string {
  if (!value) throw new UsageError(`직원 이메일을 지정하세요: ${usage}`);
  const parsed = Email.safeParse(value);
  if (!parsed.success) throw new UsageError(`'${value}': ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function role(value: string | undefined): StaffRole {
  const known = ROLES.map((r) => `${r}(${ROLE_LABELS[r]})`).join(", ");
  if (!value) throw new UsageError(`역할을 지정하세요: ${known}`);
  if (!(ROLES as readonly string[]).includes(value))
    throw new UsageError(`알 수 없는 역할입니다: ${value}. 다음 중 하나를 쓰세요: ${known}`);
  return value as StaffRole;
}

function parse(args: string[], options: ParseArgsConfig["options"] = {}) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`인자가 올바르지 않습니다: ${(error as Error).message}`);
  }
}

async function add(args: string[], withDatabase: WithDatabase): Promise<void> {
  const { values, positionals } = parse(args, {
    name: { type: "string" },
    role: { type: "string" },
    desk: { type: "string" },
    key: { type: "string" },
  });
  const address = email(positionals[0], FIRST_ADMIN_COMMAND);
  const name = typeof values.name === "string" ? values.name.trim() : "";
  if (!name) throw new UsageError("이름을 지정하세요: --name 이름");
  if (name.length > 100) throw new UsageError("이름은 100자까지 쓸 수 있습니다.");
  const staffRole = role(typeof values.role === "string" ? values.role : undefined);
  const desk =
    typeof values.desk === "string" && values.desk.trim() ? values.desk.trim().slice(0, 100) : null;
  const wantedKey = typeof values.key === "string" ? values.key : undefined;
  if (wantedKey !== undefined && !/^[a-z0-9-]{2,64}$/.test(wantedKey))
    throw new UsageError("키는 영문 소문자, 숫자, -로 2~64자여야 합니다.");
  // Refuse a taken e-mail before asking for a password the operator would type for nothing.
  await withDatabase(async ({ db }) => {
    const owner = await findStaffByEmailIgnoringCase(db, address);
    if (owner) throw new UsageError(`이미 ${owner.name}(${owner.key}) 직원이 쓰는 이메일입니다: ${address}`);
    if (wantedKey && (await findStaffByKey(db, wantedKey)))
      throw new UsageError(`이미 쓰이는 키입니다: ${wantedKey}. 다른 키를 --key로 정해 주세요.`);
  });
  const password = await readNewPassword();
  const key = await withDatabase(async (deps) => {
    const key = wantedKey ?? (await freeStaffKey(deps, address));
    await createStaff(deps, { key, name, email: address, role: staffRole, desk, active: true, password });
    return key;
  });
  console.log(`${name}(${address}, 키 ${key}) 직원을 더했습니다. 역할: ${ROLE_LABELS[staffRole]}`);
}

async function list(_args: string[], withDatabase: WithDatabase): Promise<void> {
  const rows = await withDatabase(({ db }) => listStaffWithSignIns(db));
  if (rows.length === 0) {
    console.log(`직원이 없습니다. 첫 관리자는 이렇게 만듭니다: ${FIRST_ADMIN_COMMAND}`);
    return;
  }
  for (const r of rows) {
    const cells = [
      r.email,
      r.name,
      r.role,
      r.desk ?? "-",
      r.active === 1 ? "켜짐" : "꺼짐",
      r.last_sign_in === null
        ? "로그인 기록 없음"
        : `마지막 로그인 ${formatKstMinute(Number(r.last_sign_in))}`,
    ];
    console.log(cells.join("\t"));
  }
}

async function changeRole(args: string[], withDatabase: WithDatabase): Promise<void> {
  const { positionals } = parse(args);
  const address = email(positionals[0], "npm run jikji -- staff role EMAIL 역할");
  const next = role(positionals[1]);
  const row = await withDatabase((deps) => changeStaffRoleByEmail(deps, address, next));
  console.log(`${row.name}(${row.email})의 역할: ${ROLE_LABELS[row.role]} → ${ROLE_LABELS[next]}`);
}

async function deactivate(args: string[], withDatabase: WithDatabase): Promise<void> {
  const { positionals } = parse(args);
  const address = email(positionals[0], "npm run jikji -- staff deactivate EMAIL");
  const row = await withDatabase((deps) => deactivateStaffByEmail(deps, address));
  console.log(`${row.name}(${row.email})의 계정을 껐습니다. 그 계정의 로그인은 모두 끝났습니다.`);
}

const STAFF_COMMANDS: Record<string, (args: string[], withDatabase: WithDatabase) => Promise<void>> = {
  add,
  list,
  role: changeRole,
  deactivate,
};

export async function runStaffCommand(args: string[], withDatabase: WithDatabase): Promise<void> {
  const [sub, ...rest] = args;
  const run = sub ? STAFF_COMMANDS[sub] : undefined;
  if (!run)
    throw new UsageError(`staff 다음에 add, list, role, deactivate 중 하나를 쓰세요.\n\n${STAFF_USAGE}`);
  await run(rest, withDatabase);
}

export async function runSetPassword(args: string[], withDatabase: WithDatabase): Promise<void> {
  const address = email(args[0], "npm run jikji -- set-password EMAIL < password.txt");
  await withDatabase(async ({ db }) => {
    if (!(await findStaffByEmailIgnoringCase(db, address)))
      throw new UsageError(
        `이메일이 ${address}인 직원이 없습니다. 새 직원은 ${FIRST_ADMIN_COMMAND} 처럼 더합니다.`,
      );
  });
  const password = await readNewPassword();
  await withDatabase(async ({ db, now }) => {
    const staff = await findStaffByEmailIgnoringCase(db, address);
    if (!staff) throw new UsageError(`이메일이 ${address}인 직원이 없습니다.`);
    await setPassword({ db, now }, staff.id, password);
    console.log(
      `${staff.name}(${address})의 비밀번호를 정했습니다. 그 계정의 다른 로그인은 모두 끝났습니다.`,
    );
  });
}
