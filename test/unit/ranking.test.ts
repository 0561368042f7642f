import { describe, expect, it } from "vitest";
import { BOT_AGENTS, isBot } from "../../src/ranking/bots.ts";
import {
  countsAgain,
  DAY_MS,
  HOUR_MS,
  hourStart,
  isRankable,
  rankByScore,
  windowBuckets,
  windowScore,
} from "../../src/ranking/read-window.ts";
import { AddressCap, type Beacon, dedupeRounds, sumHourly, sumPerArticle } from "../../src/ranking/reads.ts";

const H = Date.parse("2026-03-20T03:00:00Z"); // 12:00 KST, on the hour

describe("robots", () => {
  // biome-ignore format: one user agent a line
  const robots = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)",
    "Mozilla/5.0 (compatible; Daum/4.1; +https://cs.daum.net/faq/15/4118.html?faqId=28966)",
    "Mozilla/5.0 (compatible; Daumoa/4.0)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "kakaotalk-scrap/1.0; +https://devtalk.kakao.com/t/scrap/33984",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
    "curl/8.5.0",
    "Wget/1.21.4",
    "python-requests/2.32.3",
    "Go-http-client/1.1",
    "node",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
    "Mozilla/5.0 (compatible; SomeNewCrawler/0.1; +https://example.com)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "",
  ];
  // biome-ignore format: one user agent a line
  const readers = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S928N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 14; SM-S928N Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36;KAKAOTALK 2410940",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 NAVER(inapp; search; 2000; 12.6.5)",
    "Mozilla/5.0 (Linux; Android 13; SM-G991N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 DaumApps/7.6.3 DaumDevice/mobile",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Whale/4.29.282.14 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:131.0) Gecko/20100101 Firefox/131.0",
  ];

  it.each(robots)("knows %s as a robot", (ua) => {
    expect(isBot(ua)).toBe(true);
  });

  it.each(readers)("counts %s as a reader", (ua) => {
    expect(isBot(ua)).toBe(false);
  });

  it("treats a missing user agent as a robot", () => {
    expect(isBot(undefined)).toBe(true);
  });

  it("keeps the list as data, each entry lower case and unique", () => {
    const patterns = BOT_AGENTS.map((b) => b.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const p of patterns) expect(p).toBe(p.toLowerCase());
  });
});

describe("window maths", () => {
  it("finds the hour a moment falls in", () => {
    expect(hourStart(H)).toBe(H);
    expect(hourStart(H + HOUR_MS - 1)).toBe(H);
    expect(hourStart(H - 1)).toBe(H - HOUR_MS);
  });

  it("covers 24 hours with 25 buckets, the oldest weighted by the part inside", () => {
    const onTheHour = windowBuckets(H, DAY_MS);
    expect(onTheHour).toHaveLength(25);
    expect(onTheHour[0]).toEqual({ hour: H - DAY_MS, weight: 1 });
    expect(onTheHour[24]).toEqual({ hour: H, weight: 1 });

    const quarterPast = windowBuckets(H + 15 * 60_000, DAY_MS);
    expect(quarterPast).toHaveLength(25);
    expect(quarterPast[0]).toEqual({ hour: H - DAY_MS, weight: 0.75 });
    expect(quarterPast.slice(1).every((b) => b.weight === 1)).toBe(true);
    expect(windowBuckets(H, 7 * DAY_MS)).toHaveLength(7 * 24 + 1);
  });

  it("slides smoothly: an old hour fades out instead of dropping at once", () => {
    const reads = (hour: number) => (hour === H - DAY_MS ? 60 : 0);
    const at = (minutes: number) => windowScore(windowBuckets(H + minutes * 60_000, DAY_MS), reads);
    expect(at(0)).toBe(60);
    expect(at(30)).toBe(30);
    expect(at(59)).toBe(1);
    expect(at(60)).toBe(0);
  });

  it("counts a visitor's read again only 24 hours after the last counted one", () => {
    expect(countsAgain(null, H)).toBe(true);
    expect(countsAgain(H, H + DAY_MS - 1)).toBe(false);
    expect(countsAgain(H, H + DAY_MS)).toBe(true);
    expect(countsAgain(H + 5, H)).toBe(false);
  });

  it("ranks stories up to 7 days old, public by now", () => {
    expect(isRankable(H - 7 * DAY_MS, H)).toBe(true);
    expect(isRankable(H - 7 * DAY_MS - 1, H)).toBe(false);
    expect(isRankable(H + 1, H)).toBe(false);
  });

  it("orders by score, ties to the newer story, and leaves out stories without reads", () => {
    const ranked = rankByScore([
      { articleId: 1, score: 5 },
      { articleId: 2, score: 9 },
      { articleId: 3, score: 5 },
      { articleId: 4, score: 0 },
    ]);
    expect(ranked.map((r) => r.articleId)).toEqual([2, 3, 1]);
  });
});

describe("batches", () => {
  const beacon = (over: Partial<Beacon>): Beacon => ({
    articleId: 1,
    publishedAt: H - HOUR_MS,
    visitor: "visitor-aaaaaaaaaaaa",
    at: H,
    address: "127.0.0.1",
    ...over,
  });

  it("drops repeats inside a batch and splits reads 24 hours apart into rounds", () => {
    const rounds = dedupeRounds([
      beacon({ at: H + 10 }),
      beacon({ at: H }),
      beacon({ at: H + 20, articleId: 2 }),
      beacon({ at: H + DAY_MS }),
      beacon({ at: H + DAY_MS + 5 }),
    ]);
    expect(rounds.map((r) => r.map((b) => [b.articleId, b.at]))).toEqual([
      [
        [1, H],
        [2, H + 20],
      ],
      [[1, H + DAY_MS]],
    ]);
  });

  it("sums counted reads per article and hour, marking which may rank", () => {
    const rows = sumHourly([
      beacon({}),
      beacon({ visitor: "visitor-bbbbbbbbbbbb", at: H + 100 }),
      beacon({ at: H + HOUR_MS }),
      beacon({ articleId: 9, publishedAt: H - 8 * DAY_MS }),
    ]);
    expect(rows).toEqual([
      { articleId: 1, hour: H, reads: 2, rankable: true },
      { articleId: 1, hour: H + HOUR_MS, reads: 1, rankable: true },
      { articleId: 9, hour: H, reads: 1, rankable: false },
    ]);
    expect([...sumPerArticle(rows)]).toEqual([
      [1, 3],
      [9, 1],
    ]);
  });

  it("caps the reads one address adds to one story in an hour", () => {
    const cap = new AddressCap(3);
    const allowed = [1, 2, 3, 4, 5].map(() => cap.allow(beacon({})));
    expect(allowed).toEqual([true, true, true, false, false]);
    expect(cap.allow(beacon({ address: "10.0.0.2" }))).toBe(true);
    expect(cap.allow(beacon({ articleId: 2 }))).toBe(true);
    expect(cap.allow(beacon({ at: H + HOUR_MS }))).toBe(true);
  });
});
