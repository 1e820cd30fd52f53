/**
 * The index patterns of a query's FROM, read with lib/esql's lexer so that a half-typed query
 * (which does not parse yet) still names the sources whose fields the editor needs.
 */
import { tokenize } from '../../esql';

/** `FROM a, b-* METADATA _id | …` → `['a', 'b-*']`; none when the query does not start with FROM. */
export function fromPatterns(text: string): string[] {
  const tokens = tokenize(text);
  const first = tokens[0];
  if (!first || first.type !== 'word' || first.text.toLowerCase() !== 'from') return [];
  const patterns: string[] = [];
  for (const t of tokens.slice(1)) {
    if (t.type === 'punct' && t.text === ',') continue;
    if (t.type === 'source' && t.text.toLowerCase() === 'metadata') break;
    if (t.type === 'source' || t.type === 'string') patterns.push(t.value ?? t.text);
    else break;
  }
  return [...new Set(patterns.filter((p) => p !== ''))];
}

/** One key per set of patterns, order kept (the backend resolves them in order). */
export function patternsKey(patterns: readonly string[]): string {
  return patterns.join(',');
}
