import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { newsroom } from "../support/factories.ts";
import { signIn, signInResponse } from "../support/newsroom.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIRST_ADMIN = "npm run jikji -- staff add EMAIL --name 이름 --role admin";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("staff from the command line", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Runs the CLI as operators do, with `input` on a pipe (not a terminal) as its standard input. */
  function jikji(args: string[], input = ""): Promise<Run> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: t.database.dataDir,
        DATABASE_URL: t.database.databaseUrl ?? "",
        REDIS_URL: "",
        LOG_LEVEL: "silent",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdin.end(input);
    return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  }

  const staffRow = (email: string) =>
    t.database.db.selectFrom("staff").selectAll().where("email", "=", email).executeTakeFirst();

  it("on an empty database, `staff list` prints the command that makes the first admin", async () => {
    const r = await jikji(["staff", "list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(FIRST_ADMIN);
  });

  it("adds the first admin with a piped password, who can then sign in to the newsroom", {
    timeout: 60_000,
  }, async () => {
    const r = await jikji(
      ["staff", "add", "Chief@Paper.example.kr", "--name", "김편집", "--role", "admin", "--desk", "편집국"],
      "first-admin-pass\nignored second line\n",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("김편집");
    const row = await staffRow("Chief@Paper.example.kr");
    expect(row).toMatchObject({ key: "chief", role: "admin", desk: "편집국", active: 1 });
    // Only the first line is the password.
    const staff = await signIn(t, "chief@paper.example.kr", "first-admin-pass");
    expect((await staff.get("/newsroom/staff")).statusCode).toBe(200);
    // The write was announced where running sites listen (no Redis: the database's log).
    const logged = await t.database.db.selectFrom("stale_announcements").select("tags").execute();
    expect(logged.some((l) => (JSON.parse(l.tags) as string[]).includes("reporter:chief"))).toBe(true);
  });

  it("lists, changes roles and switches accounts off, ending their sessions", {
    timeout: 60_000,
  }, async () => {
    await t.import(newsroom());
    const add = await jikji(
      ["staff", "add", "chief@other.example.kr", "--name", "김동명", "--role", "reporter"],
      "another-long-pass\n",
    );
    expect(add.code).toBe(0);
    // The e-mail's local part is taken as a key already: the newcomer gets the next free one.
    expect((await staffRow("chief@other.example.kr"))?.key).toBe("chief-2");

    const role = await jikji(["staff", "role", "CHIEF@other.example.kr", "editor"]);
    expect(role.code).toBe(0);
    expect((await staffRow("chief@other.example.kr"))?.role).toBe("editor");

    const list = await jikji(["staff", "list"]);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(/^chief@other\.example\.kr\t김동명\teditor\t-\t켜짐\t/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^sjpark@test\.example\.kr\t박서준\treporter\t산업부\t켜짐\t/),
    );
    expect(lines.find((l) => l.startsWith("Chief@Paper"))).toMatch(
      /마지막 로그인 \d{4}-\d\d-\d\d \d\d:\d\d$/,
    );

    const session = await signIn(t, "chief@other.example.kr", "another-long-pass");
    expect((await session.get("/newsroom")).statusCode).toBe(200);
    const off = await jikji(["staff", "deactivate", "chief@other.example.kr"]);
    expect(off.code).toBe(0);
    expect((await staffRow("chief@other.example.kr"))?.active).toBe(0);
    expect((await session.get("/newsroom")).statusCode).not.toBe(200);
    expect((await signInResponse(t, "chief@other.example.kr", "another-long-pass")).statusCode).not.toBe(303);
    const logged = await t.database.db.selectFrom("stale_announcements").select("tags").execute();
    expect(logged.some((l) => (JSON.parse(l.tags) as string[]).includes("reporter:chief-2"))).toBe(true);
  });

  it("set-password takes the first line of a pipe and ends the other sessions", {
    timeout: 60_000,
  }, async () => {
    const r = await jikji(["set-password", "sjpark@test.example.kr"], "reporter-new-pass\r\n");
    expect(r.code).toBe(0);
    expect((await signInResponse(t, "sjpark@test.example.kr", "reporter-new-pass")).statusCode).toBe(303);
  });

  it("refuses mistakes with a Korean message and a non-zero status, changing nothing", {
    timeout: 120_000,
  }, async () => {
    const before = await t.database.db.selectFrom("staff").selectAll().orderBy("id").execute();
    const cases: [string[], string, RegExp][] = [
      [
        ["staff", "add", "new@test.example.kr", "--name", "새기자", "--role", "boss"],
        "long-enough-pass\n",
        /알 수 없는 역할입니다: boss/,
      ],
      [
        ["staff", "add", "haeun@TEST.example.kr", "--name", "이하은", "--role", "reporter"],
        "long-enough-pass\n",
        /이미 이하은\(lee-ha\) 직원이 쓰는 이메일입니다/,
      ],
      [
        ["staff", "add", "new@test.example.kr", "--name", "새기자", "--role", "reporter"],
        "short\n",
        /비밀번호는 10자 이상이어야 합니다/,
      ],
      [
        ["staff", "add", "new@test.example.kr", "--role", "reporter"],
        "long-enough-pass\n",
        /이름을 지정하세요/,
      ],
      [
        ["staff", "add", "not-an-address", "--name", "새기자", "--role", "reporter"],
        "long-enough-pass\n",
        /이메일 주소가 올바르지 않습니다/,
      ],
      [["staff", "role", "nobody@test.example.kr", "admin"], "", /직원을 찾을 수 없습니다/],
      [["staff", "role", "haeun@test.example.kr", "chief"], "", /알 수 없는 역할입니다/],
      [["staff", "deactivate", "nobody@test.example.kr"], "", /직원을 찾을 수 없습니다/],
      [["set-password", "nobody@test.example.kr"], "long-enough-pass\n", /직원이 없습니다/],
      [["staff", "deactivate", "chief@paper.example.kr"], "", /마지막 남은 관리자/],
      [["staff", "role", "chief@paper.example.kr", "editor"], "", /마지막 남은 관리자/],
      [["staff", "fire", "haeun@test.example.kr"], "", /add, list, role, deactivate/],
    ];
    for (const [args, input, message] of cases) {
      const r = await jikji(args, input);
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    expect(await t.database.db.selectFrom("staff").selectAll().orderBy("id").execute()).toEqual(before);
  });
});
