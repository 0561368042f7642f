/** A JSON array of strings as stored in a text column (aliases, context words); anything else reads as empty. */
export function parseStringList(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
