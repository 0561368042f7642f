import { describe, expect, it } from "vitest";
import { withDateline } from "../../src/articles/article.view.tsx";
import { escapeHtml, jsonForScript } from "../../src/lib/escape-html.ts";
import { unwrapLeakedLinks } from "../../src/lib/plain-text.ts";
import { htmlToText, paragraphText, proseText, sanitizeBodyHtml } from "../../src/lib/sanitize-html.ts";

describe("sanitizeBodyHtml", () => {
  it("keeps the editor's allow-list", () => {
    const html =
      '<p>문단 <strong>굵게</strong> <em>기울임</em> <a href="/article/1">안쪽</a><br></p><h2>소제목</h2><h3>작은</h3><blockquote>인용</blockquote><ul><li>하나</li></ul><ol><li>둘</li></ol><figure><img src="/media/ab/c.jpg" alt="사진"><figcaption>설명</figcaption></figure>';
    expect(sanitizeBodyHtml(html)).toBe(
      '<p>문단 <strong>굵게</strong> <em>기울임</em> <a href="/article/1">안쪽</a><br /></p><h2>소제목</h2><h3>작은</h3><blockquote>인용</blockquote><ul><li>하나</li></ul><ol><li>둘</li></ol><figure><img src="/media/ab/c.jpg" alt="사진" /><figcaption>설명</figcaption></figure>',
    );
  });

  it("drops scripts, handlers, styles, frames and dangerous URLs", () => {
    const out = sanitizeBodyHtml(
      '<p style="x" onclick="y">a<script>alert(1)</script><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><img src=x onerror=alert(1)><img src="javascript:1"></p><iframe src="https://e"></iframe><object data="x"></object><svg><script>1</script></svg>',
    );
    expect(out).toBe("<p>a<a>j</a><a>d</a></p>");
  });

  it("makes external links safe and maps b/i/h1 to the allow-list", () => {
    expect(
      sanitizeBodyHtml(
        '<p><b>b</b><i>i</i><a href="https://e.com" target="_self" rel="opener">e</a></p><h1>t</h1>',
      ),
    ).toBe(
      '<p><strong>b</strong><em>i</em><a href="https://e.com" rel="noopener noreferrer" target="_blank">e</a></p><h2>t</h2>',
    );
  });

  it("is idempotent", () => {
    const once = sanitizeBodyHtml('<p>a &amp; b <a href="https://e.com">x</a> &lt;tag&gt;</p>');
    expect(sanitizeBodyHtml(once)).toBe(once);
  });
});

describe("plain text", () => {
  it("turns HTML into text with entities decoded and blocks separated", () => {
    expect(htmlToText("<p>a &amp; b</p><p>&lt;c&gt; &#39;d&#39; &#x1F600;</p>")).toBe("a & b <c> 'd' 😀");
  });

  it("unwraps a link leaked into a title, as the reference page's bug shows, and keeps everything else", () => {
    expect(
      unwrapLeakedLinks(
        "만나 <a href='https://x/BP?command=article_view&num=1' class='human_link' target='_blank'>윤</a>·이",
      ),
    ).toEqual({ text: "만나 윤·이", repaired: true });
    expect(unwrapLeakedLinks("1 < 2 그리고 R&D, x<y")).toEqual({
      text: "1 < 2 그리고 R&D, x<y",
      repaired: false,
    });
    expect(unwrapLeakedLinks("'<script>' 태그를 막는 법")).toEqual({
      text: "'<script>' 태그를 막는 법",
      repaired: false,
    });
  });

  it("summarises from paragraphs only: no captions, credits, figure text or subheads", () => {
    const body =
      '<p>첫 문단이다.</p><figure><img src="/media/a.jpg" alt="클린룸" /><figcaption>▲ 공장 내부 클린룸. &lt;태성전자&gt;</figcaption></figure>' +
      "<p>▲ 옛 방식의 사진 설명. &lt;태성전자&gt;</p><p>&lt;태성전자&gt;</p><h2>소제목</h2><p>둘째 문단은 R&amp;D 이야기다.</p><ul><li>목록</li></ul>";
    expect(paragraphText(body)).toBe("첫 문단이다. 둘째 문단은 R&D 이야기다.");
    expect(proseText(body)).toBe("첫 문단이다. 소제목 둘째 문단은 R&D 이야기다. 목록");
  });

  it("escapes text for HTML and JSON for script blocks", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(jsonForScript({ t: "</script><script>alert(1)</script>" })).toBe(
      '{"t":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
    );
  });

  it("opens the body with an escaped dateline", () => {
    expect(withDateline("<p>본문</p>", "한빛<경제>")).toBe(
      '<p><span class="dateline">[한빛&lt;경제&gt;]</span> 본문</p>',
    );
    expect(withDateline("<h2>소제목</h2>", "한빛")).toBe(
      '<p><span class="dateline">[한빛]</span> </p><h2>소제목</h2>',
    );
  });
});
