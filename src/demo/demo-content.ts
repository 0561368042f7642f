import type { LegalInfo } from "../site/legal.ts";
/**
 * The demo newsroom: "한빛경제", a fictional Korean business daily.
 *
 * Everything here is our own invented content, written for Jikji's demo: the companies (태성전자,
 * 오로라컴퓨트, 대양중공업, 가람은행 …), the ministries, the people and every quote and figure are
 * fictional, and no sentence is taken from a real outlet. Any resemblance to real firms or people is
 * accidental.
 *
 * Times are computed from `now` (KST wall times, written with a +09:00 offset), so that a fresh
 * install always looks like a newsroom that has been publishing for the past nine days. Images are
 * placeholders `demo-image:N` (0 ≤ N < DEMO_IMAGE_COUNT) that the loader replaces with generated
 * pictures.
 *
 * Layout of this file: bundle types (mirroring shared/contracts/bundle.schema.json), time helpers,
 * the compact data (sections, staff, people, articles, comments, events), and `buildDemoBundle`,
 * which maps the compact records to bundle records.
 */

// ---------------------------------------------------------------------------------------------------------
// Bundle types: version 1 of the Jikji bundle (see ../shared/contracts/bundle.schema.json)
// ---------------------------------------------------------------------------------------------------------

export type DemoStaffRole = "reporter" | "editor" | "moderator" | "admin";
export type DemoArticleStatus = "draft" | "submitted" | "scheduled" | "published" | "unpublished";
export type DemoCommentStatus = "visible" | "hidden" | "deleted";

export interface DemoSite {
  /** the outlet's name, e.g. shown in the header */
  name?: string;
  /** opens each article body as [dateline] */
  dateline?: string;
  /** public origin, for canonical URLs, feeds and sitemaps */
  baseUrl?: string;
  youtubeUrl?: string;
  /** 신문법 §21 and §9의2 particulars (site/legal.ts) */
  legal?: LegalInfo;
}

export interface DemoSection {
  /** 'industry' or 'industry/electronics': at most two levels; a child's parent must exist */
  slug: string;
  name: string;
  position?: number;
}

export interface DemoStaff {
  key: string;
  name: string;
  email: string;
  role: DemoStaffRole;
  desk?: string;
  /** default true */
  active?: boolean;
}

export interface DemoPerson {
  key: string;
  /** an old profile number: /BP?command=article_view&num=N redirects to this person's page */
  num?: number;
  name: string;
  /** other spellings, e.g. transliterations of a foreign name */
  aliases?: string[];
  role?: string;
  organization?: string;
  bio?: string;
  /** words that, near a mention, tell this person from a namesake */
  contextWords?: string[];
}

export interface DemoLeadImage {
  /** a path relative to the bundle file, or a data: URI; here `demo-image:N`, replaced by the loader */
  src: string;
  alt?: string;
  /** shown after a ▲ */
  caption?: string;
  /** shown as <credit> */
  credit?: string;
}

export interface DemoArticle {
  /** the article's public number; shared namespace with people[].num */
  num: number;
  /** plain text */
  title: string;
  subtitle?: string;
  /** a section slug */
  section: string;
  /** staff keys; the first is the byline */
  authors: string[];
  status: DemoArticleStatus;
  /** required for published and scheduled */
  publishedAt?: string;
  updatedAt?: string;
  /** HTML (p, h2, h3, blockquote, ul, ol, li, strong, em, a[href], figure, img[src alt], figcaption, br) */
  body: string;
  leadImage?: DemoLeadImage;
  tags?: string[];
  /** lifetime views carried over from the old system */
  views?: number;
}

export interface DemoComment {
  /** the article's num */
  article: number;
  nickname: string;
  /** plain text, at most 400 bytes counting a Hangul syllable as 2 */
  body: string;
  createdAt: string;
  /** default "visible" */
  status?: DemoCommentStatus;
}

export interface DemoEvent {
  /** also the event page's slug: ^[a-z0-9-]+$ */
  key: string;
  title: string;
  startsAt: string;
  endsAt?: string;
  venue?: string;
  /** HTML, sanitised like article bodies */
  description?: string;
  /** seats; registrations past it go to a waiting list */
  capacity?: number;
  /** default true */
  registrationOpen?: boolean;
  /** shown as the site-wide banner; default false */
  promoted?: boolean;
  /** people keys */
  speakers?: string[];
}

export interface DemoBundle {
  format: "jikji-bundle";
  version: 1;
  site?: DemoSite;
  sections?: DemoSection[];
  staff?: DemoStaff[];
  people?: DemoPerson[];
  articles?: DemoArticle[];
  comments?: DemoComment[];
  events?: DemoEvent[];
}

/** How many distinct `demo-image:N` placeholders the articles use (N = 0 … DEMO_IMAGE_COUNT - 1). */
export const DEMO_IMAGE_COUNT = 12;

// ---------------------------------------------------------------------------------------------------------
// Time helpers (all wall times are KST, UTC+9, which has no daylight saving)
// ---------------------------------------------------------------------------------------------------------

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** An instant as ISO 8601 with a +09:00 offset and whole seconds, e.g. 2026-03-12T14:05:30+09:00. */
function toKstIso(instant: Date): string {
  const k = new Date(Math.floor(instant.getTime() / SECOND_MS) * SECOND_MS + KST_OFFSET_MS);
  const date = `${k.getUTCFullYear()}-${pad2(k.getUTCMonth() + 1)}-${pad2(k.getUTCDate())}`;
  const time = `${pad2(k.getUTCHours())}:${pad2(k.getUTCMinutes())}:${pad2(k.getUTCSeconds())}`;
  return `${date}T${time}+09:00`;
}

/** The instant of KST wall time hh:mm:ss on the KST calendar day `daysAgo` days before `now`'s (negative: ahead). */
function kstDate(now: Date, daysAgo: number, hh: number, mm: number, ss = 0): Date {
  const k = new Date(now.getTime() + KST_OFFSET_MS);
  const wall = Date.UTC(k.getUTCFullYear(), k.getUTCMonth(), k.getUTCDate() - daysAgo, hh, mm, ss);
  return new Date(wall - KST_OFFSET_MS);
}

/** ISO string (+09:00) of KST wall time hh:mm:ss on the day `daysAgo` days before `now`'s KST day. */
function kstIso(now: Date, daysAgo: number, hh: number, mm: number, ss = 0): string {
  return toKstIso(kstDate(now, daysAgo, hh, mm, ss));
}

/** The KST calendar year of an instant. */
function kstYear(instant: Date): number {
  return new Date(instant.getTime() + KST_OFFSET_MS).getUTCFullYear();
}

/** The newsroom's day, in KST: the newest articles are placed inside it, never at night. */
const NEWSROOM_DAY_START_MS = 6 * HOUR_MS + 30 * MINUTE_MS;
const NEWSROOM_DAY_END_MS = 23 * HOUR_MS + 30 * MINUTE_MS;

/**
 * When an article went out: either a KST wall time on a day `daysAgo` ≥ 2 days back (always before
 * `now`), or a number of newsroom hours before `now` (for the newest articles). Newsroom hours only
 * count 06:30–23:30 KST, so those articles never appear at 3 a.m.; up to 16 of them reach back at
 * most to 06:30 yesterday, so they always are the newest and are at most 24 hours old.
 */
type When = { readonly daysAgo: number; readonly time: string } | { readonly hoursAgo: number };

const day = (daysAgo: number, time: string): When => ({ daysAgo, time });
const ago = (hoursAgo: number): When => ({ hoursAgo });

/** The instant `hours` newsroom hours (06:30–23:30 KST) before `now`. */
function newsroomHoursBefore(now: Date, hours: number): Date {
  let t = now.getTime();
  let left = hours * HOUR_MS;
  for (;;) {
    const midnight = kstDate(new Date(t), 0, 0, 0).getTime();
    const start = midnight + NEWSROOM_DAY_START_MS;
    const end = midnight + NEWSROOM_DAY_END_MS;
    if (t > end) t = end;
    if (t > start) {
      if (t - start >= left) return new Date(t - left);
      left -= t - start;
    }
    t = end - 24 * HOUR_MS; // the previous day's end
  }
}

function resolveWhen(now: Date, when: When): Date {
  if ("hoursAgo" in when) return newsroomHoursBefore(now, when.hoursAgo);
  const [hh = 0, mm = 0, ss = 0] = when.time.split(":").map(Number);
  return kstDate(now, when.daysAgo, hh, mm, ss);
}

// ---------------------------------------------------------------------------------------------------------
// Site, sections, staff, people
// ---------------------------------------------------------------------------------------------------------

const SITE: DemoSite = {
  name: "한빛경제",
  dateline: "한빛경제",
  baseUrl: "http://localhost:3000",
  youtubeUrl: "https://www.youtube.com/@hanbit-economy",
  // Invented particulars in the shape the law asks for (아99999 is not a real registration).
  legal: {
    registrationNumber: "서울, 아99999",
    registeredOn: "2018-04-02",
    publisher: "한지원",
    editors: [
      { name: "서도윤", area: "경제·금융" },
      { name: "문채원", area: "산업" },
    ],
    youthProtectionOfficer: { name: "배수아", contact: "youth@hanbit-economy.example" },
    address: "서울특별시 중구 세종대로 000, 한빛빌딩 5층",
    phone: "02-0000-0000",
    email: "news@hanbit-economy.example",
    ombudsman: "윤세린 (ombudsman@hanbit-economy.example)",
  },
};

/** [slug, name]; a parent comes before its children, positions follow the order within each level. */
const SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ["industry", "기업과산업"],
  ["industry/electronics", "전자·전기·정보통신"],
  ["industry/shipbuilding", "조선·해운"],
  ["industry/auto", "자동차·배터리"],
  ["industry/construction", "건설·부동산"],
  ["finance", "금융"],
  ["finance/banking", "은행"],
  ["finance/securities", "증권"],
  ["finance/insurance", "보험·카드"],
  ["economy", "경제정책"],
  ["economy/policy", "재정·산업정책"],
  ["economy/trade", "통상·무역"],
  ["global", "글로벌"],
  ["distribution", "유통·소비"],
  ["distribution/retail", "유통"],
  ["distribution/food", "식품·생활"],
];

const MAIL_DOMAIN = "hanbit.example.kr";

/** [key, name, mailbox, role, desk] */
const STAFF: ReadonlyArray<readonly [string, string, string, DemoStaffRole, string]> = [
  ["kim-sy", "김수연", "sykim", "reporter", "산업부"],
  ["park-jh", "박정훈", "jhpark", "reporter", "산업부"],
  ["lee-dh", "이도희", "dhlee", "reporter", "산업부"],
  ["choi-wj", "최원준", "wjchoi", "reporter", "건설부동산부"],
  ["jang-mr", "장미래", "mrjang", "reporter", "금융부"],
  ["han-gy", "한가영", "gyhan", "reporter", "증권부"],
  ["yoon-sb", "윤상범", "sbyoon", "reporter", "경제정책부"],
  ["seo-yj", "서예진", "yjseo", "reporter", "생활경제부"],
  ["oh-kt", "오경택", "ktoh", "editor", "산업부"],
  ["moon-hj", "문혜진", "hjmoon", "editor", "금융부"],
  ["ko-es", "고은솔", "eskoh", "moderator", "디지털뉴스부"],
  ["bae-jh", "배재현", "jhbae", "admin", "디지털전략실"],
];

/** The person directory. Old profile numbers start at 900001, far from the article numbers. */
const PEOPLE: readonly DemoPerson[] = [
  {
    key: "whitfield",
    num: 900001,
    name: "에드워드 휘트필드",
    aliases: ["휘트필드", "휫필드", "위트필드", "에드워드 휫필드", "에드워드 위트필드"],
    role: "최고경영자(CEO)",
    organization: "오로라컴퓨트",
    bio: "미국 인공지능 반도체 기업 오로라컴퓨트의 공동창업자이자 최고경영자. 데이터센터용 AI 가속기 사업을 키워 회사를 세계적인 반도체 기업으로 올려놓았다.",
    contextWords: ["오로라컴퓨트", "CEO", "AI 가속기"],
  },
  {
    key: "jung-hw",
    num: 900002,
    name: "정해원",
    role: "장관",
    organization: "산업미래부",
    bio: "산업미래부 장관. 첨단산업 투자 지원과 통상 대응을 총괄한다.",
    contextWords: ["장관", "산업미래부", "정부"],
  },
  {
    key: "jung-hw-2",
    name: "정해원",
    role: "대표이사",
    organization: "누리배터리",
    bio: "배터리 제조사 누리배터리 대표이사. 공정 엔지니어 출신으로 리튬인산철(LFP) 배터리 국내 양산을 이끌고 있다.",
    contextWords: ["누리배터리", "대표", "배터리"],
  },
  {
    key: "ahn-ys",
    num: 900007,
    name: "안윤서",
    role: "장관",
    organization: "재정혁신부",
    bio: "재정혁신부 장관. 예산과 세제, 거시경제 정책을 맡고 있다.",
    contextWords: ["재정혁신부", "장관", "재정"],
  },
  {
    key: "park-dh",
    num: 900003,
    name: "박도현",
    role: "반도체부문 사장",
    organization: "태성전자",
    bio: "태성전자 반도체부문 사장. 메모리 설계 엔지니어로 입사해 고대역폭메모리(HBM) 개발을 이끌었다.",
    contextWords: ["태성전자", "사장", "반도체"],
  },
  {
    key: "lim-jw",
    num: 900005,
    name: "임재원",
    role: "대표이사",
    organization: "대양중공업",
    bio: "대양중공업 대표이사. 해양플랜트 부실 이후 회사의 경영 정상화를 맡아 친환경 선박 중심으로 수주 전략을 바꿨다.",
    contextWords: ["대양중공업", "대표", "조선"],
  },
  {
    key: "lee-jh",
    num: 900008,
    name: "이준호",
    role: "대표이사",
    organization: "해든해운",
    bio: "국내 최대 원양 컨테이너 선사 해든해운의 대표이사.",
    contextWords: ["해든해운", "대표", "선사"],
  },
  {
    key: "lee-jh-2",
    name: "이준호",
    role: "연구원",
    organization: "별빛증권",
    bio: "별빛증권에서 조선·해운 업종을 담당하는 애널리스트.",
    contextWords: ["별빛증권", "연구원", "애널리스트"],
  },
  {
    key: "hong-sa",
    num: 900004,
    name: "홍세아",
    role: "리서치센터장",
    organization: "별빛증권",
    bio: "별빛증권 리서치센터장. 반도체 담당 애널리스트로 오래 일했다.",
    contextWords: ["별빛증권", "리서치센터장", "센터장"],
  },
  {
    key: "choi-jy",
    name: "최지율",
    role: "수석연구위원",
    organization: "새길투자증권",
    bio: "새길투자증권 수석연구위원. 반도체·디스플레이와 증시 전략을 함께 분석한다.",
    contextWords: ["새길투자증권", "연구위원"],
  },
  {
    key: "kwon-tk",
    num: 900006,
    name: "권태경",
    role: "은행장",
    organization: "가람은행",
    bio: "가람은행장. 디지털 지점과 소상공인 금융 지원을 경영의 두 축으로 내세우고 있다.",
    contextWords: ["가람은행", "행장", "은행장"],
  },
  {
    key: "marlowe",
    name: "클레어 말로우",
    aliases: ["말로우", "클레어 말로", "말로"],
    role: "최고경영자(CEO)",
    organization: "노르딕셀",
    bio: "스웨덴 배터리 제조사 노르딕셀의 최고경영자. 유럽 배터리 공급망 자립을 앞장서 주장해 왔다.",
    contextWords: ["노르딕셀", "CEO", "배터리"],
  },
  {
    key: "nakamura",
    name: "나카무라 겐지",
    aliases: ["나카무라", "나까무라 겐지"],
    role: "사장",
    organization: "미나토상선",
    bio: "일본 해운사 미나토상선 사장. 선대의 친환경 연료 전환을 추진하고 있다.",
    contextWords: ["미나토상선", "사장", "해운"],
  },
  {
    key: "song-mk",
    name: "송민규",
    role: "사장",
    organization: "미래온모터스",
    bio: "완성차 업체 미래온모터스 사장. 보급형 전기차와 하이브리드 확대 전략을 이끌고 있다.",
    contextWords: ["미래온모터스", "사장", "자동차"],
  },
  {
    key: "lee-ge",
    name: "이가은",
    role: "대표이사",
    organization: "청람건설",
    bio: "청람건설 대표이사. 재무 담당 임원 출신으로 수익성 중심의 선별 수주를 강조한다.",
    contextWords: ["청람건설", "대표", "건설"],
  },
  {
    key: "yang-hs",
    name: "양혜숙",
    role: "대표",
    organization: "하늘마켓",
    bio: "온라인 장보기 플랫폼 하늘마켓의 창업자이자 대표.",
    contextWords: ["하늘마켓", "대표", "이커머스"],
  },
  {
    key: "oh-sh",
    name: "오세현",
    role: "선임연구위원",
    organization: "국민경제연구원",
    bio: "국민경제연구원 선임연구위원. 거시경제와 통상, 탄소 규제를 연구한다.",
    contextWords: ["국민경제연구원", "연구위원"],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------------------

/** [image index, alt, caption, credit] */
type ImageSeed = readonly [index: number, alt: string, caption: string, credit: string];

interface ArticleSeed {
  readonly num: number;
  /** omitted for drafts and submitted articles */
  readonly at?: When;
  /** default "published" */
  readonly status?: "draft" | "submitted";
  /** minutes after publication of the last update */
  readonly updatedAfter?: number;
  readonly section: string;
  readonly by: readonly string[];
  readonly title: string;
  readonly sub?: string;
  readonly img?: ImageSeed;
  readonly tags: readonly string[];
  readonly views?: number;
  /**
   * Blocks separated by blank lines: "## …" is a subheading, "> …" a quotation, lines starting
   * with "- " a list, anything else a paragraph (which may hold <strong>, <em> and <a href>).
   */
  readonly body: string;
}

const ARTICLES: readonly ArticleSeed[] = [
  // ----- nine days ago -----
  {
    num: 1001,
    at: day(9, "08:12:40"),
    section: "economy/trade",
    by: ["yoon-sb"],
    title: "수출 넉 달 연속 증가…반도체·선박이 끌고 자동차가 밀었다",
    img: [
      7,
      "부두에 쌓인 수출용 컨테이너",
      "부산항 부두에 수출용 컨테이너가 가득 쌓여 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["수출", "무역수지", "반도체"],
    views: 6240,
    body: `
산업미래부가 발표한 수출입 동향에 따르면 지난달 수출액은 618억 달러로 1년 전보다 9.4% 늘었다. 수입은 552억 달러로 2.1% 증가해 무역수지는 66억 달러 흑자를 기록했다. 월간 수출은 넉 달 연속 늘었고, 무역수지는 일곱 달째 흑자 흐름을 이어갔다.

품목별로는 반도체 수출이 168억 달러로 27% 늘며 증가세를 주도했다. 인공지능(AI) 서버에 들어가는 고대역폭메모리(HBM)와 고용량 서버용 D램 수요가 견조했고, 메모리 고정거래가격이 오르면서 단가 효과도 컸다. 선박 수출은 고부가가치 액화천연가스(LNG) 운반선 인도가 몰리며 48% 급증했다.

자동차 수출은 62억 달러로 3.8% 늘었다. 전기차 수출은 주춤했지만 하이브리드차가 북미와 유럽에서 꾸준히 팔리며 빈자리를 메웠다. 반면 석유제품과 석유화학은 국제유가 약세와 중국의 설비 증설 여파로 각각 11%, 7% 줄었다.

## 중국 수출 회복은 여전히 더뎌

지역별로는 미국과 아세안 수출이 각각 12%, 15% 늘어난 반면 중국 수출은 1.2% 증가하는 데 그쳤다. 중국 내수 부진이 길어지면서 중간재 수요가 좀처럼 살아나지 않는 모습이다.

오세현 국민경제연구원 선임연구위원은 "반도체 한 품목에 기댄 회복이라는 점은 여전히 부담"이라며 "주요국의 관세 정책과 환율 변동성이 커진 만큼 연말로 갈수록 증가율이 한 자릿수 초반으로 낮아질 수 있다"고 내다봤다.

수입 측면에서는 원유와 가스 등 에너지 수입액이 14% 줄어든 반면 반도체 제조장비 수입은 31% 늘었다. 국내 메모리 업체들이 인공지능 수요에 대응해 설비 투자를 다시 늘리고 있다는 신호로 풀이된다. 에너지 가격이 안정된 덕분에 무역수지 흑자 폭도 예상보다 컸다.

정부는 수출 기업의 물류비 부담을 덜기 위해 중소·중견기업 대상 수출 바우처 예산을 추가로 배정하고, 무역보험 한도를 최대 두 배까지 늘려주는 방안을 이달 안에 내놓을 계획이다.
`,
  },
  {
    num: 1002,
    at: day(9, "10:31:05"),
    updatedAfter: 95,
    section: "industry/electronics",
    by: ["kim-sy"],
    title: "태성전자 박도현 사장 “HBM 점유율 1위 다시 찾아오겠다”",
    sub: "차세대 12단 제품 양산 일정 석 달 앞당겨…파운드리 투자는 속도 조절",
    img: [
      0,
      "반도체 웨이퍼를 살펴보는 연구원",
      "태성전자 연구원이 경기 성남 연구소에서 HBM용 웨이퍼를 살펴보고 있다.",
      "태성전자",
    ],
    tags: ["태성전자", "HBM", "반도체"],
    views: 18420,
    body: `
태성전자가 차세대 고대역폭메모리(HBM) 양산 일정을 당초 계획보다 석 달 앞당긴다. 인공지능(AI) 가속기용 메모리 시장에서 빼앗긴 주도권을 되찾겠다는 것이다.

박도현 태성전자 반도체부문 사장은 이날 경기 성남 연구소에서 열린 기술 설명회에서 "12단 적층 HBM 제품의 고객 인증이 마무리 단계에 들어섰다"며 "내년 이맘때면 HBM 시장 점유율 1위 자리를 다시 찾아오겠다"고 말했다.

태성전자는 최근 2년 동안 HBM 시장에서 경쟁사에 밀려 2위에 머물렀다. 업계는 지난해 태성전자의 HBM 점유율을 30% 안팎으로 추산한다. 주요 고객사의 품질 검증 통과가 늦어진 탓이 컸다.

박 사장은 이번 제품에 새로 적용한 접합 공정을 반전의 열쇠로 꼽았다. 칩을 쌓을 때 쓰던 접착 필름 대신 구리를 직접 맞붙이는 방식으로 두께를 줄이고 발열을 낮췄다는 설명이다. 그는 "같은 높이에 더 많은 층을 쌓을 수 있어 16단 제품으로 넘어가는 속도도 빨라질 것"이라고 강조했다.

반면 위탁생산(파운드리) 투자는 속도를 조절한다. 태성전자는 미국 텍사스 신공장의 장비 반입 시점을 고객 수요에 맞춰 유연하게 정하기로 했다. 대형 고객사 확보가 늦어지는 상황에서 무리하게 설비를 늘리지 않겠다는 뜻으로 풀이된다.

시장의 반응은 엇갈린다. 홍세아 별빛증권 리서치센터장은 "양산 일정이 앞당겨진 것은 긍정적이지만 결국 관건은 대형 고객사의 물량 배정"이라며 "실제 공급 계약이 확인되기 전까지는 보수적으로 볼 필요가 있다"고 말했다.

태성전자는 HBM 생산능력도 늘린다. 회사는 내년 말까지 HBM 전용 생산라인의 웨이퍼 투입량을 지금보다 70% 늘리고, 16단 제품의 시제품을 내년 상반기 중 주요 고객사에 보낼 계획이다.

태성전자는 설명회에서 AI 메모리 사업부에 올해 1천 명 이상의 인력을 새로 배치하고, 패키징 연구 인력도 두 배로 늘리겠다고 밝혔다.
`,
  },
  {
    num: 1003,
    at: day(9, "13:47:22"),
    section: "finance/banking",
    by: ["jang-mr"],
    title: "가람은행, 소상공인 대출 금리 최대 1.5%p 내린다",
    img: [
      4,
      "은행 창구에서 상담하는 고객",
      "서울 중구 가람은행 본점 영업부에서 한 고객이 대출 상담을 받고 있다.",
      "한빛경제",
    ],
    tags: ["가람은행", "소상공인", "대출금리"],
    views: 3120,
    body: `
가람은행이 소상공인과 자영업자 대출 금리를 최대 1.5%포인트 낮춘다. 고금리 장기화로 이자 부담이 커진 취약 차주를 돕겠다는 취지다.

가람은행은 연 7% 이상 금리를 적용받는 개인사업자 대출 약 4만2천 건을 대상으로 금리를 일괄 인하한다고 밝혔다. 신용점수와 상환 이력에 따라 0.5~1.5%포인트씩 내려가며, 별도 신청 없이 다음 달 이자 납입분부터 적용된다.

은행은 이번 조치로 차주 1인당 연평균 84만 원, 전체로는 연간 350억 원가량의 이자가 줄어들 것으로 추산했다. 원금 상환이 어려운 차주에게는 최장 10년 분할 상환으로 바꿔주는 프로그램도 함께 운영한다.

권태경 가람은행장은 "금리가 내려가는 국면에서도 소상공인의 체감 부담은 여전히 크다"며 "연체가 생긴 뒤에 돕는 것보다 미리 부담을 덜어주는 것이 은행 건전성에도 낫다"고 말했다.

은행권에서는 다른 은행들도 비슷한 지원책을 내놓을 것으로 보고 있다. 개인사업자 대출 연체율이 최근 1년 새 0.3%포인트 넘게 오르며 은행들의 건전성 관리 부담이 커졌기 때문이다.

가람은행은 금리 인하와 함께 경영 컨설팅도 지원한다. 매출이 줄어든 음식점과 소매점을 대상으로 세무와 상권 분석, 온라인 판로 개척을 돕는 무료 상담 프로그램을 전국 40개 거점 지점에서 운영할 예정이다. 폐업을 고민하는 자영업자에게는 재취업 교육과 연계한 대출 정리 방안도 안내한다.

다만 금리 인하 폭이 신용점수가 높은 차주에게 더 크게 돌아가 정작 지원이 절실한 저신용 자영업자에게는 효과가 제한적이라는 지적도 나온다. 한 금융권 관계자는 "연체 직전의 차주를 골라 맞춤형 채무조정을 병행해야 실효성이 있다"고 말했다.
`,
  },
  {
    num: 1004,
    at: day(9, "15:20:10"),
    section: "industry/construction",
    by: ["choi-wj"],
    title: "청람건설, 수도권 재건축 3곳 연달아 수주…올해 누적 4조 원 돌파",
    img: [
      3,
      "재건축을 앞둔 아파트 단지",
      "재건축 사업이 추진되고 있는 수도권의 한 아파트 단지 전경.",
      "한빛경제 사진팀",
    ],
    tags: ["청람건설", "재건축", "도시정비"],
    views: 2105,
    body: `
청람건설이 수도권 재건축 사업 3곳을 잇달아 따내며 올해 도시정비사업 누적 수주액 4조 원을 넘어섰다. 업계 선두 자리를 두고 대형 건설사 간 경쟁이 한층 치열해질 전망이다.

청람건설은 지난 주말 열린 조합원 총회에서 서울 동작구와 경기 안양시, 성남시의 재건축 사업 시공사로 선정됐다고 밝혔다. 세 사업의 공사비는 모두 1조3천억 원 규모로, 이로써 청람건설의 올해 정비사업 수주액은 4조1200억 원이 됐다.

청람건설은 이번 수주전에서 공사비 검증을 외부 기관에 맡기고, 착공 이후 물가가 올라도 일정 범위까지는 공사비를 올리지 않겠다는 조건을 내걸었다. 최근 공사비 갈등으로 공사가 멈추는 현장이 늘자 조합원들의 불안을 파고든 전략이다.

이가은 청람건설 대표는 "조합과 시공사가 공사비 문제로 다투다 입주가 늦어지는 일이 되풀이되고 있다"며 "비용 구조를 투명하게 공개하는 것이 가장 확실한 수주 전략"이라고 말했다.

업계에서는 공사비 상승 부담 탓에 대형 건설사들이 사업성이 확실한 곳만 골라 입찰하는 '선별 수주' 경향이 짙어졌다고 본다. 입지가 좋은 단지에는 여러 회사가 몰리지만, 지방이나 소규모 단지는 시공사를 구하지 못해 유찰되는 사례가 잇따르고 있다.

청람건설의 공격적인 수주 행보에는 주택 브랜드 교체 효과도 깔려 있다. 청람건설은 올해 초 고급 주택 브랜드를 새로 내놓은 뒤 강남권과 한강변 단지를 중심으로 인지도를 빠르게 끌어올렸다. 회사는 연말까지 서울의 주요 재개발 사업 두 곳의 입찰에도 참여할 계획이다.

한 정비업계 관계자는 "확정 공사비 조건은 조합 입장에서 매력적이지만 자재 가격이 급등하면 시공사가 손실을 떠안을 수 있다"며 "결국 수익성 관리가 관건"이라고 말했다.
`,
  },
  {
    num: 1005,
    at: day(9, "17:05:48"),
    section: "distribution/retail",
    by: ["seo-yj"],
    title: "하늘마켓, 새벽배송 지방 광역시로 넓힌다…물류센터 2곳 신설",
    img: [
      8,
      "물류센터에서 분류되는 상자들",
      "하늘마켓 경기 이천 물류센터에서 직원들이 새벽배송 상품을 분류하고 있다.",
      "하늘마켓",
    ],
    tags: ["하늘마켓", "새벽배송", "이커머스"],
    views: 4480,
    body: `
온라인 장보기 플랫폼 하늘마켓이 수도권에 한정됐던 새벽배송을 대전, 대구, 광주 등 지방 광역시로 넓힌다. 이를 위해 충청권과 영남권에 물류센터 2곳을 새로 짓는다.

하늘마켓은 총 2400억 원을 들여 충북 청주와 경북 칠곡에 신선식품 전용 물류센터를 세운다고 밝혔다. 두 센터는 내년 상반기 가동을 목표로 하며, 완공되면 하루 처리 물량이 현재의 1.6배인 약 38만 상자로 늘어난다.

하늘마켓은 지방 고객 확보가 성장 정체를 돌파할 열쇠라고 보고 있다. 수도권 새벽배송 시장은 이미 포화 상태에 가깝고, 업체 간 경쟁으로 할인 쿠폰 비용만 늘고 있기 때문이다. 하늘마켓의 지방 고객 비중은 현재 전체 주문의 14% 수준이다.

양혜숙 하늘마켓 대표는 "지방에서도 밤 11시 전에 주문하면 아침 7시 전에 받는 경험을 드리겠다"며 "지역 농가와 직거래를 늘려 산지 신선도를 유지하면서 물류 비용도 낮출 것"이라고 말했다.

하늘마켓은 지방 확장과 함께 상품 구색도 넓힌다. 지역 특산물을 전국으로 보내는 '산지 직송관'을 새로 열고, 대전과 대구의 유명 빵집 제품을 새벽배송으로 받아볼 수 있게 하는 방안도 추진한다. 수도권 고객에게는 지방 상품을, 지방 고객에게는 수도권 상품을 보내 물류망의 양방향 효율을 높이겠다는 구상이다.

업계의 시선은 엇갈린다. 인구 밀도가 낮은 지역은 배송 한 건당 비용이 수도권보다 30~40% 높아 수익을 내기 쉽지 않다는 것이다. 앞서 일부 경쟁사는 지방 새벽배송을 시작했다가 2년 만에 철수하기도 했다.

하늘마켓은 지방 물류센터에 자동 분류 로봇과 수요 예측 시스템을 들여 재고 폐기율을 2% 아래로 낮추고, 가동 3년 안에 지역 사업에서 흑자를 내겠다는 목표를 세웠다.
`,
  },

  // ----- eight days ago -----
  {
    num: 1006,
    at: day(8, "07:55:12"),
    section: "global",
    by: ["yoon-sb"],
    title: "오로라컴퓨트 분기 매출 사상 최대…“AI 가속기 수요 아직 정점 아니다”",
    sub: "휘트필드 CEO “공급이 수요를 못 따라가”…한국 메모리 업체 수혜 기대",
    img: [
      11,
      "고층 빌딩이 늘어선 도시의 야경",
      "미국 캘리포니아주 새너제이의 오로라컴퓨트 본사 주변 야경.",
      "누리통신",
    ],
    tags: ["오로라컴퓨트", "AI반도체", "실적"],
    views: 9810,
    body: `
미국 인공지능(AI) 반도체 기업 오로라컴퓨트가 분기 기준 사상 최대 매출을 올렸다. 데이터센터용 AI 가속기 주문이 밀려들면서 시장 예상치를 크게 웃돌았다.

오로라컴퓨트는 현지시각으로 지난 분기 매출이 214억 달러로 1년 전보다 71% 늘었다고 발표했다. 영업이익률은 58%에 이르렀고, 다음 분기 매출 전망치도 시장 평균 예상보다 8% 높은 232억 달러로 제시했다.

에드워드 휘트필드 오로라컴퓨트 최고경영자(CEO)는 실적 발표 뒤 열린 콘퍼런스콜에서 "대형 클라우드 기업들이 내년 물량까지 미리 주문하고 있다"며 "공급이 수요를 따라가지 못하는 상황이 적어도 1년은 더 이어질 것"이라고 말했다.

휘트필드 CEO는 공급망의 병목으로 고대역폭메모리(HBM)와 첨단 패키징을 꼽았다. 그는 "메모리 공급사를 다변화하고 있고, 한국 파트너들과의 협력을 더 넓힐 계획"이라고 밝혔다.

국내 반도체 업계는 이 발언에 주목하고 있다. 오로라컴퓨트가 HBM 구매처를 늘리면 그동안 납품 물량이 적었던 태성전자에 기회가 돌아갈 수 있기 때문이다.

최지율 새길투자증권 수석연구위원은 "오로라컴퓨트의 전망치는 AI 투자 사이클이 꺾였다는 우려를 잠재우기에 충분했다"면서도 "고객이 소수의 클라우드 기업에 몰려 있어 이들이 투자를 줄이면 실적 변동성이 커질 수 있다"고 짚었다.

오로라컴퓨트는 다음 세대 가속기의 출시 일정도 공개했다. 새 제품은 내년 하반기 양산에 들어가며, 한 개의 패키지에 HBM을 12개까지 붙여 메모리 용량을 지금의 1.5배로 늘린다. 가속기 한 대에 들어가는 메모리가 늘어나는 만큼 메모리 업체들의 HBM 출하량도 함께 늘어날 수밖에 없다는 분석이 나온다.

오로라컴퓨트 주가는 실적 발표 뒤 시간외 거래에서 6% 넘게 올랐다.
`,
  },
  {
    num: 1007,
    at: day(8, "09:40:33"),
    section: "industry/shipbuilding",
    by: ["park-jh"],
    title: "대양중공업, LNG운반선 4척 1조2천억 원에 따냈다…올해 최대 계약",
    img: [
      1,
      "도크에서 건조 중인 LNG운반선",
      "경남 거제 대양중공업 조선소에서 액화천연가스 운반선이 건조되고 있다.",
      "대양중공업",
    ],
    tags: ["대양중공업", "LNG운반선", "수주"],
    views: 5290,
    body: `
대양중공업이 액화천연가스(LNG) 운반선 4척을 1조2천억 원에 수주했다. 올해 국내 조선업계의 단일 계약 가운데 가장 큰 규모다.

대양중공업은 유럽 소재 선주와 17만4천㎥급 LNG운반선 4척에 대한 건조 계약을 맺었다고 공시했다. 척당 가격은 약 2억1500만 달러로 역대 최고 수준에 가깝다. 선박은 경남 거제 조선소에서 건조해 3년 안에 차례로 인도한다.

이번 선박에는 대양중공업이 독자 개발한 재액화 장치와 이중연료 추진 엔진이 들어간다. 운항 중 자연적으로 기화하는 가스를 다시 액체로 되돌려 화물 손실을 줄이고, 기존 선박보다 연료 효율을 12% 높였다는 게 회사 측 설명이다.

대양중공업의 올해 누적 수주액은 이번 계약으로 97억 달러가 돼 연간 목표치 130억 달러의 75%를 채웠다. 수주 잔고는 3년 반 치 일감에 해당하는 약 420억 달러 수준이다.

업계에서는 북미와 중동의 대형 LNG 개발 사업이 잇따라 최종 투자 결정을 내리면서 LNG운반선 발주가 당분간 이어질 것으로 본다. 이준호 별빛증권 연구원은 "LNG운반선은 한국 조선사의 기술 우위가 뚜렷한 선종"이라며 "선가가 높은 수준에서 유지되고 있어 수익성 개선이 본격화할 것"이라고 말했다.

선주가 한국 조선소를 택한 배경에는 기술 경쟁력이 있다. 중국 조선소들이 낮은 가격을 내세우고 있지만, LNG운반선은 화물창 제작 기술과 건조 경험이 중요해 선주들이 여전히 한국 조선소를 선호한다. 업계에 따르면 올해 전 세계에서 발주된 LNG운반선의 70% 이상을 한국 조선사들이 가져갔다.

다만 인력난은 여전한 과제다. 대양중공업은 올해 외국인 숙련공 1200명을 추가로 채용하고, 용접 자동화 설비 투자를 늘려 생산 차질을 막겠다는 계획이다.
`,
  },
  {
    num: 1008,
    at: day(8, "11:18:09"),
    section: "finance/securities",
    by: ["han-gy"],
    title: "외국인 닷새째 ‘사자’…코스피, 반도체 대형주 중심으로 강세",
    img: [
      5,
      "주가 지수가 표시된 전광판",
      "서울 여의도 한 증권사 객장의 전광판에 코스피 지수가 표시되고 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["코스피", "외국인", "증시"],
    views: 7380,
    body: `
외국인 투자자들이 닷새 연속 국내 주식을 사들이며 코스피가 강세를 이어갔다. 반도체 대형주로 매수세가 집중됐다.

이날 코스피는 전 거래일보다 1.4% 오른 채 장을 마쳤다. 외국인은 유가증권시장에서 7800억 원어치를 순매수했고, 기관도 2100억 원어치를 사들였다. 개인은 9600억 원어치를 팔아 차익을 실현했다.

업종별로는 전기·전자 업종이 3.1% 올라 상승을 주도했다. 미국 오로라컴퓨트의 호실적 소식에 인공지능(AI) 메모리 수요가 다시 부각되면서 태성전자가 4.2% 뛰었다. 반면 금리 인하 기대가 약해지며 은행주와 보험주는 약세를 보였다.

원·달러 환율이 안정세를 보인 것도 외국인 수급에 힘을 보탰다. 환율은 이날 전날보다 6원 내린 수준에서 거래를 마쳤다.

홍세아 별빛증권 리서치센터장은 "외국인의 순매수가 반도체에서 다른 업종으로 번질지가 관건"이라며 "수출 지표가 꾸준히 좋아지고 있어 당분간 매수 흐름은 이어질 가능성이 크다"고 말했다.

시장에서는 외국인 매수세가 반도체 다음으로 조선과 전력기기 업종으로 옮겨갈 가능성에 주목하고 있다. 두 업종 모두 수주 잔고가 넉넉하고 실적 전망이 꾸준히 상향되고 있어서다. 반면 내수 소비주는 소비 심리 회복이 더뎌 당분간 소외될 것이라는 관측이 많다.

코스닥 지수도 0.8% 올랐다. 이차전지 소재주가 반등한 가운데 바이오 업종은 임상 결과 발표를 앞둔 종목들 사이에서 등락이 엇갈렸다.

증권가에서는 다음 주 예정된 미국 물가 지표 발표가 단기 변수가 될 것으로 보고 있다. 물가 상승세가 예상보다 가파를 경우 금리 인하 기대가 후퇴하며 외국인 매수세가 주춤할 수 있다는 분석이다.

관련 기사: <a href="/article/1006">오로라컴퓨트 분기 매출 사상 최대…“AI 가속기 수요 아직 정점 아니다”</a>
`,
  },
  {
    num: 1009,
    at: day(8, "14:02:51"),
    section: "industry/auto",
    by: ["lee-dh"],
    title: "미래온모터스 전기 SUV ‘아라’, 사전계약 일주일 만에 1만 대 돌파",
    sub: "1회 충전 주행거리 520km, 보조금 받으면 3천만 원대 후반",
    img: [
      2,
      "전시장에 놓인 전기 SUV",
      "미래온모터스의 전기 SUV '아라'가 서울 강남의 한 전시장에 전시돼 있다.",
      "미래온모터스",
    ],
    tags: ["미래온모터스", "전기차", "아라"],
    views: 8930,
    body: `
미래온모터스의 새 전기 스포츠유틸리티차(SUV) '아라'가 사전계약 일주일 만에 1만 대를 넘어섰다. 전기차 수요 둔화 속에서 나온 성과라 업계의 관심이 쏠린다.

미래온모터스는 아라의 사전계약 대수가 1만1400대를 기록했다고 밝혔다. 이 회사가 지난해 내놓은 전기 세단의 같은 기간 사전계약 대수보다 세 배 가까이 많다.

흥행 비결로는 가격이 첫손에 꼽힌다. 아라의 기본 판매가는 4천만 원대 중반으로, 정부와 지방자치단체 보조금을 받으면 서울 기준 3천만 원대 후반에 살 수 있다. 리튬인산철(LFP) 배터리를 쓰면서도 1회 충전 주행거리를 520km까지 늘린 점도 호평을 받았다.

송민규 미래온모터스 사장은 "전기차가 비싸다는 인식이 수요를 막는 가장 큰 벽이었다"며 "부품을 통합 설계해 원가를 낮춘 만큼 가격 경쟁력은 당분간 어느 업체에도 뒤지지 않을 것"이라고 말했다.

아라에 들어가는 배터리는 누리배터리가 공급한다. 누리배터리는 아라 판매 호조에 맞춰 충북 오창 공장의 생산라인 가동률을 높일 계획이다.

미래온모터스는 충전 편의성도 내세웠다. 아라 구매자에게는 1년 동안 회사가 운영하는 급속충전소를 무료로 이용할 수 있는 혜택을 주고, 아파트 단지에 완속 충전기를 설치해주는 서비스도 제공한다. 회사는 올해 말까지 전국 고속도로 휴게소와 대형마트에 급속충전기 600기를 추가로 세울 계획이다.

다만 사전계약이 실제 출고로 이어질지는 지켜봐야 한다는 의견도 있다. 전기차 사전계약은 계약금이 10만 원 수준이어서 취소율이 20~30%에 이르는 경우가 많다. 미래온모터스는 다음 달 중순 본격 출고를 시작해 연말까지 2만5천 대를 판매한다는 목표다.
`,
  },
  {
    num: 1010,
    at: day(8, "16:44:27"),
    section: "economy/policy",
    by: ["yoon-sb"],
    title: "안윤서 장관 “내수 회복 더디다…재정 조기 집행 70%까지 확대”",
    img: [
      6,
      "브리핑룸에서 발표하는 장관",
      "안윤서 재정혁신부 장관이 정부세종청사에서 경제정책 방향을 설명하고 있다.",
      "누리통신",
    ],
    tags: ["재정혁신부", "내수", "재정"],
    views: 2610,
    body: `
안윤서 재정혁신부 장관이 내수 회복세가 기대보다 더디다며 재정 조기 집행 목표를 높이겠다고 밝혔다.

안 장관은 이날 정부세종청사에서 열린 경제관계장관회의에서 "수출은 뚜렷하게 회복하고 있지만 소비와 건설투자는 아직 바닥을 다지는 단계"라며 "상반기 재정 집행률 목표를 당초 65%에서 70%로 올려 경기 하방 위험에 대비하겠다"고 말했다.

정부는 사회간접자본(SOC) 사업과 일자리 사업 예산을 중심으로 집행 속도를 높인다. 지방자치단체와 공공기관의 투자 집행 실적도 매달 점검해 부진한 기관에는 예산 배정을 조정하기로 했다.

소비 진작책도 함께 내놓았다. 전통시장과 지역 소상공인 가게에서 쓴 카드 사용액에 대한 소득공제율을 한시적으로 높이고, 고효율 가전제품을 사면 구매액의 10%를 돌려주는 환급 사업을 다시 시행한다.

전문가들은 방향에는 공감하면서도 효과는 제한적일 수 있다고 본다. 오세현 국민경제연구원 선임연구위원은 "가계부채 부담이 큰 상황에서 일회성 소비 지원은 반짝 효과에 그치기 쉽다"며 "실질소득을 끌어올리는 구조적인 대책이 함께 나와야 한다"고 말했다.

정부는 건설 경기를 떠받치기 위한 방안도 내놨다. 공공기관이 발주하는 사업의 공사비 산정 기준을 현실화하고, 지방 미분양 주택을 사들이는 기관에 대한 정책금융 지원을 늘리기로 했다. 민간 투자 사업의 인허가 절차를 앞당겨 연내 착공 물량을 늘리는 방안도 함께 추진한다.

재정건전성 우려도 나온다. 올해 관리재정수지 적자는 국내총생산(GDP) 대비 3% 안팎으로 예상된다. 안 장관은 "조기 집행은 연간 총지출을 늘리는 것이 아니라 집행 시기를 앞당기는 것"이라며 "재정준칙의 틀은 지키겠다"고 강조했다.
`,
  },

  // ----- seven days ago -----
  {
    num: 1011,
    at: day(7, "08:30:00"),
    section: "industry/auto",
    by: ["lee-dh"],
    title: "누리배터리 정해원 대표 “LFP 배터리 국내 양산, 내년 1분기 시작”",
    sub: "ESS·보급형 전기차 겨냥…“중국산과 가격 차 10% 안으로 좁힌다”",
    img: [
      9,
      "배터리 셀 생산 라인",
      "충북 오창의 누리배터리 공장에서 직원이 배터리 셀 생산 라인을 점검하고 있다.",
      "누리배터리",
    ],
    tags: ["누리배터리", "LFP", "배터리"],
    views: 6710,
    body: `
누리배터리가 리튬인산철(LFP) 배터리의 국내 양산을 내년 1분기에 시작한다. 중국 업체들이 장악한 보급형 배터리 시장에 본격적으로 뛰어드는 것이다.

정해원 누리배터리 대표는 이날 충북 오창 공장에서 열린 간담회에서 "LFP 전용 생산라인 2개의 설비 반입을 마쳤고, 시험 생산에서 목표 수율을 달성했다"며 "내년 1분기부터 연간 8기가와트시(GWh) 규모로 양산에 들어간다"고 밝혔다.

LFP 배터리는 니켈·코발트·망간(NCM) 배터리보다 에너지 밀도는 낮지만 값이 싸고 화재 위험이 적다. 보급형 전기차와 에너지저장장치(ESS)를 중심으로 수요가 빠르게 늘고 있으며, 세계 시장의 90% 이상을 중국 업체가 차지하고 있다.

정 대표는 가격 경쟁력을 자신했다. 그는 "셀과 모듈을 거치지 않고 배터리팩에 바로 넣는 공정을 적용해 부품 수를 40% 줄였다"며 "중국산과의 가격 차이를 10% 안으로 좁힐 수 있다"고 말했다.

첫 고객은 미래온모터스다. 누리배터리는 미래온모터스의 전기 SUV '아라'에 LFP 배터리를 공급하고 있으며, 국내 양산이 시작되면 지금까지 중국 협력사에서 들여오던 물량을 오창 공장 생산분으로 바꿀 예정이다.

ESS 시장도 겨냥한다. 누리배터리는 북미 전력회사 두 곳과 ESS용 배터리 공급 협상을 진행하고 있다. 미국이 중국산 배터리에 높은 관세를 매기고 있어 한국산 LFP가 대안으로 떠오를 수 있다는 계산이다.

누리배터리는 LFP 외에 차세대 제품 개발에도 속도를 내고 있다. 회사는 망간 비중을 높여 LFP보다 에너지 밀도를 20% 끌어올린 배터리의 시제품을 올해 안에 완성차 업체들에 보낼 계획이다.

업계에서는 수익성이 관건이라고 본다. 한 배터리 업계 관계자는 "LFP는 마진이 얇아 가동률이 조금만 떨어져도 적자로 돌아서기 쉽다"며 "안정적인 대형 고객을 얼마나 빨리 확보하느냐에 달렸다"고 말했다.
`,
  },
  {
    num: 1012,
    at: day(7, "10:12:44"),
    section: "finance/insurance",
    by: ["jang-mr"],
    title: "보험사 해약환급금 준비금 규제 완화…배당 여력 숨통 트이나",
    tags: ["보험", "건전성", "배당"],
    views: 950,
    body: `
금융당국이 보험사의 해약환급금 준비금 적립 기준을 완화한다. 새 회계기준 도입 이후 흑자를 내고도 배당을 하지 못하던 보험사들의 숨통이 트일 전망이다.

금융당국은 보험사가 쌓아야 하는 해약환급금 준비금의 적립 비율을 현행 100%에서 지급여력비율에 따라 80~90%로 낮추는 내용의 감독규정 개정안을 예고했다. 지급여력비율이 200%를 넘는 보험사는 80%만 쌓으면 된다.

해약환급금 준비금은 보험 계약자가 한꺼번에 계약을 해지할 때를 대비해 쌓는 돈이다. 새 회계기준에서는 보험부채를 시가로 평가하면서 준비금 규모가 커졌고, 이 금액은 배당가능이익에서 빠지기 때문에 상당수 보험사가 배당을 하지 못했다.

업계는 이번 조치로 생명·손해보험사 전체의 배당가능이익이 3조 원가량 늘어날 것으로 추산한다. 특히 지급여력비율이 높은 대형사가 수혜를 볼 것으로 보인다.

다만 소비자 보호 측면에서 우려도 나온다. 한 보험업계 전문가는 "금리가 급변해 해지가 몰리는 상황에 대비한 안전판이 얇아지는 것"이라며 "완화 대상 회사의 유동성 관리를 더 촘촘히 점검해야 한다"고 지적했다.

보험업계는 배당 재개에 기대를 걸고 있다. 상장 보험사들은 그동안 배당을 하지 못하면서 주가가 장부가치의 절반에도 못 미치는 수준에 머물렀다. 한 증권사 연구원은 "배당 재개는 보험주의 가치평가를 끌어올릴 가장 확실한 계기"라며 "다만 회사별 지급여력비율 차이에 따라 수혜 폭은 크게 엇갈릴 것"이라고 말했다.

금융당국은 의견 수렴을 거쳐 다음 결산부터 개정 규정을 적용할 계획이다. 아울러 준비금 완화로 늘어난 재원을 배당에만 쓰지 말고 일정 부분은 자본 확충에 활용하도록 권고할 방침이다.
`,
  },
  {
    num: 1013,
    at: day(7, "13:25:16"),
    section: "industry/electronics",
    by: ["kim-sy"],
    title: "AI 추론칩 스타트업 비솔반도체, 800억 원 규모 투자 유치",
    img: [0, "회로 기판 위의 반도체 칩", "비솔반도체가 개발한 추론용 AI 칩 시제품.", "비솔반도체"],
    tags: ["비솔반도체", "스타트업", "AI반도체"],
    views: 3290,
    body: `
인공지능(AI) 추론용 반도체를 설계하는 스타트업 비솔반도체가 800억 원 규모의 시리즈C 투자를 유치했다. 국내 팹리스(반도체 설계 전문) 스타트업이 받은 단일 투자로는 올해 최대다.

이번 투자에는 기존 투자사인 벤처캐피털 세 곳과 함께 태성전자의 기업형 벤처캐피털(CVC)이 새로 참여했다. 비솔반도체의 기업가치는 약 6천억 원으로 평가됐다.

비솔반도체는 대형 언어모델이 답을 내놓는 '추론' 단계에 특화된 칩을 만든다. 학습용 칩보다 연산 능력은 떨어지지만 전력 소모가 3분의 1 수준이어서 데이터센터 운영비를 크게 줄일 수 있다. 이 회사의 첫 제품은 국내 통신사 두 곳의 데이터센터에서 시범 운용되고 있다.

비솔반도체 관계자는 "데이터센터 운영사들이 가장 고민하는 것은 전기요금과 냉각 비용"이라며 "같은 전력으로 두 배 이상 많은 요청을 처리할 수 있다는 점을 시범 운용에서 확인했다"고 말했다. 회사는 내년 중 해외 클라우드 기업 한 곳과도 시범 운용 계약을 맺는 것을 목표로 하고 있다.

비솔반도체는 투자금을 차세대 칩 개발과 양산 준비에 쓸 계획이다. 차세대 칩은 태성전자 파운드리의 4나노 공정에서 생산하며, 고대역폭메모리(HBM) 대신 값이 싼 저전력 D램을 붙여 가격을 낮출 예정이다.

업계에서는 AI 반도체 시장의 무게중심이 학습에서 추론으로 옮겨가고 있다는 점에 주목한다. 최지율 새길투자증권 수석연구위원은 "AI 서비스 이용자가 늘수록 추론 연산 수요가 학습보다 훨씬 빠르게 커진다"며 "전력 효율을 앞세운 국내 팹리스에 기회가 열리고 있다"고 분석했다.

다만 대형 고객사를 확보하기까지는 시간이 걸릴 것이라는 관측도 나온다. 글로벌 클라우드 기업들이 자체 칩 개발에 속도를 내고 있어 외부 칩을 쓰는 수요가 생각만큼 크지 않을 수 있기 때문이다.
`,
  },
  {
    num: 1014,
    at: day(7, "15:58:03"),
    section: "distribution/food",
    by: ["seo-yj"],
    title: "푸른식품 냉동김밥, 미국서 ‘품절 행진’…생산라인 두 배로 늘린다",
    sub: "현지 대형마트 입점 석 달 만에 누적 600만 줄…경북 구미 공장 증설",
    img: [
      8,
      "마트 냉동고에 진열된 냉동김밥",
      "미국 로스앤젤레스의 한 대형마트 냉동고에 푸른식품 냉동김밥이 진열돼 있다.",
      "푸른식품",
    ],
    tags: ["푸른식품", "K푸드", "수출"],
    views: 11240,
    body: `
중견 식품기업 푸른식품의 냉동김밥이 미국 시장에서 연일 품절되고 있다. 푸른식품은 밀려드는 주문을 맞추기 위해 생산라인을 두 배로 늘리기로 했다.

푸른식품은 미국 대형마트 체인에 냉동김밥을 입점시킨 지 석 달 만에 누적 판매량 600만 줄을 넘어섰다고 밝혔다. 매장 진열 당일 물량이 바닥나는 일이 잦아지면서 현지에서는 1인당 구매 수량을 제한하는 매장도 생겼다.

인기의 배경에는 소셜미디어가 있다. 전자레인지에 2분만 데우면 갓 만든 김밥처럼 밥알이 부드러워진다는 후기 영상이 잇따라 퍼지며 젊은 소비자들 사이에서 입소문이 났다. 채식 수요를 겨냥해 고기 대신 두부와 우엉을 넣은 제품이 특히 잘 팔린다.

푸른식품은 경북 구미 공장에 약 300억 원을 투자해 냉동김밥 생산라인을 현재 4개에서 8개로 늘린다. 증설이 끝나면 하루 생산량은 25만 줄에서 50만 줄로 늘어난다. 캐나다와 호주 수출도 추진하고 있다.

원재료 확보는 과제다. 김과 쌀 가격이 오르는 가운데 수출 물량까지 늘면서 원가 부담이 커지고 있다. 푸른식품은 전남 지역 김 가공업체 두 곳과 장기 공급 계약을 맺고 계약재배 쌀 비중을 늘리기로 했다.

푸른식품의 실적도 크게 좋아지고 있다. 회사의 해외 매출 비중은 2년 전 8%에서 최근 25%까지 높아졌고, 지난 분기 영업이익은 1년 전보다 두 배 넘게 늘었다. 회사는 냉동김밥에 이어 떡볶이와 주먹밥 같은 간편식도 미국 시장에 차례로 선보일 계획이다.

업계에서는 냉동김밥의 성공이 한국 간편식 수출의 새로운 가능성을 보여줬다고 평가한다. 한 식품업계 관계자는 "현지 입맛에 맞춘 제품 개발과 유통망 확보가 맞물리면 한국 식품도 주류 시장에서 충분히 통한다는 것을 확인했다"고 말했다.
`,
  },
  {
    num: 1015,
    at: day(7, "18:10:37"),
    section: "industry/shipbuilding",
    by: ["park-jh"],
    title: "컨테이너 운임 3주째 하락…해든해운 이준호 대표 “선대 효율화로 버틴다”",
    img: [
      7,
      "항구에 정박한 컨테이너선",
      "부산 신항에 정박한 해든해운 컨테이너선에서 하역 작업이 이뤄지고 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["해운", "해든해운", "운임"],
    views: 2910,
    body: `
컨테이너선 운임이 3주 연속 떨어지며 해운업계의 수익성에 경고등이 켜졌다. 신조선 인도가 몰리면서 공급 과잉 우려가 다시 커지고 있다.

해운업계에 따르면 아시아발 주요 항로의 컨테이너 운임을 종합한 지수는 지난주 1820선으로 3주 전보다 14% 하락했다. 특히 유럽 항로 운임은 같은 기간 20% 넘게 떨어졌다.

운임 하락의 가장 큰 원인은 선박 공급 증가다. 호황기에 발주한 대형 컨테이너선이 올해 대거 인도되면서 세계 선복량은 1년 새 9% 늘었다. 반면 물동량 증가율은 3%대에 머물고 있다.

국내 최대 원양 컨테이너 선사인 해든해운은 비용 절감으로 대응에 나섰다. 이준호 해든해운 대표는 사내 메시지에서 "운임 약세가 적어도 1년은 이어질 것으로 보고 노후 선박 6척을 조기에 처분하겠다"며 "연료 효율이 높은 신조선 위주로 선대를 재편해 원가를 낮추겠다"고 밝혔다.

해든해운은 또 유럽 항로 일부를 다른 선사와의 공동 운항으로 돌리고, 수익성이 높은 동남아 역내 항로 비중을 늘리기로 했다.

해운업계에서는 국내 수출입 기업들의 물류비 부담은 줄어들 것으로 본다. 운임이 오르던 시기에 선복을 구하지 못해 애를 먹던 중소 화주들은 장기 운송 계약을 다시 맺기 시작했다. 다만 선사들이 수익성을 지키려고 운항 횟수를 줄이면 일부 항로에서는 선복 부족이 다시 나타날 수 있다.

증권가에서는 해운사의 실적이 당분간 뒷걸음질할 것으로 본다. 별빛증권의 이준호 연구원은 "주요 우회 항로가 정상화되면 운임이 한 차례 더 크게 떨어질 수 있다"며 "비용 구조를 먼저 개선한 선사와 그렇지 못한 선사 간 실적 격차가 벌어질 것"이라고 전망했다.
`,
  },

  // ----- six days ago -----
  {
    num: 1016,
    at: day(6, "09:05:21"),
    section: "economy",
    by: ["yoon-sb"],
    title: "소비자물가 2%대 초반서 안정…외식·가공식품은 여전히 ‘고공행진’",
    img: [8, "마트에서 장을 보는 시민들", "서울 시내 한 대형마트에서 시민들이 장을 보고 있다.", "한빛경제"],
    tags: ["물가", "소비자물가", "외식비"],
    views: 4090,
    body: `
소비자물가 상승률이 두 달 연속 2%대 초반에 머물며 안정세를 이어갔다. 다만 외식비와 가공식품 가격은 여전히 높은 오름세를 보여 체감 물가와의 괴리는 좁혀지지 않고 있다.

통계 당국이 발표한 소비자물가동향에 따르면 지난달 소비자물가지수는 1년 전보다 2.1% 올랐다. 국제유가 하락으로 석유류 가격이 4.6% 내리면서 전체 상승률을 끌어내렸다.

반면 외식 물가는 3.4%, 가공식품은 3.9% 올라 전체 평균을 크게 웃돌았다. 원재료 가격과 인건비, 배달 수수료 부담이 한꺼번에 가격에 반영된 탓이다. 김밥, 짜장면, 삼겹살 등 서민들이 자주 찾는 외식 메뉴는 대부분 4% 넘게 올랐다.

자주 사는 품목 위주로 구성한 생활물가지수는 2.6% 올라 전체 물가보다 상승 폭이 컸다. 소비자들이 통계보다 물가가 더 많이 올랐다고 느끼는 이유다.

품목별로 보면 농산물 가격은 1.2% 올라 안정세를 보였지만 과일 가격은 여전히 높았다. 사과와 배는 1년 전보다 각각 18%, 22% 비쌌다. 서비스 물가는 2.8% 올랐는데, 보험료와 병원비처럼 공공 성격을 띤 서비스 요금이 오른 영향이 컸다. 전기와 가스 등 공공요금은 동결 기조가 이어지며 0.4% 오르는 데 그쳤다.

오세현 국민경제연구원 선임연구위원은 "근원물가가 2% 안팎에서 안정돼 있어 전반적인 물가 압력은 크지 않다"면서도 "한 번 오른 외식비와 가공식품 가격은 잘 내려가지 않기 때문에 저소득층의 부담은 당분간 계속될 것"이라고 말했다.

정부는 가공식품 업체들과 간담회를 열어 가격 인상 자제를 요청하고, 수입 원재료에 붙는 할당관세 적용 기간을 연장하는 방안을 검토하고 있다.
`,
  },
  {
    num: 1017,
    at: day(6, "11:48:56"),
    section: "finance/securities",
    by: ["han-gy"],
    title: "홍세아 별빛증권 센터장 “반도체 이익 사이클, 이제 막 중반전”",
    img: [
      10,
      "증시 전망을 발표하는 애널리스트",
      "홍세아 별빛증권 리서치센터장이 서울 여의도 본사에서 증시 전망을 발표하고 있다.",
      "별빛증권",
    ],
    tags: ["별빛증권", "반도체", "증시전망"],
    views: 5620,
    body: `
반도체 업종의 이익 증가세가 적어도 1년 이상 이어질 것이라는 전망이 나왔다. 최근 반도체주 급등으로 고점 논란이 커지는 가운데 나온 분석이라 주목된다.

홍세아 별빛증권 리서치센터장은 이날 서울 여의도 본사에서 연 증시 전망 간담회에서 "메모리 반도체의 이익 사이클은 이제 막 중반에 들어섰다"며 "주가가 많이 올랐지만 이익 증가 속도가 더 빨라 가치평가 부담은 오히려 줄었다"고 말했다.

홍 센터장은 근거로 세 가지를 들었다.

- 인공지능(AI) 서버용 고대역폭메모리(HBM) 수요가 공급 능력을 웃도는 상황이 내년까지 이어진다.
- 일반 서버와 스마트폰용 D램 재고가 정상 수준으로 내려와 가격 협상력이 메모리 업체로 넘어왔다.
- 메모리 업체들이 설비 투자를 보수적으로 집행하고 있어 공급 과잉 가능성이 낮다.

그는 코스피 연간 예상 범위의 상단을 기존보다 5% 높여 제시했다. 업종별로는 반도체와 조선, 전력기기에 대해 <strong>비중 확대</strong> 의견을 내고, 내수 소비재와 건설은 <strong>중립</strong>으로 낮췄다.

> "시장이 가장 두려워하는 것은 AI 투자가 한꺼번에 멈추는 시나리오지만, 주요 클라우드 기업들의 투자 계획을 보면 그 가능성은 낮다."

홍 센터장은 개인 투자자들에게 반도체 대형주와 함께 소재·부품·장비 업체에도 관심을 가지라고 조언했다. 그는 "메모리 업체들이 설비 투자를 재개하면 장비 업체의 수주가 반년쯤 시차를 두고 늘어난다"며 "대형주보다 상승 여력이 큰 종목이 나올 수 있다"고 말했다.

다만 위험 요인도 짚었다. 홍 센터장은 "주요국의 반도체 수출 규제와 관세 정책이 가장 큰 변수"라며 "특정 고객사 의존도가 높은 기업은 실적 변동성이 커질 수 있어 종목별로 옥석을 가려야 한다"고 조언했다.
`,
  },
  {
    num: 1018,
    at: day(6, "14:36:10"),
    section: "industry/construction",
    by: ["choi-wj"],
    title: "건설 수주 석 달째 뒷걸음…중견 건설사 유동성에 ‘경고등’",
    sub: "미분양 쌓이고 PF 보증 만기 몰려…“지방 중견사부터 자금난 번질라”",
    img: [
      3,
      "타워크레인이 멈춰 선 공사 현장",
      "공사가 중단된 경기도의 한 아파트 건설 현장에 타워크레인이 멈춰 서 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["건설경기", "PF", "미분양"],
    views: 3810,
    body: `
국내 건설 수주가 석 달 연속 줄면서 중견 건설사들의 자금 사정에 경고등이 켜졌다. 지방 미분양 주택이 쌓이는 가운데 부동산 프로젝트파이낸싱(PF) 대출 만기까지 몰리고 있다.

업계에 따르면 지난달 국내 건설 수주액은 13조2천억 원으로 1년 전보다 18% 줄었다. 민간 주택 수주가 27% 급감한 영향이 컸다. 공공 부문 수주는 소폭 늘었지만 민간의 감소 폭을 메우기에는 역부족이었다.

미분양은 지방을 중심으로 늘고 있다. 전국 미분양 주택은 7만 가구를 넘어섰고, 이 가운데 다 짓고도 팔리지 않은 '준공 후 미분양'이 2만 가구에 이른다. 준공 후 미분양의 80%가량은 지방에 몰려 있다.

문제는 자금 흐름이다. 분양 대금이 들어오지 않는 상황에서 PF 대출 만기가 돌아오면 시공사가 보증한 채무를 대신 갚아야 한다. 시공능력평가 50위권 밖 중견사들의 올해 PF 보증 만기 규모는 9조 원에 이르는 것으로 추정된다.

한 신용평가사 연구원은 "일부 중견사는 영업현금흐름이 3년째 마이너스"라며 "금융권이 차환을 꺼리기 시작하면 연쇄적인 유동성 위기로 번질 수 있다"고 말했다.

주택 공급 차질에 대한 우려도 커지고 있다. 건설사들이 자금난으로 신규 사업을 미루면서 주택 인허가 물량은 1년 전보다 20% 넘게 줄었다. 인허가부터 입주까지 보통 3~4년이 걸리는 만큼, 지금의 공급 위축이 몇 년 뒤 수도권 집값을 다시 자극할 수 있다는 지적이 나온다.

정부는 지방 미분양 주택을 사들이는 기업구조조정 리츠에 세제 혜택을 주고, 공공기관이 준공 후 미분양을 매입하는 물량을 늘리는 방안을 검토하고 있다. 업계에서는 "지원 규모가 시장 상황에 비해 턱없이 작다"는 목소리가 나온다.
`,
  },
  {
    num: 1019,
    at: day(6, "16:22:43"),
    section: "global",
    by: ["yoon-sb"],
    title: "노르딕셀 말로우 CEO “유럽 배터리 공장, 한국산 소재 비중 늘리겠다”",
    img: [9, "배터리 공장 전경", "스웨덴 북부에 있는 노르딕셀 배터리 공장 전경.", "누리통신"],
    tags: ["노르딕셀", "배터리", "유럽"],
    views: 2380,
    body: `
유럽 배터리 제조사 노르딕셀이 한국산 배터리 소재 구매를 크게 늘리기로 했다. 중국산 소재 의존도를 낮추라는 유럽연합(EU)의 규제 압박에 대응하려는 움직임이다.

클레어 말로우 노르딕셀 최고경영자(CEO)는 스웨덴 스톡홀름에서 열린 에너지 산업 콘퍼런스에서 "양극재와 분리막의 한국산 비중을 현재 20%에서 3년 안에 절반 이상으로 끌어올리겠다"고 밝혔다.

말로우 CEO는 "유럽 자동차 회사들은 공급망의 출처를 점점 더 엄격하게 따지고 있다"며 "품질과 공급 안정성 측면에서 한국 소재 기업들이 가장 현실적인 대안"이라고 말했다.

EU는 배터리에 들어가는 핵심 원자재와 소재의 원산지, 탄소 배출량을 공개하도록 하는 배터리 규정을 단계적으로 시행하고 있다. 중국산 소재를 많이 쓸수록 탄소발자국 신고와 공급망 실사 부담이 커지는 구조다.

노르딕셀은 유럽 배터리 업계에서 손꼽히는 신생 기업이지만, 최근 생산 수율 문제로 완성차 업체 납품 일정이 여러 차례 미뤄지며 어려움을 겪었다. 말로우 CEO는 "수율이 목표치의 90%까지 올라왔다"며 "내년에는 흑자 전환을 기대한다"고 말했다.

노르딕셀은 배터리 재활용 사업도 확대한다. 말로우 CEO는 "수명을 다한 배터리에서 리튬과 니켈을 회수해 다시 쓰는 비중을 10년 안에 30%까지 높이겠다"며 "재활용 기술을 가진 한국 기업과의 협력도 열어두고 있다"고 밝혔다. 유럽연합은 새 배터리에 일정 비율 이상의 재활용 원료를 쓰도록 의무화할 예정이다.

국내 소재업계는 이를 기회로 보고 있다. 한 양극재 업체 관계자는 "유럽 현지에 공장을 둔 한국 기업이라면 물류비와 관세 측면에서 중국 업체보다 유리하다"며 "장기 공급 계약 논의가 빨라질 것"이라고 말했다.
`,
  },

  // ----- five days ago -----
  {
    // The inconsistent spellings of Whitfield's name (휘트필드, 휫필드, 위트필드) are deliberate:
    // this is the article on which the editor's name check has something to flag.
    num: 1020,
    at: day(5, "08:45:19"),
    updatedAfter: 140,
    section: "industry/electronics",
    by: ["kim-sy"],
    title: "오로라컴퓨트 휘트필드 CEO 방한…태성전자 찾아 “HBM 협력 넓히자”",
    sub: "정해원 산업미래부 장관과도 면담…“한국은 AI 공급망의 심장”",
    img: [
      10,
      "악수하는 두 기업인",
      "에드워드 휘트필드 오로라컴퓨트 CEO(왼쪽)가 경기 성남의 태성전자 연구소에서 박도현 태성전자 사장과 악수하고 있다.",
      "누리통신",
    ],
    tags: ["오로라컴퓨트", "태성전자", "HBM", "AI반도체"],
    views: 24150,
    body: `
미국 인공지능(AI) 반도체 기업 오로라컴퓨트의 에드워드 휘트필드 최고경영자(CEO)가 한국을 찾아 태성전자 경영진과 정부 고위 관계자를 잇달아 만났다. 고대역폭메모리(HBM) 공급 확대와 차세대 메모리 공동 개발이 주된 의제였던 것으로 알려졌다.

휘트필드 CEO는 이날 오전 경기 성남의 태성전자 연구소를 방문해 박도현 태성전자 반도체부문 사장과 2시간가량 회동했다. 두 사람은 HBM 생산 라인을 함께 둘러본 뒤 비공개 오찬을 했다.

업계에 따르면 휫필드 CEO는 이 자리에서 "내년 HBM 구매량을 크게 늘릴 계획이며, 한 곳에 의존하는 구조는 바람직하지 않다"는 뜻을 전한 것으로 전해졌다. 박 사장은 12단 제품의 공급 일정과 16단 제품의 개발 현황을 직접 설명했다.

오후에는 정해원 산업미래부 장관을 만났다. 정 장관은 "한국의 메모리 경쟁력과 오로라컴퓨트의 설계 역량이 결합하면 양국 모두에 큰 기회가 될 것"이라며 국내 연구개발 거점 설립을 요청했다. 위트필드 CEO는 "한국은 AI 공급망의 심장과 같은 곳"이라며 "구체적인 투자 방안을 검토하겠다"고 답했다.

## 태성전자, '2인자' 꼬리표 뗄까

이번 방문은 태성전자에 적지 않은 의미가 있다. 태성전자는 그동안 오로라컴퓨트의 HBM 품질 검증을 통과하는 데 어려움을 겪으며 경쟁사에 주도권을 내줬다. 오로라컴퓨트 CEO가 직접 생산 현장을 둘러본 것 자체가 공급 확대를 위한 긍정적 신호라는 해석이 나온다.

홍세아 별빛증권 리서치센터장은 "에드워드 휫필드 CEO가 공개적으로 공급망 다변화를 언급한 만큼 태성전자의 물량 확보 가능성이 높아졌다"며 "내년 HBM 매출 추정치를 올릴 여지가 생겼다"고 말했다.

휘트필드 CEO는 방한 기간 국내 통신사와 인터넷 기업 대표들도 만나 AI 데이터센터 협력 방안을 논의할 예정이다. 오로라컴퓨트 CEO가 한국을 찾은 것은 3년 만이다.
`,
  },
  {
    num: 1021,
    at: day(5, "10:27:31"),
    section: "finance/banking",
    by: ["jang-mr"],
    title: "주담대 금리 하단 다시 3%대 중반으로…“대출 문턱 더 높아진다”",
    img: [
      4,
      "은행 지점의 대출 상담 안내문",
      "서울 시내 한 은행 지점에 주택담보대출 상담 안내문이 붙어 있다.",
      "한빛경제",
    ],
    tags: ["주택담보대출", "대출금리", "가계부채"],
    views: 7090,
    body: `
시중은행 주택담보대출 금리의 하단이 석 달 만에 다시 연 3%대 중반으로 올라섰다. 시장금리는 내려갔지만 은행들이 가계대출 증가세를 억누르기 위해 가산금리를 잇달아 올린 결과다.

은행권에 따르면 주요 시중은행 5곳의 주택담보대출 혼합형(5년 고정 후 변동) 금리는 연 3.52~5.61% 수준이다. 한 달 전보다 하단이 0.3%포인트가량 높아졌다. 같은 기간 대출 금리의 기준이 되는 은행채 5년물 금리는 오히려 0.1%포인트 내렸다.

은행들은 금리 인상과 함께 대출 한도도 줄이고 있다. 가람은행은 다음 주부터 수도권 주택에 대한 주택담보대출의 최장 만기를 40년에서 30년으로 줄이기로 했다. 만기가 짧아지면 매달 갚아야 하는 원리금이 늘어 총부채원리금상환비율(DSR) 규제에 걸리는 차주가 많아진다.

은행들이 이처럼 대출 문턱을 높이는 것은 가계대출 증가 속도가 연초 금융당국에 제출한 목표치를 웃돌고 있어서다. 주요 은행의 가계대출 잔액은 최근 두 달 사이에만 9조 원 넘게 늘었다.

실수요자들의 불만도 커지고 있다. 내년 입주를 앞두고 잔금 대출을 알아보던 한 직장인은 "몇 달 사이에 한도가 수천만 원 줄어 자금 계획을 새로 짜야 할 판"이라고 말했다.

대출 수요를 줄이기 위한 조치도 잇따른다. 일부 은행은 1주택자의 추가 주택 구입 목적 대출을 한시적으로 중단했고, 전세자금대출의 심사 기준도 강화했다. 금융당국은 은행별 대출 증가 속도를 매주 점검하며 목표를 넘는 은행에는 관리 계획을 다시 제출하도록 요구하고 있다.

전문가들은 당분간 대출 금리가 시장금리와 따로 움직이는 현상이 이어질 것으로 본다. 한 은행권 관계자는 "금리 경쟁보다 총량 관리가 우선인 상황"이라며 "연말까지 우대금리 축소 같은 추가 조치가 나올 수 있다"고 말했다.
`,
  },
  {
    num: 1022,
    at: day(5, "13:14:08"),
    section: "industry/auto",
    by: ["park-jh"],
    title: "완성차 내수 판매 두 자릿수 감소…수출이 빈자리 메웠다",
    img: [
      2,
      "선적을 기다리는 수출용 자동차",
      "경기 평택항 부두에 수출용 자동차들이 선적을 기다리고 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["자동차", "내수", "수출"],
    views: 1920,
    body: `
국내 완성차 업계의 내수 판매가 두 자릿수 감소율을 기록했다. 고금리와 경기 둔화로 소비 심리가 얼어붙은 탓이다. 다만 수출이 호조를 보이며 전체 판매 감소 폭은 크지 않았다.

업계에 따르면 지난달 국내 완성차 업체들의 내수 판매량은 10만8천 대로 1년 전보다 11.6% 줄었다. 반면 해외 판매는 5.2% 늘어 전체 판매량은 1.9% 감소하는 데 그쳤다.

차종별로는 내연기관 세단의 감소가 두드러졌다. 반면 하이브리드차 판매는 22% 늘며 내수 시장에서 차지하는 비중이 처음으로 30%를 넘어섰다. 전기차는 미래온모터스의 신차 '아라' 출고를 앞두고 대기 수요가 생기며 소폭 줄었다.

미래온모터스는 내수 판매가 8% 줄었지만 북미 수출이 늘며 전체 판매량은 3% 증가했다. 송민규 미래온모터스 사장은 최근 임원회의에서 "내수 부진은 신차로 정면 돌파하겠다"며 "아라 출고가 본격화하면 판매 흐름이 달라질 것"이라고 말한 것으로 알려졌다.

업계에서는 내수 회복이 쉽지 않을 것으로 본다. 개별소비세 인하 혜택이 끝난 데다 자동차 할부 금리가 연 5~6% 수준에서 좀처럼 내려오지 않고 있다. 한 완성차 업체 관계자는 "신차 효과가 없는 업체들은 할인 판매 외에 뾰족한 수가 없다"고 말했다.

수출은 하이브리드차와 중고차가 이끌었다. 하이브리드차 수출은 1년 전보다 31% 늘며 처음으로 월 4만 대를 넘었고, 중동과 중앙아시아로 향하는 중고차 수출도 크게 늘었다. 반면 전기차 수출은 유럽의 보조금 축소 여파로 17% 줄어 석 달 연속 감소했다.

수출도 안심할 수 없다. 주요 수출국의 관세 인상 가능성이 제기되면서 업계는 현지 생산 확대와 수출 지역 다변화를 서두르고 있다.
`,
  },
  {
    num: 1023,
    at: day(5, "15:40:55"),
    section: "distribution/retail",
    by: ["seo-yj"],
    title: "별마루백화점, 본점 식품관 전면 리뉴얼…‘동네 맛집’ 40곳 모셨다",
    img: [
      8,
      "백화점 식품관의 디저트 매장",
      "새로 단장한 별마루백화점 본점 식품관에서 고객들이 디저트를 고르고 있다.",
      "별마루백화점",
    ],
    tags: ["별마루백화점", "백화점", "식품관"],
    views: 1630,
    body: `
별마루백화점이 서울 본점 식품관을 8개월에 걸친 공사 끝에 전면 새로 단장해 문을 열었다. 전국 각지의 이름난 지역 맛집 40곳을 들여 '미식 여행지'로 만들겠다는 구상이다.

새 식품관의 면적은 1만2천㎡로 기존보다 30% 넓어졌다. 전체 매장의 절반가량을 처음 백화점에 입점하는 지역 빵집과 분식집, 오래된 노포 식당으로 채웠다. 줄 서서 먹는 맛집을 서울 도심에서 한꺼번에 만날 수 있게 해 젊은 고객을 끌어들이겠다는 전략이다.

별마루백화점이 식품관에 공을 들이는 것은 집객 효과 때문이다. 식품관을 찾은 고객이 다른 층 매장까지 둘러보는 '분수 효과'로 백화점 전체 매출이 늘어난다는 것이다. 별마루백화점은 리뉴얼 이후 본점 방문객이 연간 20% 이상 늘어날 것으로 기대한다.

온라인과의 차별화도 노린다. 의류와 잡화는 온라인 쇼핑으로 빠르게 옮겨갔지만, 직접 맛보고 경험하는 식음료는 여전히 오프라인 매장의 경쟁력이 큰 분야다.

별마루백화점 관계자는 "식품관은 더 이상 장만 보는 곳이 아니라 체험하고 머무는 공간"이라며 "지역 맛집과 함께 성장하는 상생 모델로 만들겠다"고 말했다.

식품관에는 쇼핑 편의를 높이는 시설도 새로 들어섰다. 구매한 음식을 바로 먹을 수 있는 공용 식사 공간이 400석 규모로 마련됐고, 장을 본 물건을 집까지 배송해주는 서비스와 냉장 보관함도 갖췄다. 평일 저녁에는 인기 요리사가 진행하는 요리 강좌도 열린다.

다만 업계에서는 유명 맛집을 끌어오는 경쟁이 지나치게 과열됐다는 지적도 나온다. 백화점끼리 인기 매장을 유치하려고 수수료를 낮춰주는 경쟁을 벌이면서 식품관의 수익성은 갈수록 떨어지고 있다.
`,
  },
  {
    num: 1024,
    at: day(5, "17:33:12"),
    updatedAfter: 70,
    section: "finance/securities",
    by: ["han-gy", "kim-sy"],
    title: "태성전자 주가 52주 신고가…증권가, 목표주가 줄줄이 올렸다",
    sub: "오로라컴퓨트 CEO 방한에 HBM 공급 확대 기대…하루에만 9곳 상향",
    img: [
      5,
      "증권사 트레이딩룸",
      "서울 여의도의 한 증권사 트레이딩룸에서 직원들이 시세를 살피고 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["태성전자", "목표주가", "HBM"],
    views: 13790,
    body: `
태성전자 주가가 52주 신고가를 갈아치웠다. 미국 오로라컴퓨트 최고경영자(CEO)의 방한을 계기로 고대역폭메모리(HBM) 공급 확대 기대가 커지자 증권사들이 목표주가를 잇달아 올렸다.

태성전자는 이날 유가증권시장에서 전 거래일보다 5.8% 오른 가격에 거래를 마쳤다. 장중 한때 7% 넘게 뛰기도 했다. 외국인 투자자가 하루에만 4천억 원어치를 순매수하며 상승을 이끌었다.

증권가는 목표주가 상향에 나섰다. 이날 하루에만 증권사 9곳이 태성전자의 목표주가를 평균 18% 높였다. 별빛증권과 새길투자증권은 목표주가를 각각 20% 넘게 올렸다.

최지율 새길투자증권 수석연구위원은 보고서에서 "에드워드 휘트필드 오로라컴퓨트 CEO가 태성전자 생산 현장을 직접 찾은 것은 품질 검증이 막바지에 이르렀다는 방증"이라며 "내년 HBM 출하량 추정치를 35% 올린다"고 밝혔다.

HBM 외에 범용 메모리의 가격 흐름도 우호적이다. 서버용 D램 고정거래가격은 두 분기 연속 올랐고, 스마트폰용 메모리 재고도 정상 수준에 가까워졌다. 증권가가 추정하는 태성전자의 내년 영업이익은 올해보다 40% 이상 많다.

개인 투자자들의 관심도 뜨겁다. 이날 태성전자는 유가증권시장 거래대금 1위에 올랐고, 주요 증권사 모바일 앱의 검색 순위에서도 하루 종일 맨 위를 지켰다. 태성전자 주식을 사기 위해 빚을 내는 신용거래 잔고도 최근 일주일 사이 2천억 원 가까이 늘었다.

단기 급등에 따른 부담을 경계하는 목소리도 있다. 한 자산운용사 매니저는 "공급 계약이 공식 발표되기 전에 기대감이 주가에 먼저 반영된 측면이 있다"며 "실적 발표 때까지 변동성이 클 수 있다"고 말했다.

관련 기사: <a href="/article/1020">오로라컴퓨트 휘트필드 CEO 방한…태성전자 찾아 “HBM 협력 넓히자”</a>
`,
  },

  // ----- four days ago -----
  {
    num: 1025,
    at: day(4, "07:50:44"),
    section: "economy/policy",
    by: ["yoon-sb"],
    title: "첨단산업 세액공제 5년 연장…정해원 장관 “지금이 투자 골든타임”",
    sub: "반도체·배터리·바이오 설비투자 공제율 최대 30%…세수 감소 연 2조 원",
    img: [
      6,
      "브리핑하는 장관",
      "정해원 산업미래부 장관이 정부세종청사에서 첨단산업 지원 방안을 발표하고 있다.",
      "누리통신",
    ],
    tags: ["산업미래부", "세액공제", "첨단산업"],
    views: 3480,
    body: `
정부가 반도체, 이차전지, 바이오 등 첨단산업 시설투자에 대한 세액공제 제도를 5년 연장하고 공제율도 높이기로 했다. 주요국의 보조금 경쟁 속에서 국내 투자를 붙잡겠다는 취지다.

정해원 산업미래부 장관은 이날 정부세종청사에서 관계부처 합동 브리핑을 열고 "첨단산업은 지금 투자하지 않으면 5년 뒤 경쟁에서 살아남을 수 없다"며 "지금이 투자의 골든타임"이라고 말했다.

정부안에 따르면 국가전략기술 시설투자에 대한 대기업 세액공제율은 15%에서 20%로, 중소기업은 25%에서 30%로 오른다. 올해 말 끝날 예정이던 일몰 기한은 5년 늦춰진다. 연구개발비 공제 대상 기술도 넓히기로 했다.

정 장관은 "주요국이 천문학적인 보조금으로 공장을 끌어들이는 상황에서 우리는 세제로라도 경쟁력을 갖춰야 한다"며 "지원을 받은 기업이 국내 고용과 협력사 투자를 늘리도록 사후 관리도 강화하겠다"고 강조했다.

재정 당국은 이번 조치로 연간 2조 원가량의 세수가 줄어들 것으로 추산했다. 안윤서 재정혁신부 장관은 "투자가 늘면 법인세 기반이 넓어져 중장기적으로는 세수에도 도움이 될 것"이라고 설명했다.

산업계는 일제히 환영했다. 다만 대기업에 혜택이 집중된다는 지적도 나온다. 오세현 국민경제연구원 선임연구위원은 "세액공제는 이익을 내는 기업만 혜택을 보는 구조"라며 "적자인 초기 기업을 위해 공제액을 현금으로 돌려주는 직접환급 방식을 검토할 필요가 있다"고 말했다.

정부는 지원 대상 기업의 투자 이행 여부도 꼼꼼히 따진다. 세액공제를 받은 뒤 3년 안에 국내 설비를 해외로 옮기거나 고용을 크게 줄이면 공제받은 세금의 일부를 다시 거둬들이는 규정이 새로 생긴다.

정부는 다음 달 세법 개정안에 이 내용을 담아 국회에 제출할 계획이다.
`,
  },
  {
    num: 1026,
    at: day(4, "09:58:20"),
    section: "industry/shipbuilding",
    by: ["park-jh"],
    title: "대양중공업 임재원 대표 “친환경 선박 4년 치 일감 확보…이제는 수익성”",
    img: [
      1,
      "선박 블록을 옮기는 골리앗 크레인",
      "대양중공업 거제 조선소의 골리앗 크레인이 선박 블록을 옮기고 있다.",
      "대양중공업",
    ],
    tags: ["대양중공업", "친환경선박", "조선"],
    views: 4210,
    body: `
임재원 대양중공업 대표가 "4년 치 일감을 확보한 만큼 이제는 수주량보다 수익성을 우선하겠다"고 밝혔다. 저가 수주 경쟁에서 벗어나 고부가가치 친환경 선박에 집중하겠다는 뜻이다.

임 대표는 이날 경남 거제 조선소에서 열린 창립 기념식에서 "수주 잔고의 70% 이상이 액화천연가스(LNG)나 메탄올을 연료로 쓰는 친환경 선박"이라며 "선가가 낮은 선종은 과감하게 입찰을 거르겠다"고 말했다.

대양중공업은 10여 년 전 해양플랜트 부실과 저가 수주로 수조 원대 손실을 냈다. 임 대표는 "그 시절의 교훈을 잊지 않겠다"며 "모든 입찰에 대해 원가와 환율, 인력 수급까지 따져 최소 목표 수익률을 넘는 경우에만 계약하겠다"고 강조했다.

실적도 개선되는 흐름이다. 대양중공업은 지난 분기 영업이익률 7.4%를 기록해 2년 전의 적자에서 완전히 벗어났다. 선가가 높던 시기에 수주한 선박들이 본격적으로 매출에 반영되고 있기 때문이다.

임 대표는 차세대 먹거리로 암모니아 추진선과 소형 원자로를 단 선박을 꼽았다. 대양중공업은 국내외 기관과 함께 암모니아 추진 엔진을 개발하고 있으며, 3년 안에 첫 실선 수주를 목표로 하고 있다.

임 대표는 해외 생산 거점 확보 가능성도 내비쳤다. 그는 "국내 도크만으로는 늘어나는 수요를 모두 소화하기 어렵다"며 "동남아시아 조선소와 블록 제작 협력을 넓히고, 필요하다면 현지 조선소 인수도 검토하겠다"고 말했다. 대양중공업은 해외 함정의 유지·보수 사업 진출도 추진하고 있다.

인력 문제에 대해서는 "숙련 인력 없이는 어떤 수주 잔고도 의미가 없다"며 협력사 근로자 임금 인상과 기숙사 확충에 올해 1500억 원을 투입하겠다고 밝혔다.
`,
  },
  {
    num: 1027,
    at: day(4, "12:06:37"),
    section: "finance/insurance",
    by: ["jang-mr"],
    title: "자동차보험 손해율 80% 넘었다…내년 보험료 인상 압박 커져",
    tags: ["자동차보험", "손해율", "보험료"],
    views: 1180,
    body: `
손해보험사들의 자동차보험 손해율이 80%를 넘어서며 보험료 인상 압박이 커지고 있다. 정비요금과 부품값이 오른 데다 사고 건수도 늘어난 탓이다.

업계에 따르면 주요 손해보험사 4곳의 지난달 자동차보험 평균 손해율은 82.7%로 1년 전보다 4.1%포인트 높아졌다. 손해율은 거둬들인 보험료 가운데 보험금으로 나간 돈의 비율이다. 업계는 사업비를 고려한 손익분기점을 78~80%로 본다.

손해율이 오른 가장 큰 이유는 수리비 증가다. 차량 한 대당 평균 수리비는 최근 3년 새 20% 가까이 올랐다. 첨단 운전자 보조 장치가 달린 차량이 늘면서 가벼운 접촉 사고에도 센서와 카메라를 통째로 바꿔야 하는 경우가 많아졌다.

보험업계는 내년 자동차보험료를 올려야 한다는 입장이다. 최근 몇 년간 금융당국의 상생금융 요청에 따라 보험료를 잇달아 내렸기 때문에 더 이상 버티기 어렵다는 것이다. 한 손해보험사 관계자는 "지금 추세라면 올해 자동차보험 부문은 적자를 피하기 어렵다"고 말했다.

다만 자동차보험은 가입이 의무인 데다 물가 지표에도 포함돼 있어 보험료 인상이 쉽지 않다. 금융당국은 보험사들의 손해율 관리 노력을 먼저 점검하겠다는 입장이다.

보험사들은 손해율 관리를 위해 운전 습관 연계 보험 상품을 늘리고 있다. 안전하게 운전하는 가입자에게 보험료를 최대 15%까지 깎아주는 상품으로, 스마트폰 앱이나 차량 통신 장치로 급가속과 급제동 횟수를 측정해 할인율을 정한다. 업계는 이런 상품이 사고율을 낮추는 데도 도움이 될 것으로 기대한다.

소비자 단체들은 과잉 수리와 보험 사기를 먼저 줄여야 한다고 지적한다. 경미한 사고에도 장기간 입원하는 문제를 해결하지 않고 보험료만 올리면 성실한 가입자의 부담만 커진다는 것이다.
`,
  },
  {
    num: 1028,
    at: day(4, "14:49:02"),
    section: "global",
    by: ["yoon-sb"],
    title: "일본 미나토상선, 한국 조선소에 컨테이너선 6척 발주…“납기와 품질 믿는다”",
    img: [
      1,
      "건조 중인 대형 컨테이너선",
      "국내의 한 조선소에서 대형 컨테이너선이 건조되고 있다.",
      "누리통신",
    ],
    tags: ["미나토상선", "컨테이너선", "조선", "일본"],
    views: 2730,
    body: `
일본 해운사 미나토상선이 한국 조선소에 1만6천TEU(1TEU는 20피트 컨테이너 1개)급 컨테이너선 6척을 발주했다. 일본 선사들이 그동안 자국 조선소를 선호해 온 점을 고려하면 이례적인 결정이다.

미나토상선은 도쿄 본사에서 연 기자회견에서 대양중공업과 컨테이너선 6척, 총 13억 달러 규모의 건조 계약을 맺었다고 밝혔다. 선박은 메탄올과 기존 연료를 함께 쓸 수 있는 이중연료 추진 방식으로 건조된다.

나카무라 겐지 미나토상선 사장은 "일본 조선소의 도크가 이미 수년 치 물량으로 차 있어 원하는 시기에 선박을 받기 어려웠다"며 "납기와 품질을 모두 믿을 수 있는 파트너로 한국 조선소를 택했다"고 설명했다.

나카무라 사장은 이번 발주를 탈탄소 전략의 일환이라고 강조했다. 미나토상선은 국제해사기구(IMO)의 온실가스 감축 목표에 맞춰 2030년까지 보유 선박의 40%를 친환경 연료 선박으로 바꿀 계획이다.

국내 조선업계는 일본 선사의 발주가 이어질지 주목하고 있다. 일본 조선업은 인력 고령화와 설비 노후화로 건조 능력이 줄고 있어, 일본 선사들이 한국과 중국 조선소로 눈을 돌릴 수밖에 없다는 분석이다.

이번 계약으로 대양중공업의 컨테이너선 수주 잔고는 30척으로 늘었다. 대양중공업은 그동안 LNG운반선에 집중해 왔지만, 친환경 연료를 쓰는 대형 컨테이너선 발주가 늘면서 선종 다변화에 나섰다. 회사 측은 "일본 선사와 맺은 첫 대형 계약인 만큼 품질 관리에 각별히 신경 쓰겠다"고 밝혔다.

이준호 별빛증권 연구원은 "일본 선사는 품질 기준이 까다롭기로 유명해 이번 수주는 한국 조선소의 기술력을 다시 확인한 사례"라며 "중국 조선소와의 가격 차이보다 납기 신뢰도가 더 중요해지고 있다"고 말했다.
`,
  },
  {
    num: 1029,
    at: day(4, "16:57:29"),
    section: "industry/electronics",
    by: ["kim-sy"],
    title: "중국 저가 공세에 OLED 패널값 ‘뚝’…디스플레이 가격 경쟁 불붙어",
    tags: ["디스플레이", "OLED", "중국"],
    views: 2160,
    body: `
중국 디스플레이 업체들이 스마트폰용 유기발광다이오드(OLED) 패널 가격을 공격적으로 낮추면서 국내 업체들도 가격 경쟁에 휘말리고 있다.

업계에 따르면 스마트폰용 6인치대 OLED 패널의 평균 거래 가격은 최근 1년 사이 15%가량 떨어졌다. 중국 업체들이 정부 보조금을 받아 지은 대형 공장을 잇달아 가동하면서 공급이 크게 늘었기 때문이다.

중국 업체의 스마트폰용 OLED 시장 점유율은 처음으로 50%를 넘어선 것으로 추정된다. 몇 년 전만 해도 한국 업체들이 80% 이상을 차지하던 시장이다. 중저가 스마트폰을 중심으로 중국산 패널 채택이 빠르게 늘었다.

태성전자 디스플레이 사업부를 비롯한 국내 업체들은 고부가 제품으로 차별화에 나섰다. 접는 스마트폰용 패널과 노트북·태블릿용 OLED, 차량용 디스플레이가 대표적이다. 특히 정보기술(IT) 기기용 OLED는 아직 중국 업체와의 기술 격차가 2~3년 이상 벌어져 있다는 평가다.

최지율 새길투자증권 수석연구위원은 "스마트폰 패널은 이미 가격 경쟁 국면에 들어섰다"며 "IT용 OLED 수요가 본격적으로 열리는 시점까지 국내 업체의 수익성은 당분간 압박을 받을 것"이라고 말했다.

가격 하락은 소재와 장비 업체에도 부담이 되고 있다. 패널 업체들이 원가 절감을 위해 부품 단가 인하를 요구하면서 국내 협력사들의 수익성도 나빠지고 있다. 일부 장비 업체는 중국 패널 업체로 판로를 넓히고 있지만, 기술 유출 우려 때문에 수출 품목을 고르는 데 신중할 수밖에 없다.

업계에서는 정부 지원을 요구하는 목소리도 커지고 있다. 한 디스플레이 업체 임원은 "중국 업체들은 공장 건설비의 상당 부분을 지방정부에서 지원받는다"며 "디스플레이도 반도체 수준의 세제 혜택이 필요하다"고 말했다.
`,
  },

  // ----- three days ago -----
  {
    num: 1030,
    at: day(3, "08:20:14"),
    section: "finance",
    by: ["jang-mr"],
    title: "금융당국, 가계대출 총량 관리 2금융권까지 넓힌다",
    sub: "저축은행·상호금융 대출도 매달 점검…‘풍선효과’ 차단 나서",
    img: [4, "빌딩이 늘어선 금융가", "서울 여의도 금융가 전경.", "한빛경제 사진팀"],
    tags: ["가계대출", "금융당국", "2금융권"],
    views: 5080,
    body: `
금융당국이 시중은행에 적용하던 가계대출 총량 관리를 저축은행과 상호금융 등 2금융권까지 넓힌다. 은행 대출 문턱이 높아지자 2금융권으로 대출 수요가 옮겨가는 '풍선효과'를 막겠다는 것이다.

금융당국은 이날 가계부채 점검회의를 열고 2금융권 업권별로 연간 가계대출 증가 목표치를 받아 매달 이행 상황을 점검하기로 했다. 목표를 넘긴 회사에는 다음 해 목표치를 낮추는 등 불이익을 준다.

최근 2금융권 가계대출은 빠르게 늘고 있다. 상호금융권 가계대출은 최근 석 달 동안 2조4천억 원 늘어 1년 전 같은 기간 증가 폭의 세 배에 달했다. 은행에서 대출 한도가 줄어든 차주들이 금리가 더 높은 2금융권으로 옮겨간 영향이다.

금융당국은 또 2금융권의 총부채원리금상환비율(DSR)을 산정할 때 적용하는 스트레스 금리를 은행과 같은 수준으로 높이기로 했다. 스트레스 금리는 앞으로 금리가 오를 가능성을 고려해 대출 한도를 계산할 때 더하는 가상의 금리다.

업계는 당혹스럽다는 반응이다. 한 저축은행 관계자는 "부동산 PF 부실로 수익원이 줄어든 상황에서 가계대출까지 묶이면 영업이 사실상 불가능하다"고 말했다.

금융당국은 고액 신용대출과 다주택자 대출에 대한 관리도 강화한다. 연봉을 크게 웃도는 신용대출은 심사를 까다롭게 하고, 여러 금융회사에서 동시에 대출을 받는 차주의 정보를 실시간으로 공유하는 체계도 만든다. 당국은 매달 가계부채 점검회의를 열어 업권별 증가 속도를 확인할 방침이다.

서민층의 자금 사정이 더 나빠질 수 있다는 우려도 나온다. 제도권 금융에서 밀려난 저신용자들이 불법 사금융으로 내몰릴 수 있기 때문이다. 금융당국은 서민 정책금융 공급 규모를 늘려 보완하겠다는 입장이다.
`,
  },
  {
    // Two namesakes named 정해원 in one article: the CEO of 누리배터리 and the minister.
    num: 1031,
    at: day(3, "10:42:38"),
    updatedAfter: 110,
    section: "industry/auto",
    by: ["lee-dh"],
    title: "누리배터리·노르딕셀, 유럽에 3조5천억 원 배터리 합작공장 세운다",
    sub: "헝가리에 연 20GWh 규모…말로우 CEO “한국 기술과 유럽 고객의 결합”",
    img: [
      9,
      "협약서를 들어 보이는 두 대표",
      "정해원 누리배터리 대표(오른쪽)와 클레어 말로우 노르딕셀 CEO가 서울에서 합작 협약서를 들어 보이고 있다.",
      "누리배터리",
    ],
    tags: ["누리배터리", "노르딕셀", "합작공장", "유럽"],
    views: 6330,
    body: `
누리배터리가 유럽 배터리 업체 노르딕셀과 손잡고 유럽에 배터리 합작공장을 세운다. 유럽 완성차 업체들의 현지 조달 요구에 대응하기 위해서다.

누리배터리는 노르딕셀과 각각 50%씩 출자해 합작법인을 세우고, 헝가리에 연간 20기가와트시(GWh) 규모의 배터리 공장을 짓기로 합의했다고 밝혔다. 총 투자액은 약 3조5천억 원이며, 3년 뒤 양산을 목표로 한다.

합작공장은 누리배터리가 생산 기술과 설비를, 노르딕셀이 현지 고객과 인허가를 맡는 구조다. 생산 제품은 리튬인산철(LFP)과 고성능 삼원계 배터리 두 가지로, 유럽 완성차 업체 두 곳이 이미 구매 의향을 밝힌 것으로 알려졌다.

헝가리 공장이 완공되면 누리배터리의 해외 생산능력은 연간 45기가와트시로 늘어나, 처음으로 국내 생산능력을 웃돌게 된다.

정해원 누리배터리 대표는 서울에서 열린 서명식에서 "유럽 고객들이 원하는 것은 현지에서 안정적으로 공급받을 수 있는 배터리"라며 "노르딕셀의 고객 기반과 누리배터리의 양산 경험이 만나면 가장 빠르게 시장에 자리 잡을 수 있다"고 말했다.

클레어 말로우 노르딕셀 CEO는 "한국 기술과 유럽 고객의 결합"이라며 "이번 합작은 유럽 배터리 산업의 자립에도 도움이 될 것"이라고 화답했다. 노르딕셀은 그동안 생산 수율 문제로 고전해 왔는데, 누리배터리의 공정 기술을 들여와 이를 해결하겠다는 계산이다.

서명식에는 정해원 산업미래부 장관도 참석했다. 누리배터리 대표와 이름이 같아 행사장에 잠시 웃음이 번지기도 했다. 정 장관은 축사에서 "한국 배터리 기업의 해외 진출이 국내 소재·장비 기업의 수출로 이어지도록 정책금융을 아끼지 않겠다"고 말했다.

업계에서는 유럽 전기차 수요가 예상보다 더디게 늘고 있다는 점을 변수로 꼽는다. 한 증권사 연구원은 "고객사 물량이 확정되는 속도에 맞춰 투자를 나눠 집행하는 것이 중요하다"고 말했다.
`,
  },
  {
    num: 1032,
    at: day(3, "13:33:50"),
    section: "industry/construction",
    by: ["choi-wj", "yoon-sb"],
    title: "청람건설 이가은 대표 “해외 플랜트, 수익성 따져 골라 받겠다”",
    img: [
      3,
      "해외 플랜트 건설 현장",
      "중동의 한 정유 플랜트 건설 현장에서 근로자들이 작업하고 있다.",
      "청람건설",
    ],
    tags: ["청람건설", "해외건설", "플랜트"],
    views: 1410,
    body: `
이가은 청람건설 대표가 해외 플랜트 사업에서 '선별 수주' 원칙을 내세웠다. 수주 규모를 늘리는 것보다 손실 위험을 줄이는 데 무게를 두겠다는 것이다.

이 대표는 이날 서울 종로구 본사에서 열린 해외사업 전략회의에서 "과거 해외 플랜트에서 본 대규모 손실은 무리한 저가 수주에서 비롯됐다"며 "설계부터 조달, 시공까지 위험을 충분히 따져볼 수 있는 사업만 입찰하겠다"고 말했다.

청람건설은 올해 해외 수주 목표를 지난해보다 10% 낮춘 5조 원으로 잡았다. 대신 사업 초기 단계부터 발주처와 함께 설계를 진행하는 기본설계 연계 수주의 비중을 절반 이상으로 높이기로 했다. 기본설계에 참여하면 공사비를 정확하게 산정할 수 있어 손실 위험이 줄어든다.

이 대표는 중동 외 지역으로의 다변화도 강조했다. 청람건설은 동남아시아의 액화천연가스(LNG) 터미널과 북미 지역의 수소 생산 설비 사업 입찰을 준비하고 있다.

해외건설업계에서는 최근 중동 지역의 발주가 늘면서 수주 경쟁이 다시 치열해지고 있다. 중국과 유럽 건설사들이 공격적인 가격을 제시하면서, 국내 업체들 사이에서도 일감 확보를 위해 가격을 낮추려는 유혹이 커지고 있다.

청람건설은 해외 사업의 위험 관리를 위한 조직도 새로 꾸렸다. 입찰 단계에서 원가와 공정, 계약 조건을 독립적으로 검토하는 위험관리위원회를 대표 직속으로 두고, 위원회의 승인을 받지 못한 사업에는 입찰할 수 없도록 했다. 외부 전문가도 위원으로 참여해 견제 기능을 높였다.

한 해외건설 전문가는 "국내 주택 경기가 나빠 해외에서 실적을 메우려는 압박이 크다"며 "경영진이 수익성 원칙을 끝까지 지킬 수 있느냐가 관건"이라고 말했다.
`,
  },
  {
    num: 1033,
    at: day(3, "15:16:27"),
    section: "distribution/retail",
    by: ["seo-yj"],
    title: "하늘마켓 양혜숙 대표 “입점 소상공인 판매 수수료 1년간 동결”",
    img: [
      8,
      "상품을 포장하는 온라인 판매자",
      "하늘마켓에 입점한 한 소상공인이 주문받은 상품을 포장하고 있다.",
      "하늘마켓",
    ],
    tags: ["하늘마켓", "수수료", "소상공인"],
    views: 3870,
    body: `
하늘마켓이 입점 판매자들의 판매 수수료를 1년 동안 올리지 않기로 했다. 온라인 플랫폼의 수수료 인상을 둘러싼 논란이 커지는 가운데 나온 결정이다.

양혜숙 하늘마켓 대표는 이날 판매자 간담회에서 "경기가 어려운 시기에 판매자와 고통을 나누겠다"며 "연 매출 30억 원 이하 판매자의 수수료를 1년간 동결하고, 새로 입점하는 판매자에게는 첫 석 달 동안 수수료를 절반만 받겠다"고 밝혔다.

하늘마켓의 평균 판매 수수료율은 10.8%로 주요 온라인 쇼핑몰 가운데 중간 수준이다. 동결 대상 판매자는 전체 입점 판매자의 92%인 약 7만 곳에 이른다.

정산 주기도 줄인다. 하늘마켓은 구매 확정 후 열흘 안에 지급하던 판매 대금을 다음 달부터 이틀 안에 지급하기로 했다. 일부 온라인 플랫폼의 대금 미지급 사태 이후 판매자들 사이에서 자금 회전에 대한 우려가 커진 데 따른 조치다.

양 대표는 "판매자가 잘돼야 플랫폼도 성장한다"며 "수수료 대신 광고와 물류 서비스의 품질로 경쟁하겠다"고 말했다.

하늘마켓은 판매자 교육도 강화한다. 상품 사진 촬영과 상세 페이지 작성, 고객 응대 방법을 알려주는 무료 강좌를 매달 열고, 판매 데이터를 분석해 잘 팔리는 상품과 적정 가격을 추천해주는 도구도 내놓는다. 지역 농가와 소규모 제조업체가 온라인 판매를 처음 시작할 수 있도록 입점 절차도 간소화했다.

업계에서는 하늘마켓의 결정이 다른 플랫폼에도 영향을 줄 것으로 본다. 다만 수익성이 낮은 상황에서 수수료 수입을 포기하는 것이 부담이 될 수 있다는 분석도 있다. 하늘마켓은 아직 연간 흑자를 내지 못하고 있다.
`,
  },
  {
    num: 1034,
    at: day(3, "17:48:05"),
    section: "economy/trade",
    by: ["yoon-sb"],
    title: "주요국 잇단 관세 인상 예고에 수출기업 ‘비상’…정부, 민관 대응회의",
    sub: "철강·자동차·가전 업계 긴장…“현지 생산 확대 서둘러야”",
    img: [
      7,
      "컨테이너를 옮기는 항만 크레인",
      "인천항 컨테이너 터미널에서 크레인이 화물을 옮기고 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["관세", "통상", "수출"],
    views: 4820,
    body: `
주요 수출 대상국들이 잇따라 관세 인상을 예고하면서 국내 수출기업들이 비상 대응 체제에 들어갔다. 철강과 자동차, 가전 업계가 특히 긴장하고 있다.

산업미래부는 이날 업종별 협회와 주요 기업이 참여하는 민관 합동 통상 대응 회의를 열고 업종별 피해 규모를 점검했다. 정부는 관세가 예고대로 오르면 연간 수출이 최대 120억 달러 줄어들 수 있다고 추산했다.

업종별로는 철강이 가장 큰 영향을 받을 것으로 보인다. 이미 수입 물량 제한을 받고 있는 상황에서 관세까지 오르면 가격 경쟁력이 크게 떨어진다. 자동차 업계도 현지 생산 비중이 낮은 차종을 중심으로 타격이 예상된다.

기업들은 대응책 마련에 분주하다. 미래온모터스는 북미 공장의 생산 물량을 늘리는 방안을 검토하고 있고, 가전 업체들은 멕시코와 베트남 공장의 생산 비중을 조정하고 있다.

정해원 산업미래부 장관은 회의에서 "관세 협상에서 우리 기업이 불리한 대우를 받지 않도록 모든 채널을 동원하겠다"며 "피해 기업에는 무역보험과 정책금융을 우선 지원하겠다"고 말했다.

정부는 피해 기업 지원을 위한 예산도 마련한다. 관세 인상으로 수출이 크게 줄어든 중소·중견기업에는 긴급 경영안정자금을 낮은 금리로 빌려주고, 새로운 수출 시장을 개척하는 데 드는 비용을 최대 70%까지 지원한다. 해외에 생산 공장을 짓는 기업에는 정책금융기관이 투자 자금을 우선 공급한다.

전문가들은 단기 대응을 넘어 공급망 전략을 다시 짜야 한다고 조언한다. 오세현 국민경제연구원 선임연구위원은 "관세는 한 번 오르면 쉽게 내려가지 않는다"며 "수출 시장을 다변화하고 현지 생산과 국내 생산의 역할을 새로 나눠야 할 때"라고 말했다.
`,
  },

  // ----- two days ago -----
  {
    num: 1035,
    at: day(2, "08:05:50"),
    section: "finance/securities",
    by: ["han-gy"],
    title: "공모주 시장 다시 달아오른다…이달 상장 예정 기업만 8곳",
    img: [
      5,
      "상장 기념식이 열리는 홍보관",
      "서울 여의도 한국거래소 홍보관에서 신규 상장 기념식이 열리고 있다.",
      "한빛경제",
    ],
    tags: ["공모주", "IPO", "코스닥"],
    views: 2290,
    body: `
한동안 잠잠하던 공모주 시장이 다시 달아오르고 있다. 상장 첫날 주가가 공모가의 두 배 가까이 오르는 종목이 잇따르면서 청약 열기도 뜨거워졌다.

금융투자업계에 따르면 이달 유가증권시장과 코스닥시장 상장을 앞둔 기업은 8곳이다. 지난달 상장한 6개 기업의 첫날 평균 수익률은 공모가 대비 86%에 이르렀고, 일반 청약 경쟁률은 평균 1200대 1을 넘었다.

공모주 열기의 배경에는 증시 회복이 있다. 반도체와 조선 등 주력 업종의 주가가 오르면서 투자 심리가 살아났고, 상장을 미뤄 왔던 기업들이 잇달아 공모에 나서고 있다. 인공지능(AI) 소프트웨어와 전력기기, 로봇 관련 기업이 특히 주목받는다.

이달 상장 예정 기업 가운데 절반은 AI 반도체 설계 기업과 이차전지 장비 업체 같은 기술특례 상장 기업이다. 기술특례 상장은 당장 이익을 내지 못해도 기술력을 인정받으면 상장할 수 있는 제도다.

과열을 경계하는 목소리도 나온다. 홍세아 별빛증권 리서치센터장은 "상장 첫날 급등한 종목 가운데 상당수가 한 달 안에 공모가 근처로 되돌아왔다"며 "기업의 실적 전망과 유통 가능 물량을 꼼꼼히 따져봐야 한다"고 조언했다.

공모 규모가 큰 기업들도 상장 준비에 나섰다. 기업가치 1조 원 이상으로 평가받는 물류 기업과 게임 회사가 연내 상장을 목표로 한국거래소에 상장 예비심사를 청구했다. 대어급 기업의 상장이 이어지면 공모주 시장으로 자금이 더 몰릴 것이라는 관측이 나온다.

금융당국은 기관투자가의 수요예측 과정에서 허수 청약이 없는지 점검을 강화하고 있다. 일정 기간 주식을 팔지 않겠다고 약속한 기관에 공모주를 더 많이 배정하는 제도도 곧 시행할 예정이다.
`,
  },
  {
    num: 1036,
    at: day(2, "10:19:23"),
    updatedAfter: 65,
    section: "industry/electronics",
    by: ["kim-sy"],
    title: "태성전자, 새만금에 4조2천억 원 들여 첨단 패키징 공장 짓는다",
    sub: "HBM·AI 칩 후공정 거점으로…협력사 포함 일자리 5천 개 기대",
    img: [
      0,
      "클린룸에서 공정을 점검하는 연구원들",
      "태성전자 연구원들이 클린룸에서 첨단 패키징 공정을 점검하고 있다.",
      "태성전자",
    ],
    tags: ["태성전자", "첨단패키징", "새만금"],
    views: 8240,
    body: `
태성전자가 전북 새만금에 4조 원대 첨단 반도체 패키징 공장을 짓는다. 인공지능(AI) 반도체 경쟁의 승부처로 떠오른 후공정 역량을 끌어올리기 위해서다.

태성전자는 이사회를 열고 새만금 국가산업단지에 4조2천억 원을 투자해 고대역폭메모리(HBM)와 AI 칩용 첨단 패키징 공장을 짓기로 의결했다고 밝혔다. 착공은 내년 초, 가동은 2년 뒤가 목표다.

패키징은 만들어진 반도체 칩을 쌓고 연결해 완성품으로 만드는 공정이다. 예전에는 부가가치가 낮은 후공정으로 여겨졌지만, 여러 개의 칩을 하나처럼 묶는 기술이 AI 반도체의 성능을 좌우하게 되면서 중요성이 크게 높아졌다.

박도현 태성전자 반도체부문 사장은 "AI 시대에는 칩을 얼마나 잘 만드느냐만큼 얼마나 잘 쌓고 잇느냐가 중요하다"며 "새만금 공장을 세계 최고 수준의 패키징 거점으로 키우겠다"고 말했다.

새만금이 낙점된 데는 전력과 용수를 확보하기 쉽고 넓은 부지를 한 번에 마련할 수 있다는 점이 작용했다. 지방자치단체는 전용 변전소와 용수 공급 시설을 제때 갖추고 지방세 감면 혜택을 주기로 했다.

지역에서는 환영하는 분위기다. 공장이 가동되면 직접 고용 2천 명을 비롯해 협력사까지 포함해 5천 개 이상의 일자리가 생길 것으로 예상된다. 태성전자는 지역 대학과 손잡고 패키징 전문 인력 양성 과정도 운영할 계획이다.

태성전자는 새만금 공장에 재생에너지를 우선 쓰기로 했다. 인근 해상풍력 단지와 장기 전력 구매 계약을 맺어 공장에서 쓰는 전력의 절반 이상을 재생에너지로 채울 계획이다.

증권가는 이번 투자가 태성전자의 HBM 경쟁력 강화로 이어질 것으로 본다. 최지율 새길투자증권 수석연구위원은 "패키징 병목을 해소하면 HBM 공급 능력이 빠르게 늘어날 것"이라고 평가했다.
`,
  },
  {
    num: 1037,
    at: day(2, "13:02:45"),
    section: "industry",
    by: ["park-jh"],
    title: "대기업 10곳 중 6곳 “내년 투자 올해 수준 유지”…확대는 14% 그쳐",
    tags: ["설비투자", "대기업", "설문조사"],
    views: 910,
    body: `
국내 대기업 10곳 가운데 6곳은 내년 투자를 올해와 비슷한 수준으로 유지하겠다는 계획인 것으로 조사됐다. 투자를 늘리겠다는 곳은 14%에 그쳤다.

한 경제단체가 매출 상위 500대 기업 가운데 응답한 160곳을 조사한 결과, 63%가 내년 투자 규모를 '올해 수준 유지'로 답했다. '축소'는 23%, '확대'는 14%였다. 투자를 줄이겠다는 기업이 늘리겠다는 기업보다 많은 것은 3년 연속이다.

투자를 늘리지 못하는 이유로는 <em>내수 부진</em>(31%)이 가장 많이 꼽혔고, <em>원자재 가격과 환율 불확실성</em>(24%), <em>주요국 통상 정책 변화</em>(19%)가 뒤를 이었다. 높은 금리에 따른 자금 조달 부담을 꼽은 기업도 12%였다.

업종별로는 반도체와 조선, 전력기기 업종의 투자 확대 의향이 상대적으로 높았다. 반면 석유화학과 철강, 건설 업종은 대부분 투자를 줄이거나 유지하겠다고 답했다. 업황에 따라 투자 계획이 뚜렷하게 갈리는 모습이다.

기업들은 투자 활성화를 위한 과제로 세제 지원 확대와 규제 완화를 꼽았다. 특히 첨단산업 세액공제 연장과 입지 규제 완화, 전력망 확충을 시급한 과제로 들었다.

투자 방식에도 변화가 나타났다. 응답 기업의 41%는 국내보다 해외 투자를 늘리겠다고 답했는데, 이유로는 현지 시장 접근성과 주요국의 보조금을 꼽았다. 국내 투자 가운데서는 생산 설비보다 인공지능과 자동화 같은 디지털 전환 투자를 늘리겠다는 응답이 많았다. 인력 부족을 자동화로 메우려는 기업이 늘고 있다는 뜻이다.

조사를 진행한 경제단체 관계자는 "수출 회복에도 기업들이 투자에 신중한 것은 대외 불확실성이 그만큼 크다는 뜻"이라며 "정부가 예측 가능한 정책 환경을 만들어주는 것이 무엇보다 중요하다"고 말했다.
`,
  },
  {
    num: 1038,
    at: day(2, "15:27:11"),
    section: "global",
    by: ["yoon-sb"],
    title: "유럽 탄소국경세 부담 현실로…철강 수출기업 ‘인증 비용’ 비상",
    sub: "배출량 검증에만 업계 전체 연 수백억 원…중소 철강사 “대응할 여력 없다”",
    img: [11, "제철소 고로에서 나오는 쇳물", "한 제철소의 고로에서 쇳물이 쏟아져 나오고 있다.", "누리통신"],
    tags: ["탄소국경세", "철강", "유럽연합"],
    views: 3010,
    body: `
유럽연합(EU)의 탄소국경조정제도가 본격적으로 시행되면서 국내 철강 수출기업의 비용 부담이 현실화하고 있다. 제품에 담긴 탄소 배출량을 검증받고 그만큼의 인증서를 사야 하기 때문이다.

탄소국경조정제도는 EU로 수입되는 철강, 알루미늄, 시멘트, 비료 등에 대해 생산 과정에서 나온 탄소 배출량만큼 비용을 물리는 제도다. 수입업자가 배출량에 해당하는 인증서를 사야 하며, 그 부담은 결국 수출기업의 가격 경쟁력에 반영된다.

업계는 국내 철강업계가 부담할 비용이 연간 수천억 원에 이를 것으로 추산한다. 배출량 산정과 제3자 검증에 드는 비용만 대형 철강사 한 곳당 연 수십억 원, 업계 전체로는 수백억 원 규모다.

대형 철강사들은 전기로 전환과 수소환원제철 기술 개발로 대응하고 있지만, 중소 철강사들은 사정이 다르다. 한 중소 강관 업체 대표는 "배출량 데이터를 관리할 인력도 시스템도 없다"며 "수출을 포기해야 하는지 고민하고 있다"고 말했다.

오세현 국민경제연구원 선임연구위원은 "탄소 규제는 EU에서 시작해 다른 주요국으로 번질 가능성이 크다"며 "중소기업이 배출량을 측정하고 검증받을 수 있도록 정부가 공동 인프라를 마련해야 한다"고 지적했다.

알루미늄과 시멘트 업계도 대응을 서두르고 있다. 알루미늄 업계는 재생에너지로 만든 전기를 쓰는 생산 방식으로 바꾸는 방안을 검토하고 있고, 시멘트 업계는 연료를 폐합성수지로 바꿔 탄소 배출을 줄이고 있다. 하지만 설비를 바꾸는 데 수천억 원이 들어 중소기업에는 부담이 크다.

정부는 국내 배출권 거래제에서 낸 탄소 비용을 EU가 인정하도록 협상하는 한편, 중소 수출기업의 검증 비용을 최대 70%까지 지원하는 사업을 추진하고 있다.
`,
  },
  {
    num: 1039,
    at: day(2, "17:55:36"),
    section: "finance/banking",
    by: ["jang-mr"],
    title: "가람은행 권태경 행장 “디지털 지점 30곳으로 늘리되 고령층 창구는 지킨다”",
    img: [
      4,
      "화상 상담 창구가 있는 은행 지점",
      "가람은행 디지털 지점에서 한 고객이 화상 상담 창구를 이용하고 있다.",
      "가람은행",
    ],
    tags: ["가람은행", "디지털금융", "점포"],
    views: 1720,
    body: `
가람은행이 화상 상담과 무인 기기를 갖춘 디지털 지점을 내년까지 30곳으로 늘린다. 동시에 고령층이 많이 찾는 지역의 대면 창구는 유지하기로 했다.

권태경 가람은행장은 이날 서울 중구 본점에서 기자들과 만나 "은행 업무의 90% 이상이 모바일로 옮겨갔지만, 여전히 창구가 꼭 필요한 고객이 있다"며 "디지털 전환과 금융 접근성을 함께 지키는 것이 은행의 책임"이라고 말했다.

가람은행의 디지털 지점은 직원 2~3명이 상주하면서 화상 상담 창구를 통해 본점 전문가와 고객을 연결한다. 대출 상담과 자산관리 같은 복잡한 업무도 지점 한 곳에서 처리할 수 있다. 현재 12곳인 디지털 지점은 내년 말까지 30곳으로 늘어난다.

가람은행은 점포 통폐합도 속도를 조절한다. 지점을 닫을 때는 반경 2km 안에 다른 지점이나 디지털 지점이 있는 경우로 한정하고, 고령층 비중이 높은 지역에는 이동식 점포를 운영하기로 했다.

은행권은 최근 몇 년간 비용 절감을 위해 점포를 빠르게 줄여 왔다. 주요 시중은행의 점포 수는 5년 새 20% 넘게 줄었다. 이 과정에서 디지털 기기 사용이 익숙하지 않은 고령층의 불편이 커졌다는 지적이 이어졌다.

고령층을 위한 서비스도 늘린다. 가람은행은 65세 이상 고객이 지점을 찾으면 전담 직원이 안내하는 창구를 모든 지점에 두고, 큰 글씨와 쉬운 용어를 쓴 모바일 앱 화면도 새로 선보였다. 보이스피싱 피해를 막기 위해 고령층 고객이 큰돈을 이체할 때 한 번 더 확인하는 절차도 마련했다.

권 행장은 인공지능(AI) 활용 계획도 밝혔다. 그는 "AI 상담원을 도입해 단순 문의는 24시간 응대하고, 직원들은 자산관리와 기업 금융 같은 전문 업무에 집중하도록 하겠다"고 말했다.
`,
  },

  // ----- the newest six: newsroom hours before `now` (see When) -----
  {
    num: 1040,
    at: ago(15.8),
    section: "economy/policy",
    by: ["yoon-sb"],
    title: "중소기업 전기요금 부담 던다…산업용 요금 6개월 분할 납부 허용",
    img: [
      6,
      "공장 전력 설비를 점검하는 직원",
      "경기도의 한 중소 제조업체 공장에서 직원이 전력 설비를 점검하고 있다.",
      "한빛경제 사진팀",
    ],
    tags: ["전기요금", "중소기업", "산업미래부"],
    views: 1310,
    body: `
정부가 전기요금 부담이 커진 중소 제조업체를 위해 산업용 전기요금을 최대 6개월에 걸쳐 나눠 낼 수 있도록 허용한다. 전력 사용이 많은 뿌리산업의 에너지 효율 개선 지원도 늘린다.

산업미래부는 이런 내용을 담은 중소기업 에너지 비용 경감 대책을 발표했다. 계약전력 1천㎾ 이하 중소 제조업체는 여름과 겨울철 전기요금을 최대 6개월에 걸쳐 나눠 낼 수 있다. 분할 납부에 따른 이자는 붙지 않는다.

산업용 전기요금은 최근 몇 년 사이 여러 차례 올라 중소기업의 부담이 크게 늘었다. 주조와 금형, 열처리 등 뿌리산업 업체들은 제조원가에서 전기요금이 차지하는 비중이 20%를 넘는 경우도 있다.

정부는 고효율 설비 교체 지원 예산도 늘린다. 노후 전동기와 공조기를 고효율 제품으로 바꾸면 비용의 최대 50%를 지원하고, 공장 지붕에 태양광 설비를 설치하는 기업에는 저금리 융자를 제공한다.

정해원 산업미래부 장관은 "에너지 비용은 중소기업 경쟁력과 직결된다"며 "당장의 현금 흐름 부담을 덜어주는 동시에 에너지 효율을 높여 근본적으로 비용을 줄일 수 있도록 돕겠다"고 말했다.

정부는 중소기업의 에너지 진단 지원도 확대한다. 전문 기관이 공장을 찾아 전력 사용 현황을 분석하고 절감 방안을 제시하는 무료 진단 서비스를 올해 2천 곳에서 내년 5천 곳으로 늘린다. 진단 결과에 따라 설비를 바꾸는 기업에는 지원 사업 선정 때 가점을 준다.

중소기업계는 환영하면서도 아쉬움을 나타냈다. 한 중소기업 단체 관계자는 "분할 납부는 내야 할 돈을 뒤로 미루는 것일 뿐"이라며 "중소기업 전용 요금제 도입 같은 구조적인 대책이 필요하다"고 말했다.
`,
  },
  {
    num: 1041,
    at: ago(13.6),
    section: "industry/shipbuilding",
    by: ["park-jh"],
    title: "대형 조선 3사 연간 수주 목표 85% 달성…‘슈퍼사이클’ 이어간다",
    sub: "LNG선·컨테이너선 고른 수주…“선가 높아 이익 개선 본격화”",
    img: [
      1,
      "바다에서 시운전 중인 선박",
      "대양중공업이 건조한 LNG운반선이 경남 거제 앞바다에서 시운전을 하고 있다.",
      "대양중공업",
    ],
    tags: ["조선", "수주", "대양중공업"],
    views: 2580,
    body: `
국내 대형 조선 3사가 올해 수주 목표의 85%를 이미 채운 것으로 나타났다. 액화천연가스(LNG) 운반선과 대형 컨테이너선 주문이 고르게 이어지면서 조선업 호황이 계속되고 있다.

조선업계에 따르면 대형 3사의 올해 누적 수주액은 약 290억 달러로, 세 회사의 연간 목표 합계인 340억 달러의 85% 수준이다. 대양중공업은 최근 일본 미나토상선으로부터 <a href="/article/1028">컨테이너선 6척을 따내며</a> 목표 달성률을 88%까지 끌어올렸다.

신조선 가격도 고공행진 중이다. 선박 가격을 종합한 신조선가지수는 최근 역대 최고치 부근에서 움직이고 있다. 조선사들이 3~4년 치 일감을 확보하면서 협상력이 선주에서 조선사로 넘어왔기 때문이다.

이준호 별빛증권 연구원은 "지금 매출로 잡히는 선박은 대부분 선가가 오르기 시작한 시기에 수주한 것"이라며 "앞으로 2~3년 동안 조선사들의 영업이익률이 두 자릿수로 올라설 가능성이 크다"고 분석했다.

임재원 대양중공업 대표는 최근 사내 간담회에서 "일감이 넘치는 지금이 오히려 원가와 안전을 다잡을 때"라며 "무리한 공정 단축은 없다"고 강조한 것으로 전해졌다.

수주 잔고가 쌓이면서 조선사들의 협상 방식도 달라졌다. 과거에는 선주가 원하는 인도 시기에 맞추려고 가격을 낮춰야 했지만, 지금은 조선사가 도크 일정에 맞는 계약만 골라 받는다. 선박 대금을 건조 초기에 더 많이 받는 계약도 늘어 조선사들의 현금 흐름도 좋아지고 있다.

위험 요인도 있다. 중국 조선소들이 낮은 가격을 앞세워 컨테이너선 시장 점유율을 높이고 있고, 숙련 인력 부족으로 인도 일정이 늦어질 가능성도 제기된다. 후판 등 원자재 가격 흐름도 수익성을 가를 변수로 꼽힌다.
`,
  },
  {
    num: 1042,
    at: ago(10.5),
    section: "finance/securities",
    by: ["han-gy"],
    title: "새길투자증권 최지율 위원 “코스피 박스권 상단 뚫으려면 실적이 답”",
    img: [
      5,
      "시황판을 바라보는 투자자",
      "서울 시내 한 증권사 영업점에서 투자자가 시황판을 바라보고 있다.",
      "한빛경제",
    ],
    tags: ["새길투자증권", "코스피", "증시전망"],
    views: 1090,
    body: `
코스피가 반도체 강세에 힘입어 박스권 상단에 바짝 다가섰다. 추가 상승이 가능할지를 두고 시장의 의견이 엇갈리는 가운데 최지율 새길투자증권 수석연구위원에게 전망을 들었다.

## "지수보다 이익 추정치를 봐야"

최 위원은 "지수 수준만 보면 부담스러워 보이지만, 기업들의 이익 추정치가 함께 올라가고 있어 주가수익비율(PER)은 오히려 평균 수준"이라고 말했다. 그는 "코스피 상장사의 내년 순이익 추정치가 최근 석 달 새 9% 올랐다"며 "이익이 뒷받침되는 한 박스권 상단은 충분히 뚫을 수 있다"고 했다.

## 반도체 쏠림은 위험 요인

다만 반도체 업종에 대한 의존도가 지나치게 높다는 점은 경계했다. 최 위원은 "최근 코스피 상승분의 60% 이상이 반도체 두 종목에서 나왔다"며 "반도체 이익 전망이 조금만 꺾여도 지수 전체가 흔들릴 수 있다"고 지적했다.

그는 반도체 외에 눈여겨볼 업종으로 조선과 전력기기, 방산을 꼽았다. 세 업종 모두 수주 잔고가 넉넉해 앞으로 2~3년간 실적 가시성이 높다는 이유다. 반면 내수 소비와 건설 업종은 금리 인하가 본격화하기 전까지 보수적으로 접근하라고 조언했다.

환율도 변수로 꼽았다. 최 위원은 "원화 약세가 이어지면 외국인 입장에서는 환차손 부담이 커져 매수 여력이 줄어든다"며 "환율이 안정적으로 움직여야 외국인 자금이 꾸준히 들어올 것"이라고 설명했다.

## 개인 투자자에게는 "나눠서 사라"

개인 투자자들에게는 분할 매수 전략을 권했다. 최 위원은 "지금처럼 업종별 쏠림이 심할 때는 한꺼번에 사기보다 시기를 나눠 사는 것이 좋다"며 "빚을 내 투자하는 것은 특히 조심해야 한다"고 말했다. 신용거래융자 잔고는 최근 20조 원에 육박하며 연중 최고 수준으로 올라섰다.
`,
  },
  {
    num: 1043,
    at: ago(6.8),
    updatedAfter: 90,
    section: "industry/auto",
    by: ["lee-dh", "park-jh"],
    title: "미래온모터스 송민규 사장 “하이브리드 라인업 3년 안에 두 배로”",
    img: [
      2,
      "하이브리드차 조립 라인",
      "미래온모터스 전남 영암 공장에서 근로자들이 하이브리드차를 조립하고 있다.",
      "미래온모터스",
    ],
    tags: ["미래온모터스", "하이브리드", "자동차"],
    views: 880,
    body: `
미래온모터스가 하이브리드차 라인업을 3년 안에 두 배로 늘린다. 전기차 수요가 주춤한 사이 빠르게 커지는 하이브리드 시장을 잡겠다는 전략이다.

송민규 미래온모터스 사장은 경기 안성 연구소에서 열린 중장기 전략 발표회에서 "현재 4종인 하이브리드 모델을 3년 안에 8종으로 늘리겠다"며 "소형차부터 대형 SUV, 상용차까지 모든 차급에 하이브리드를 넣겠다"고 밝혔다.

미래온모터스는 전기차 투자 계획도 손보기로 했다. 전기차 전용 공장의 가동 시점을 1년 늦추는 대신, 기존 공장에서 전기차와 하이브리드차, 내연기관차를 함께 만들 수 있는 혼류 생산 라인을 늘린다. 수요 변화에 맞춰 차종별 생산량을 유연하게 조절하겠다는 것이다.

송 사장은 "전기차로 가는 방향은 바뀌지 않았지만, 그 속도는 시장이 정한다"며 "하이브리드는 전기차로 넘어가는 다리 역할을 할 것"이라고 말했다. 그는 전기 SUV '아라'의 흥행으로 보급형 전기차 수요가 살아 있다는 점도 확인했다고 덧붙였다.

배터리 조달 전략도 공개했다. 미래온모터스는 하이브리드용 배터리를 누리배터리에서 공급받고, 전기차에는 리튬인산철(LFP)과 삼원계 배터리를 차급에 따라 나눠 쓸 계획이다.

미래온모터스는 하이브리드 확대에 맞춰 국내 공장 투자도 늘린다. 전남 영암 공장에 3천억 원을 들여 하이브리드 전용 변속기 생산 라인을 새로 짓고, 협력사들의 설비 전환도 지원할 계획이다.

업계에서는 현실적인 선택이라는 평가가 나온다. 한 자동차 업계 연구원은 "하이브리드는 수익성이 전기차보다 높아 당장 실적에 도움이 된다"면서도 "전기차 기술 투자를 늦추면 나중에 경쟁에서 뒤처질 수 있다"고 말했다.
`,
  },
  {
    num: 1044,
    at: ago(3.4),
    section: "distribution/food",
    by: ["seo-yj"],
    title: "장바구니 물가 ‘들썩’…배추·사과 한 달 새 20% 넘게 올랐다",
    tags: ["농산물", "물가", "장바구니"],
    views: 420,
    body: `
배추와 사과 등 주요 농산물 가격이 한 달 새 20% 넘게 오르며 장바구니 물가가 다시 들썩이고 있다. 이상기후로 작황이 나빠진 데다 출하량까지 줄어든 탓이다.

농산물 유통업계에 따르면 배추 한 포기의 평균 소매가격은 5800원으로 한 달 전보다 24% 올랐다. 사과는 10개에 2만9천 원 선으로 21% 올랐고, 무와 시금치도 각각 18%, 30% 뛰었다.

가공식품 업체들도 원가 부담을 호소하고 있다. 김치 제조업체들은 배추값이 더 오르면 제품 가격 인상이 불가피하다는 입장이다.

가격 급등의 주된 원인은 날씨다. 주산지에 폭우와 이상고온이 번갈아 이어지면서 작황이 크게 나빠졌다. 농민들 사이에서는 "날씨 때문에 농사를 망치는 일이 거의 매년 되풀이되고 있다"는 하소연이 나온다.

유통업체들은 가격 안정에 나섰다. 대형마트들은 산지 계약재배 물량을 앞당겨 풀고, 모양이 고르지 않은 이른바 못난이 농산물을 일반 제품보다 30% 싸게 파는 행사를 열고 있다. 하늘마켓도 산지 직거래 물량을 늘려 주요 채소 가격을 한 달 동안 고정하기로 했다.

정부는 비축 물량을 시장에 풀고 할인 지원 예산을 늘리기로 했다. 하지만 기후 변화로 작황 불안이 일상화한 만큼 스마트팜 확대와 품종 개량 같은 근본 대책이 필요하다는 지적이 나온다.

수산물 가격도 심상치 않다. 바닷물 온도가 오르면서 오징어와 고등어 어획량이 줄어 가격이 1년 전보다 각각 30%, 15% 올랐다. 외식업계는 원재료 부담이 커지자 메뉴 가격을 올리거나 양을 줄이는 방식으로 대응하고 있어 소비자들의 체감 물가는 더 높아질 전망이다.

농산물 가격이 통계상 소비자물가 상승률에 미치는 영향은 크지 않지만, 소비자들이 가장 자주 사는 품목이라 체감 물가를 크게 끌어올린다.
`,
  },
  {
    num: 1045,
    at: ago(0.9),
    section: "industry/electronics",
    by: ["kim-sy"],
    title: "태성전자·오로라컴퓨트, 차세대 AI 메모리 공동 개발 계약 맺었다",
    sub: "고객 맞춤형 HBM 함께 설계…휘트필드 CEO 방한 일주일도 안 돼 결실",
    img: [
      10,
      "계약서에 서명하는 관계자들",
      "태성전자와 오로라컴퓨트 관계자들이 차세대 AI 메모리 공동 개발 계약서에 서명하고 있다.",
      "태성전자",
    ],
    tags: ["태성전자", "오로라컴퓨트", "AI메모리"],
    views: 160,
    body: `
태성전자가 미국 인공지능(AI) 반도체 기업 오로라컴퓨트와 차세대 AI 메모리를 함께 개발하는 계약을 맺었다. 에드워드 휘트필드 오로라컴퓨트 최고경영자(CEO)가 한국을 다녀간 지 일주일도 안 돼 나온 결과다.

태성전자는 오로라컴퓨트와 고객 맞춤형 고대역폭메모리(HBM)를 공동 개발하는 계약을 체결했다고 공시했다. 계약 규모와 기간은 공개하지 않았다. 맞춤형 HBM은 메모리 맨 아래에 들어가는 제어용 칩을 고객사가 원하는 대로 설계해, 연산 칩과 메모리 사이의 데이터 이동 속도를 높인 제품이다.

두 회사는 설계 단계부터 엔지니어를 서로 파견해 함께 일하기로 했다. 태성전자는 메모리 적층과 제어용 칩 생산을, 오로라컴퓨트는 연산 칩과의 연결 구조 설계를 맡는다.

박도현 태성전자 반도체부문 사장은 "고객과 함께 설계하는 메모리는 AI 시대 메모리 산업의 새로운 표준이 될 것"이라며 "오로라컴퓨트와의 협력으로 HBM 시장의 판도를 바꾸겠다"고 말했다.

휘트필드 CEO도 성명을 내고 "태성전자의 메모리 기술과 패키징 역량은 우리 차세대 가속기의 성능을 끌어올릴 핵심 요소"라고 밝혔다.

맞춤형 HBM은 메모리 산업의 사업 방식도 바꿀 것으로 보인다. 지금까지 메모리는 표준 규격에 맞춰 대량으로 생산해 여러 고객에게 파는 제품이었지만, 맞춤형 HBM은 고객마다 설계가 달라 주문형 위탁생산에 가깝다. 한 번 계약을 맺으면 고객이 공급사를 쉽게 바꾸기 어렵다는 점도 특징이다.

업계에서는 태성전자가 HBM 시장에서 반격의 발판을 마련했다는 평가가 나온다. 다만 실제 제품 공급까지는 1년 이상 걸리는 만큼, 당장의 실적보다는 중장기 경쟁력 측면에서 의미가 크다는 분석이다.

관련 기사: <a href="/article/1020">오로라컴퓨트 휘트필드 CEO 방한…태성전자 찾아 “HBM 협력 넓히자”</a>
`,
  },

  // ----- not published: two drafts and one submitted for review -----
  {
    num: 1046,
    status: "draft",
    section: "finance/banking",
    by: ["jang-mr"],
    title: "인터넷은행 중저신용자 대출 비중 목표 또 미달…“건전성과 포용 사이 딜레마”",
    tags: ["인터넷은행", "중저신용자", "대출"],
    body: `
인터넷전문은행들이 중저신용자 대출 비중 목표를 또다시 채우지 못한 것으로 나타났다. 건전성 관리와 포용 금융 사이에서 균형을 잡기가 쉽지 않다는 지적이 나온다.

금융권에 따르면 인터넷은행 3곳의 신용대출 가운데 중저신용자 비중은 평균 27%로, 연초에 내건 목표치 30%에 미치지 못했다. 한 곳은 목표에 5%포인트 가까이 모자랐다.

인터넷은행들은 연체율 상승을 이유로 든다. 경기 둔화로 중저신용자 대출의 연체율이 2%를 넘어서자 대출 심사를 보수적으로 운영할 수밖에 없었다는 것이다. 한 인터넷은행 관계자는 "대안신용평가 모형을 고도화하고 있지만 아직 연체 예측력이 충분하지 않다"고 말했다.

인터넷은행의 중저신용자 대출 목표는 출범 당시 금융당국이 인가 조건으로 내건 것이다. 기존 은행이 외면하던 중저신용자에게 합리적인 금리로 돈을 빌려주겠다는 것이 인터넷은행 설립의 명분이었다. 하지만 목표를 맞추기 위해 무리하게 대출을 늘리면 건전성이 나빠진다는 반론도 만만치 않다.

(데스크 메모: 3곳 공식 입장과 금융당국 제재 여부 확인 뒤 보강)

금융당국은 목표 미달에 대한 제재 대신 평가 방식을 바꾸는 방안을 검토하고 있다. 대출 잔액이 아니라 신규 취급액 기준으로 목표를 관리하거나, 보증부 대출의 반영 비율을 조정하는 방식이다.

금리 부담이 줄지 않는 한 중저신용자들은 결국 금리가 더 높은 2금융권으로 밀려날 수밖에 없다. 한 금융권 연구원은 "목표 비율을 맞추는 것보다 같은 신용도의 차주에게 얼마나 낮은 금리를 제공했는지를 평가하는 방식이 필요하다"고 말했다.

전문가들은 목표 숫자보다 중저신용자의 실제 금리 부담이 얼마나 줄었는지를 봐야 한다고 지적한다.
`,
  },
  {
    num: 1047,
    status: "draft",
    section: "industry/construction",
    by: ["choi-wj"],
    title: "분양가 규제 개편 앞두고 건설사들 ‘분양 시기 저울질’",
    tags: ["분양", "분양가", "건설사"],
    body: `
분양가 규제 개편을 앞두고 건설사들이 분양 시기를 놓고 저울질하고 있다. 새 제도에서 분양가를 더 높게 받을 수 있을지가 불확실해지면서 연내 분양 예정 물량의 상당수가 일정을 확정하지 못하고 있다.

업계에 따르면 연말까지 수도권에서 분양할 예정이던 아파트 가운데 40%가량이 아직 분양 일정을 잡지 못했다. 청람건설을 비롯한 대형 건설사들도 일부 단지의 분양을 내년으로 미루는 방안을 검토하고 있다.

분양 일정이 밀리는 데는 시장 상황도 영향을 미쳤다. 지방은 물론 수도권 외곽에서도 청약 경쟁률이 한 자릿수에 그치는 단지가 늘면서, 건설사들이 분양 성적이 나쁠 것을 우려해 일정을 늦추고 있다. 분양이 저조하면 공사비를 회수하지 못해 자금 사정이 더 나빠질 수 있기 때문이다.

정부는 공사비 상승분을 분양가에 더 빠르게 반영할 수 있도록 기본형 건축비 산정 방식을 바꾸는 방안을 논의하고 있다. 건설사들은 제도 개편 이후 분양하는 것이 유리하다고 보고 있다.

반면 수요자들의 셈법은 복잡하다. 분양이 늦어지면 공급 부족 우려가 커지고, 분양가까지 오르면 내 집 마련의 문턱은 더 높아진다.

전문가들은 제도 개편의 방향을 서둘러 확정해야 한다고 지적한다. 한 부동산 연구원은 "개편안이 늦어질수록 건설사들의 관망이 길어지고 공급 공백도 커진다"며 "공사비 반영 기준을 예측 가능하게 만드는 것이 가장 중요하다"고 말했다.

한 부동산 개발업계 관계자는 "분양 일정이 한꺼번에 뒤로 밀리면 내년 상반기에 물량이 몰려 또 다른 혼란이 생길 수 있다"고 말했다.
`,
  },
  {
    num: 1048,
    status: "submitted",
    section: "global",
    by: ["yoon-sb"],
    title: "중국 소비 부양책 발표에 화장품·면세업계 ‘기대 반 우려 반’",
    tags: ["중국", "소비", "면세점"],
    body: `
중국 정부가 대규모 소비 부양책을 내놓으면서 국내 화장품과 면세업계의 기대감이 커지고 있다. 다만 중국 소비자의 취향이 자국 브랜드로 옮겨간 만큼 과거 같은 특수는 어렵다는 신중론도 만만치 않다.

중국 정부는 가전과 자동차 교체 보조금을 늘리고, 지방정부가 발행하는 소비 쿠폰 규모를 확대하는 내용의 부양책을 발표했다. 서비스 소비를 늘리기 위해 관광과 문화 분야 지원도 확대하기로 했다.

국내 업계에서 가장 먼저 반응한 곳은 면세점이다. 중국인 단체 관광객이 늘어나면 매출 회복에 속도가 붙을 수 있다는 기대다. 한 면세점 관계자는 "단체 관광 상품 문의가 지난달보다 눈에 띄게 늘었다"고 말했다.

면세업계는 이번 부양책을 계기로 단체 관광객 유치에 속도를 낼 계획이다. 주요 면세점들은 중국 여행사들과 손잡고 한국 방문 관광 상품을 공동으로 개발하고, 중국 간편결제 수단으로 결제하면 할인해주는 행사도 준비하고 있다.

화장품 업계의 분위기는 엇갈린다. 중국 현지에서는 품질과 가격을 앞세운 자국 브랜드의 점유율이 빠르게 높아지고 있다. 한국 화장품의 중국 수출은 최근 3년 동안 30% 넘게 줄었다.

여행업계도 기대를 걸고 있다. 중국인 관광객이 늘면 항공과 숙박, 쇼핑 등 관광 산업 전반에 온기가 돌 수 있기 때문이다. 다만 관광객들이 예전처럼 면세점에서 물건을 대량으로 사기보다 체험과 맛집 위주로 소비하는 경향이 뚜렷해 업계의 전략 변화가 필요하다는 지적이 나온다.

전문가들은 중국 의존도를 낮추는 전략을 계속 이어가야 한다고 조언한다. 오세현 국민경제연구원 선임연구위원은 "부양책 효과가 한국 기업의 실적으로 이어지려면 중국 소비자가 다시 한국 제품을 찾아야 한다"며 "미국과 동남아시아 시장을 넓히는 노력이 더 중요하다"고 말했다.
`,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------------------

/**
 * [article num, nickname, minutes after publication, body, status]. If an article is too recent for
 * its comments' offsets, they are squeezed proportionally into the time between publication and `now`.
 */
type CommentSeed = readonly [
  article: number,
  nickname: string,
  after: number,
  body: string,
  status?: "hidden",
];

// biome-ignore format: a compact table, one comment a line
const COMMENTS: readonly CommentSeed[] = [
  [1002, "반도체맘", 35, "12단 제품 인증만 통과하면 판이 바뀔 것 같네요. 이번에는 꼭 약속을 지키길 바랍니다."],
  [1002, "개미투자자", 72, "작년에도 비슷한 얘기를 들었던 것 같은데요. 실제 공급 계약 소식이 나와야 믿겠습니다."],
  [1002, "독자1234", 140, "구리끼리 직접 붙이는 공정이 어떤 건지 쉽게 설명해 주셔서 이해가 잘 됐습니다."],
  [1002, "판교개발자", 310, "파운드리 투자 속도 조절은 아쉽네요. 메모리만으로는 한계가 있지 않을까요?"],
  [1002, "동학개미7", 620, "점유율 1위 탈환 목표 응원합니다. 주주로서 기대가 큽니다."],

  [1006, "미국주식러", 45, "다음 분기 전망치까지 높게 준 걸 보면 AI 수요가 아직 살아 있는 것 같습니다."],
  [1006, "경제공부중", 180, "영업이익률 58%라니 놀랍네요. 한국 메모리 업체들도 이 정도 수익성을 낼 수 있을까요?"],
  [1006, "퇴근길독자", 400, "고객이 소수 기업에 몰려 있다는 지적이 핵심 같아요. 균형 잡힌 기사 잘 읽었습니다."],

  [1009, "전기차드라이버", 25, "보조금 받고 3천만 원대 후반이면 진짜 고민되네요. 시승부터 해봐야겠습니다."],
  [1009, "아빠차고민", 90, "LFP 배터리라서 겨울철 주행거리가 얼마나 줄어드는지도 알려주시면 좋겠어요."],
  [1009, "독자5821", 260, "사전계약은 취소가 많다는 부분까지 짚어주셔서 좋았습니다. 출고 이후 실적도 후속 보도 부탁드려요."],
  [1009, "자동차정비사", 900, "디자인은 호불호가 갈리겠지만 가격은 확실히 경쟁력이 있어 보입니다."],

  [1011, "배터리덕후", 50, "팩에 바로 넣는 공정이면 원가 절감 폭이 꽤 클 텐데, 결국 수율이 관건이겠네요."],
  [1011, "청주시민", 130, "오창 공장 라인이 늘어나면 지역 일자리도 함께 늘었으면 좋겠습니다."],
  [1011, "개미투자자", 480, "중국산과 가격 차이가 10% 안이면 충분히 해볼 만한 싸움이라고 봅니다."],

  [1014, "장바구니", 20, "마트에서 흔히 보던 냉동김밥이 미국에서 이렇게 인기라니 신기하네요."],
  [1014, "LA교민", 55, "여기 동네 마트에서도 오후만 되면 다 팔리고 없어요. 현지 분위기를 정확하게 전해주셨네요."],
  [1014, "자취생", 110, "국내에서도 자주 사 먹는데, 수출 물량 때문에 여기서 품귀가 생기는 건 아니겠죠?"],
  [1014, "독자3307", 240, "김 가격이 계속 오르는데 원가 관리가 잘 될지 걱정입니다."],
  [1014, "식품업계종사자", 500, "계약재배 비중을 늘리는 건 좋은 판단 같습니다. 원재료 안정이 제일 중요하죠."],
  [1014, "여행가는길", 1300, "우리 음식이 세계로 나가는 모습 보기 좋네요. 좋은 기사 감사합니다."],

  [1016, "월급쟁이", 40, "통계로는 물가가 2%라는데 점심값은 만 원이 넘으니 체감이 전혀 안 됩니다."],
  [1016, "은퇴준비생", 300, "생활물가지수를 따로 설명해 주셔서 왜 체감 물가가 다른지 이해가 됐습니다."],

  [1018, "건설현장소장", 60, "현장에서도 협력업체 대금 지급이 늦어지는 곳이 늘고 있습니다. 남의 일이 아니네요."],
  [1018, "집없는서민", 150, "분양가는 계속 오르는데 미분양은 쌓인다니 시장이 정말 이상합니다."],
  [1018, "독자7719", 420, "중견사 PF 보증 만기 규모를 구체적으로 짚어주셔서 좋았습니다. 후속 기사도 기대합니다."],

  [1020, "반도체맘", 15, "CEO가 직접 생산 라인을 둘러봤다는 게 제일 반가운 소식이네요."],
  [1020, "맞춤법지킴이", 40, "기사 안에서 이름이 휘트필드, 휫필드, 위트필드로 섞여 있어요. 하나로 통일해 주세요."],
  [1020, "개미투자자", 85, "결국 물량 배정이 관건인데 분위기는 확실히 좋아 보입니다."],
  [1020, "판교개발자", 130, "한국에 연구개발 거점이 생기면 국내 엔지니어들에게도 좋은 기회가 되겠네요."],
  [1020, "독자1234", 200, "정부와 기업이 함께 움직이는 모습이 보기 좋습니다."],
  [1020, "경제공부중", 360, "HBM 품질 검증이 왜 그렇게 오래 걸리는지도 한번 다뤄주시면 좋겠습니다."],
  [1020, "여의도새내기", 540, "이번 방한 이후로 목표주가 상향 보고서가 쏟아질 것 같네요."],
  [1020, "급등주알림", 700, "무료 주식 리딩방에서 매일 급등주를 알려드립니다. 프로필을 확인해 주세요.", "hidden"],

  [1021, "신혼부부", 30, "잔금 대출을 앞두고 있는데 한도가 줄어든다니 걱정이 큽니다."],
  [1021, "월급쟁이", 95, "시장금리는 내리는데 대출금리는 오른다니 납득하기 어렵네요."],
  [1021, "은행원A", 170, "총량 관리 압박이 워낙 커서 일선 창구에서도 어쩔 수 없는 상황입니다."],
  [1021, "집없는서민", 260, "실수요자와 투기 수요를 구분하는 정책이 필요하다고 생각합니다."],
  [1021, "독자4410", 600, "만기가 줄면 DSR 한도가 어떻게 바뀌는지 예시를 들어주셨다면 더 좋았을 것 같아요."],

  [1024, "동학개미7", 20, "드디어 신고가네요. 오래 버틴 보람이 있습니다."],
  [1024, "여의도새내기", 60, "하루에 증권사 9곳이 목표가를 올린 건 흔치 않은 일이죠."],
  [1024, "신중한투자자", 150, "기대감만으로 오른 주가는 조심해야 합니다. 공급 계약 발표 전까지는 지켜보려고요."],
  [1024, "반도체맘", 380, "관련 기사 링크까지 달아주셔서 흐름을 파악하기 편했습니다."],
  [1024, "익명의독자", 500, "이 회사 주식 갖고 계신 거 아닌가요? 주가 띄우기용 기사는 그만 쓰세요.", "hidden"],

  [1030, "저축은행직원", 45, "은행에서 막히면 결국 2금융권으로 오는 건데, 여기까지 막으면 서민들은 어디로 가야 하나요."],
  [1030, "자영업자김씨", 120, "사업 자금이 필요한데 대출 문이 점점 좁아지네요."],
  [1030, "경제공부중", 280, "스트레스 금리 개념을 쉽게 설명해 주셔서 도움이 됐습니다."],
  [1030, "독자9002", 700, "가계부채 관리는 필요하지만 불법 사금융 대책도 함께 나와야 합니다."],

  [1033, "온라인셀러", 30, "수수료 동결 반갑습니다. 사실 정산 주기 단축이 더 큰 도움이 됩니다."],
  [1033, "소상공인", 140, "다른 플랫폼들도 따라갔으면 좋겠네요."],
  [1033, "독자2468", 390, "적자인 회사가 수수료를 동결하면 결국 광고비 같은 다른 비용을 올리지 않을까 싶습니다."],

  [1036, "전북도민", 20, "새만금에 이렇게 큰 공장이 들어온다니 지역 주민으로서 정말 반갑습니다."],
  [1036, "반도체맘", 75, "패키징이 왜 중요해졌는지 설명이 쉬워서 아이에게도 읽어줬어요."],
  [1036, "환경지킴이", 190, "용수와 전력을 많이 쓸 텐데 환경영향평가도 꼼꼼히 했으면 합니다."],
  [1036, "판교개발자", 420, "지역 대학과 인력 양성 과정을 함께 운영한다는 점이 좋네요."],

  [1041, "조선소아재", 40, "현장은 일손이 부족해서 난리입니다. 수주만큼 사람도 챙겨주길 바랍니다."],
  [1041, "부산갈매기", 150, "조선업이 다시 살아나는 걸 보니 반갑습니다."],
  [1041, "개미투자자", 330, "영업이익률 두 자릿수 전망이면 조선주를 다시 봐야겠네요."],

  [1044, "장바구니", 25, "배추 한 포기에 6천 원 가까이라니 김장이 벌써 걱정이네요."],
  [1044, "주부9단", 80, "못난이 농산물 할인 행사 정보가 유용했어요. 이번 주말에 가봐야겠습니다."],
];

// ---------------------------------------------------------------------------------------------------------
// Events: a promoted forum three weeks ahead, a seminar ten days ahead, a forum two months past
// ---------------------------------------------------------------------------------------------------------

function buildEvents(now: Date): DemoEvent[] {
  const forumStart = kstDate(now, -21, 9, 30);
  const forumYear = kstYear(forumStart);
  const pastStart = kstDate(now, 60, 14, 0);
  const pastYear = kstYear(pastStart);
  const seminarStart = kstDate(now, -10, 14, 0);

  return [
    {
      key: `climate-forum-${forumYear}`,
      title: `${forumYear} 기후경쟁력포럼`,
      startsAt: toKstIso(forumStart),
      endsAt: kstIso(now, -21, 17, 0),
      venue: "서울 중구 한빛경제 미디어센터 2층 그랜드홀",
      description: [
        "<p>한빛경제가 해마다 여는 기후경쟁력포럼이 올해로 다섯 번째를 맞습니다. 올해 포럼은 ‘탄소 비용 시대, 기업 경쟁력의 새 기준’을 주제로 탄소국경세와 공급망 실사, 재생에너지 조달처럼 기업이 당장 마주한 과제와 해법을 함께 논의합니다.</p>",
        "<ul>",
        "<li>09:30 등록 및 개회</li>",
        "<li>10:00 기조연설: 정해원 산업미래부 장관, ‘탄소중립 산업 전환과 정부의 역할’</li>",
        "<li>11:00 특별강연: 클레어 말로우 노르딕셀 CEO, ‘유럽 배터리 공급망이 한국 기업에 묻는 것’</li>",
        "<li>13:30 주제발표: 오세현 국민경제연구원 선임연구위원, ‘탄소국경세가 한국 수출에 미치는 영향’</li>",
        "<li>15:00 종합토론: 중소·중견기업의 탄소 규제 대응 전략</li>",
        "<li>17:00 폐회</li>",
        "</ul>",
        "<p>참가비는 무료이며 사전 등록한 분만 입장할 수 있습니다. 좌석이 마감되면 대기자 명단에 올려 드리고, 취소 좌석이 생기는 대로 순서대로 안내해 드립니다.</p>",
      ].join(""),
      capacity: 300,
      registrationOpen: true,
      promoted: true,
      speakers: ["jung-hw", "marlowe", "oh-sh"],
    },
    {
      key: `shipbuilding-outlook-seminar-${kstYear(seminarStart)}`,
      title: "조선·해운 업황 전망 세미나",
      startsAt: toKstIso(seminarStart),
      endsAt: kstIso(now, -10, 17, 0),
      venue: "부산 중구 한빛경제 부산취재본부 세미나실",
      description: [
        "<p>수주 호황과 운임 약세가 엇갈리는 조선·해운 업계의 내년 업황을 점검하는 세미나입니다. 조선사 경영진과 해운사, 증권가 전문가가 함께 발표하고 참석자 질문에 답합니다.</p>",
        "<ul>",
        "<li>14:00 발표: 임재원 대양중공업 대표, ‘친환경 선박 시대의 수익성 전략’</li>",
        "<li>14:50 발표: 이준호 해든해운 대표, ‘공급 과잉 국면의 선대 운용’</li>",
        "<li>15:40 발표: 이준호 별빛증권 연구원, ‘조선·해운 업종 투자 전망’</li>",
        "<li>16:30 질의응답</li>",
        "</ul>",
      ].join(""),
      capacity: 120,
      registrationOpen: true,
      promoted: false,
      speakers: ["lim-jw", "lee-jh", "lee-jh-2"],
    },
    {
      key: `digital-finance-forum-${pastYear}`,
      title: `${pastYear} 한빛 디지털금융포럼`,
      startsAt: toKstIso(pastStart),
      endsAt: kstIso(now, 60, 17, 30),
      venue: "서울 영등포구 여의도 금융투자센터 대강당",
      description: [
        "<p>인공지능과 디지털 전환이 은행과 증권업의 경쟁 구도를 어떻게 바꾸고 있는지 살펴본 포럼입니다. 발표 자료와 현장 영상은 한빛경제 유튜브 채널에서 볼 수 있습니다.</p>",
        "<ul>",
        "<li>기조강연: 권태경 가람은행장, ‘디지털 지점과 금융 접근성’</li>",
        "<li>주제발표: 홍세아 별빛증권 리서치센터장, ‘AI가 바꾸는 자산관리 시장’</li>",
        "</ul>",
      ].join(""),
      capacity: 200,
      registrationOpen: false,
      promoted: false,
      speakers: ["kwon-tk", "hong-sa"],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Mapping the compact records to bundle records
// ---------------------------------------------------------------------------------------------------------

/** Renders a body written as blank-line-separated blocks (see ArticleSeed.body) to HTML. */
function renderBody(source: string): string {
  return source
    .trim()
    .split(/\n\s*\n/)
    .map((raw) => {
      const block = raw.trim();
      if (block.startsWith("## ")) return `<h2>${block.slice(3)}</h2>`;
      if (block.startsWith("> ")) return `<blockquote><p>${block.slice(2)}</p></blockquote>`;
      if (block.startsWith("- ")) {
        const items = block.split("\n").map((line) => `<li>${line.trim().replace(/^- /, "")}</li>`);
        return `<ul>${items.join("")}</ul>`;
      }
      return `<p>${block.replace(/\s*\n\s*/g, " ")}</p>`;
    })
    .join("\n");
}

function buildSections(): DemoSection[] {
  const positions = new Map<string, number>();
  return SECTIONS.map(([slug, name]) => {
    const parent = slug.includes("/") ? (slug.split("/")[0] ?? "") : "";
    const position = (positions.get(parent) ?? 0) + 1;
    positions.set(parent, position);
    return { slug, name, position };
  });
}

function buildStaff(): DemoStaff[] {
  return STAFF.map(([key, name, mailbox, role, desk]) => ({
    key,
    name,
    email: `${mailbox}@${MAIL_DOMAIN}`,
    role,
    desk,
    active: true,
  }));
}

function buildPeople(): DemoPerson[] {
  return PEOPLE.map((p) => ({
    ...p,
    ...(p.aliases ? { aliases: [...p.aliases] } : {}),
    ...(p.contextWords ? { contextWords: [...p.contextWords] } : {}),
  }));
}

/** Builds the articles; `published` receives each published article's publication instant. */
function buildArticles(now: Date, published: Map<number, Date>): DemoArticle[] {
  return ARTICLES.map((seed) => {
    const status: DemoArticleStatus = seed.status ?? "published";
    let publishedAt: string | undefined;
    let updatedAt: string | undefined;
    if (status === "published" && seed.at !== undefined) {
      const at = resolveWhen(now, seed.at);
      published.set(seed.num, at);
      publishedAt = toKstIso(at);
      if (seed.updatedAfter !== undefined) {
        const updated = new Date(at.getTime() + seed.updatedAfter * MINUTE_MS);
        if (updated.getTime() <= now.getTime()) updatedAt = toKstIso(updated);
      }
    }
    const leadImage: DemoLeadImage | undefined = seed.img && {
      src: `demo-image:${seed.img[0] % DEMO_IMAGE_COUNT}`,
      alt: seed.img[1],
      caption: seed.img[2],
      credit: seed.img[3],
    };
    return {
      num: seed.num,
      title: seed.title,
      ...(seed.sub !== undefined ? { subtitle: seed.sub } : {}),
      section: seed.section,
      authors: [...seed.by],
      status,
      ...(publishedAt !== undefined ? { publishedAt } : {}),
      ...(updatedAt !== undefined ? { updatedAt } : {}),
      body: renderBody(seed.body),
      ...(leadImage ? { leadImage } : {}),
      tags: [...seed.tags],
      ...(seed.views !== undefined ? { views: seed.views } : {}),
    };
  });
}

function buildComments(now: Date, published: ReadonlyMap<number, Date>): DemoComment[] {
  // The latest offset per article, to squeeze comments on recent articles into the time available.
  const latest = new Map<number, number>();
  for (const [article, , after] of COMMENTS) latest.set(article, Math.max(latest.get(article) ?? 0, after));

  return COMMENTS.map(([article, nickname, after, body, status]) => {
    const at = published.get(article);
    if (!at) throw new Error(`demo comment on unpublished article ${article}`);
    const available = (now.getTime() - at.getTime()) / MINUTE_MS - 1;
    const scale = Math.min(1, available / ((latest.get(article) ?? after) * 1.05));
    const createdAt = new Date(at.getTime() + Math.max(after * scale, 0.5) * MINUTE_MS);
    return { article, nickname, body, createdAt: toKstIso(createdAt), status: status ?? "visible" };
  });
}

/**
 * Builds the demo newsroom as a Jikji bundle (see ../shared/contracts/bundle.schema.json). Times are
 * relative to `now` so the site always looks fresh.
 */
export function buildDemoBundle(now: Date): DemoBundle {
  const published = new Map<number, Date>();
  const articles = buildArticles(now, published);
  return {
    format: "jikji-bundle",
    version: 1,
    site: { ...SITE },
    sections: buildSections(),
    staff: buildStaff(),
    people: buildPeople(),
    articles,
    comments: buildComments(now, published),
    events: buildEvents(now),
  };
}
