import { performance } from "node:perf_hooks";
import { buildNameDirectory, type DirectoryPerson, linkMentions } from "../src/people/name-matcher.ts";

/**
 * `npx tsx bench/names.ts`: linking one 3,000-character article against a directory of 50,000
 * generated people (target: under 5 ms per article, automaton build excluded and reported apart).
 */
const PEOPLE = 50_000;
const SURNAMES =
  "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용";
const GIVEN = "민서준도윤하지예은수현우진영호성재훈태경희정연주아혜원석철";

// A fixed LCG so every run measures the same directory and article.
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pick = (s: string) => s[rand(s.length)] as string;

const people: DirectoryPerson[] = [];
for (let i = 0; i < PEOPLE; i++) {
  const name = pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
  people.push({
    id: i + 1,
    key: `p${i}`,
    name,
    aliases: i % 5 === 0 ? [`${name.slice(1)} 씨`] : [],
    organization: `회사${i % 900}`,
    role: "대표",
    contextWords: [`업종${i % 50}`],
  });
}

const sentences: string[] = [];
while (sentences.join(" ").length < 3000) {
  const p = people[rand(PEOPLE)] as DirectoryPerson;
  sentences.push(
    `${p.name} ${p.organization} ${p.role}는 이날 기자간담회에서 업종${rand(50)} 전망을 밝혔다.`,
  );
}
const article = sentences.join(" ").slice(0, 3000);

const t0 = performance.now();
const dir = buildNameDirectory(people);
const buildMs = performance.now() - t0;

for (let i = 0; i < 50; i++) linkMentions(dir, article);
const runs = 500;
const times: number[] = [];
let links = 0;
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  links = linkMentions(dir, article).links.length;
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const q = (p: number) =>
  (times[Math.min(times.length - 1, Math.floor(p * times.length))] as number).toFixed(3);
console.log(`people: ${PEOPLE}, spellings: ${dir.patterns.length}, automaton nodes: ${dir.nodes.length}`);
console.log(`build: ${buildMs.toFixed(1)} ms`);
console.log(`article: ${article.length} chars, links: ${links}`);
console.log(`link per article: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms (target < 5 ms)`);
