import { defineConfig } from "vitest/config";

/**
 * One suite, every database: the HTTP and data-layer tests run once on SQLite and once on
 * PostgreSQL (each file makes its own database and drops it after). Browser tests run on SQLite.
 */
const shared = { environment: "node" as const, env: { TZ: "UTC" } };

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
      {
        test: {
          ...shared,
          name: "sqlite",
          include: ["test/http/**/*.test.{ts,tsx}", "test/data/**/*.test.{ts,tsx}"],
          env: { ...shared.env, TEST_DIALECT: "sqlite" },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          ...shared,
          name: "postgres",
          include: ["test/http/**/*.test.{ts,tsx}", "test/data/**/*.test.{ts,tsx}"],
          env: { ...shared.env, TEST_DIALECT: "postgres" },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          ...shared,
          name: "e2e",
          include: ["test/e2e/**/*.test.{ts,tsx}"],
          env: { ...shared.env, TEST_DIALECT: "sqlite" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
