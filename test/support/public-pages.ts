import type { Bundle } from "../../src/bundle/bundle.ts";
import { article, kst, newsroom, photoDataUri } from "./factories.ts";

/**
 * One newsroom with a page of every public kind, written to be awkward on a phone: a long headline,
 * a subtitle, a portrait lead photo with a long caption, an unbroken URL in the body, comments with
 * long nicknames, an event with speakers and a long venue, a person with a bio.
 * `pages` lists the paths to visit, by the name the tests report.
 */
export async function publicPagesNewsroom(
  clock: number,
): Promise<{ bundle: Bundle; pages: Record<string, string> }> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const portrait = await photoDataUri("#7a5c3e", 900, 1600);
  const landscape = await photoDataUri("#3e6a7a", 1200, 800);
  const longUrl =
    "https://www.example.kr/very/long/path/that/does/not/break/on/its/own/2026/03/20/article-view";
  const stories = [
    article({
      num: 9001,
      title: "반도체·디스플레이·이차전지 수출 석 달 연속 증가…하반기 전망은 '맑음'이라는 업계 분석",
      subtitle: '산업디지털부 "메모리 가격 반등 효과"…중소 협력사 납품도 늘어',
      section: "industry/electronics",
      publishedAt: kst("2026-03-19 09:30:00"),
      body:
        "<p>반도체 수출이 석 달 연속 늘었다. 한도윤 장관은 협력사를 찾았다.</p>" +
        `<p>자료는 <a href="${longUrl}">${longUrl}</a>에서 볼 수 있다.</p>` +
        "<h2>메모리 가격 반등</h2><p>업계는 하반기에도 증가세가 이어질 것으로 본다.</p>",
      leadImage: {
        src: portrait,
        alt: "공장 내부 클린룸에서 일하는 연구원",
        caption: "경기 화성의 한 반도체 공장 내부 클린룸에서 연구원들이 웨이퍼를 살펴보고 있다.",
        credit: "테스트경제",
      },
      tags: ["반도체", "수출", "메모리"],
    }),
    article({
      num: 9002,
      title: "금리 동결에 은행권 대출 창구 '숨 고르기'",
      section: "finance",
      authors: ["lee-ha"],
      publishedAt: kst("2026-03-18 15:00:00"),
      leadImage: { src: landscape, alt: "은행 창구", caption: "서울의 한 은행 창구", credit: "테스트경제" },
    }),
    article({ num: 9003, title: "조선 3사 수주 목표 상향", section: "industry/shipbuilding" }),
    // filed and waiting for the desk: the newsroom's 송고 badge
    article({ num: 9004, title: "데스크를 기다리는 기사", status: "submitted", publishedAt: undefined }),
  ];
  const nicknames = ["아주아주긴닉네임을쓰는독자입니다", "reader_with_a_very_long_latin_nickname", "짧은"];
  const bundle = newsroom(stories, {
    comments: nicknames.map((nickname, i) => ({
      article: 9001,
      nickname,
      body:
        i === 1
          ? "https://example.kr/a/link/that/keeps/going/and/going/without/a/single/space"
          : "좋은 기사 잘 읽었습니다.",
      createdAt: iso(clock - (i + 1) * 3600_000),
    })),
    events: [
      {
        key: "chip-forum",
        title: "2026 반도체 미래 포럼: 메모리 이후의 먹거리",
        startsAt: iso(clock + 7 * 24 * 3600_000),
        endsAt: iso(clock + 7 * 24 * 3600_000 + 3 * 3600_000),
        venue: "서울 중구 세종대로 110 테스트경제 미디어센터 2층 그랜드볼룸",
        description: "<p>메모리 이후의 먹거리를 찾는 포럼입니다.</p>",
        capacity: 100,
        registrationOpen: true,
        promoted: true,
        speakers: ["han-dy", "rivers"],
      },
    ],
  });
  return {
    bundle,
    pages: {
      home: "/",
      section: "/section/industry",
      article: "/article/9001",
      search: `/search?q=${encodeURIComponent("반도체")}`,
      events: "/events",
      event: "/events/chip-forum",
      person: "/people/han-dy",
      reporter: "/reporter/park-sj",
      mostRead: "/most-read",
      notFound: "/article/999999",
    },
  };
}
