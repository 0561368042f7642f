/**
 * The comment abuse filter measured on its labelled set: `npx tsx bench/comment-filter.ts`.
 *
 * For each split (tuning, held-out) it prints the detection rate (abusive lines held / abusive lines),
 * the false-positive rate (innocent lines held / innocent lines) and every misclassified line; then the
 * throughput of judgeComment over 100,000 judgements, cycling through all labelled lines, and again on
 * longer comments (innocent lines joined to about 150 characters, the common worst case: nothing
 * matches, so every reading and every spam check runs). Figures move with machine load: check the load
 * average printed at the end.
 */
import { loadavg } from "node:os";
import { evaluate, type Score } from "../src/comments/filter/evaluate.ts";
import { judgeComment } from "../src/comments/filter/index.ts";
import { heldOut, tuning } from "../src/comments/filter/labelled-comments.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(name: string, score: Score): void {
  console.log(`\n## ${name}`);
  console.log(
    `detection: ${pct(score.detectionRate)} (${score.abusiveHeld}/${score.abusive} abusive held)   ` +
      `false positives: ${pct(score.falsePositiveRate)} (${score.innocentHeld}/${score.innocent} innocent held)`,
  );
  for (const m of score.missed) console.log(`  missed          ${JSON.stringify(m.line.text)}`);
  for (const f of score.falsePositives) {
    const v = f.verdict.action === "hold" ? `${f.verdict.reason}: ${f.verdict.matched}` : "";
    console.log(`  false positive  ${JSON.stringify(f.line.text)}  (${v})`);
  }
}

function throughput(name: string, lines: readonly string[], n = 100_000): void {
  for (let i = 0; i < 5_000; i++) judgeComment(lines[i % lines.length]!); // warm up
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let held = 0;
  for (let i = 0; i < n; i++) if (judgeComment(lines[i % lines.length]!).action === "hold") held++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMicros = (cpu.user + cpu.system) / n;
  const avg = lines.reduce((a, l) => a + [...l].length, 0) / lines.length;
  console.log(
    `${name}: ${Math.round(n / seconds).toLocaleString("en-US")} comments/s ` +
      `(${n.toLocaleString("en-US")} judgements in ${seconds.toFixed(2)} s, ${((seconds / n) * 1e6).toFixed(1)} µs each, ` +
      `${cpuMicros.toFixed(1)} µs CPU each, average ${avg.toFixed(0)} characters, ${held} held)`,
  );
}

console.log("# Comment filter");
console.log(`tuning: ${tuning.length} lines, held-out: ${heldOut.length} lines`);
report("tuning", evaluate(tuning));
report("held-out (never tuned on)", evaluate(heldOut));

console.log("\n## throughput");
const all = [...tuning, ...heldOut].map((l) => l.text);
throughput("labelled lines", all);
const innocent = [...tuning, ...heldOut].filter((l) => !l.hold).map((l) => l.text);
const long: string[] = [];
for (let i = 0; i < innocent.length; i++) {
  let s = "";
  for (let j = i; [...s].length < 150; j++) s += `${innocent[j % innocent.length]} `;
  long.push(s.trim());
}
throughput("long innocent comments", long);
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
