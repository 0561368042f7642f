import { describe, expect, it } from "vitest";
import { isRetryableFirstStatement } from "../../src/db/pg-pool.ts";

const ended = Object.assign(new Error("terminating connection due to administrator command"), {
  code: "57P01",
});
const lost = new Error("Connection terminated unexpectedly");

describe("which first statements are sent again after their connection was found ended", () => {
  it("reads and the start of a transaction, when the server ended the session or the socket closed", () => {
    expect(isRetryableFirstStatement('select "title" from "articles" where "num" = $1', ended)).toBe(true);
    expect(isRetryableFirstStatement("SELECT 1", lost)).toBe(true);
    expect(isRetryableFirstStatement("begin", ended)).toBe(true);
    expect(isRetryableFirstStatement("start transaction isolation level serializable", lost)).toBe(true);
    for (const code of ["57P02", "57P03"]) {
      expect(isRetryableFirstStatement("select 1", Object.assign(new Error("x"), { code }))).toBe(true);
    }
  });

  it("never a write: PostgreSQL may have committed it before ending the session", () => {
    expect(isRetryableFirstStatement('insert into "comments" ("body") values ($1)', ended)).toBe(false);
    expect(isRetryableFirstStatement('update "articles" set "title" = $1', lost)).toBe(false);
    expect(isRetryableFirstStatement('delete from "sessions" where "expires_at" < $1', ended)).toBe(false);
    // A statement with a WITH clause may write (a data-modifying CTE).
    expect(
      isRetryableFirstStatement("with moved as (delete from t returning *) select * from moved", ended),
    ).toBe(false);
  });

  it("never a statement that failed on its own merits", () => {
    expect(isRetryableFirstStatement("select 1", Object.assign(new Error("syntax"), { code: "42601" }))).toBe(
      false,
    );
    expect(
      isRetryableFirstStatement("select 1", Object.assign(new Error("timeout"), { code: "57014" })),
    ).toBe(false);
    expect(isRetryableFirstStatement("select 1", "not an error")).toBe(false);
    expect(isRetryableFirstStatement("select 1", null)).toBe(false);
  });
});
