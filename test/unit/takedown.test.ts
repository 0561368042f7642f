import { describe, expect, it } from "vitest";
import { toPublicComment } from "../../src/comments/comment.ts";
import {
  MAX_TAKEDOWN_DAYS,
  TAKEDOWN_NOTICE,
  takedownDays,
  takedownEnd,
  takedownExpired,
  validateRightsReport,
} from "../../src/comments/takedown.ts";
import { AppError } from "../../src/lib/errors.ts";

describe("임시조치 rules (정보통신망법 §44의2)", () => {
  it("a period is 1 to 30 whole days", () => {
    expect(takedownDays("7")).toBe(7);
    expect(takedownDays(30)).toBe(MAX_TAKEDOWN_DAYS);
    for (const bad of ["0", "31", "1.5", "", "seven", -1, null, undefined]) {
      expect(() => takedownDays(bad)).toThrow(AppError);
    }
  });

  it("ends the same time of day N days later, and is over from that instant", () => {
    const at = Date.parse("2026-03-20T12:00:00+09:00");
    const until = takedownEnd(at, 30);
    expect(until).toBe(Date.parse("2026-04-19T12:00:00+09:00"));
    expect(takedownExpired(until, until - 1)).toBe(false);
    expect(takedownExpired(until, until)).toBe(true);
    expect(takedownExpired(null, until)).toBe(false);
  });

  it("a comment under 임시조치 leaves the repository with the notice in place of its text", () => {
    const row = { id: 1, nickname: "독자", body: "비밀", created_at: 0, likes: 2, dislikes: 0 };
    expect(toPublicComment({ ...row, takedown_at: null })).toMatchObject({ body: "비밀", takenDown: false });
    expect(toPublicComment({ ...row, takedown_at: 5 })).toMatchObject({
      body: TAKEDOWN_NOTICE,
      takenDown: true,
    });
  });

  it("a report needs a name, a contact that is an e-mail or a phone, a right from the list and a reason", () => {
    expect(
      validateRightsReport({
        name: " 홍길동 ",
        contact: "010-1234-5678",
        right: "privacy",
        reason: "주소 노출",
      }),
    ).toEqual({ name: "홍길동", contact: "010-1234-5678", right: "privacy", reason: "주소 노출" });
    try {
      validateRightsReport({ contact: "x", right: "anger" });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe("invalid_rights_report");
      expect(Object.keys((e as AppError).details!.fields as object).sort()).toEqual([
        "contact",
        "name",
        "reason",
        "right",
      ]);
    }
  });
});
