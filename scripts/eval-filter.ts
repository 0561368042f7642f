/**
 * `npm run eval-filter`: the comment filter measured on the fixed test splits (datasets.ts), which
 * neither training nor the threshold ever saw. Per set: abusive lines held and innocent lines held by
 * the combined verdict (word list + spam rules + the shipped model), by the word list and spam rules
 * alone beside them, and what each reason held; then the time per comment and the throughput on
 * 160-character lines. Figures move with machine load: check the load average printed at the end.
 */
import { loadavg } from "node:os";
import { scoreViews, shippedModel } from "../src/comments/filter/abuse-model.ts";
import { loadSplits, SET_NAMES } from "../src/comments/filter/datasets.ts";
import { type SplitScore, scoreSplit } from "../src/comments/filter/evaluate.ts";
import { judgeComment } from "../src/comments/filter/judge.ts";
import { buildViews } from "../src/comments/filter/normalize.ts";

const pct = (n: number, d: number) => `${d === 0 ? "–" : ((100 * n) / d).toFixed(1)} %`;
const frac = (n: number, d: number) => `${pct(n, d)} (${n} / ${d})`;

const loadStart = performance.now();
const model = shippedModel();
const loadMs = performance.now() - loadStart;
const splits = loadSplits();

console.log(
  `# Comment filter on the test splits (model ${model.hash.slice(0, 12)}, threshold ${model.threshold.toFixed(4)})`,
);
console.log(`model loaded in ${loadMs.toFixed(0)} ms; trained on ${JSON.stringify(model.info.examples)}\n`);
console.log(
  "| set (test split) | abusive held | innocent held | word list only: abusive held | word list only: innocent held |",
);
console.log("|---|---|---|---|---|");
const scores: Record<string, { combined: SplitScore; words: SplitScore }> = {};
for (const name of SET_NAMES) {
  const test = splits[name].test;
  const combined = scoreSplit(test, model);
  const words = scoreSplit(test, null);
  scores[name] = { combined, words };
  console.log(
    `| ${name} | ${frac(combined.abusiveHeld, combined.abusive)} | ${frac(combined.innocentHeld, combined.innocent)} | ${frac(words.abusiveHeld, words.abusive)} | ${frac(words.innocentHeld, words.innocent)} |`,
  );
}

console.log(
  "\n| set (test split) | reason | abusive held | innocent held | word list only: abusive | word list only: innocent |",
);
console.log("|---|---|---|---|---|---|");
for (const name of SET_NAMES) {
  const { combined, words } = scores[name]!;
  const reasons = [...new Set([...Object.keys(combined.byReason), ...Object.keys(words.byReason)])].sort();
  for (const r of reasons) {
    const c = combined.byReason[r] ?? { abusive: 0, innocent: 0 };
    const w = words.byReason[r] ?? { abusive: 0, innocent: 0 };
    console.log(
      `| ${name} | ${r} | ${frac(c.abusive, combined.abusive)} | ${frac(c.innocent, combined.innocent)} | ${frac(w.abusive, words.abusive)} | ${frac(w.innocent, words.innocent)} |`,
    );
  }
}

// Speed: the model's score alone, per comment (median), and the whole verdict on 160-character lines.
const texts = SET_NAMES.flatMap((n) => splits[n].test.map((l) => l.text));
const lines160: string[] = [];
for (let i = 0; lines160.length < 2_000; i++) {
  let s = "";
  for (let j = i; [...s].length < 160; j++) s += `${texts[j % texts.length]} `;
  lines160.push([...s].slice(0, 160).join(""));
}
const views = lines160.map((l) => buildViews(l));
for (let i = 0; i < 5_000; i++) scoreViews(model, views[i % views.length]!);
const times: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const t0 = performance.now();
  scoreViews(model, views[i % views.length]!);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = (a: number[]) => a[Math.floor(a.length / 2)]!;
console.log(
  `\nmodel score of a 160-character comment: median ${(median(times) * 1000).toFixed(1)} µs, p99 ${(times[Math.floor(times.length * 0.99)]! * 1000).toFixed(1)} µs`,
);

/** Wall-clock rate, and the CPU time per comment (less moved by other work on a shared machine). */
function throughput(name: string, fn: (s: string) => unknown, n = 50_000): void {
  for (let i = 0; i < 5_000; i++) fn(lines160[i % lines160.length]!);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn(lines160[i % lines160.length]!);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMicros = (cpu.user + cpu.system) / n;
  console.log(
    `${name}: ${Math.round(n / seconds).toLocaleString("en-US")} comments/s on 160-character lines ` +
      `(${((seconds / n) * 1e6).toFixed(1)} µs each; ${cpuMicros.toFixed(1)} µs CPU each = ` +
      `${Math.round(1e6 / cpuMicros).toLocaleString("en-US")} a CPU-second)`,
  );
}
throughput("whole verdict, word list + model", (s) => judgeComment(s, model));
throughput("whole verdict, word list only", (s) => judgeComment(s));
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
