import { describe, expect, it } from "vitest";
import { absolutiseUrls } from "../../src/feeds/absolute-urls.ts";

describe("absolutiseUrls", () => {
  const site = "https://news.example.kr";

  it("makes site-relative href, src and srcset candidates absolute", () => {
    expect(
      absolutiseUrls(
        '<p><a href="/article/7">기사</a></p><picture><source srcset="/media/a-480.webp 480w, /media/a-960.webp 960w" /><img src="/media/a.jpg" alt="" /></picture>',
        site,
      ),
    ).toBe(
      `<p><a href="${site}/article/7">기사</a></p><picture><source srcset="${site}/media/a-480.webp 480w, ${site}/media/a-960.webp 960w" /><img src="${site}/media/a.jpg" alt="" /></picture>`,
    );
  });

  it("leaves absolute, protocol-relative and mailto URLs and text alone", () => {
    const html =
      '<p><a href="https://other.example/x">밖</a> <a href="mailto:a@b.kr">메일</a> <a href="//cdn.example/x">cdn</a> href="/not-an-attribute"</p>';
    expect(absolutiseUrls(html, site)).toBe(html);
  });
});
