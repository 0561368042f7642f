/** `<input type="datetime-local">` values are KST wall times in the newsroom: `2026-03-20T09:30`. */
export function parseKstLocal(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h - 9, mi, s);
  const check = new Date(ms + 9 * 3600_000);
  // Date.UTC rolls 2026-02-30 over to March; refuse it instead.
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? ms : null;
}

/** The datetime-local value for an instant, in KST, to the minute. */
export function toKstLocal(epochMs: number): string {
  return new Date(epochMs + 9 * 3600_000).toISOString().slice(0, 16);
}
