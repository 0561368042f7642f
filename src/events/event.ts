import type { EventRow } from "../db/schema.ts";

/** An event has ended once its end (or, without one, its start) has passed. */
export function hasEnded(event: Pick<EventRow, "starts_at" | "ends_at">, now: number): boolean {
  return (event.ends_at ?? event.starts_at) <= now;
}

/** A map search for the venue: works for any address without an API key. */
export function venueMapUrl(venue: string): string {
  return `https://map.naver.com/p/search/${encodeURIComponent(venue)}`;
}

/** An event as the public pages show it: what a reader may see, named for the page, not the table. */
export interface EventView {
  key: string;
  title: string;
  startsAt: number;
  endsAt: number | null;
  venue: string | null;
  /** sanitised when stored (lib/sanitize-html.ts) */
  descriptionHtml: string | null;
  capacity: number | null;
}

export function toEventView(row: EventRow): EventView {
  return {
    key: row.key,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venue: row.venue,
    descriptionHtml: row.description_html,
    capacity: row.capacity,
  };
}
