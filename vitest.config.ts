import { defineConfig } from "vitest/config";

/**
 * One suite, every database: the HTTP, data-layer and browser tests run once on SQLite and once on
 * PostgreSQL (each file makes its own database and drops it after).
 */
const shared = { environment: "node" as const, env: { TZ: "UTC" } };

const dialectProjects = (dialect: "sqlite" | "postgres") => [
  {
    test: {
      ...shared,
      name: dialect,
      include: ["test/http/**/*.test.{ts,tsx}", "test/data/**/*.test.{ts,tsx}"],
      // `*.postgres.test.ts` need a database server (several instances behind nginx): PostgreSQL only.
      exclude: dialect === "sqlite" ? ["test/**/*.postgres.test.{ts,tsx}"] : [],
      env: { ...shared.env, TEST_DIALECT: dialect },
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  },
  {
    test: {
      ...shared,
      name: dialect === "sqlite" ? "e2e" : "e2e-postgres",
      include: ["test/e2e/**/*.test.{ts,tsx}"],
      env: { ...shared.env, TEST_DIALECT: dialect },
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // Browsers are heavy on a 2-core machine: one browser test file at a time per project.
      fileParallelism: false,
    },
  },
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}", "src/**/*.test.{ts,tsx}"],
        },
      },
      ...dialectProjects("sqlite"),
      ...dialectProjects("postgres"),
    ],
  },
});
