import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, NOW, SITE_URL, type TestApp } from "../support/app.ts";
import { article, newsroom, photoDataUri } from "../support/factories.ts";
import { ldOfType, metaContent } from "../support/html.ts";
import { givePasswords, type StaffClient, signIn } from "../support/newsroom.ts";

describe("the paper's identity: icons, share images and structured data", () => {
  let t: TestApp;
  let admin: StaffClient;
  const iso = (ms: number) => new Date(ms).toISOString();
  const PUBLIC = [
    "/",
    "/section/industry",
    "/article/6100",
    "/article/6101",
    "/search?q=%EB%B0%98%EB%8F%84%EC%B2%B4",
    "/events",
    "/events/forum",
    "/people/han-dy",
    "/reporter/park-sj",
  ];

  beforeAll(async () => {
    t = await createTestApp();
    await t.import(
      newsroom(
        [
          article({
            num: 6100,
            title: "반도체 수출 증가",
            leadImage: { src: await photoDataUri("#223344", 1600, 900), alt: "부두", caption: "부산항" },
          }),
          article({ num: 6101, title: "사진 없는 반도체 기사" }),
        ],
        {
          staff: [
            ...newsroom().staff!,
            { key: "boss", name: "관리자", email: "boss@test.example.kr", role: "admin" },
          ],
          events: [
            {
              key: "forum",
              title: "반도체 포럼",
              startsAt: iso(NOW + 7 * 24 * 3600_000),
              endsAt: iso(NOW + 7 * 24 * 3600_000 + 3 * 3600_000),
              venue: "서울 중구 세종대로 110",
              description: "<p>메모리 이후를 묻는 포럼입니다.</p>",
              capacity: 100,
              speakers: ["han-dy"],
            },
          ],
        },
      ),
    );
    await givePasswords(t, ["boss"]);
    admin = await signIn(t, "boss@test.example.kr");
  });
  afterAll(() => t.close());

  it("serves a favicon, an apple-touch-icon, app icons and a manifest drawn from the name", async () => {
    const ico = await t.app.inject("/favicon.ico");
    expect(ico.statusCode).toBe(200);
    expect(ico.headers["content-type"]).toBe("image/x-icon");
    expect(ico.rawPayload.readUInt16LE(2)).toBe(1);
    expect(ico.rawPayload.readUInt16LE(4)).toBe(2);
    for (const [url, size] of [
      ["/apple-touch-icon.png", 180],
      ["/site/icon-192.png", 192],
      ["/site/icon-512.png", 512],
    ] as const) {
      const res = await t.app.inject(url);
      expect(res.headers["content-type"]).toBe("image/png");
      const meta = await sharp(res.rawPayload).metadata();
      expect([meta.width, meta.height]).toEqual([size, size]);
    }
    const logo = await sharp((await t.app.inject("/site/logo.png")).rawPayload).metadata();
    expect([logo.width, logo.height]).toEqual([600, 60]);
    const manifest = (await t.app.inject("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "테스트경제", lang: "ko", start_url: "/" });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(["192x192", "512x512"]);
    const home = (await t.app.inject("/")).body;
    expect(home).toMatch(/<link rel="icon" href="\/favicon\.ico\?v=\w+" sizes="32x32"\/>/);
    expect(home).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon\.png\?v=\w+"\/>/);
    expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
  });

  it("gives every public page an og:image with its size and alt text", async () => {
    for (const path of PUBLIC) {
      const html = (await t.app.inject(path)).body;
      const image = metaContent(html, "og:image");
      expect(image, path).toMatch(new RegExp(`^${SITE_URL}/`));
      expect(Number(metaContent(html, "og:image:width")), path).toBeGreaterThan(0);
      expect(Number(metaContent(html, "og:image:height")), path).toBeGreaterThan(0);
      expect(metaContent(html, "og:image:alt"), path).toBeTruthy();
      const res = await t.app.inject(image!.slice(SITE_URL.length));
      expect(res.statusCode, image!).toBe(200);
    }
    const withPhoto = (await t.app.inject("/article/6100")).body;
    expect(metaContent(withPhoto, "og:image")).toMatch(new RegExp(`^${SITE_URL}/media/`));
    expect(metaContent(withPhoto, "og:image:width")).toBe("1600");
    expect(metaContent(withPhoto, "og:image:alt")).toBe("부두");
    const share = metaContent((await t.app.inject("/article/6101")).body, "og:image")!;
    expect(share).toMatch(/\/site\/share\.png\?v=\w+$/);
    const drawn = await sharp((await t.app.inject(share.slice(SITE_URL.length))).rawPayload).metadata();
    expect([drawn.width, drawn.height]).toEqual([1200, 630]);
  });

  it("describes the site on the home page: WebSite with SearchAction, NewsMediaOrganization with logo", async () => {
    const html = (await t.app.inject("/")).body;
    const site = ldOfType(html, "WebSite") as {
      potentialAction: { target: { urlTemplate: string }; "query-input": string };
    };
    expect(site.potentialAction.target.urlTemplate).toBe(`${SITE_URL}/search?q={search_term_string}`);
    expect(site.potentialAction["query-input"]).toBe("required name=search_term_string");
    const org = ldOfType(html, "NewsMediaOrganization") as {
      name: string;
      logo: { url: string; width: number; height: number };
    };
    expect(org.name).toBe("테스트경제");
    expect(org.logo).toMatchObject({ width: 600, height: 60 });
    expect(org.logo.url).toMatch(new RegExp(`^${SITE_URL}/site/logo\\.png\\?v=`));
  });

  it("describes an article: publisher logo, the image in 16:9, 4:3 and 1:1, and its breadcrumb", async () => {
    const html = (await t.app.inject("/article/6100")).body;
    const ld = ldOfType(html, "NewsArticle") as { image: string[]; publisher: { logo: { url: string } } };
    expect(ld.publisher.logo.url).toMatch(/\/site\/logo\.png/);
    expect(ld.image).toHaveLength(3);
    const sizes = [];
    for (const url of ld.image) {
      expect(url.startsWith(`${SITE_URL}/crop/`)).toBe(true);
      const res = await t.app.inject(url.slice(SITE_URL.length));
      expect(res.headers["content-type"]).toBe("image/jpeg");
      const meta = await sharp(res.rawPayload).metadata();
      sizes.push(`${meta.width}x${meta.height}`);
    }
    expect(sizes).toEqual(["1200x675", "1200x900", "1200x1200"]);
    const crumbs = ldOfType(html, "BreadcrumbList") as {
      itemListElement: { position: number; name: string; item: string }[];
    };
    expect(crumbs.itemListElement.map((c) => [c.position, c.name, c.item])).toEqual([
      [1, "테스트경제", `${SITE_URL}/`],
      [2, "기업과산업", `${SITE_URL}/section/industry`],
      [3, "전자·전기·정보통신", `${SITE_URL}/section/industry/electronics`],
    ]);
    const noPhoto = ldOfType((await t.app.inject("/article/6101")).body, "NewsArticle") as {
      image: string[];
    };
    expect(noPhoto.image).toEqual([expect.stringMatching(/\/site\/share\.png/)]);
    // only library photos, only these shapes
    expect((await t.app.inject(`/crop/2x1/${"a".repeat(2)}/${"a".repeat(64)}.jpg`)).statusCode).toBe(404);
    expect((await t.app.inject(`/crop/1x1/aa/${"a".repeat(64)}.jpg`)).statusCode).toBe(404);
  });

  it("describes an event with address, description, image, status, mode and offer", async () => {
    const ld = ldOfType((await t.app.inject("/events/forum")).body, "Event") as Record<string, unknown>;
    expect(ld).toMatchObject({
      name: "반도체 포럼",
      description: "메모리 이후를 묻는 포럼입니다.",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: {
        "@type": "Place",
        address: {
          "@type": "PostalAddress",
          streetAddress: "서울 중구 세종대로 110",
          addressRegion: "서울",
          addressCountry: "KR",
        },
      },
      offers: {
        "@type": "Offer",
        price: 0,
        priceCurrency: "KRW",
        availability: "https://schema.org/InStock",
      },
    });
    expect((ld.image as string[])[0]).toMatch(new RegExp(`^${SITE_URL}/site/share\\.png`));
  });

  it("lets an admin choose library photos as logo, icon and share image, and refuses unknown numbers", async () => {
    const before = metaContent((await t.app.inject("/article/6101")).body, "og:image");
    const photo = await t.database.db.selectFrom("media").select("id").executeTakeFirstOrThrow();
    const bad = await admin.post("/newsroom/settings", { name: "테스트경제", logoMedia: "#99999" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("로고로 고른 사진을 사진 보관함에서 찾을 수 없습니다.");
    const res = await admin.post("/newsroom/settings", {
      name: "테스트경제",
      logoMedia: `#${photo.id}`,
      iconMedia: String(photo.id),
      shareMedia: String(photo.id),
    });
    expect(res.statusCode).toBe(303);
    const after = metaContent((await t.app.inject("/article/6101")).body, "og:image")!;
    expect(after).not.toBe(before);
    const logo = await sharp((await t.app.inject("/site/logo.png")).rawPayload).metadata();
    // a 16:9 photo inside 600×60 keeps its shape
    expect([logo.width, logo.height]).toEqual([107, 60]);
    const icon = await sharp((await t.app.inject("/site/icon-192.png")).rawPayload).stats();
    expect(icon.channels[0]!.mean).toBeLessThan(80);
    const form = (await admin.get("/newsroom/settings")).body;
    expect(form).toContain(`value="#${photo.id}"`);
    // emptied: back to the wordmark
    await admin.post("/newsroom/settings", {
      name: "테스트경제",
      logoMedia: "",
      iconMedia: "",
      shareMedia: "",
    });
    const drawn = await sharp((await t.app.inject("/site/logo.png")).rawPayload).metadata();
    expect([drawn.width, drawn.height]).toEqual([600, 60]);
  });
});
