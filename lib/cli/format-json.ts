/**
 * The Elasticsearch `_query` response body (`took`, `is_partial`, `columns`, `values`) as JSON:
 * one row per line so large results stay readable and greppable. Warnings are not part of the
 * body (Elasticsearch sends them as headers); the CLI prints them on stderr.
 */
import 'server-only';
import type { EsqlScalar, EsqlValue, QueryResponse } from '../model/esql';
import { javaDoubleText } from '../view/text/java-double';
import { escapeJsonText } from './escape';

function compact(value: unknown): string {
  return escapeJsonText(JSON.stringify(value));
}

type NumberKind = 'double' | 'unsigned_long' | undefined;

function rows(response: Pick<QueryResponse, 'columns' | 'values'>): string {
  const kinds = response.columns.map((c): NumberKind => (c.type === 'double' || c.type === 'unsigned_long' ? c.type : undefined));
  if (response.values.length === 0) return '[]';
  return `[\n${response.values.map((r) => `    ${row(r, kinds)}`).join(',\n')}\n  ]`;
}

function list(items: unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `    ${compact(item)}`).join(',\n')}\n  ]`;
}

/**
 * A double column's numbers as Elasticsearch writes them (`1.0`, `-0.0`, `1.0E7`); an unsigned_long's
 * decimal text (past 2^53, lib/engine/format.ts) as the bare integer; the rest as JSON.
 */
function row(values: readonly EsqlValue[], kinds: readonly NumberKind[]): string {
  const cell = (v: EsqlValue, i: number): string => {
    const kind = kinds[i];
    if (!kind) return compact(v);
    const one = (x: EsqlScalar): string =>
      kind === 'double' ? (typeof x === 'number' ? javaDoubleText(x) : compact(x)) : typeof x === 'string' && /^\d+$/.test(x) ? x : compact(x);
    return Array.isArray(v) ? `[${v.map(one).join(',')}]` : one(v);
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
