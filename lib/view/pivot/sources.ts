/** The FROM index patterns of a query's text, for a pivot to read the same data the hunt read. */
import { parse } from '../../esql';

export function fromSources(text: string): string[] {
  const parsed = parse(text);
  if (!parsed.ok) return [];
  const first = parsed.query.commands[0];
  return first?.kind === 'from' ? first.sources.map((s) => s.name) : [];
}
