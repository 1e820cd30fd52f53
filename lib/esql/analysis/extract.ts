/**
 * The columns DISSECT and GROK add, read from their patterns. DISSECT keys are keywords in
 * pattern order; GROK captures are sorted by name (Elasticsearch's Grok.Parser.extractedFields)
 * and typed by their `:int`/`:long`/`:float`/`:double`/`:boolean` suffix (float widens to double;
 * docs/esql-semantics.md §6.7).
 * GROK patterns that expand to other named patterns (`%{COMBINEDAPACHELOG}`) add only the names
 * written in the query: the embedded grok library is not consulted here.
 */
import type { ColumnSchema } from './analyzed';
import type { EsqlType } from '../types';

export type Extracted = { ok: true; columns: ColumnSchema[] } | { ok: false; message: string };

export function dissectColumns(pattern: string): Extracted {
  const names: string[] = [];
  for (const match of pattern.matchAll(/%\{([^}]*)\}/g)) {
    const raw = match[1];
    if (raw.startsWith('*') || raw.startsWith('&')) {
      return { ok: false, message: `Reference keys not supported in dissect patterns: [${match[0]}]` };
    }
    if (raw.startsWith('?')) continue;
    const name = raw.replace(/^\+/, '').replace(/->$/, '').replace(/\/\d+$/, '');
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  return { ok: true, columns: names.map((name) => ({ name, type: 'keyword' as const })) };
}

const GROK_TYPES: Record<string, EsqlType> = {
  int: 'integer',
  integer: 'integer',
  long: 'long',
  float: 'double',
  double: 'double',
  boolean: 'boolean',
};

/**
 * The columns of `GROK x "p1", "p2", …`: the union of the patterns' names. A name captured more
 * than once collects every value (a multi-value), so all its captures must agree on the type.
 */
export function grokColumns(patterns: readonly string[]): Extracted {
  const types = new Map<string, EsqlType>();
  const define = (name: string, type: EsqlType): string | undefined => {
    const previous = types.get(name);
    if (previous !== undefined && previous !== type) {
      const which = patterns.length === 1 ? `pattern [${patterns[0]}]` : `patterns [${patterns.join(', ')}]`;
      return `Invalid GROK ${which}: the attribute [${name}] is defined multiple times with different types`;
    }
    types.set(name, type);
    return undefined;
  };
  for (const pattern of patterns) {
    for (const match of pattern.matchAll(/%\{(\w+)(?::([\w.@\-[\]]+))?(?::(\w+))?\}/g)) {
      const [, , name, type] = match;
      const problem = name ? define(name, GROK_TYPES[type ?? ''] ?? 'keyword') : undefined;
      if (problem) return { ok: false, message: problem };
    }
    for (const match of pattern.matchAll(/\(\?<([A-Za-z][\w.@]*)>/g)) {
      const problem = define(match[1], 'keyword');
      if (problem) return { ok: false, message: problem };
    }
  }
  const columns = [...types.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, type]) => ({ name, type }));
  return { ok: true, columns };
}
