import sharp from "sharp";
import type { Bundle, BundleArticle } from "../../src/bundle/bundle.ts";

/** A real (small) JPEG as a data: URI, drawn here so tests need no fixture files. */
export async function photoDataUri(color = "#4f7ca8", width = 640, height = 400): Promise<string> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

/** KST wall time as ISO: kst("2026-03-19 09:30:00"). */
export const kst = (wall: string) => `${wall.replace(" ", "T")}+09:00`;

let nextNum = 1000;
/** An article record with sensible defaults; override what the test is about. */
export function article(overrides: Partial<BundleArticle> = {}): BundleArticle {
  const num = overrides.num ?? ++nextNum;
  return {
    num,
    title: `테스트 기사 ${num}`,
    section: "industry/electronics",
    authors: ["park-sj"],
    status: "published",
    publishedAt: kst("2026-03-19 09:30:00"),
    body: `<p>기사 ${num}의 첫 문단입니다. 반도체 업황이 나아지고 있다.</p><p>둘째 문단입니다.</p>`,
    ...overrides,
  };
}

/** A small newsroom: two-level sections, three staff, two people, and the given articles. */
export function newsroom(articles: BundleArticle[] = [], extra: Partial<Bundle> = {}): Bundle {
  return {
    format: "jikji-bundle",
    version: 1,
    site: { name: "테스트경제", dateline: "테스트경제", youtubeUrl: "https://www.youtube.com/@test-economy" },
    sections: [
      { slug: "industry", name: "기업과산업", position: 1 },
      { slug: "industry/electronics", name: "전자·전기·정보통신", position: 1 },
      { slug: "industry/shipbuilding", name: "조선·해운", position: 2 },
      { slug: "finance", name: "금융", position: 2 },
    ],
    staff: [
      { key: "park-sj", name: "박서준", email: "sjpark@test.example.kr", role: "reporter", desk: "산업부" },
      { key: "lee-ha", name: "이하은", email: "haeun@test.example.kr", role: "reporter", desk: "금융부" },
      { key: "choi-desk", name: "최민호", email: "desk@test.example.kr", role: "editor", desk: "산업부" },
    ],
    people: [
      {
        key: "rivers",
        num: 500101,
        name: "마크 리버스",
        aliases: ["리버즈"],
        role: "최고경영자",
        organization: "노바AI",
      },
      { key: "han-dy", name: "한도윤", role: "장관", organization: "산업디지털부" },
    ],
    articles,
    ...extra,
  };
}
