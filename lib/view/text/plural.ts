/**
 * Counts in labels, plural-correct ("1 event", "2 events", "1,204 rows"): one helper, so no page
 * says "1 events" or "Export 1 rows". English only; the irregular plural is passed when needed.
 */

/** The noun for a count: `one` for exactly 1, else `many` (default `one` + "s"). */
export function pluralNoun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** The count with its noun, digits grouped as the rest of the UI shows them: `1 event`, `1,204 events`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${pluralNoun(n, one, many)}`;
}
