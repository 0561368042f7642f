import { performance } from "node:perf_hooks";
import { COMMON_WORD_NAMES } from "../src/people/common-words.data.ts";
import {
  buildNameDirectory,
  type DirectoryPerson,
  linkMentions,
  withCorpusGuard,
} from "../src/people/name-matcher.ts";
import { EVAL_PEOPLE, scoreSplit } from "../test/fixtures/people-eval.ts";

/**
 * `npx tsx bench/names.ts`: linking one 3,000-character article against a directory of 50,000
 * generated people (target: under 5 ms per article, automaton build excluded and reported apart), the
 * corpus check run when the directory is built (300 stories, as `CORPUS_SAMPLE`), and precision and
 * recall on the labelled set (test/fixtures/people-eval.ts), dev and held-out.
 */
const PEOPLE = 50_000;
const CORPUS = 300;
const SURNAMES =
  "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용";
const GIVEN = "민서준도윤하지예은수현우진영호성재훈태경희정연주아혜원석철";
const KOREAN_WORDS = COMMON_WORD_NAMES.filter((w) => /^[\uAC00-\uD7A3]{2}$/.test(w));

// A fixed LCG so every run measures the same directory and article.
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pick = (s: string) => s[rand(s.length)] as string;

const people: DirectoryPerson[] = [];
for (let i = 0; i < PEOPLE; i++) {
  // One in a hundred goes by a name that is also a word (가수 하늘, 소설가 한강 …): they need evidence.
  const name =
    i % 100 === 0
      ? (KOREAN_WORDS[(i / 100) % KOREAN_WORDS.length] as string)
      : pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
  people.push({
    id: i + 1,
    key: `p${i}`,
    name,
    aliases: i % 5 === 0 && name.length === 3 ? [`${name.slice(1)} 씨`] : [],
    organization: `회사${i % 900}`,
    role: i % 100 === 0 ? "가수" : "대표",
    contextWords: [`업종${i % 50}`],
  });
}

function makeArticle(): string {
  const sentences: string[] = [];
  while (sentences.join(" ").length < 3000) {
    const p = people[rand(PEOPLE)] as DirectoryPerson;
    const word = KOREAN_WORDS[sentences.length % KOREAN_WORDS.length] as string;
    // Every fourth sentence uses such a word as a word.
    sentences.push(
      sentences.length % 4 === 3
        ? `${word} 관련 지표가 업종${rand(50)}에서 ${rand(40)}% 이상 움직였다.`
        : `${p.name} ${p.organization} ${p.role}는 이날 기자간담회에서 업종${rand(50)} 전망을 밝혔다.`,
    );
  }
  return sentences.join(" ").slice(0, 3000);
}
const article = makeArticle();
const corpus = Array.from({ length: CORPUS }, makeArticle);

const t0 = performance.now();
const built = buildNameDirectory(people);
const buildMs = performance.now() - t0;
const t1 = performance.now();
const dir = withCorpusGuard(built, corpus);
const corpusMs = performance.now() - t1;

for (let i = 0; i < 50; i++) linkMentions(dir, article);
const runs = 500;
const times: number[] = [];
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const cpuTimes: number[] = [];
let links = 0;
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  const c = process.cpuUsage();
  links = linkMentions(dir, article).links.length;
  const used = process.cpuUsage(c);
  times.push(performance.now() - s);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const at = (list: number[], p: number) =>
  (list[Math.min(list.length - 1, Math.floor(p * list.length))] as number).toFixed(3);
const q = (p: number) => at(times, p);
const guarded = [...dir.guards.values()].flat();
console.log(`people: ${PEOPLE}, spellings: ${dir.patterns.length}, automaton nodes: ${dir.nodes.length}`);
console.log(
  `build: ${buildMs.toFixed(1)} ms; corpus check over ${CORPUS} stories: ${corpusMs.toFixed(1)} ms`,
);
console.log(
  `need evidence: ${dir.guards.size} people (${guarded.filter((g) => g.kind === "dictionary").length} by the word list, ${guarded.filter((g) => g.kind === "corpus").length} by the corpus)`,
);
console.log(`article: ${article.length} chars, links: ${links}`);
console.log(`link per article: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms (target < 5 ms)`);
console.log(
  `link per article, CPU time: median ${at(cpuTimes, 0.5)} ms, p95 ${at(cpuTimes, 0.95)} ms, mean ${(cpuTimes.reduce((a, b) => a + b, 0) / runs).toFixed(3)} ms`,
);

const evalDir = buildNameDirectory(EVAL_PEOPLE);
for (const split of ["dev", "heldout"] as const) {
  const s = scoreSplit(evalDir, split);
  console.log(
    `labelled set, ${split}: ${s.stories} stories, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
  );
  for (const e of s.errors) console.log(`  ${e}`);
}
