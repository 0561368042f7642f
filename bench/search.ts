/**
 * Search benchmark: generates a newsroom of 100,000 articles of 2,000+ characters of Korean business
 * news (word lists below; every name is made up), indexes it with the app's own `reindex`, and times
 * `searchArticles` (the search page's work without the HTML: people and bylines, match and count,
 * the page's articles, snippets) per kind of query, on SQLite and then PostgreSQL.
 *
 *   npx tsx bench/search.ts [--articles 100000] [--queries 200] [--sqlite-only | --postgres-only] [--fresh]
 *
 * The generated databases are kept between runs (a SQLite file under the system's temp folder, a
 * PostgreSQL database named jikji_bench_search_…), keyed by CORPUS_VERSION and the article count;
 * --fresh builds them again. PostgreSQL is TEST_PG_ADMIN_URL (as the tests use), skipped if absent.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { makeExcerpt } from "../src/articles/article.ts";
import { type DatabaseHandle, migrateToLatest, openDatabase } from "../src/db/client.ts";
import { rebuildSearchIndex } from "../src/search/search.repo.ts";
import { searchArticles } from "../src/search/search.service.ts";
import { choseongOf, type SearchSort } from "../src/search/search.ts";
import { listSections } from "../src/sections/section.repo.ts";
import { buildSectionTree, type SectionTree } from "../src/sections/section.ts";

/** Bump when the generator changes, so cached databases are rebuilt. */
const CORPUS_VERSION = 1;
const NOW = Date.parse("2026-03-20T12:00:00+09:00");
const DAY_MS = 24 * 3600_000;
const SPREAD_DAYS = 3 * 365;
const TARGET_P95_MS = 30;

// ------------------------------------------------------------------------------------------------
// Word lists
// ------------------------------------------------------------------------------------------------

// biome-ignore format: word lists read better in rows
const COMPANY_HEADS = [
  "한빛", "대성", "미래", "하이", "동방", "새롬", "누리", "청운", "태평", "금강", "백두", "한솔", "우성", "삼정", "신화", "가온",
  "다온", "세움", "이룸", "한결", "푸른", "해든", "별빛", "아라", "온새", "나래", "다솜", "가람", "바른", "참빛", "으뜸", "새봄",
  "늘봄", "한울", "마루", "보람", "솔빛", "하늘", "은하", "태양",
];
// biome-ignore format: word lists read better in rows
const COMPANY_TAILS = [
  "전자", "투자증권", "바이오", "중공업", "건설", "화학", "생명", "은행", "카드", "자동차", "반도체", "에너지", "제약", "물산", "통신",
  "항공", "해운", "푸드", "소프트", "로보틱스", "철강", "유통", "게임즈", "캐피탈", "자산운용",
];

/** Nouns of three syllables or more, business first; earlier ones are drawn more often. */
// biome-ignore format: word lists read better in rows
const TOPICS = [
  "반도체", "배터리", "전기차", "인공지능", "데이터센터", "스마트폰", "디스플레이", "파운드리", "고대역폭메모리", "부동산", "재건축", "가상자산",
  "기준금리", "소비자물가", "경상수지", "무역수지", "국내총생산", "영업이익", "순이익", "시가총액", "공매도", "상장지수펀드", "구조조정", "공급망",
  "탄소중립", "수소경제", "태양광", "해상풍력", "원자력", "전력망", "보조금", "최저임금", "가계부채", "주택담보대출", "전세사기", "분양가",
  "종합부동산세", "법인세", "상속세", "관세협상", "자유무역협정", "수출규제", "희토류", "핵심광물", "이차전지", "양극재", "음극재", "전해질",
  "분리막", "휴머노이드", "스타트업", "벤처투자", "기업공개", "인수합병", "지배구조", "주주환원", "밸류업", "배당성향", "자율주행", "클라우드",
  "사이버보안", "바이오시밀러", "위탁생산", "임상시험", "신약개발", "의료기기", "항공우주", "방위산업", "조선업", "컨테이너선", "액화천연가스",
  "석유화학", "정유사", "철강재", "건설경기", "미분양", "청약시장", "전월세", "임대차", "외환시장", "원달러환율", "국고채", "회사채", "신용등급",
  "예대마진", "인터넷은행", "간편결제", "보험료", "실손보험", "연금개혁", "퇴직연금", "고용보험", "취업자", "실업률", "청년고용", "물류센터",
  "온라인쇼핑", "편의점", "백화점", "면세점", "관광객", "항공권", "외식업", "농산물", "수산물", "먹거리",
];

/** Two-syllable nouns, the glue of most sentences. */
// biome-ignore format: word lists read better in rows
const NOUNS = [
  "금리", "수출", "수입", "환율", "물가", "경기", "투자", "실적", "매출", "이익", "주가", "증시", "채권", "예금", "대출", "부채",
  "자산", "시장", "정책", "규제", "산업", "기업", "공장", "설비", "인력", "고용", "임금", "세금", "관세", "예산", "재정", "통화",
  "유가", "원유", "철강", "조선", "해운", "항공", "물류", "유통", "식품", "소비", "생산", "재고", "가격", "수요", "공급", "협상",
  "계약", "수주", "인수", "합병", "상장", "배당", "주주", "지분", "노조", "파업", "성장", "둔화", "회복", "반등", "하락", "상승",
  "급등", "급락", "전망", "분석", "계획", "전략", "혁신", "기술", "특허", "연구", "개발", "전력", "원전", "풍력", "수소", "탄소",
  "기후", "환경", "주택", "전세", "월세", "분양", "청약", "건설", "토지", "금융", "은행", "보험", "카드", "증권", "펀드", "연금",
  "가계", "소득", "자본", "외환", "달러", "엔화", "정부", "국회", "여당", "야당", "법안", "제도", "지원", "쌀값", "유럽", "중국",
  "미국", "일본", "인도", "중동",
];

// biome-ignore format: word lists read better in rows
const PLACES = [
  "서울", "부산", "인천", "대구", "광주", "대전", "울산", "세종", "평택", "구미", "거제", "창원", "여수", "포항", "천안", "청주",
];
// biome-ignore format: word lists read better in rows
const ROLES = ["대표", "사장", "회장", "부회장", "최고경영자", "최고재무책임자", "연구소장", "본부장"];
// biome-ignore format: word lists read better in rows
const SURNAMES = [
  "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류",
  "홍",
];
// biome-ignore format: word lists read better in rows
const GIVEN = [
  "민준", "서연", "도윤", "하은", "지호", "서준", "예준", "지우", "수아", "시우", "하준", "지민", "유진", "현우", "지훈", "은서",
  "건우", "채원", "우진", "민서", "성민", "영호", "정훈", "혜진", "동현",
];
/** Foreign names have several Korean spellings; each article picks one, as papers do. */
const FOREIGN: Array<[string, string[]]> = [
  ["샘 올트먼", ["올트먼", "알트만", "샘 알트만"]],
  ["마크 리버스", ["리버스", "리버즈"]],
  ["다니엘 하트먼", ["하트먼", "하트만"]],
  ["소피아 렌츠", ["렌츠", "렌쯔"]],
  ["에릭 브래넌", ["브래넌", "브레넌"]],
  ["루카스 페레이라", ["페레이라", "페헤이라"]],
  ["올리비아 캠벨", ["캠벨", "캠밸"]],
  ["토마스 뮐러", ["뮐러", "뮬러"]],
  ["제임스 오코너", ["오코너", "오코노"]],
  ["엘레나 로시", ["로시", "롯시"]],
  ["하워드 밀스", ["밀스", "밀즈"]],
  ["레이철 그린필드", ["그린필드", "그린휠드"]],
];

const UP = ["늘었다", "증가했다", "상승했다", "확대됐다", "개선됐다", "반등했다"];
const DOWN = ["줄었다", "감소했다", "하락했다", "축소됐다", "악화됐다", "둔화됐다"];
// biome-ignore format: word lists read better in rows
const TITLE_ENDS = [
  "확대", "추진", "본격화", "전망", "비상", "가속", "주목", "우려", "반등", "회복세", "강화", "박차",
];

// ------------------------------------------------------------------------------------------------
// Generator
// ------------------------------------------------------------------------------------------------

/** mulberry32: deterministic, so every run and both databases hold the same newsroom. */
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
  /** Zipf-like: the i-th item about 1/(i+1) as often as the first, as words are in real text. */
  zipf<T>(items: readonly T[]): T {
    const i = Math.floor(items.length ** this.next()) - 1;
    return items[Math.min(items.length - 1, Math.max(0, i))]!;
  }
}

function hasBatchim(word: string): boolean {
  const code = word.charCodeAt(word.length - 1);
  return code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 !== 0;
}
const eun = (w: string) => w + (hasBatchim(w) ? "은" : "는");
const i_ = (w: string) => w + (hasBatchim(w) ? "이" : "가");
const eul = (w: string) => w + (hasBatchim(w) ? "을" : "를");
const gwa = (w: string) => w + (hasBatchim(w) ? "과" : "와");

const COMPANIES = COMPANY_HEADS.flatMap((h) => COMPANY_TAILS.map((t) => h + t));
const KOREAN_PEOPLE = SURNAMES.flatMap((s) => GIVEN.slice(0, 8).map((g) => s + g)); // 160
const STAFF_NAMES = SURNAMES.flatMap((s, i) => [
  s + GIVEN[(i * 3) % GIVEN.length]!,
  s + GIVEN[(i * 7 + 5) % GIVEN.length]!,
]);

const SECTIONS: Array<[string, string]> = [
  ["industry", "산업"],
  ["industry/tech", "전자·IT"],
  ["industry/heavy", "조선·중공업"],
  ["industry/mobility", "자동차·배터리"],
  ["finance", "금융"],
  ["finance/banking", "은행"],
  ["finance/markets", "증권"],
  ["economy", "경제"],
  ["economy/policy", "정책"],
  ["economy/trade", "통상"],
  ["realestate", "부동산"],
  ["living", "생활경제"],
];

interface GeneratedArticle {
  num: number;
  title: string;
  subtitle: string | null;
  sectionIndex: number;
  staffIndex: number;
  status: "published" | "draft" | "scheduled" | "unpublished";
  publishedAt: number | null;
  bodyHtml: string;
  excerpt: string;
}

function sentence(d: Dice, company: string, person: string): string {
  const topic = d.zipf(TOPICS);
  const n1 = d.zipf(NOUNS);
  const n2 = d.zipf(NOUNS);
  switch (d.int(0, 9)) {
    case 0:
      return `${eun(company)} ${eul(topic)} 위해 올해 ${d.int(1, 90) * 100}억원 규모의 ${eul(n1)} 단행한다고 밝혔다.`;
    case 1:
      return `${topic} ${i_(n1)} 지난달보다 ${d.int(1, 30)}.${d.int(0, 9)}% ${d.pick(d.next() < 0.5 ? UP : DOWN)}.`;
    case 2:
      return `${person} ${company} ${eun(d.pick(ROLES))} "${eun(topic)} ${n1} 경쟁력의 핵심"이라며 "${eul(n2)} 더 늘리겠다"고 말했다.`;
    case 3:
      return `업계에서는 ${gwa(n1)} ${n2}의 흐름이 ${d.int(1, 4)}분기 ${topic} ${n1}에 영향을 줄 것으로 보고 있다.`;
    case 4:
      return `${d.pick(PLACES)}에 들어서는 ${company}의 ${topic} 공장은 ${d.int(2026, 2030)}년 가동을 목표로 한다.`;
    case 5:
      return `${d.pick(COMPANIES)} 연구원은 "${n1} ${i_(n2)} 이어지면 ${topic} 시장이 다시 살아날 것"이라고 전망했다.`;
    case 6:
      return `정부는 ${topic} ${n1} 지원을 위해 ${n2} 관련 법안을 ${d.pick(["이달", "다음 달", "연내", "상반기"])} 국회에 제출할 계획이다.`;
    case 7:
      return `${eun(company)} ${d.pick(COMPANIES)}${d.pick(["와", "과 함께", "에 맞서"])} ${topic} ${n1} 시장에서 점유율 ${d.int(5, 60)}%를 차지하고 있다.`;
    case 8:
      return `${n1} 부담이 커지면서 ${topic} 관련 ${eun(n2)} 당분간 ${d.pick(["조정", "관망", "약세", "강세"])} 흐름을 보일 가능성이 크다.`;
    default:
      return `${d.pick(PLACES)} 지역 ${n1} ${i_(n2)} ${d.int(2, 9)}개월 연속 ${d.pick(d.next() < 0.5 ? UP : DOWN)}.`;
  }
}

function generateArticle(i: number): GeneratedArticle {
  const d = new Dice(prng(CORPUS_VERSION * 1_000_003 + i));
  const company = d.zipf(COMPANIES);
  const foreign = d.next() < 0.15 ? d.pick(FOREIGN) : null;
  const person = foreign ? d.pick([foreign[0], ...foreign[1]]) : d.zipf(KOREAN_PEOPLE);
  const topic = d.zipf(TOPICS);
  const title = `${company}, ${topic} ${d.zipf(NOUNS)} ${d.pick(TITLE_ENDS)}`;
  const subtitle = d.next() < 0.5 ? `${person} ${d.pick(ROLES)} "${topic} ${d.zipf(NOUNS)} 늘릴 것"` : null;
  const paragraphs: string[] = [];
  let chars = 0;
  const want = d.int(2000, 3200);
  while (chars < want) {
    const count = d.int(2, 4);
    const p = Array.from({ length: count }, () =>
      sentence(d, d.next() < 0.6 ? company : d.zipf(COMPANIES), person),
    );
    const text = p.join(" ");
    paragraphs.push(text);
    chars += text.length + 1;
  }
  const roll = d.next();
  const status =
    roll < 0.02 ? "draft" : roll < 0.03 ? "unpublished" : roll < 0.04 ? "scheduled" : "published";
  const publishedAt =
    status === "draft"
      ? null
      : status === "scheduled"
        ? NOW + d.int(1, 72) * 3600_000
        : NOW - Math.floor(((i + 1) / 100_000) * SPREAD_DAYS * DAY_MS) - d.int(0, 3600_000);
  const text = paragraphs.join(" ");
  return {
    num: 500_001 + i,
    title,
    subtitle,
    sectionIndex: d.int(0, SECTIONS.length - 1),
    staffIndex: d.int(0, STAFF_NAMES.length - 1),
    status,
    publishedAt,
    bodyHtml: paragraphs.map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join(""),
    excerpt: makeExcerpt(text),
  };
}

// ------------------------------------------------------------------------------------------------
// Loading
// ------------------------------------------------------------------------------------------------

function peopleRows() {
  return [
    ...KOREAN_PEOPLE.map((name, i) => ({ key: `p${i}`, name, aliases: [] as string[] })),
    ...FOREIGN.map(([name, aliases], i) => ({ key: `f${i}`, name, aliases })),
  ];
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

/** Newsroom and articles by direct inserts on one SQLite connection: seconds, not minutes. */
function fillSqlite(file: string, n: number): void {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const now = NOW;
  db.transaction(() => {
    const section = db.prepare("INSERT INTO sections (slug, name, parent_id, position) VALUES (?, ?, ?, ?)");
    const ids = new Map<string, number>();
    SECTIONS.forEach(([slug, name], i) => {
      const parent = slug.includes("/") ? ids.get(slug.split("/")[0]!)! : null;
      ids.set(slug, Number(section.run(slug, name, parent, i).lastInsertRowid));
    });
    const staff = db.prepare(
      "INSERT INTO staff (key, name, email, role, desk, active, created_at) VALUES (?, ?, ?, 'reporter', NULL, 1, ?)",
    );
    for (const [i, name] of STAFF_NAMES.entries()) staff.run(`r${i}`, name, `r${i}@bench.example.kr`, now);
    const person = db.prepare(
      "INSERT INTO people (key, name, aliases, context_words, created_at, updated_at) VALUES (?, ?, ?, '[]', ?, ?)",
    );
    for (const p of peopleRows()) person.run(p.key, p.name, JSON.stringify(p.aliases), now, now);
    const sectionIds = SECTIONS.map(([slug]) => ids.get(slug)!);
    const article =
      db.prepare(`INSERT INTO articles (id, num, title, subtitle, section_id, status, published_at,
      updated_at, created_at, body_html, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`);
    const author = db.prepare(
      "INSERT INTO article_authors (article_id, staff_id, position) VALUES (?, ?, 0)",
    );
    for (let i = 0; i < n; i++) {
      const a = generateArticle(i);
      article.run(
        i + 1,
        a.num,
        a.title,
        a.subtitle,
        sectionIds[a.sectionIndex],
        a.status,
        a.publishedAt,
        a.publishedAt ?? now,
        a.bodyHtml,
        a.excerpt,
      );
      author.run(i + 1, a.staffIndex + 1);
      if ((i + 1) % 10_000 === 0) log(`  articles ${i + 1}/${n}`);
    }
  })();
  db.close();
}

async function fillPostgres(handle: DatabaseHandle, n: number): Promise<void> {
  const db = handle.db;
  const now = NOW;
  const sectionIds: number[] = [];
  for (const [i, [slug, name]] of SECTIONS.entries()) {
    const parent = slug.includes("/")
      ? sectionIds[SECTIONS.findIndex(([s]) => s === slug.split("/")[0])]!
      : null;
    const row = await db
      .insertInto("sections")
      .values({ slug, name, parent_id: parent, position: i })
      .returning("id")
      .executeTakeFirstOrThrow();
    sectionIds.push(row.id);
  }
  const staffIds: number[] = [];
  for (const [i, name] of STAFF_NAMES.entries()) {
    const row = await db
      .insertInto("staff")
      .values({
        key: `r${i}`,
        name,
        email: `r${i}@bench.example.kr`,
        role: "reporter",
        desk: null,
        active: 1,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    staffIds.push(row.id);
  }
  await db
    .insertInto("people")
    .values(
      peopleRows().map((p) => ({
        key: p.key,
        name: p.name,
        aliases: JSON.stringify(p.aliases),
        context_words: "[]",
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const CHUNK = 250;
  for (let start = 0; start < n; start += CHUNK) {
    const batch = Array.from({ length: Math.min(CHUNK, n - start) }, (_, k) => generateArticle(start + k));
    const rows = await db
      .insertInto("articles")
      .values(
        batch.map((a) => ({
          num: a.num,
          title: a.title,
          subtitle: a.subtitle,
          section_id: sectionIds[a.sectionIndex]!,
          status: a.status,
          published_at: a.publishedAt,
          updated_at: null,
          created_at: a.publishedAt ?? now,
          body_html: a.bodyHtml,
          excerpt: a.excerpt,
        })),
      )
      .returning(["id", "num"])
      .execute();
    const byNum = new Map(rows.map((r) => [r.num, r.id]));
    await db
      .insertInto("article_authors")
      .values(
        batch.map((a) => ({ article_id: byNum.get(a.num)!, staff_id: staffIds[a.staffIndex]!, position: 0 })),
      )
      .execute();
    if ((start + CHUNK) % 10_000 === 0) log(`  articles ${start + CHUNK}/${n}`);
  }
}

async function reindex(handle: DatabaseHandle): Promise<string> {
  const started = performance.now();
  let lastTenth = -1;
  const report = await rebuildSearchIndex(handle.db, handle.dialect, (done, total) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth) log(`  reindex ${done}/${total}`);
    lastTenth = tenth;
  });
  return `reindex: ${report.indexed.toLocaleString("en-US")} of ${report.articles.toLocaleString("en-US")} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function openSqlite(
  n: number,
  fresh: boolean,
): Promise<{ handle: DatabaseHandle; built: string | null }> {
  const dir = path.join(os.tmpdir(), `jikji-bench-search-v${CORPUS_VERSION}-${n}`);
  const ready = path.join(dir, "ready");
  if (fresh) fs.rmSync(dir, { recursive: true, force: true });
  const cached = fs.existsSync(ready);
  if (!cached) fs.rmSync(dir, { recursive: true, force: true });
  const handle = openDatabase({ databaseUrl: null, dataDir: dir });
  if (cached) return { handle, built: null };
  log(`SQLite: generating ${n} articles in ${dir}`);
  await migrateToLatest(handle.db);
  const started = performance.now();
  fillSqlite(path.join(dir, "jikji.sqlite"), n);
  log(`  inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const built = await reindex(handle);
  fs.writeFileSync(ready, built);
  return { handle, built };
}

async function adminQuery(adminUrl: string, statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

async function openPostgres(
  adminUrl: string,
  n: number,
  fresh: boolean,
): Promise<{ handle: DatabaseHandle; built: string | null }> {
  const name = `jikji_bench_search_v${CORPUS_VERSION}_${n}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (fresh) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await adminQuery(adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount;
  if (exists) {
    const handle = openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
    const ready = await handle.db
      .selectFrom("site_settings")
      .select("value")
      .where("key", "=", "bench_search_ready")
      .executeTakeFirst()
      .catch(() => undefined);
    if (ready) return { handle, built: null };
    await handle.close();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  log(`PostgreSQL: generating ${n} articles in database ${name}`);
  await adminQuery(
    adminUrl,
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  const handle = openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
  await migrateToLatest(handle.db);
  const started = performance.now();
  await fillPostgres(handle, n);
  log(`  inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sql`VACUUM ANALYZE articles`.execute(handle.db);
  const built = await reindex(handle);
  await sql`VACUUM ANALYZE search_documents, search_texts, search_grams`.execute(handle.db);
  await handle.db.insertInto("site_settings").values({ key: "bench_search_ready", value: built }).execute();
  return { handle, built };
}

// ------------------------------------------------------------------------------------------------
// Queries
// ------------------------------------------------------------------------------------------------

interface QuerySet {
  kind: string;
  /** whether the 30 ms target applies */
  target: boolean;
  queries: string[];
}

/** A substring of a word, never its whole: what "inside a word" means. */
function inner(d: Dice, word: string, len: number): string {
  const chars = Array.from(word);
  if (chars.length <= len) return word;
  const start = d.int(0, chars.length - len);
  return chars.slice(start, start + len).join("");
}

function querySets(count: number): QuerySet[] {
  const d = new Dice(prng(42));
  const times = <T>(fn: () => T) => Array.from({ length: count }, fn);
  const longWords = [...TOPICS, ...COMPANIES];
  return [
    {
      kind: "3+ syllables",
      target: true,
      queries: times(() => {
        const r = d.next();
        if (r < 0.4) return d.pick(TOPICS);
        if (r < 0.6) return d.pick(COMPANIES);
        if (r < 0.85) return inner(d, d.pick(longWords), d.int(3, 4));
        return `${d.pick(TOPICS)} ${d.pick(NOUNS)}`;
      }),
    },
    {
      kind: "2 syllables",
      target: true,
      queries: times(() => (d.next() < 0.6 ? d.pick(NOUNS) : inner(d, d.pick(longWords), 2))),
    },
    {
      kind: "initial consonants",
      target: true,
      queries: times(() => {
        const r = d.next();
        const company = choseongOf(d.pick(COMPANIES));
        if (r < 0.5) return company;
        if (r < 0.75) return company.slice(0, Math.max(3, company.length - 2));
        return choseongOf(d.pick(d.next() < 0.5 ? KOREAN_PEOPLE : FOREIGN.map(([n]) => n)));
      }),
    },
    { kind: "1 syllable", target: false, queries: times(() => inner(d, d.pick(NOUNS), 1)) },
    { kind: "alias / person", target: false, queries: times(() => d.pick(d.pick(FOREIGN)[1])) },
  ];
}

function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)]!;
}

async function measure(label: string, handle: DatabaseHandle, sets: QuerySet[]): Promise<string[]> {
  const sections: SectionTree = buildSectionTree(await listSections(handle.db));
  const run = (q: string, sort: SearchSort, page = 1) =>
    searchArticles(handle, sections, { q, sort, section: null, from: null, to: null, page }, NOW);
  // Warm the caches (SQLite's page cache, PostgreSQL's buffers) with every query once.
  for (const set of sets) for (const q of set.queries) await run(q, "recent");
  const lines = [`${label}`, "  kind                sort        p50 ms   p95 ms   max ms   avg hits"];
  for (const set of sets) {
    for (const sort of ["recent", "relevance"] as const) {
      const times: number[] = [];
      let hits = 0;
      for (const q of set.queries) {
        const started = performance.now();
        const result = await run(q, sort);
        times.push(performance.now() - started);
        hits += result.total;
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      const verdict = set.target ? (p95 < TARGET_P95_MS ? "  ok" : `  OVER ${TARGET_P95_MS} ms`) : "";
      lines.push(
        `  ${set.kind.padEnd(20)}${sort.padEnd(10)}${percentile(times, 50).toFixed(1).padStart(7)}${p95.toFixed(1).padStart(9)}${times.at(-1)!.toFixed(1).padStart(9)}${Math.round(
          hits / times.length,
        )
          .toString()
          .padStart(11)}${verdict}`,
      );
      log(lines.at(-1)!);
    }
  }
  return lines;
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i === -1 ? fallback : Number(args[i + 1]);
  };
  const n = option("--articles", 100_000);
  const count = option("--queries", 200);
  const fresh = args.includes("--fresh");
  const sets = querySets(count);
  const report: string[] = [
    `search benchmark: ${n.toLocaleString("en-US")} articles, ${count} queries per kind`,
  ];

  if (!args.includes("--postgres-only")) {
    const sqlite = await openSqlite(n, fresh);
    try {
      if (sqlite.built) report.push(`SQLite ${sqlite.built}`);
      report.push(...(await measure("SQLite", sqlite.handle, sets)));
    } finally {
      await sqlite.handle.close();
    }
  }

  if (!args.includes("--sqlite-only")) {
    const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const reachable = await adminQuery(adminUrl, "SELECT 1").then(
      () => true,
      () => false,
    );
    if (!reachable) report.push(`PostgreSQL: not reachable at ${adminUrl}, skipped`);
    else {
      const postgres = await openPostgres(adminUrl, n, fresh);
      try {
        if (postgres.built) report.push(`PostgreSQL ${postgres.built}`);
        report.push(...(await measure("PostgreSQL", postgres.handle, sets)));
      } finally {
        await postgres.handle.close();
      }
    }
  }
  console.log(report.join("\n"));
}

await main();
