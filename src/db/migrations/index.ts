import type { Migration } from "kysely";
import * as createNewsroom from "./2026_11_30_0900_create_newsroom.ts";

/** Every migration, by name. Names sort in the order they run; a landed migration never changes. */
export const migrations: Record<string, Migration> = {
  "2026_11_30_0900_create_newsroom": createNewsroom,
};
