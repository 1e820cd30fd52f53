/**
 * The Elasticsearch `_query` response body (`took`, `is_partial`, `columns`, `values`) as JSON:
 * one row per line so large results stay readable and greppable. Warnings are not part of the
 * body (Elasticsearch sends them as headers); the CLI prints them on stderr.
 */
import 'server-only';
import type { EsqlValue, QueryResponse } from '../model/esql';
import { javaDoubleText } from '../view/text/java-double';
import { escapeJsonText } from './escape';

function compact(value: unknown): string {
  return escapeJsonText(JSON.stringify(value));
}

function rows(response: Pick<QueryResponse, 'columns' | 'values'>): string {
  const doubles = response.columns.map((c) => c.type === 'double');
  if (response.values.length === 0) return '[]';
  return `[\n${response.values.map((r) => `    ${row(r, doubles)}`).join(',\n')}\n  ]`;
}

function list(items: unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `    ${compact(item)}`).join(',\n')}\n  ]`;
}

/** A double column's numbers as Elasticsearch writes them (`1.0`, `-0.0`, `1.0E7`); the rest as JSON. */
function row(values: readonly EsqlValue[], doubles: readonly boolean[]): string {
  const cell = (v: EsqlValue, i: number): string => {
    if (!doubles[i]) return compact(v);
    if (typeof v === 'number') return javaDoubleText(v);
    return Array.isArray(v) ? `[${v.map((x) => (typeof x === 'number' ? javaDoubleText(x) : compact(x))).join(',')}]` : compact(v);
  };
  return `[${values.map(cell).join(',')}]`;
}

export function toJson(response: Pick<QueryResponse, 'took' | 'is_partial' | 'columns' | 'values'>): string {
  return (
    `{\n` +
    `  "took": ${compact(response.took)},\n` +
    `  "is_partial": ${compact(response.is_partial)},\n` +
    `  "columns": ${list(response.columns.map((c) => ({ name: c.name, type: c.type })))},\n` +
    `  "values": ${rows(response)}\n` +
    `}\n`
  );
}
