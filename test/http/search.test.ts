import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BundleArticle } from "../../src/bundle/bundle.ts";
import { createTestApp, NOW, type TestApp } from "../support/app.ts";
import { article, kst, newsroom } from "../support/factories.ts";
import { inner, metaContent, textOf } from "../support/html.ts";

const PEOPLE = [
  {
    key: "rivers",
    num: 500101,
    name: "마크 리버스",
    aliases: ["리버즈"],
    role: "최고경영자",
    organization: "노바AI",
  },
  {
    key: "altman",
    name: "샘 올트먼",
    aliases: ["올트먼", "알트만", "샘 알트만"],
    role: "최고경영자",
    organization: "오픈랩",
  },
];

/** Stories written so that each kind of query finds a known set, and nothing else. */
function stories(): BundleArticle[] {
  return [
    article({
      num: 7001,
      title: "하이투자증권, 반도체 목표주가 올려",
      section: "finance",
      authors: ["lee-ha"],
      publishedAt: kst("2026-03-18 10:00:00"),
      body: "<p>하이투자증권은 고대역폭메모리 수요가 늘어 실적이 좋아질 것으로 내다봤다.</p>",
    }),
    article({
      num: 7002,
      title: "기준금리 동결에 은행권 대출 이자 낮아져",
      section: "finance",
      authors: ["lee-ha"],
      publishedAt: kst("2026-03-19 00:00:00"),
      body: "<p>한국은행이 기준금리를 동결하자 시중은행들이 대출 이자를 내렸다.</p>",
    }),
    article({
      num: 7003,
      title: "오픈랩 대표 서울 방문",
      subtitle: "국내 기업들과 잇따라 만나",
      publishedAt: kst("2026-03-19 23:59:00"),
      body: "<p>샘 올트먼 오픈랩 최고경영자가 서울을 찾았다. 올트먼은 국내 기업들과 만났다.</p>",
    }),
    article({
      num: 7004,
      title: "거물 CEO 방한 뒷이야기",
      publishedAt: kst("2026-03-18 23:59:59"),
      body: "<p>알트만 CEO가 방한 기간 중 반도체 공장을 둘러봤다.</p>",
    }),
    article({
      num: 7005,
      // a title is plain text: what looks like markup is text to show, escaped
      title: "<b>조선</b> 수주 R&D 지원 & 세제 혜택",
      section: "industry/shipbuilding",
      publishedAt: kst("2026-03-17 09:00:00"),
      body: "<p>정부가 조선 업계에 R&amp;D 지원을 늘린다. 태그 &lt;script&gt;alert(1)&lt;/script&gt;도 글자일 뿐이다.</p>",
    }),
    article({
      num: 7006,
      title: "노바AI 새 모델 공개",
      section: "industry/electronics",
      publishedAt: kst("2026-03-16 09:00:00"),
      body: "<p>리버즈 노바AI 최고경영자는 새 모델을 직접 소개했다.</p>",
    }),
    article({
      num: 7007,
      title: "배터리 업계 감산",
      publishedAt: kst("2026-03-10 09:00:00"),
      body: "<p>업계가 생산을 줄인다.</p>",
    }),
    article({
      num: 7008,
      title: "전기차 판매 회복",
      publishedAt: kst("2026-03-15 09:00:00"),
      body: "<p>전기차 판매가 늘면서 배터리 주문도 회복세다.</p>",
    }),
    article({
      num: 7009,
      title: "쌀값 안정",
      section: "finance",
      authors: ["lee-ha"],
      publishedAt: kst("2026-03-12 09:00:00"),
      body: "<p>올해 쌀 수확량이 늘었다.</p>",
    }),
    // never shown: a draft, a scheduled story, a published one whose time has not come, a pulled one
    article({ num: 7101, title: "비밀초안 기사", status: "draft", publishedAt: undefined }),
    article({
      num: 7102,
      title: "예약기사 조선 특집",
      status: "scheduled",
      publishedAt: kst("2026-03-21 06:00:00"),
    }),
    article({ num: 7103, title: "미래기사 조선 전망", publishedAt: kst("2026-03-20 12:00:01") }),
    article({
      num: 7104,
      title: "내린기사 조선 소식",
      status: "unpublished",
      publishedAt: kst("2026-03-19 06:00:00"),
    }),
    // 25 stories for pagination, one an hour from 2026-03-05 00:00 KST
    ...Array.from({ length: 25 }, (_, i) =>
      article({
        num: 7200 + i,
        title: `해운 운임 동향 ${i}`,
        section: i % 2 ? "industry/shipbuilding" : "finance",
        publishedAt: new Date(Date.parse(kst("2026-03-05 00:00:00")) + i * 3600_000).toISOString(),
        body: `<p>컨테이너 운임지수가 ${i}주째 움직였다.</p>`,
      }),
    ),
  ];
}

const nums = (html: string) =>
  [...html.matchAll(/<h2 class="search-result__title"><a href="\/article\/(\d+)">/g)].map((m) =>
    Number(m[1]),
  );

describe("search", () => {
  let t: TestApp;
  let clock = NOW;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    await t.import(newsroom(stories(), { people: PEOPLE }));
  });
  afterAll(() => t.close());

  async function search(query: string) {
    const res = await t.app.inject(`/search?${query}`);
    expect(res.statusCode, query).toBe(200);
    return res.body;
  }
  const find = async (q: string, extra = "") =>
    nums(await search(`q=${encodeURIComponent(q)}${extra ? `&${extra}` : ""}`));
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

  describe("the page", () => {
    it("counts, lists and highlights the results, in Korean, and is not indexed", async () => {
      const html = await search(`q=${encodeURIComponent("반도체")}`);
      expect(textOf(inner(html, "p", 'class="search-count"')!)).toBe("검색 결과 2건");
      expect(metaContent(html, "robots")).toBe("noindex");
      expect(html).toContain('<input id="search-q" type="search" name="q" value="반도체" maxlength="100"');
      const first = inner(html, "li", 'class="search-result"')!;
      // newest first: 7004 (18th, 23:59:59 KST) before 7001 (18th, 10:00)
      expect(first).toContain('href="/article/7004"');
      expect(first).toContain("<mark>반도체</mark> 공장을 둘러봤다");
      expect(textOf(first)).toContain("2026-03-18 23:59");
      const second = html.slice(html.indexOf('href="/article/7001"'));
      expect(second).toContain("하이투자증권, <mark>반도체</mark> 목표주가 올려");
      expect(textOf(inner(second, "p", 'class="search-result__meta"')!)).toBe(
        "금융 이하은 기자 2026-03-18 10:00",
      );
    });

    it("says so when nothing matched, and keeps the query in the box", async () => {
      const html = await search(`q=${encodeURIComponent("없는단어입니다")}`);
      expect(textOf(inner(html, "p", 'class="search-count"')!)).toBe("검색 결과 0건");
      expect(textOf(html)).toContain("‘없는단어입니다’에 대한 검색 결과가 없습니다.");
      expect(html).toContain('value="없는단어입니다"');
    });

    it("shows an empty search page for an empty query", async () => {
      for (const query of ["", "q=", "q=%20%20%20", "q=%09%0A"]) {
        const html = await search(query);
        expect(nums(html), query).toEqual([]);
        expect(html).not.toContain('class="search-count"');
        expect(textOf(html)).toContain("검색어를 입력해 주세요.");
      }
    });

    it("has the search form in every page's header", async () => {
      const res = await t.app.inject("/");
      const form = inner(res.body, "header", 'class="site-header"')!;
      expect(form).toContain('<form class="site-search" action="/search" method="get" role="search">');
      expect(form).toContain('<label class="visually-hidden" for="site-search-q">기사 검색</label>');
      expect(form).toContain('name="q" maxlength="100"');
      expect(textOf(inner(form, "button", 'class="site-search__button"')!)).toBe("검색");
    });

    it("offers the filters as a GET form with Korean labels", async () => {
      const html = await search(
        `q=a&sort=relevance&section=industry/shipbuilding&from=2026-03-01&to=2026-03-19`,
      );
      expect(html).toContain('<form class="search-form" action="/search" method="get" role="search"');
      const form = inner(html, "form", 'class="search-form"')!;
      expect(form).toContain('<option value="relevance" selected>정확도순</option>');
      expect(form).toContain(
        '<option value="industry/shipbuilding" selected>기업과산업 › 조선·해운</option>',
      );
      expect(form).toContain('name="from" value="2026-03-01"');
      expect(form).toContain('name="to" value="2026-03-19"');
      for (const label of ["검색어", "정렬", "섹션", "기간"]) expect(textOf(form)).toContain(label);
    });
  });

  describe("finds Korean as Koreans type it", () => {
    it("finds 3+ syllables anywhere inside a word", async () => {
      expect(await find("투자증")).toEqual([7001]);
      expect(await find("대역폭메모")).toEqual([7001]);
      expect(await find("목표주")).toEqual([7001]);
    });

    it("finds 1- and 2-syllable words inside longer ones", async () => {
      expect(await find("반도")).toEqual([7004, 7001]);
      expect(sorted(await find("금리"))).toEqual([7002]);
      expect(await find("쌀")).toEqual([7009]);
      const html = await search(`q=${encodeURIComponent("금리")}`);
      expect(html).toContain("기준<mark>금리</mark> 동결에");
    });

    it("requires every word", async () => {
      expect(await find("반도체 하이투자")).toEqual([7001]);
      expect(await find("반도체 공장")).toEqual([7004]);
      expect(await find("반도체 쌀")).toEqual([]);
    });

    it("finds initial consonants in titles", async () => {
      expect(await find("ㅎㅇㅌㅈ")).toEqual([7001]);
      expect(await find("ㄱㅈㄱㄹ")).toEqual([7002]);
      const html = await search(`q=${encodeURIComponent("ㅎㅇㅌㅈ")}`);
      expect(html).toContain("<mark>하이투자</mark>증권, 반도체");
    });

    it("finds initial consonants of people's names", async () => {
      expect(sorted(await find("ㅁㅋㄹㅂㅅ"))).toEqual([7006]);
      expect(sorted(await find("ㅅㅇㅌㅁ"))).toEqual([7003, 7004]);
    });

    it("finds a person by any of their spellings", async () => {
      expect(sorted(await find("알트만"))).toEqual([7003, 7004]);
      expect(sorted(await find("올트먼"))).toEqual([7003, 7004]);
      expect(sorted(await find("샘 올트먼"))).toEqual([7003, 7004]);
      expect(sorted(await find("마크 리버스"))).toEqual([7006]);
      const html = await search(`q=${encodeURIComponent("알트만")}`);
      expect(html).toContain("<mark>샘 올트먼</mark> 오픈랩 최고경영자가");
    });

    it("finds a reporter's stories by their name", async () => {
      expect(sorted(await find("이하은"))).toEqual([7001, 7002, 7009]);
      expect(sorted(await find("하은 금리"))).toEqual([7002]);
    });

    it("matches Latin letters regardless of case", async () => {
      expect(await find("r&d")).toEqual([7005]);
      expect(await find("novaai")).toEqual([]);
      expect(sorted(await find("노바ai"))).toEqual([7006]);
    });
  });

  describe("filters and order", () => {
    it("filters by section, a top section including its subsections", async () => {
      expect(await find("반도체", "section=finance")).toEqual([7001]);
      expect(await find("반도체", "section=industry")).toEqual([7004]);
      expect(await find("반도체", "section=industry/shipbuilding")).toEqual([]);
    });

    it("filters by KST days, both ends included", async () => {
      expect(sorted(await find("반도체", "from=2026-03-19&to=2026-03-19"))).toEqual([]);
      expect(sorted(await find("반도체", "from=2026-03-18&to=2026-03-18"))).toEqual([7001, 7004]);
      expect(sorted(await find("올트먼", "from=2026-03-19"))).toEqual([7003]);
      expect(sorted(await find("올트먼", "to=2026-03-18"))).toEqual([7004]);
      // reversed ends are read the right way round
      expect(sorted(await find("올트먼", "from=2026-03-19&to=2026-03-18"))).toEqual([7003, 7004]);
    });

    it("refuses a malformed date or an unknown section in Korean", async () => {
      for (const query of [
        "q=a&from=2026-02-30",
        "q=a&to=yesterday",
        "q=a&section=nope",
        "q=a&section=../x",
      ]) {
        const res = await t.app.inject(`/search?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.body).toContain('lang="ko"');
      }
    });

    it("sorts newest first, or most relevant first", async () => {
      expect(await find("배터리")).toEqual([7008, 7007]);
      expect(await find("배터리", "sort=recent")).toEqual([7008, 7007]);
      expect(await find("배터리", "sort=relevance")).toEqual([7007, 7008]);
      expect(await find("배터리", "sort=nonsense")).toEqual([7008, 7007]);
    });

    it("pages by 20, the links keeping every filter", async () => {
      const html = await search(
        `q=${encodeURIComponent("운임")}&sort=recent&section=industry&from=2026-03-01`,
      );
      expect(textOf(inner(html, "p", 'class="search-count"')!)).toBe("검색 결과 12건");
      const all = await search(`q=${encodeURIComponent("운임")}`);
      expect(textOf(inner(all, "p", 'class="search-count"')!)).toBe("검색 결과 25건");
      expect(nums(all)).toEqual(Array.from({ length: 20 }, (_, i) => 7224 - i));
      const next = `/search?q=${encodeURIComponent("운임")}&amp;sort=relevance&amp;section=finance&amp;from=2026-03-01&amp;to=2026-03-20&amp;page=2`;
      const filtered = await search(
        `q=${encodeURIComponent("운임")}&sort=relevance&section=finance&from=2026-03-01&to=2026-03-20`,
      );
      expect(nums(filtered)).toHaveLength(13);
      expect(filtered).not.toContain("page=2");
      const page1 = await search(
        `q=${encodeURIComponent("운임")}&sort=relevance&from=2026-03-01&to=2026-03-20`,
      );
      expect(page1).toContain(next.replace("&amp;section=finance", ""));
      const page2 = await search(`q=${encodeURIComponent("운임")}&from=2026-03-01&to=2026-03-20&page=2`);
      expect(nums(page2)).toEqual([7204, 7203, 7202, 7201, 7200]);
      expect(page2).toContain('rel="prev"');
    });
  });

  describe("never shows what is not public", () => {
    it("hides drafts, scheduled, future and pulled stories", async () => {
      for (const q of ["비밀초안", "예약기사", "미래기사", "내린기사"]) expect(await find(q), q).toEqual([]);
      expect(await find("조선")).toEqual([7005]);
    });

    it("shows a story once its time comes", async () => {
      clock = Date.parse(kst("2026-03-20 12:00:01"));
      try {
        expect(await find("미래기사")).toEqual([7103]);
      } finally {
        clock = NOW;
      }
    });

    it("follows the article in the same import that changes it", async () => {
      await t.import(
        newsroom([article({ num: 7301, title: "새로 나온 특종기사", body: "<p>본문</p>" })], {
          people: PEOPLE,
        }),
      );
      expect(await find("특종기사")).toEqual([7301]);
      await t.import(
        newsroom(
          [article({ num: 7301, title: "새로 나온 특종기사", body: "<p>본문</p>", status: "unpublished" })],
          { people: PEOPLE },
        ),
      );
      expect(await find("특종기사")).toEqual([]);
      await t.import(
        newsroom([article({ num: 7301, title: "고쳐 쓴 제목", body: "<p>본문</p>" })], { people: PEOPLE }),
      );
      expect(await find("특종기사")).toEqual([]);
      expect(await find("고쳐 쓴")).toEqual([7301]);
    });
  });

  describe("follows the newsroom", () => {
    it("finds a renamed reporter's stories by the new name at once", async () => {
      const renamed = (name: string) =>
        newsroom([], {
          people: PEOPLE,
          staff: [
            {
              key: "park-sj",
              name: "박서준",
              email: "sjpark@test.example.kr",
              role: "reporter",
              desk: "산업부",
            },
            { key: "lee-ha", name, email: "haeun@test.example.kr", role: "reporter", desk: "금융부" },
          ],
        });
      await t.import(renamed("이하나"));
      try {
        expect(sorted(await find("이하나"))).toEqual([7001, 7002, 7009]);
        expect(await find("이하은")).toEqual([]);
      } finally {
        await t.import(renamed("이하은"));
      }
      expect(sorted(await find("이하은"))).toEqual([7001, 7002, 7009]);
    });

    it("takes a new alias at once, without re-indexing stories", async () => {
      const people = [{ ...PEOPLE[1]!, aliases: [...PEOPLE[1]!.aliases, "알트먼"] }, PEOPLE[0]!];
      await t.import(newsroom([], { people }));
      try {
        expect(sorted(await find("알트먼"))).toEqual([7003, 7004]);
      } finally {
        await t.import(newsroom([], { people: PEOPLE }));
      }
      expect(await find("알트먼")).toEqual([]);
    });
  });

  describe("is safe", () => {
    it("escapes titles and bodies, marking only with our own <mark>", async () => {
      const html = await search(`q=${encodeURIComponent("조선")}`);
      const hit = inner(html, "li", 'class="search-result"')!;
      // JSX escapes < and & in text (> needs no escaping there)
      expect(hit).toContain("&lt;b><mark>조선</mark>&lt;/b> 수주 R&amp;D 지원 &amp; 세제 혜택");
      expect(hit).toContain("태그 &lt;script>alert(1)&lt;/script>도");
      expect(hit).not.toMatch(/<(?!\/?(mark|a|h2|p|li|time)\b)[a-z]/i);
    });

    it("answers any query without an error", async () => {
      const hostile = [
        '"',
        "*",
        "%",
        "_",
        "' OR 1=1 --",
        "NEAR(",
        "반도체 AND",
        "반도체 OR 쌀",
        "title:반도체",
        "^반도체",
        "\\",
        "박%준",
        "박_준",
        "😀",
        "😀😀 🇰🇷",
        "가".repeat(500),
        "ㅎ",
        "ㅏㅓ",
        "\u0000반도체",
      ];
      for (const q of hostile) {
        const res = await t.app.inject(`/search?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q).toBe(200);
      }
      // bytes that are not UTF-8, and a lone surrogate's encoding
      for (const raw of ["%FF%FE", "%ED%A0%80", "%E3%85"]) {
        expect((await t.app.inject(`/search?q=${raw}`)).statusCode, raw).toBe(200);
      }
      expect(await find("박%준")).toEqual([]);
      expect(await find("박_준")).toEqual([]);
      expect(await find("' OR 1=1 --")).toEqual([]);
      expect(await find('"반도체"')).toEqual([7004, 7001]);
      expect(await find("반도체*")).toEqual([7004, 7001]);
      expect(await find("\u0000반도체")).toEqual([7004, 7001]);
    });

    it("cuts a long query to 100 characters", async () => {
      const html = await search(`q=${encodeURIComponent("가".repeat(500))}`);
      expect(html).toContain(`value="${"가".repeat(100)}"`);
      expect(html).not.toContain("가".repeat(101));
    });

    it("takes a repeated parameter once", async () => {
      const res = await t.app.inject(`/search?q=${encodeURIComponent("금리")}&q=x&page=1&page=2`);
      expect(res.statusCode).toBe(200);
      expect(nums(res.body)).toEqual([7002]);
    });
  });
});
