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

export function grokColumns(pattern: string): Extracted {
  const types = new Map<string, EsqlType>();
  for (const match of pattern.matchAll(/%\{(\w+)(?::([\w.@\-[\]]+))?(?::(\w+))?\}/g)) {
    const [, , name, type] = match;
    if (name && !types.has(name)) types.set(name, GROK_TYPES[type ?? ''] ?? 'keyword');
  }
  for (const match of pattern.matchAll(/\(\?<([A-Za-z][\w.@]*)>/g)) {
    if (!types.has(match[1])) types.set(match[1], 'keyword');
  }
  const columns = [...types.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, type]) => ({ name, type }));
  return { ok: true, columns };
}
