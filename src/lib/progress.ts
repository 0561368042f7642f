/**
 * Progress for long CLI jobs, on standard error so standard output stays clean for data: a line
 * redrawn in place on a terminal, a line per 10% otherwise (logs, CI).
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const lastShown = new Map<string, number>();
  return (stage: string, done: number, total: number) => {
    // Small jobs finish before a bar would help; the command's summary line is enough.
    if (total < 200) return;
    const pct = Math.floor((done / total) * 100);
    if (stream.isTTY) {
      if (lastShown.get(stage) === pct && done !== total) return;
      lastShown.set(stage, pct);
      const bar = "#".repeat(Math.floor(pct / 4)).padEnd(25, ".");
      stream.write(`\r${stage} [${bar}] ${done}/${total} (${pct}%)${done === total ? "\n" : ""}`);
    } else {
      const step = Math.floor(pct / 10);
      if (lastShown.get(stage) === step && done !== total) return;
      lastShown.set(stage, step);
      stream.write(`${stage}: ${done}/${total} (${pct}%)\n`);
    }
  };
}
