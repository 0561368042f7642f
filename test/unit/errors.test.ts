import { describe, expect, it } from "vitest";
import { AppError, CATALOGUE, type ErrorCode, fail, notFound } from "../../src/lib/errors.ts";

describe("the error catalogue", () => {
  const entries = Object.entries(CATALOGUE) as [ErrorCode, (typeof CATALOGUE)[ErrorCode]][];

  it("gives every code an HTTP error status and a Korean message", () => {
    for (const [code, entry] of entries) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      if (typeof entry.message === "string") expect(entry.message, code).toMatch(/[가-힣]/);
    }
  });

  it("writes each fixed message once: two codes with one message would be one case with two codes", () => {
    const fixed = entries.filter(([, e]) => typeof e.message === "string").map(([, e]) => e.message);
    expect(new Set(fixed).size).toBe(fixed.length);
  });

  it("raises AppErrors with the code, status and message of the entry", () => {
    const e = fail("article_not_found");
    expect(e).toBeInstanceOf(AppError);
    expect([e.code, e.status, e.message]).toEqual(["article_not_found", 404, "기사를 찾을 수 없습니다."]);
    expect(fail("comment_too_long", { max: 400, bytes: 412 }, { bytes: 412 })).toMatchObject({
      status: 400,
      message: "댓글은 400byte(한글 200자)까지 쓸 수 있습니다. 지금 412byte입니다.",
      details: { bytes: 412 },
    });
    expect(fail("forbidden").message).toBe("이 작업을 할 권한이 없습니다.");
    expect(fail("forbidden", "moderate").message).toBe("댓글을 관리할 권한이 없습니다.");
    expect(fail("invalid_transition", { statusLabel: "발행" }).message).toContain("'발행' 상태의 기사는");
  });

  it("picks Korean particles by the word, never 을(를)", () => {
    expect(notFound("기사").message).toBe("요청하신 기사를 찾을 수 없습니다.");
    expect(notFound("인물").message).toBe("요청하신 인물을 찾을 수 없습니다.");
    expect(notFound().message).toBe("요청하신 페이지를 찾을 수 없습니다.");
    expect(fail("invalid_date", "2026-13-01").message).toBe("'2026-13-01'은 올바른 날짜가 아닙니다.");
    expect(fail("section_slug_taken", "industry").message).toBe(
      "주소 ‘industry’는 이미 다른 섹션이 쓰고 있습니다.",
    );
  });
});

describe("particles", () => {
  it("follow es-hangul for words and read a final digit aloud", async () => {
    const { withParticle } = await import("../../src/lib/josa.ts");
    expect(
      ["기사", "인물", "행사", "2026-03-01", "기사 12", "R&D"].map((w) => withParticle(w, "은/는")),
    ).toEqual(["기사는", "인물은", "행사는", "2026-03-01은", "기사 12는", "R&D는"]);
  });
});
