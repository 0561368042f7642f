import { createHash } from "node:crypto";
import type { Bundle, BundleArticle } from "../bundle/bundle.ts";
import { toKstIso } from "../lib/kst-time.ts";
import { demoImageDataUri } from "./demo-images.ts";

/**
 * The kinds of records the demo's articles alone do not show, added so that the demo newsroom holds
 * every kind of data a bundle carries (and export → import → export is checked on all of them):
 * 연재 and labels, a wire story, an embargo, an in-body photo, a 바로잡습니다 note, a published
 * 정정보도, policy pages with an earlier version, a person's photo, the paper's share image and
 * photos that live only in the media library. All of it invented, like the rest of the demo.
 */

const MINUTE = 60_000;
const sha256Of = (dataUri: string) =>
  createHash("sha256")
    .update(Buffer.from(dataUri.slice(dataUri.indexOf(",") + 1), "base64"))
    .digest("hex");

/** `minutes` after a time, but never in the future nor before the time itself. */
const later = (iso: string | undefined, minutes: number, now: number) => {
  const at = iso ? Date.parse(iso) : now;
  return toKstIso(Math.max(at, Math.min(now - MINUTE, at + minutes * MINUTE)));
};

/** Adds the extra records to a demo bundle whose photos are already data: URIs. */
export async function addDemoExtras(bundle: Bundle, now: number): Promise<void> {
  const articles = bundle.articles ?? [];
  const published = articles.filter((a) => a.status === "published" && a.publishedAt);
  const pick = (i: number): BundleArticle => published[i % published.length]!;

  // 연재: three published stories, oldest first, as parts 1–3 of a series.
  bundle.series = [
    {
      key: "semiconductor-next",
      title: "반도체 다음 10년",
      description: "공급망 재편과 인공지능 수요가 바꾸는 반도체 산업을 세 차례에 걸쳐 짚는다.",
    },
  ];
  const parts = [pick(6), pick(4), pick(2)].sort(
    (a, b) => Date.parse(a.publishedAt!) - Date.parse(b.publishedAt!),
  );
  parts.forEach((a, i) => {
    a.series = { key: "semiconductor-next", part: i + 1 };
    a.labels = ["feature"];
  });
  pick(0).labels = ["breaking", "exclusive"];
  pick(1).labels = ["interview"];
  Object.assign(pick(3), { origin: "wire", originSource: "연합뉴스" });
  Object.assign(pick(5), { origin: "press-release", originSource: "가람은행 홍보팀" });
  // A filed story under embargo until 06:00 KST the day after tomorrow.
  const filed = articles.find((a) => a.status === "submitted") ?? articles.find((a) => a.status === "draft");
  if (filed) {
    const kstMidnight = Math.floor((now + 9 * 3600_000) / 86_400_000) * 86_400_000 - 9 * 3600_000;
    filed.embargoUntil = toKstIso(kstMidnight + 2 * 86_400_000 + 6 * 3600_000);
  }

  // An in-body photo with its caption, as the editor writes it.
  const bodyPhoto = await demoImageDataUri(13, 960, 640);
  const withPhoto = pick(7);
  withPhoto.body = withPhoto.body.replace(
    "</p>",
    `</p><figure><img src="${bodyPhoto}" alt="항만에 쌓인 수출 컨테이너"><figcaption>▲ 수출 물량이 몰린 부두 (자료 사진)</figcaption></figure>`,
  );

  // A corrected story (바로잡습니다) and a published 정정보도 at the top of another.
  const corrected = pick(8);
  corrected.updatedAt = later(corrected.publishedAt, 90, now);
  corrected.correction = {
    note: "당초 기사에서 영업이익 증가율을 '32%'로 적었으나 '23%'이기에 바로잡습니다.",
    correctedAt: corrected.updatedAt,
  };
  const noticed = pick(9);
  noticed.notices = [
    {
      kind: "correction",
      title: "[정정보도] '태성전자 감산 확정' 관련",
      body: "본지는 태성전자가 감산을 확정했다고 보도하였으나, 사실 확인 결과 감산 여부는 아직 결정되지 않은 것으로 밝혀져 이를 바로잡습니다.",
      publishedAt: later(noticed.publishedAt, 240, now),
    },
  ];

  // A person's photo, and the paper's default share image.
  const portrait = await demoImageDataUri(14, 600, 600);
  const person = bundle.people?.[0];
  if (person) person.photo = portrait;
  const share = await demoImageDataUri(15, 1200, 630);
  bundle.site = { ...bundle.site, shareImage: share };

  // Policy pages: the privacy policy with an earlier version, and the ethics code.
  const day = 24 * 60 * MINUTE;
  bundle.policies = [
    {
      slug: "ethics",
      versions: [
        {
          version: 1,
          body: "<h2>윤리강령</h2><p>한빛경제는 사실을 확인한 뒤에 보도하고, 잘못은 지체 없이 바로잡는다.</p>",
          effectiveAt: toKstIso(now - 30 * day),
        },
      ],
    },
    {
      slug: "privacy",
      versions: [
        {
          version: 1,
          body: "<h2>개인정보처리방침</h2><p>행사 신청자의 이름과 이메일은 행사가 끝난 뒤 30일 안에 지웁니다.</p>",
          effectiveAt: toKstIso(now - 60 * day),
        },
        {
          version: 2,
          body: "<h2>개인정보처리방침</h2><p>행사 신청자의 이름과 이메일은 행사가 끝난 뒤 30일 안에 지웁니다.</p><p>정정보도 청구인의 연락처는 처리가 끝난 뒤 1년 동안 보관합니다.</p>",
          effectiveAt: toKstIso(now - 7 * day),
        },
      ],
    },
  ];

  // The media library: two photos nobody has used yet, and what the library keeps about a lead photo.
  const unused = [await demoImageDataUri(16, 1200, 800), await demoImageDataUri(17, 800, 1200)];
  bundle.media = [
    {
      sha256: sha256Of(unused[0]!),
      src: unused[0],
      name: "harbour-cranes.jpg",
      alt: "부두의 크레인",
      caption: "부산 신항의 컨테이너 크레인",
      credit: "한빛경제 사진부",
      focus: { x: 30, y: 40 },
    },
    { sha256: sha256Of(unused[1]!), src: unused[1], name: "tower-night.jpg", credit: "한빛경제 사진부" },
  ];
  const lead = pick(0).leadImage?.src;
  if (lead?.startsWith("data:")) bundle.media.push({ sha256: sha256Of(lead), focus: { x: 60, y: 35 } });
}
