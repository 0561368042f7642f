/**
 * The benchmark's newsroom, generated from word lists: sections, ten reporters, articles that read
 * like Korean business news, and reader comments. Every name and sentence here is made up.
 *
 * Generation is deterministic (a seeded PRNG), so every run and both dialects serve the same pages:
 * only the times move, relative to `now`.
 */

export interface BenchSection {
  slug: string;
  name: string;
  position: number;
}

export interface BenchStaff {
  key: string;
  name: string;
  email: string;
  desk: string;
}

export type BenchStatus = "published" | "draft" | "scheduled";

export interface BenchArticle {
  num: number;
  title: string;
  subtitle: string | null;
  section: string;
  /** staff keys; the first is the byline */
  authors: string[];
  status: BenchStatus;
  publishedAt: number | null;
  updatedAt: number | null;
  createdAt: number;
  bodyHtml: string;
  tags: string[];
  views: number;
  /** set on the articles that carry the shared lead photo */
  lead: { alt: string; caption: string; credit: string } | null;
}

export interface BenchComment {
  articleNum: number;
  nickname: string;
  body: string;
  createdAt: number;
}

export interface BenchNewsroom {
  site: { name: string; dateline: string };
  sections: BenchSection[];
  staff: BenchStaff[];
  articles: BenchArticle[];
  comments: BenchComment[];
}

/** Article numbers start here, as on a paper that has been online for years. */
export const FIRST_NUM = 300_001;
const DAY_MS = 24 * 3600_000;
const SPREAD_DAYS = 120;
const KST_OFFSET_MS = 9 * 3600_000;

/** mulberry32: small, fast and good enough to make text look varied; not for anything secret. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** k distinct items, in random order */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  }
}

/** Whether a word ends in a consonant (받침), which picks the particle: 은/는, 이/가, 을/를, 과/와. */
function hasBatchim(word: string): boolean {
  const code = word.charCodeAt(word.length - 1);
  // Only Hangul words take particles in the templates below.
  return code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 !== 0;
}

const PARTICLES: Record<string, [string, string]> = {
  은: ["은", "는"],
  이: ["이", "가"],
  을: ["을", "를"],
  과: ["과", "와"],
  이다: ["이다", "다"],
};

/** A desk: its section, companies, topics, places and the kind of people quoted. */
interface Desk {
  section: string;
  companies: readonly string[];
  topics: readonly string[];
  places: readonly string[];
}

const SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ["industry", "산업"],
  ["industry/tech", "전자·IT"],
  ["industry/heavy", "조선·중공업"],
  ["industry/mobility", "자동차·배터리"],
  ["industry/realestate", "건설·부동산"],
  ["finance", "금융"],
  ["finance/banking", "은행"],
  ["finance/markets", "증권·자본시장"],
  ["finance/insurance", "보험·카드"],
  ["economy", "경제"],
  ["economy/policy", "정책"],
  ["economy/trade", "통상·무역"],
  ["world", "국제"],
  ["living", "생활경제"],
  ["living/retail", "유통"],
  ["living/food", "식품"],
];

const DESKS: readonly Desk[] = [
  {
    section: "industry/tech",
    companies: ["한울전자", "새빛반도체", "나래통신", "별무리디스플레이"],
    topics: ["고대역폭 메모리", "파운드리 공정", "AI 가속기", "폴더블폰", "디스플레이 패널", "데이터센터"],
    places: ["평택", "구미", "천안", "텍사스"],
  },
  {
    section: "industry/heavy",
    companies: ["동해조선", "대양해운", "한가람중공업"],
    topics: ["LNG 운반선", "암모니아 추진선", "컨테이너 운임", "해상풍력 설비", "방산 수출"],
    places: ["거제", "울산", "목포", "부산"],
  },
  {
    section: "industry/mobility",
    companies: ["미래모빌리티", "누리배터리", "가람오토"],
    topics: ["전기차", "리튬인산철 배터리", "전고체 배터리", "하이브리드차", "자율주행", "충전 인프라"],
    places: ["오창", "광주", "헝가리", "조지아"],
  },
  {
    section: "industry/realestate",
    companies: ["가온건설", "든든주택", "새터엔지니어링"],
    topics: ["재건축", "분양가", "해외 플랜트 수주", "공사비", "전세 시장", "지식산업센터"],
    places: ["서울 강남", "수원", "세종", "사우디아라비아"],
  },
  {
    section: "finance/banking",
    companies: ["한결은행", "새마루은행", "온누리저축은행"],
    topics: ["주택담보대출 금리", "예대마진", "가계부채", "중소기업 대출", "예금 금리", "디지털 뱅킹"],
    places: ["서울 여의도", "서울 명동", "부산"],
  },
  {
    section: "finance/markets",
    companies: ["청람증권", "다솜투자증권", "푸른자산운용"],
    topics: ["공모주 청약", "밸류업 공시", "상장지수펀드", "공매도", "배당 정책", "채권 금리"],
    places: ["서울 여의도", "뉴욕", "홍콩"],
  },
  {
    section: "finance/insurance",
    companies: ["다온생명", "세림카드", "한빛손해보험"],
    topics: ["실손보험", "카드론", "요양 사업", "자동차보험료", "간편결제", "보험금 청구 전산화"],
    places: ["서울 광화문", "대전"],
  },
  {
    section: "economy/policy",
    companies: ["산업미래부", "재정혁신부", "금융감독위원회"],
    topics: ["세법 개정안", "추가경정예산", "최저임금", "반도체 특별법", "연금 개혁", "규제 특구"],
    places: ["세종", "국회"],
  },
  {
    section: "economy/trade",
    companies: ["통상협력청", "한국무역진흥공사", "해든무역"],
    topics: ["수출 실적", "관세 협상", "공급망 재편", "원화 환율", "자유무역협정", "핵심광물"],
    places: ["워싱턴", "브뤼셀", "베이징", "하노이"],
  },
  {
    section: "world",
    companies: ["노스게이트", "실버라인테크", "퍼시픽마이닝", "오로라에너지"],
    topics: [
      "미국 기준금리",
      "탄소국경조정제도",
      "중국 내수 부양",
      "국제 유가",
      "엔화 약세",
      "인공지능 규제",
    ],
    places: ["뉴욕", "도쿄", "상하이", "프랑크푸르트"],
  },
  {
    section: "living/retail",
    companies: ["푸른유통", "온새미마트", "하늘면세점"],
    topics: ["새벽배송", "편의점 매출", "면세점 업황", "명품 소비", "온라인 쇼핑", "자체 브랜드 상품"],
    places: ["서울 성수동", "인천공항", "부산 해운대"],
  },
  {
    section: "living/food",
    companies: ["온새미식품", "바른제과", "고을식품"],
    topics: ["K푸드 수출", "가공식품 가격", "라면 시장", "대체 단백질", "밀가루 가격", "건강기능식품"],
    places: ["충북 진천", "전북 익산", "캘리포니아"],
  },
];

const STAFF: ReadonlyArray<readonly [string, string, string, string]> = [
  ["kang-mj", "강민지", "mjkang", "산업부"],
  ["seo-dh", "서동훈", "dhseo", "산업부"],
  ["lim-ja", "임지아", "jalim", "산업부"],
  ["nam-gw", "남건우", "gwnam", "건설부동산부"],
  ["jeon-sh", "전수현", "shjeon", "금융부"],
  ["kwon-th", "권태호", "thkwon", "증권부"],
  ["hwang-ye", "황예은", "yehwang", "경제부"],
  ["song-jw", "송재원", "jwsong", "경제부"],
  ["yoo-na", "유나연", "nayoo", "국제부"],
  ["cha-hb", "차현빈", "hbcha", "생활경제부"],
];

/** Which reporters cover which desk (by index into DESKS), so bylines follow beats. */
const BEATS: readonly (readonly number[])[] = [
  [0, 1, 2],
  [0, 1, 2],
  [1, 2],
  [3],
  [4, 6],
  [4, 5],
  [4, 6],
  [6, 7],
  [7, 8],
  [8],
  [9],
  [9],
];

const PERIODS = ["올해 하반기", "내년 상반기", "연내", "다음 달", "올해 4분기", "2년 안에", "내년 초"];
const SOURCES = [
  "업계 관계자",
  "한 증권사 연구원",
  "익명을 요청한 회사 관계자",
  "정부 관계자",
  "시장 전문가",
  "한 대학 경제학과 교수",
  "협력사 대표",
];
const DAYS = ["월", "화", "수", "목", "금"];

/** Title patterns; {co} company, {co2} another, {t} topic, {p} place, {pd} period, {m} money, {pc} percent. */
const TITLES = [
  "{co}, {t} {m} 투자…{pd} 양산 돌입",
  "{t} 수요 급증에 {co} 실적 ‘깜짝’…영업이익 {pc} 늘어",
  "“{t} 주도권 잡는다”…{co}, {p}에 신공장 짓는다",
  "{co}·{co2}, {t} 공동 개발 손잡아…{pd} 상용화 목표",
  "{t} 시장 {pc} 성장 전망…국내 업계 대응 분주",
  "[단독] {co}, {t} 사업 재편 착수…조직 대폭 손질",
  "{t} 규제 완화 기대감에 {co} 등 관련 업계 ‘화색’",
  "{co} “{t} 경쟁력 높여 {pd} 흑자 전환”",
  "{p} 현장 가보니…{t} 생산라인 24시간 가동",
  "{t} 가격 {pc} 올라…{co} 수익성 개선 ‘청신호’",
  "{co}, {pd} {t} 전담 조직 신설…인재 확보 총력",
  "흔들리는 {t}…{co} {m} 규모 비상경영 돌입",
];

const SUBTITLES = [
  "{pd} 생산능력 {pc} 확대…협력사 상생안도 함께 발표",
  "{t} 경쟁 본격화에 투자 시계 앞당겨",
  "시장 “단기 비용 부담 크지만 중장기 경쟁력 강화”",
  "{co2}도 {pd} 관련 계획 발표 예정",
  "{p} 거점 중심으로 공급망 다시 짠다",
];

/** The lead: what happened. */
const LEAD = "{co|은} {pd} {t} 사업에 {m}을 투자한다고 {d}요일 밝혔다.";

/** Body sentences, written to be combined in any order within a story about one company and topic. */
const SENTENCES = [
  "회사 측은 {t} 수요가 예상보다 빠르게 늘고 있어 생산 능력을 {pc} 확대하기로 했다고 설명했다.",
  "업계에서는 이번 결정이 {t} 시장의 판도를 바꿀 수 있다는 분석이 나온다.",
  "{src|은} “{t} 경쟁이 본격화하면서 가격 협상력이 공급하는 쪽으로 기울고 있다”고 말했다.",
  "지난해 {co}의 {t} 관련 매출은 {m}으로 전년보다 {pc} 늘었다.",
  "다만 원자재 가격과 환율의 변동성이 커지고 있어 수익성 개선 폭은 제한적일 것이라는 관측도 있다.",
  "정부도 {t} 분야를 지원하기 위해 {m} 규모의 정책자금을 마련하기로 했다.",
  "{co2|은} {pd} {t} 관련 신규 투자 계획을 내놓을 예정이다.",
  "시장에서는 다음 실적 발표가 향후 주가 흐름의 분수령이 될 것으로 보고 있다.",
  "이 회사는 {p} 거점을 넓혀 연간 생산량을 지금의 두 배 수준으로 늘릴 계획이다.",
  "전문가들은 {t} 분야의 기술 격차가 빠르게 좁혀지고 있다며 선제적인 대응이 필요하다고 지적했다.",
  "{src|은} “단기적으로는 비용 부담이 커지겠지만 중장기적으로는 경쟁력 강화로 이어질 것”이라고 내다봤다.",
  "{co|은} 이날 협력사와의 상생 방안도 함께 발표했다.",
  "올해 들어 {t} 관련 거래 규모는 이미 {m}을 넘어섰다.",
  "{p}에서 열린 설명회에는 투자자와 협력사 관계자 300여 명이 몰렸다.",
  "경쟁사들도 잇따라 비슷한 전략을 내놓으면서 인력 확보 경쟁이 치열해지고 있다.",
  "{co|은} 이번 투자로 2000여 개의 일자리가 새로 생길 것으로 기대하고 있다.",
  "하지만 일각에서는 수요 둔화 가능성을 고려하지 않은 무리한 확장이라는 우려도 제기된다.",
  "회사 관계자는 “고객사와 장기 공급 계약을 맺은 물량이 있어 수요 걱정은 크지 않다”고 강조했다.",
  "{t} 시장은 2030년까지 해마다 평균 {pc}씩 성장할 것으로 전망된다.",
  "{co2|과} 비교하면 {co|은} 원가 경쟁력에서 앞서지만 기술 인력 규모에서는 뒤처진다는 평가를 받는다.",
  "금융당국은 관련 업계의 자금 조달 상황을 면밀히 점검하겠다고 밝혔다.",
  "{co}의 주가는 이날 발표 직후 {pc} 오른 채 거래를 마쳤다.",
  "소비자 단체는 비용 상승분이 가격에 그대로 전가될 수 있다며 우려를 나타냈다.",
  "{src|은} “{pd} 업황이 바닥을 지나면 실적 회복 속도가 빨라질 수 있다”고 말했다.",
  "노조는 사측의 계획에 대해 고용 안정 방안을 먼저 내놓아야 한다고 요구했다.",
  "{co|은} 연구개발 인력을 {pd} 두 배로 늘리고 외부 인재 영입에도 나설 방침이다.",
  "해외 경쟁사들이 공격적으로 가격을 낮추고 있어 국내 기업들의 부담이 커지고 있다.",
  "이번 계획은 지난해 말 새로 취임한 대표이사가 직접 챙겨 온 것으로 알려졌다.",
  "{co|은} 투자 재원을 마련하기 위해 비핵심 자산 매각도 검토하고 있다.",
  "신용평가사들은 대규모 투자가 재무구조에 부담이 될 수 있다며 신용등급 전망을 유지했다.",
  "{src|은} “경기 흐름을 보면 투자 시점 자체는 나쁘지 않다”며 “관건은 실행 속도”라고 말했다.",
  "{p} 지역 사회는 지역 경제 활성화에 도움이 될 것이라며 환영의 뜻을 밝혔다.",
  "{co|은} 환경 영향을 줄이기 위해 새 설비에 재생에너지를 우선 쓰기로 했다.",
  "업계 안팎에서는 인허가 절차가 예정보다 늦어질 수 있다는 이야기도 나온다.",
  "{co2}도 비슷한 시기에 {t} 관련 발표를 준비하고 있어 두 회사의 경쟁은 더 치열해질 전망이다.",
  "{t} 관련 특허 출원 건수는 최근 3년 동안 {pc} 증가한 것으로 집계됐다.",
  "중소 협력사들은 설비 투자에 필요한 자금을 구하기 어렵다며 지원을 호소했다.",
  "{co|은} 생산 공정 자동화 비율을 {pd}까지 80% 수준으로 끌어올리겠다는 목표도 세웠다.",
  "증권가에서는 {co}의 목표주가를 잇따라 올려 잡고 있다.",
  "국회에서도 {t} 관련 지원 법안이 발의돼 상임위원회 심사를 앞두고 있다.",
  "해외 고객사 확보 여부가 이번 투자의 성패를 가를 것이라는 관측이 많다.",
  "{co|은} 지난해에도 {t} 분야에서 {m} 규모의 계약을 따낸 바 있다.",
  "일부 투자자들은 배당 축소 가능성을 우려하며 회사의 설명을 요구했다.",
  "{src|은} “기술 표준을 누가 먼저 선점하느냐가 앞으로 5년을 좌우할 것”이라고 강조했다.",
  "정부는 다음 달 관계부처 합동으로 {t} 경쟁력 강화 방안을 발표할 계획이다.",
  "{co|은} 인공지능을 활용한 품질 관리 시스템도 새 공장에 도입하기로 했다.",
  "물류비와 인건비가 오르면서 업계 전반의 원가 부담은 계속 커지는 추세다.",
  "{co}의 올해 연구개발비는 {m}으로 사상 최대 규모다.",
];

const CAPTIONS = [
  "{co} {p} 사업장 전경.",
  "{p}에서 열린 {t} 설명회에서 {co} 관계자가 발표하고 있다.",
  "{co}의 {t} 생산라인에서 직원들이 제품을 점검하고 있다.",
];

const NICKNAMES = [
  "경제읽는사람",
  "개미투자자",
  "sunny77",
  "현장의목소리",
  "바람부는날",
  "정직한시민",
  "duk2024",
  "월급쟁이",
  "부산갈매기",
  "초보주주",
  "시장관찰자",
  "산책하는곰",
  "moonlight",
  "한강뷰",
  "뉴스중독",
];

const COMMENT_LINES = [
  "좋은 기사 잘 읽었습니다.",
  "결국 소비자 부담만 늘어나는 것 아닌가요?",
  "투자 규모에 비해 구체적인 계획이 잘 안 보이네요.",
  "현장 분위기를 잘 전해 주셔서 이해가 쉬웠습니다.",
  "협력사에도 혜택이 골고루 돌아가길 바랍니다.",
  "몇 년 전에도 비슷한 발표가 있었는데 그건 어떻게 됐는지 궁금합니다.",
  "일자리가 늘어난다니 반가운 소식이네요.",
  "주주 입장에서는 배당부터 챙겨 줬으면 좋겠습니다.",
  "정부 지원이 정말 필요한 곳에 쓰였으면 합니다.",
  "후속 기사도 부탁드립니다.",
  "해외 경쟁사 상황도 같이 다뤄 주시면 좋겠어요.",
  "숫자로 정리해 주셔서 한눈에 들어옵니다.",
];

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)(?:\|(\S+?))?\}/g, (_whole, name: string, particle?: string) => {
    const word = slots[name];
    if (word === undefined) throw new Error(`unknown slot ${name}`);
    if (!particle) return word;
    const pair = PARTICLES[particle];
    if (!pair) throw new Error(`unknown particle ${particle}`);
    return word + (hasBatchim(word) ? pair[0] : pair[1]);
  });
}

function money(dice: Dice): string {
  const jo = dice.int(0, 4);
  const eok = dice.int(1, 9) * 1000 + (dice.chance(0.5) ? 500 : 0);
  return jo > 0 ? `${jo}조${eok}억원` : `${eok}억원`;
}

function percent(dice: Dice): string {
  return `${dice.int(2, 48)}.${dice.int(0, 9)}%`;
}

/** What a story is about stays fixed; figures and the people quoted change from sentence to sentence. */
function storySlots(dice: Dice, desk: Desk, company: string, topic: string): Record<string, string> {
  return {
    co: company,
    co2: dice.pick(desk.companies.filter((c) => c !== company)),
    t: topic,
    p: dice.pick(desk.places),
    pd: dice.pick(PERIODS),
    d: dice.pick(DAYS),
  };
}

function sentence(dice: Dice, template: string, story: Record<string, string>): string {
  // Reuse one object: copying the story for each of ~450,000 sentences costs seconds.
  story.m = money(dice);
  story.pc = percent(dice);
  story.src = dice.pick(SOURCES);
  return fill(template, story);
}

/**
 * 6 to 10 paragraphs, at least about 2,000 characters of text in all. The lead repeats the headline's
 * figures; the other sentences are dealt from a shuffled deck, so none comes back before all have.
 */
function body(dice: Dice, story: Record<string, string>, headline: Record<string, string>): string {
  const paragraphs = dice.int(6, 10);
  const target = dice.int(2_100, 3_000);
  const perParagraph = Math.ceil(target / paragraphs);
  let deck: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const sentences = i === 0 ? [fill(LEAD, headline)] : [];
    let length = sentences.join(" ").length;
    while (length < perParagraph) {
      if (deck.length === 0) deck = dice.sample(SENTENCES, SENTENCES.length);
      const s = sentence(dice, deck.pop()!, story);
      sentences.push(s);
      length += s.length + 1;
    }
    out.push(`<p>${sentences.join(" ")}</p>`);
  }
  return out.join("\n");
}

/** A heavy-tailed view count: most stories get a few hundred views, a few get tens of thousands. */
function views(dice: Dice, ageDays: number): number {
  const base = 200 / (1 - dice.next()) ** 0.8;
  const freshness = ageDays < 2 ? 0.5 : 1; // the newest have not had time to collect theirs
  return Math.min(1_000_000, Math.floor(base * freshness));
}

/** A publication time `daysAgo` days before now, in daytime hours of Korea (06:00–23:59 KST). */
function publicationTime(dice: Dice, now: number, daysAgo: number): number {
  const kstMidnight = Math.floor((now + KST_OFFSET_MS) / DAY_MS) * DAY_MS - KST_OFFSET_MS;
  const t = kstMidnight - daysAgo * DAY_MS + dice.int(6 * 3600, 24 * 3600 - 1) * 1000;
  return t <= now ? t : t - DAY_MS;
}

export interface GenerateOptions {
  /** the moment the data is generated for; times are whole seconds before (or, if scheduled, after) it */
  now: number;
  articles: number;
  seed?: number;
}

/**
 * The newsroom: every article filed by a desk (a subsection, or 국제, which has none), 98% published
 * over the last 120 days, the rest drafts
 * and scheduled stories (so the public queries have something to filter out); about 10% with the lead
 * photo; comments on about 20%.
 */
export function generateNewsroom(options: GenerateOptions): BenchNewsroom {
  const dice = new Dice(prng(options.seed ?? 20_261_130));
  const now = Math.floor(options.now / 1000) * 1000;
  const positions = new Map<string, number>();
  const sections = SECTIONS.map(([slug, name]) => {
    const parent = slug.includes("/") ? slug.split("/")[0]! : "";
    const position = (positions.get(parent) ?? 0) + 1;
    positions.set(parent, position);
    return { slug, name, position };
  });
  const staff = STAFF.map(([key, name, mailbox, desk]) => ({
    key,
    name,
    email: `${mailbox}@bench.example.kr`,
    desk,
  }));

  const articles: BenchArticle[] = [];
  const comments: BenchComment[] = [];
  for (let i = 0; i < options.articles; i++) {
    const deskIndex = dice.int(0, DESKS.length - 1);
    const desk = DESKS[deskIndex]!;
    const company = dice.pick(desk.companies);
    const topic = dice.pick(desk.topics);
    const story = storySlots(dice, desk, company, topic);
    const headline = { ...story, m: money(dice), pc: percent(dice) };
    const beat = BEATS[deskIndex]!;
    const authors = [STAFF[dice.pick(beat)]![0]];
    if (dice.chance(0.15)) {
      const second = STAFF[dice.int(0, STAFF.length - 1)]![0];
      if (second !== authors[0]) authors.push(second);
    }

    const roll = dice.next();
    const status: BenchStatus = roll < 0.015 ? "draft" : roll < 0.02 ? "scheduled" : "published";
    const daysAgo = dice.int(0, SPREAD_DAYS - 1);
    let publishedAt: number | null = null;
    let updatedAt: number | null = null;
    if (status === "published") {
      publishedAt = publicationTime(dice, now, daysAgo);
      if (dice.chance(0.15)) {
        const edited = publishedAt + dice.int(10, 300) * 60_000;
        if (edited <= now) updatedAt = edited;
      }
    } else if (status === "scheduled") {
      publishedAt = now + dice.int(3600, 3 * 24 * 3600) * 1000;
    }
    const createdAt = (publishedAt ?? now) - dice.int(600, 6 * 3600) * 1000;
    const num = FIRST_NUM + i;

    articles.push({
      num,
      title: fill(dice.pick(TITLES), headline),
      subtitle: dice.chance(0.5) ? fill(dice.pick(SUBTITLES), headline) : null,
      section: desk.section,
      authors,
      status,
      publishedAt,
      updatedAt,
      createdAt,
      bodyHtml: body(dice, story, headline),
      tags: [...new Set([company, topic, ...(dice.chance(0.4) ? [story.p!] : [])])],
      views: status === "published" ? views(dice, daysAgo) : 0,
      lead: dice.chance(0.1)
        ? {
            alt: `${company} ${topic} 관련 사진`,
            caption: fill(dice.pick(CAPTIONS), story),
            credit: `${company} 제공`,
          }
        : null,
    });

    if (status === "published" && publishedAt !== null && dice.chance(0.2)) {
      // Few comments on most stories, dozens on a few, as on real sites.
      const count = Math.min(60, Math.floor(1 / (1 - dice.next()) ** 1.2));
      for (let c = 0; c < count; c++) {
        const lines = dice.sample(COMMENT_LINES, dice.int(1, 2));
        const window = Math.max(60, Math.min(3 * 24 * 3600, (now - publishedAt) / 1000));
        const createdAt = publishedAt + dice.int(30, window) * 1000;
        comments.push({ articleNum: num, nickname: dice.pick(NICKNAMES), body: lines.join(" "), createdAt });
      }
    }
  }
  return {
    site: { name: "직지벤치경제", dateline: "직지벤치경제" },
    sections,
    staff,
    articles,
    comments,
  };
}
