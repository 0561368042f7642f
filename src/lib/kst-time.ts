/**
 * Times are stored as UTC epoch milliseconds and shown in Korea Standard Time. Korea has had no
 * daylight saving since 1988, so KST is a fixed UTC+9 and needs no time-zone database.
 */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function kstParts(epochMs: number) {
  const d = new Date(epochMs + KST_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    dow: d.getUTCDay(),
  };
}

/** `2026-03-12 14:05:30`, the newsroom's byline format. */
export function formatKst(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** `2026-03-12` */
export function formatKstDate(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** `2026-03-12 14:05` for lists, where seconds are noise. */
export function formatKstMinute(epochMs: number): string {
  return formatKst(epochMs).slice(0, 16);
}

/**
 * ISO 8601 with the +09:00 offset: `2026-03-12T14:05:30+09:00` (JSON-LD, bundle export). Milliseconds
 * are written only when there are some, so a bundle round trip keeps every time exactly.
 */
export function toKstIso(epochMs: number): string {
  const millis = ((epochMs % 1000) + 1000) % 1000;
  const fraction = millis ? `.${pad(millis, 3)}` : "";
  return `${formatKst(epochMs).replace(" ", "T")}${fraction}+09:00`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 822 date in +0900 for RSS: `Thu, 12 Mar 2026 14:05:30 +0900`. */
export function toRfc822Kst(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${WEEKDAYS[p.dow]}, ${pad(p.d)} ${MONTHS[p.mo - 1]} ${p.y} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)} +0900`;
}

/** Parses an ISO 8601 date-time that carries an offset (or Z); null when it is not one. */
export function parseIsoWithOffset(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const KOREAN_WEEKDAYS = ["일", "월", "화", "수", "목", "금", "토"];

/** `2026년 5월 20일(수) 09:30`, how events and notices are written in Korean. */
export function formatKstLong(epochMs: number): string {
  const p = kstParts(epochMs);
  return `${p.y}년 ${p.mo}월 ${p.d}일(${KOREAN_WEEKDAYS[p.dow]}) ${pad(p.h)}:${pad(p.mi)}`;
}
