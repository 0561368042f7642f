import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkHouseRules,
  cycles,
  featureOf,
  maySpeakSql,
  recordMigrations,
} from "../../scripts/house-rules.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the house rules (npm run lint)", () => {
  it("hold on the tree as it is", () => {
    expect(checkHouseRules(ROOT)).toEqual([]);
  });

  it("know which files may speak SQL and which folders are features", () => {
    expect(maySpeakSql("src/articles/desk.repo.ts")).toBe(true);
    expect(maySpeakSql("src/db/migrations/2026_11_30_0900_create_newsroom.ts")).toBe(true);
    expect(maySpeakSql("src/bundle/bundle.import.ts")).toBe(true);
    expect(maySpeakSql("src/articles/desk.service.ts")).toBe(false);
    expect(maySpeakSql("src/lib/rate-limit.ts")).toBe(false);
    expect(featureOf("src/articles/desk.service.ts")).toBe("articles");
    expect(featureOf("src/web/paths.ts")).toBeNull();
    expect(featureOf("src/app.ts")).toBeNull();
  });

  it("find cycles, and only cycles", () => {
    const g = (edges: [string, string][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of edges) {
        if (!m.has(a)) m.set(a, new Set());
        if (!m.has(b)) m.set(b, new Set());
        m.get(a)!.add(b);
      }
      return m;
    };
    expect(
      cycles(
        g([
          ["a", "b"],
          ["b", "c"],
        ]),
      ),
    ).toEqual([]);
    expect(
      cycles(
        g([
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
          ["c", "d"],
        ]),
      ),
    ).toEqual([["a", "b", "c"]]);
    expect(cycles(g([["a", "a"]]))).toEqual([["a"]]);
  });

  describe("fail on a deliberately broken copy", () => {
    let copy: string;
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(copy, relative)), { recursive: true });
      fs.writeFileSync(path.join(copy, relative), text);
    };
    const rules = () => checkHouseRules(copy).map((p) => p.rule);

    beforeEach(() => {
      copy = fs.mkdtempSync(path.join(os.tmpdir(), "jikji-house-"));
      fs.cpSync(path.join(ROOT, "src"), path.join(copy, "src"), { recursive: true });
      expect(rules()).toEqual([]);
    });
    afterEach(() => fs.rmSync(copy, { recursive: true, force: true }));

    it("SQL in a service", () => {
      const file = "src/articles/desk.service.ts";
      write(
        file,
        `${fs.readFileSync(path.join(copy, file), "utf8")}\nexport const leak = (db: any) => db.selectFrom("articles").execute();\n`,
      );
      const problems = checkHouseRules(copy);
      expect(problems.map((p) => p.rule)).toEqual(["sql-outside-repo"]);
      expect(problems[0]!.message).toContain("src/articles/desk.service.ts");
    });

    it("a raw sql template in a route, but not a comment naming one", () => {
      write(
        "src/feeds/leak.routes.ts",
        'import { sql } from "kysely";\n// sql`select 1` in a comment is fine\nexport const q = sql<number>`select 1`;\n',
      );
      expect(rules()).toEqual(["sql-outside-repo"]);
    });

    it("two feature folders importing each other", () => {
      write("src/alpha/alpha.ts", 'import { b } from "../beta/beta.ts";\nexport const a = () => b;\n');
      write(
        "src/beta/beta.ts",
        'import type { a } from "../alpha/alpha.ts";\nexport const b = 1;\nexport type A = typeof a;\n',
      );
      expect(rules()).toEqual(expect.arrayContaining(["import-cycle", "feature-cycle"]));
    });

    it("a feature cycle through different files (no file cycle)", () => {
      write("src/alpha/one.ts", 'import { two } from "../beta/two.ts";\nexport const one = two;\n');
      write("src/beta/three.ts", 'import { four } from "../alpha/four.ts";\nexport const three = four;\n');
      write("src/alpha/four.ts", "export const four = 4;\n");
      write("src/beta/two.ts", "export const two = 2;\n");
      expect(rules()).toEqual(["feature-cycle"]);
    });

    it("an edited landed migration, a renamed one, and an unrecorded one", () => {
      const dir = path.join(copy, "src/db/migrations");
      const first = fs
        .readdirSync(dir)
        .filter((f) => /^\d{4}_/.test(f))
        .sort()[0]!;
      fs.appendFileSync(path.join(dir, first), "\n// one more line\n");
      expect(rules()).toEqual(["migration-changed"]);
      fs.renameSync(path.join(dir, first), path.join(dir, first.replace(".ts", "_renamed.ts")));
      expect(rules()).toEqual(["migration-changed", "migration-unrecorded"]);
    });

    it("records a new migration by appending, never rewriting", () => {
      const dir = path.join(copy, "src/db/migrations");
      const before = fs.readFileSync(path.join(dir, "LANDED"), "utf8");
      write("src/db/migrations/2099_01_01_0900_future.ts", "export async function up() {}\n");
      expect(rules()).toEqual(["migration-unrecorded"]);
      expect(recordMigrations(copy)).toEqual(["2099_01_01_0900_future.ts"]);
      const after = fs.readFileSync(path.join(dir, "LANDED"), "utf8");
      expect(after.startsWith(before)).toBe(true);
      expect(rules()).toEqual([]);
    });
  });
});
