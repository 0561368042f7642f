import type { EventRow } from "../db/schema.ts";

/** An event has ended once its end (or, without one, its start) has passed. */
export function hasEnded(event: Pick<EventRow, "starts_at" | "ends_at">, now: number): boolean {
  return (event.ends_at ?? event.starts_at) <= now;
}

/** A map search for the venue: works for any address without an API key. */
export function venueMapUrl(venue: string): string {
  return `https://map.naver.com/p/search/${encodeURIComponent(venue)}`;
}
